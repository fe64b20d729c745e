import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { wsParams } from '../domain/common.js';
import { reachAnswer, reachQuery } from '../domain/share.js';
import { coalitionReach } from '../services/coalition.js';
import { errors } from './helpers.js';

export const coalitionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/coalition/reach',
    {
      schema: {
        tags: ['shared maps'],
        summary: 'Which of our partners can reach the target: ties to it on every map shared with us or by us, by organisation',
        description:
          'The target is matched by actor id, or by an external id (wikidata, littlesis, …) that another record of it carries. Only accepted shares are read, and only what their maps show, without internal fields.',
        params: wsParams,
        querystring: reachQuery,
        response: { 200: reachAnswer, ...errors(400, 401, 404) },
      },
    },
    async (request) => coalitionReach(app.db, request.params.ws, request.query),
  );
};
