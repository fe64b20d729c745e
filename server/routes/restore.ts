import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../auth/principal.js';
import { backup, restoreQuery, restoreResult } from '../domain/backup.js';
import { restoreToNewWorkspace } from '../services/backup.js';
import { errors } from './helpers.js';

/**
 * What one restore takes as a body. A restore is one transaction and its JSON is parsed
 * whole, so this bounds the memory one request can hold; larger workspaces go through the
 * import jobs (format=backup), which stream.
 */
export const RESTORE_BODY_LIMIT = 64 * 1024 * 1024;

/** POST /workspaces/restore: a backup becomes a new workspace owned by the caller. */
export const restoreRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/workspaces/restore',
    {
      bodyLimit: RESTORE_BODY_LIMIT,
      config: { heavy: true },
      schema: {
        tags: ['workspaces'],
        summary: `Restore a backup (GET …/export?format=backup) as a new workspace that you own; all or nothing, at most ${RESTORE_BODY_LIMIT / 1024 / 1024} MB`,
        description:
          'The body is the backup document as it was downloaded. Every reference in it is checked before anything is written; ids are kept, and the history (unless history=false) is restored with fresh change ids, followed by one change that records the restore.',
        querystring: restoreQuery,
        body: backup,
        response: { 201: restoreResult, ...errors(400, 401, 409, 413, 429, 503) },
      },
    },
    async (request, reply) => {
      const me = requireUser(request);
      const result = await restoreToNewWorkspace(app.db, { id: me.id, name: me.name }, request.body, { history: request.query.history });
      return reply.code(201).send(result);
    },
  );
};
