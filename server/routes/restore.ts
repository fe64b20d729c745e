import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { FastifySchemaCompiler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { requireUser } from '../auth/principal.js';
import { backup, restoreQuery, restoreResult, type Backup } from '../domain/backup.js';
import { bodyToFile } from '../http/body-file.js';
import { badRequest } from '../http/problem.js';
import { readBackupStream } from '../io/backup-stream.js';
import { restoreToNewWorkspace } from '../services/backup.js';
import { uploadDir } from '../services/import-jobs.js';
import { errors } from './helpers.js';

/**
 * What one restore takes as a body. The body is streamed to a file and read from there
 * record by record, but a restore is one transaction holding every record checked, so this
 * still bounds what one request holds; larger workspaces go through the import jobs
 * (format=backup).
 */
export const RESTORE_BODY_LIMIT = 64 * 1024 * 1024;

/**
 * The body schema documents the backup (OpenAPI) but Fastify does not apply it: the body is
 * checked while it is read (readBackupStream names fields as the schema would), and is the
 * checked backup by the time Fastify validates the rest.
 */
const bodyCheckedWhileRead: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === 'body' ? () => true : (validatorCompiler as FastifySchemaCompiler<unknown>)(route);

/** The request body, as it arrives, to a private file, then read from there as a stream. */
async function backupOfBody(body: unknown, history: boolean): Promise<Backup> {
  if (!(body instanceof Readable)) {
    throw badRequest('Send the backup document (Export → Backup) as the body, with Content-Type: application/json.', [
      { path: 'body', message: 'must be a backup document in JSON' },
    ]);
  }
  const file = await bodyToFile(body, uploadDir(), RESTORE_BODY_LIMIT);
  try {
    return await readBackupStream(file, { prefix: 'body', history });
  } finally {
    await rm(file, { force: true });
  }
}

/** POST /workspaces/restore: a backup becomes a new workspace owned by the caller. */
export const restoreRoutes: FastifyPluginAsyncZod = async (app) => {
  // JSON bodies reach this plugin's route unparsed: a backup of tens of megabytes is never one string.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', (_request, payload, done) => done(null, payload));

  app.post(
    '/workspaces/restore',
    {
      bodyLimit: RESTORE_BODY_LIMIT,
      config: { heavy: true },
      validatorCompiler: bodyCheckedWhileRead,
      // Before validation, so that a wrong body is named before a wrong query, as for every route.
      preValidation: async (request) => {
        requireUser(request);
        const { history } = request.query as { history?: unknown };
        request.body = await backupOfBody(request.body, history !== 'false');
      },
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
