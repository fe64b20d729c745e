import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mapLink, mapLinkCreate, mapLinkCreated, mapLinkIdParams, mapLinkParams } from '../domain/map-link.js';
import { createLink, listLinks, revokeLink } from '../services/map-links.js';
import { errors, noContent, writeErrors } from './helpers.js';

/**
 * Public read-only links to one map, managed by the people who may change it: a link
 * publishes the map, so viewers may neither make one nor see the list.
 */
export const mapLinkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/maps/:mapId/links',
    {
      schema: {
        tags: ['maps'],
        summary:
          'Make a secret read-only link to a map (and its story, if asked); the token is shown only in this answer (owners and editors)',
        params: mapLinkParams,
        body: mapLinkCreate,
        response: { 201: mapLinkCreated, ...writeErrors },
      },
    },
    async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      const created = await createLink(app.db, request.params.ws, request.params.mapId, request.body, request.user, origin);
      return reply.code(201).header('cache-control', 'no-store').send(created);
    },
  );

  app.get(
    '/maps/:mapId/links',
    {
      config: { access: 'write' },
      schema: {
        tags: ['maps'],
        summary: 'The live links to a map, newest first, without their tokens (owners and editors)',
        params: mapLinkParams,
        response: { 200: z.object({ items: z.array(mapLink) }), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => ({ items: await listLinks(app.db, request.params.ws, request.params.mapId) }),
  );

  app.delete(
    '/maps/:mapId/links/:id',
    {
      schema: {
        tags: ['maps'],
        summary: 'Revoke a link at once: it answers like one that never existed (owners and editors)',
        params: mapLinkIdParams,
        response: { 204: noContent, ...writeErrors },
      },
    },
    async (request, reply) => {
      await revokeLink(app.db, request.params.ws, request.params.mapId, request.params.id, request.user);
      return reply.code(204).send(null);
    },
  );
};
