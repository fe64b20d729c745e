import fp from 'fastify-plugin';
import { WorkerPool, type PoolOptions } from './pool.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Worker threads for CPU-heavy work (analysis measures, import parsing). */
    workers: WorkerPool;
  }
}

/** One pool per app, ended with it (running tasks finish first). */
export const workerPool = fp<PoolOptions>(async (app, options) => {
  const pool = new WorkerPool({ onError: (error) => app.log.error({ err: error }, 'worker thread failed'), ...options });
  app.decorate('workers', pool);
  app.addHook('onClose', () => pool.close());
});
