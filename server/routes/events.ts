import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { wsParams } from '../domain/common.js';
import { forgetMemberships } from '../auth/access.js';
import { Problem } from '../http/problem.js';
import { changeSeq } from '../repos/changes.js';
import { workspacesRepo } from '../repos/workspaces.js';
import { incomingParams } from '../domain/share.js';
import { ChangeFeed, type EndReason } from '../services/change-feed.js';
import { openSharedMapFingerprint, sharedMapFingerprint } from '../services/shared-map-watch.js';
import { errors } from './helpers.js';

/** Open streams one account may hold on one API instance: a few tabs each, not the server. */
export const STREAMS_PER_ACCOUNT = 8;
const KEEP_ALIVE_MS = 15_000;

const SHARE_POLL_MS = 1_000;

const endings: Record<EndReason | 'revoked', string> = {
  removed: 'You are no longer a member of this workspace.',
  deleted: 'This workspace was deleted.',
  revoked: 'This map is no longer shared with your workspace.',
};

/**
 * Takes the response over as an event stream: its headers and the client's retry delay, then a
 * comment saying what it watches. Null when the client left while the stream was being set up:
 * its close event has passed, so nothing would end the stream.
 */
function startStream(request: FastifyRequest, reply: FastifyReply, release: () => void, watching: string) {
  reply.hijack();
  const raw = reply.raw;
  if (raw.destroyed || request.raw.socket?.destroyed) {
    release();
    return null;
  }
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.write(`retry: 2000\n: ${watching}\n\n`);
  return raw;
}

export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  const feed = new ChangeFeed(app.db);
  const open = new Set<() => void>();
  const perAccount = new Map<string, number>();
  // Before the server stops: an open stream is never idle, so closing would wait for it forever.
  app.addHook('preClose', async () => {
    for (const end of open) end();
    feed.close();
  });

  /**
   * Counts a stream against its account's cap (before the first await, so a burst of
   * requests cannot slip past the limit together); answers the release.
   */
  const claim = (userId: string, reply: { header(name: string, value: string): unknown }) => {
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
    return () => {
      if (released) return;
      released = true;
      const left = (perAccount.get(userId) ?? 1) - 1;
      if (left > 0) perAccount.set(userId, left);
      else perAccount.delete(userId);
    };
  };

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
      const release = claim(userId, reply);

      let from: number;
      try {
        const header = Number(request.headers['last-event-id']);
        const asked = request.query.after ?? (Number.isInteger(header) ? header : undefined);
        from = asked ?? (await app.db.read((tx) => changeSeq(tx, ws)));
      } catch (error) {
        release();
        throw error;
      }
      const raw = startStream(request, reply, release, `watching from change ${from}`);
      if (!raw) return;
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

  app.get(
    '/shared-maps/:shareId/events',
    {
      config: { freshAccess: true },
      schema: {
        tags: ['shared maps'],
        summary: 'Server-sent events: `change` whenever what this workspace sees of a shared map changed',
        description:
          'A `change` event carries no change number, author or summary: refetch the shared map. ' +
          'The stream ends with an `end` event when the share is revoked, you leave the workspace or it is deleted. ' +
          `Counted with the workspace streams: at most ${STREAMS_PER_ACCOUNT} per account (429 beyond that).`,
        params: incomingParams,
        response: { 200: z.string().describe('text/event-stream'), ...errors(400, 401, 404, 429) },
      },
    },
    async (request, reply) => {
      const { ws, shareId } = request.params;
      const userId = request.user!.id;
      const release = claim(userId, reply);
      let seen: string;
      try {
        seen = await openSharedMapFingerprint(app.db, ws, shareId);
      } catch (error) {
        release();
        throw error;
      }
      const raw = startStream(request, reply, release, 'watching the shared map');
      if (!raw) return;
      let busy = false;
      let ended = false;
      const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
      const finish = (reason?: EndReason | 'revoked') => {
        if (ended) return;
        ended = true;
        clearInterval(keepAlive);
        clearInterval(poll);
        open.delete(end);
        release();
        if (reason) raw.write(`event: end\ndata: ${JSON.stringify({ reason, detail: endings[reason] })}\n\n`);
        raw.end();
      };
      const end = () => finish();
      // Each poll asks again whether the member and the share are still there, before anything goes out.
      const poll = setInterval(() => {
        if (busy || ended) return;
        busy = true;
        void (async () => {
          try {
            const head = await app.db.read((tx) => workspacesRepo.feedHead(tx, ws, [userId]), 'feed.head');
            if (!head || head.deleted) return finish('deleted');
            if (!head.members.includes(userId)) {
              forgetMemberships(app, ws);
              return finish('removed');
            }
            const now = await sharedMapFingerprint(app.db, ws, shareId);
            if (now === null) return finish('revoked');
            if (ended || now === seen) return;
            seen = now;
            raw.write('event: change\ndata: {}\n\n');
          } catch {
            // The database is away; the next poll tries again.
          } finally {
            busy = false;
          }
        })();
      }, SHARE_POLL_MS);
      open.add(end);
      request.raw.on('close', end);
    },
  );
};
