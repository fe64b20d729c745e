import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { change, historyQuery, type Change } from '../domain/change.js';
import { id, wsParams } from '../domain/common.js';
import { changesRepo } from '../repos/changes.js';
import { notFound } from '../http/problem.js';
import { revertChange } from '../services/revert.js';
import { mutate } from '../services/unit-of-work.js';
import { author, readErrors, writeErrors } from './helpers.js';

export const historyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/history',
    {
      schema: {
        tags: ['history'],
        summary: 'The workspace’s changes, newest first (`after` gives them oldest first, to catch up)',
        params: wsParams,
        querystring: historyQuery,
        response: { 200: z.object({ items: z.array(change) }), ...readErrors },
      },
    },
    async (request) => ({ items: await app.db.read((tx) => changesRepo.list(tx, request.params.ws, request.query)) }),
  );

  app.get(
    '/history/:changeId',
    {
      schema: {
        tags: ['history'],
        summary: 'One change with all of its diffs',
        params: z.object({ ws: id, changeId: id }),
        response: { 200: change, ...readErrors },
      },
    },
    async (request) => {
      const found = await app.db.read((tx) => changesRepo.load(tx, request.params.ws, request.params.changeId));
      if (!found) throw notFound('Change');
      return found;
    },
  );

  app.post(
    '/history/:changeId/revert',
    {
      schema: {
        tags: ['history'],
        summary: 'Undo one change as a new change; refused (409) when a record it touched was edited since',
        params: z.object({ ws: id, changeId: id }),
        response: { 200: change, ...writeErrors },
      },
    },
    async (request) => {
      const { change: made } = await mutate(
        app.db,
        request.params.ws,
        author(request),
        'revert',
        (reverted: Change) => `Reverted “${reverted.summary}”`,
        (ctx) => revertChange(ctx, request.params.changeId),
        request.params.changeId,
      );
      return made!;
    },
  );
};
