import type { FastifyReply } from 'fastify';

/**
 * Aborts when the caller hangs up before the answer is sent, so the work done for nobody
 * (a whole-workspace measure on a worker thread) stops instead of holding a thread. The
 * response's close, not the request's: a request's close fires once its body is read.
 */
export function abandonedSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}
