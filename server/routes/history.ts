import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { batchRequest, batchResult } from '../domain/batch.js';
import { change, historyQuery, type Change } from '../domain/change.js';
import { id, wsParams } from '../domain/common.js';
import { applyBatch } from '../services/batch.js';
import { listChanges, loadChange } from '../services/changes.js';
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
    async (request) => ({ items: await app.db.read((tx) => listChanges(tx, request.params.ws, request.query)) }),
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
      const found = await app.db.read((tx) => loadChange(tx, request.params.ws, request.params.changeId));
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

  app.post(
    '/batch',
    {
      bodyLimit: 50 * 1024 * 1024,
      schema: {
        tags: ['history'],
        summary: 'Apply many creates, updates and deletes atomically, as one change (all or nothing)',
        params: wsParams,
        body: batchRequest,
        response: { 200: batchResult, ...writeErrors },
      },
    },
    async (request) => {
      const { operations, summary } = request.body;
      const { result, change: made } = await mutate(
        app.db,
        request.params.ws,
        author(request),
        'batch',
        summary ?? `${operations.length} edit${operations.length === 1 ? '' : 's'}`,
        (ctx) => applyBatch(ctx, operations),
      );
      return { changeId: made?.id ?? null, results: result };
    },
  );
};
