import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicMap, publicMapParams } from '../domain/map-link.js';
import { openPublicMap } from '../services/map-links.js';
import { errors } from './helpers.js';
import { rateLimited } from '../http/rate-limits.js';

/**
 * What anyone holding a link may read, without signing in. Its own plugin, so that the
 * limits that protect it (rate limiting) attach here and nowhere else.
 */
export const publicMapRoutes: FastifyPluginAsyncZod = async (app) => {
  // On every answer, found or not: a shared map must not linger in a cache after its link is
  // revoked, and the token in the address must not travel on in a Referer.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex');
  });

  app.get(
    '/public/maps/:token',
    {
      config: { public: true, ...rateLimited(app, 'publicLookup') },
      schema: {
        tags: ['public'],
        summary: 'A map shared by a link: read-only, without the workspace’s internal fields (no sign-in)',
        description: 'Unknown, expired and revoked links all answer the same 404.',
        security: [],
        params: publicMapParams,
        response: { 200: publicMap, ...errors(400, 401, 404) },
      },
    },
    async (request) => openPublicMap(app.db, request.params.token),
  );
};
