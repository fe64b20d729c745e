import { z } from 'zod';
import type { Gateway } from '../db/gateway.js';
import { brokers } from '../analysis/brokers.js';
import type { VersionCache } from '../analysis/cache.js';
import type { BrokersAnswer, CommunitiesAnswer } from '../domain/analysis.js';
import { communities } from '../analysis/communities.js';
import { interlocks } from '../analysis/interlocks.js';
import { leverage, MAX_SOURCES } from '../analysis/leverage.js';
import { LEVERAGE_METHOD } from '../analysis/leverage-score.js';
import { findPaths } from '../analysis/paths.js';
import type {
  sharedBrokersQuery,
  sharedCommunitiesQuery,
  sharedInterlocksQuery,
  sharedLeverageQuery,
  sharedPathsQuery,
} from '../domain/share.js';
import { NotFound, invalid } from '../domain/errors.js';
import type { OpenShare } from '../repos/shares.js';
import type { WorkerPool } from '../workers/pool.js';
import { sharesRepo } from '../repos/shares.js';

/**
 * The analysis questions on a shared map: the existing answers, computed in the owning
 * workspace with the map as scope. Scope alone bounds what a path passes through, not where
 * it starts or ends, so every actor the partner names must be on the map too; one that is
 * not reads exactly like one that does not exist.
 */
async function requireOnMap(db: Gateway, share: OpenShare, ids: string[], field: string) {
  if (ids.length === 0) return;
  const present = await db.read((tx) => sharesRepo.onMap(tx, share.ownerWorkspace.id, share.mapId, ids));
  const missing = ids.filter((id) => !present.has(id));
  if (missing.length === 0) return;
  const list = missing.map((id) => `"${id}"`).join(', ');
  throw new NotFound(`${field}: no actor ${list} on this shared map.`, { errors: [{ path: field, message: `unknown actor ${list}` }] });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function sharedPaths(db: Gateway, share: OpenShare, q: z.infer<typeof sharedPathsQuery>) {
  await requireOnMap(db, share, [q.from, q.to], 'from/to');
  return findPaths(db, share.ownerWorkspace.id, { ...q, map: share.mapId });
}

export async function sharedInterlocks(db: Gateway, share: OpenShare, q: z.infer<typeof sharedInterlocksQuery>) {
  await requireOnMap(db, share, q.actors, 'actors');
  return interlocks(db, share.ownerWorkspace.id, { ...q, map: share.mapId });
}

export function sharedBrokers(
  db: Gateway,
  pool: WorkerPool,
  share: OpenShare,
  q: z.infer<typeof sharedBrokersQuery>,
  cache: VersionCache<BrokersAnswer>,
) {
  return brokers(db, pool, share.ownerWorkspace.id, { ...q, map: share.mapId }, cache);
}

export function sharedCommunities(
  db: Gateway,
  pool: WorkerPool,
  share: OpenShare,
  q: z.infer<typeof sharedCommunitiesQuery>,
  cache: VersionCache<CommunitiesAnswer>,
) {
  return communities(db, pool, share.ownerWorkspace.id, { ...q, map: share.mapId }, cache);
}

/** "base" means the owning workspace's base among the map's actors, never beyond it. */
export async function sharedLeverage(db: Gateway, share: OpenShare, q: z.infer<typeof sharedLeverageQuery>) {
  const ws = share.ownerWorkspace.id;
  await requireOnMap(db, share, [q.target], 'target');
  let from: string[];
  if (q.from.trim().toLowerCase() === 'base') {
    from = (await db.read((tx) => sharesRepo.baseOnMap(tx, ws, share.mapId, MAX_SOURCES + 1)))
      .filter((id) => id !== q.target)
      .slice(0, MAX_SOURCES);
  } else {
    from = q.from
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (from.length === 0 || from.some((id) => !UUID.test(id))) {
      throw invalid('from= is "base" or comma-separated actor ids.', [{ path: 'querystring.from', message: 'must be base or actor ids' }]);
    }
    if (from.length > MAX_SOURCES)
      throw invalid(`from= names more than ${MAX_SOURCES} actors.`, [{ path: 'querystring.from', message: `at most ${MAX_SOURCES}` }]);
    await requireOnMap(db, share, [...new Set(from)], 'from');
  }
  if (from.length === 0) {
    return {
      targetId: q.target,
      fromActorIds: [],
      routes: [],
      actors: [],
      relationships: [],
      complete: true,
      method: `No starting actors: nobody on this map has the role "base"; pass from=actorIds. ${LEVERAGE_METHOD}`,
    };
  }
  return leverage(db, ws, { ...q, from: from.join(','), map: share.mapId });
}
