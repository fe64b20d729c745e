import { DomainError } from '../domain/errors.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isMigrated } from '../db/migrations.js';
import { problemSchema } from '../domain/common.js';
import { sendProblem } from '../http/error-handler.js';
import { Problem, unavailable } from '../http/problem.js';

const healthSchema = z
  .object({
    status: z
      .enum(['ok', 'degraded'])
      .describe('ok: the process and its database work; degraded: the process answers but the database does not'),
    database: z.enum(['up', 'down']),
  })
  .meta({ id: 'Health' });
const readySchema = z.object({ status: z.literal('ready'), database: z.string() });

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'The process is alive, and whether its database answers',
        description:
          'Always 200 while the process runs (a liveness check must not restart a healthy process because its database is away). ' +
          'The database is checked at most once a second, and not at all while it is known to be unreachable; nothing about it is told beyond up or down.',
        response: { 200: healthSchema },
      },
    },
    async () => {
      const database = await app.db.state();
      return { status: database === 'up' ? ('ok' as const) : ('degraded' as const), database };
    },
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
      let problem: Problem | undefined;
      try {
        await app.db.verify();
        if (!(await isMigrated(app.db))) {
          problem = unavailable('The database schema is not up to date: restart the server to apply migrations.');
        }
      } catch (error) {
        const retryAfter = error instanceof DomainError && typeof error.extra.retryAfter === 'number' ? error.extra.retryAfter : 5;
        problem = unavailable('The database is not reachable.', retryAfter);
      }
      if (problem) return sendProblem(reply, problem);
      return { status: 'ready' as const, database: app.db.database };
    },
  );
};
