import type { FastifyInstance, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { Problem } from './problem.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Whole-workspace analysis and imports: they hold a worker thread and the database for
     * seconds, so each account runs only a few of them at once. `{ aboveBytes }`: heavy only
     * when the body is larger (a batch of a few edits is cheap; one of 40 MB is not), or has no
     * declared length.
     */
    heavy?: boolean | { aboveBytes: number };
  }
  interface FastifyInstance {
    /** "METHOD url" of every route marked heavy, for tests that must cover them all. */
    heavyRoutes: string[];
    /** Heavy requests of this account in progress on this instance. */
    heavyInFlight(userId: string): number;
  }
}

/** A problem that tells the caller when to come back (Retry-After, in seconds). */
export class RetryLater extends Problem {
  constructor(
    status: number,
    title: string,
    detail: string,
    readonly retryAfter: number,
  ) {
    super(status, title, detail, { retryAfter });
  }
}

export const HEAVY_PER_ACCOUNT = 2;
const RETRY_AFTER_SECONDS = 5;

type Slot = { state: 'waiting' | 'running' | 'done'; release(): void };
const slots = new WeakMap<FastifyRequest, Slot>();

function isHeavy(heavy: boolean | { aboveBytes: number } | undefined, contentLength: number) {
  if (typeof heavy !== 'object') return heavy === true;
  return !Number.isFinite(contentLength) || contentLength > heavy.aboveBytes;
}

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/**
 * Two rules for every route, decided before the body is read (preParsing, after sign-in and
 * the workspace check, so outsiders still hear 401/404):
 * - a body larger than the route accepts is refused at once from its Content-Length, with a
 *   413 that names the limit, rather than read to the end first;
 * - a heavy route (`config: { heavy: true }`) runs at most `perAccount` at once per account
 *   (on this instance); the next answers 429 with Retry-After. The slot is held from before
 *   the body is read until the handler has finished, even if the caller hangs up meanwhile,
 *   so hanging up and asking again cannot pile up work.
 */
export function installHeavyLimit(app: FastifyInstance, options: { perAccount?: number } = {}) {
  const perAccount = options.perAccount ?? HEAVY_PER_ACCOUNT;
  const running = new Map<string, number>();
  const heavyRoutes: string[] = [];
  app.decorate('heavyRoutes', heavyRoutes);
  app.decorate('heavyInFlight', (userId: string) => running.get(userId) ?? 0);

  app.addHook('onRoute', (route) => {
    if (!(route.config as { heavy?: unknown } | undefined)?.heavy) return;
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      if (method !== 'HEAD') heavyRoutes.push(`${method} ${route.url}`);
    }
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function heavyHandler(this: unknown, request, reply) {
      const slot = slots.get(request);
      if (slot) slot.state = 'running';
      try {
        return await (handler as (...args: unknown[]) => unknown).call(this, request, reply);
      } finally {
        slot?.release();
      }
    } as RouteHandlerMethod;
  });

  app.addHook('preParsing', async (request, reply, payload) => {
    const limit = request.routeOptions.bodyLimit;
    const length = Number(request.headers['content-length']);
    if (limit && Number.isFinite(length) && length > limit) {
      throw new Problem(
        413,
        'Payload too large',
        `The body is ${megabytes(length)}; this route takes at most ${megabytes(limit)}. Send less at once (split a spreadsheet into several imports).`,
        { limit },
      );
    }
    if (!isHeavy(request.routeOptions.config.heavy, length) || !request.user) return payload;
    const account = request.user.id;
    const now = running.get(account) ?? 0;
    if (now >= perAccount) {
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      throw new RetryLater(
        429,
        'Too many requests',
        `A previous analysis or import of yours is still running (each account runs at most ${perAccount} at once); ask again when it has finished.`,
        RETRY_AFTER_SECONDS,
      );
    }
    running.set(account, now + 1);
    const slot: Slot = {
      state: 'waiting',
      release() {
        if (slot.state === 'done') return;
        slot.state = 'done';
        const left = (running.get(account) ?? 1) - 1;
        if (left > 0) running.set(account, left);
        else running.delete(account);
      },
    };
    slots.set(request, slot);
    // Refused before the handler (bad body, validation, hung up during the upload): no work
    // will run, so the slot is free again.
    reply.raw.once('close', () => {
      if (slot.state === 'waiting') slot.release();
    });
    return payload;
  });

  // The handler was never reached (an error answered first).
  app.addHook('onSend', async (request, _reply, payload) => {
    const slot = slots.get(request);
    if (slot?.state === 'waiting') slot.release();
    return payload;
  });

  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof RetryLater) reply.header('retry-after', String(error.retryAfter));
  });
}
