import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isMigrated } from '../db/migrations.js';
import { problemSchema } from '../domain/common.js';

const readySchema = z.object({ status: z.literal('ready'), database: z.string() });

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'The process is alive (says nothing of the database)',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'Neo4j answers and every schema migration is applied',
        response: { 200: readySchema, 503: problemSchema },
      },
    },
    async (_request, reply) => {
      let reason: string | undefined;
      try {
        await app.db.verify();
        if (!(await isMigrated(app.db))) reason = 'The database schema is not up to date: restart the server to apply migrations.';
      } catch {
        reason = 'The database is not reachable.';
      }
      if (reason) {
        return reply.code(503).type('application/problem+json').send({
          type: 'urn:powermap:problem:service-unavailable',
          title: 'Service unavailable',
          status: 503,
          detail: reason,
        });
      }
      return { status: 'ready' as const, database: app.db.database };
    },
  );
};
