import fp from 'fastify-plugin';
import type { Gateway } from '../db/gateway.js';
import { RESTORE_DAYS } from '../domain/workspace.js';
import { workspacePurgeRepo } from '../repos/workspace-purge.js';

/**
 * A deleted workspace stays restorable for RESTORE_DAYS; after that it and everything in it
 * is erased, so "deleted" does mean gone and the database does not keep growing with it.
 */
export async function purgeExpiredWorkspaces(db: Gateway, days = RESTORE_DAYS): Promise<string[]> {
  const ids = await workspacePurgeRepo.expired(db, days);
  if (ids.length > 0) await workspacePurgeRepo.erase(db, ids);
  return ids;
}

const HOUR = 3_600_000;

/** Runs the purge hourly, the first time a minute after start so it never slows a start-up. */
export const workspacePurge = fp<{ everyMs?: number; firstAfterMs?: number }>(async (app, options) => {
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const run = async () => {
    try {
      const purged = await purgeExpiredWorkspaces(app.db);
      if (purged.length > 0)
        app.log.info({ workspaces: purged }, `erased ${purged.length} workspace(s) deleted over ${RESTORE_DAYS} days ago`);
    } catch (error) {
      // The database may be down for a while; the next round tries again.
      app.log.warn({ err: error }, 'purging deleted workspaces failed');
    }
    if (!closed) timer = setTimeout(() => void run(), options.everyMs ?? HOUR).unref();
  };
  app.addHook('onReady', () => {
    timer = setTimeout(() => void run(), options.firstAfterMs ?? 60_000).unref();
  });
  app.addHook('onClose', () => {
    closed = true;
    clearTimeout(timer);
  });
});
