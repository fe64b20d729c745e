import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actor } from '../domain/actor.js';
import { assessmentsAtQuery } from '../domain/assessment.js';
import { id, wsParams } from '../domain/common.js';
import { relationship } from '../domain/relationship.js';
import { assessmentsAt } from '../repos/assessments.js';
import { loadGraph } from '../repos/graph.js';
import { readErrors } from './helpers.js';
import { compressed } from '../http/compression.js';

const GRAPH_LIMIT = 20_000;

export const graphRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/graph',
    {
      compress: compressed,
      schema: {
        tags: ['graph'],
        summary: 'The whole workspace graph (up to 20,000 actors, busiest first; `truncated` when cut)',
        params: wsParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(GRAPH_LIMIT).default(GRAPH_LIMIT) }),
        response: {
          200: z.object({
            actors: z.array(actor),
            relationships: z.array(relationship),
            truncated: z.boolean(),
            totalActors: z.number().int(),
          }),
          ...readErrors,
        },
      },
    },
    async (request) => {
      const graph = await app.db.read((tx) => loadGraph(tx, request.params.ws, { limit: request.query.limit }));
      return { ...graph, truncated: graph.totalActors > graph.actors.length };
    },
  );

  app.get(
    '/assessments',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Every actor’s latest reading on or before a date (the grid’s time slider)',
        params: wsParams,
        querystring: assessmentsAtQuery,
        response: {
          200: z.object({ items: z.array(z.object({ actorId: id, power: z.number(), alignment: z.number(), at: z.string() })) }),
          ...readErrors,
        },
      },
    },
    async (request) => {
      // A bare date means the whole of that day.
      const at = /^\d{4}-\d{2}-\d{2}$/.test(request.query.at) ? `${request.query.at}T23:59:59.999Z` : request.query.at;
      return { items: await app.db.read((tx) => assessmentsAt(tx, request.params.ws, at)) };
    },
  );
};
