import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { wsParams } from '../domain/common.js';
import { forgetMemberships } from '../auth/access.js';
import { Problem } from '../http/problem.js';
import { changeSeq } from '../repos/changes.js';
import { ChangeFeed, type EndReason } from '../services/change-feed.js';
import { errors } from './helpers.js';

/** Open streams one account may hold on one API instance: a few tabs each, not the server. */
export const STREAMS_PER_ACCOUNT = 8;
const KEEP_ALIVE_MS = 15_000;

const endings: Record<EndReason, string> = {
  removed: 'You are no longer a member of this workspace.',
  deleted: 'This workspace was deleted.',
};

export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  const feed = new ChangeFeed(app.db);
  const open = new Set<() => void>();
  const perAccount = new Map<string, number>();
  // Before the server stops: an open stream is never idle, so closing would wait for it forever.
  app.addHook('preClose', async () => {
    for (const end of open) end();
    feed.close();
  });

  app.get(
    '/events',
    {
      config: { freshAccess: true },
      schema: {
        tags: ['history'],
        summary: 'Server-sent events: `change` for every change in the workspace, from any API instance, in order',
        description:
          'Send Last-Event-ID (or ?after=seq) to resume after the last change you saw; without it, the stream starts now. ' +
          'The stream ends with an `end` event when you are removed from the workspace or it is deleted. ' +
          `At most ${STREAMS_PER_ACCOUNT} streams per account are open at once (429 beyond that).`,
        params: wsParams,
        querystring: z.object({ after: z.coerce.number().int().min(0).optional() }),
        response: { 200: z.string().describe('text/event-stream'), ...errors(400, 401, 404, 429) },
      },
    },
    async (request, reply) => {
      const { ws } = request.params;
      const userId = request.user!.id;
      // Counted before the first await, so a burst of requests cannot slip past the limit together.
      const held = perAccount.get(userId) ?? 0;
      if (held >= STREAMS_PER_ACCOUNT) {
        reply.header('retry-after', '30');
        throw new Problem(
          429,
          'Too many requests',
          `You already have ${STREAMS_PER_ACCOUNT} live update streams open (one per open workspace or map tab). Close a tab you no longer use and try again.`,
        );
      }
      perAccount.set(userId, held + 1);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const left = (perAccount.get(userId) ?? 1) - 1;
        if (left > 0) perAccount.set(userId, left);
        else perAccount.delete(userId);
      };

      let from: number;
      try {
        const header = Number(request.headers['last-event-id']);
        const asked = request.query.after ?? (Number.isInteger(header) ? header : undefined);
        from = asked ?? (await app.db.read((tx) => changeSeq(tx, ws)));
      } catch (error) {
        release();
        throw error;
      }
      reply.hijack();
      const raw = reply.raw;
      // Gone while we looked up where to start: its close event has passed, so nothing would end it.
      if (raw.destroyed || request.raw.socket?.destroyed) {
        release();
        return;
      }
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write(`retry: 2000\n: watching from change ${from}\n\n`);
      let unsubscribe = () => {};
      const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
      const end = () => {
        clearInterval(keepAlive);
        unsubscribe();
        open.delete(end);
        release();
        raw.end();
      };
      open.add(end);
      request.raw.on('close', end);
      unsubscribe = feed.subscribe(ws, {
        userId,
        fromSeq: from,
        onChange: (change) => raw.write(`id: ${change.seq}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`),
        onEnd: (reason) => {
          // This instance may still hold the role for cheap reads; the feed has just seen it is gone.
          forgetMemberships(app, ws);
          raw.write(`event: end\ndata: ${JSON.stringify({ reason, detail: endings[reason] })}\n\n`);
          end();
        },
      });
    },
  );
};
