import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { wsParams } from '../domain/common.js';
import { internalFields, internalFieldsUpdate } from '../domain/internal-fields.js';
import { readSettings, replaceSettings } from '../services/internal-fields.js';
import { basedOn, readErrors, writeErrors } from './helpers.js';

/** Which fields a workspace keeps to itself: every member may see the list; owners change it. */
export const internalFieldRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/internal-fields',
    {
      schema: {
        tags: ['workspaces'],
        summary: 'The fields this workspace keeps to itself (never in a public link, a share or a partner export)',
        params: wsParams,
        response: { 200: internalFields, ...readErrors },
      },
    },
    async (request) => app.db.read((tx) => readSettings(tx, request.params.ws)),
  );

  app.put(
    '/internal-fields',
    {
      config: { access: 'owner' },
      schema: {
        tags: ['workspaces'],
        summary: 'Choose the fields, besides contactOwner and privateNotes, that this workspace keeps to itself (owners)',
        params: wsParams,
        body: internalFieldsUpdate,
        response: { 200: internalFields, ...writeErrors },
      },
    },
    async (request) => {
      const { version, ...added } = request.body;
      const based = basedOn(request, version);
      return app.db.write((tx) => replaceSettings(tx, request.params.ws, added, based));
    },
  );
};
