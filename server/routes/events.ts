import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { wsParams } from '../domain/common.js';
import { ChangeFeed } from '../services/change-feed.js';
import { readErrors } from './helpers.js';

export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  const feed = new ChangeFeed(app.db);
  const open = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of open) end();
    feed.close();
  });

  app.get(
    '/events',
    {
      schema: {
        tags: ['history'],
        summary: 'Server-sent events: `change` for every change in the workspace, from any API instance, in order',
        description: 'Send Last-Event-ID (or ?after=seq) to resume after the last change you saw; without it, the stream starts now.',
        params: wsParams,
        querystring: z.object({ after: z.coerce.number().int().min(0).optional() }),
        response: { 200: z.string().describe('text/event-stream'), ...readErrors },
      },
    },
    async (request, reply) => {
      const { ws } = request.params;
      const header = Number(request.headers['last-event-id']);
      let from = request.query.after ?? (Number.isInteger(header) ? header : undefined);
      if (from === undefined) {
        from = (await app.db.read((tx) => tx.one<{ seq: number }>('MATCH (w:Workspace {id: $ws}) RETURN coalesce(w.changeSeq, 0) AS seq', { ws })))?.seq ?? 0;
      }
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write(`retry: 2000\n: watching from change ${from}\n\n`);
      const unsubscribe = feed.subscribe(ws, from, (change) => {
        raw.write(`id: ${change.seq}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`);
      });
      const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
      const end = () => {
        clearInterval(keepAlive);
        unsubscribe();
        open.delete(end);
        raw.end();
      };
      open.add(end);
      request.raw.on('close', end);
    },
  );
};
