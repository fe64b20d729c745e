import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { batchRequest, batchResult } from '../domain/batch.js';
import { wsParams } from '../domain/common.js';
import { applyBatch } from '../services/batch.js';
import { mutate } from '../services/unit-of-work.js';
import { author, writeErrors } from './helpers.js';

export const batchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/batch',
    {
      bodyLimit: 50 * 1024 * 1024,
      // Parsing and applying thousands of operations holds the database for seconds.
      config: { heavy: { aboveBytes: 1024 * 1024 } },
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
