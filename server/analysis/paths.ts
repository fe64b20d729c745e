import type { Gateway, Tx } from '../db/gateway.js';
import { allTypes, type AnalysisRelationship, type PathItem, type PathsQuery } from '../domain/analysis.js';
import { badRequest } from '../http/problem.js';
import { requireActors } from './actors.js';
import { drawableFor } from './draw.js';
import { tieCost } from './graph.js';
import { int, isTimeout } from './ints.js';
import { cypher } from './queries.js';
import { normaliseRelationship, scopeIds } from './scope.js';

/** The database ends a path search after this long (ANALYSIS_TIMEOUT); "nothing found yet" is then said plainly. */
export const PATH_BUDGET_MS = 5_000;
/** Weighted mode ranks every loopless path of the three shortest lengths, at most this many. */
export const WEIGHTED_CANDIDATES = 2_000;

interface RawPath {
  actorIds: string[];
  relationships: AnalysisRelationship[];
}

/**
 * Cypher, not memory: Neo4j 5's SHORTEST k runs a bidirectional breadth-first search inside
 * the database with the loopless, type, exclusion and scope predicates applied during the
 * search, bounded by maxHops. Projecting the workspace to memory would cost the whole graph
 * per request (seconds at 1M ties) for an answer that touches a few actors; and a search
 * that finds nothing stops as soon as either side runs out of actors within the bound.
 *
 * Weighted mode: each step costs 1 (strength 5) … 2 (strength 1), so a path's cost is at
 * least its hops and at most twice them. The candidates are all loopless paths of the three
 * shortest hop counts L, L+1, L+2; any path left out has at least L+3 hops, so costs at least
 * L+3, and the ranking is exact whenever the k-th best cost found is at most that (it says so
 * in `note` when it is not).
 */
export async function findPaths(db: Gateway, ws: string, q: PathsQuery, budgetMs = PATH_BUDGET_MS) {
  if (q.from === q.to) throw badRequest('from and to are the same actor: name two different actors.', [{ path: 'querystring.to', message: 'same as from' }]);
  const types = [...(q.types ?? allTypes)];
  const exclude = q.exclude ?? [];
  if (exclude.includes(q.from) || exclude.includes(q.to)) {
    throw badRequest('exclude= names an end of the path; leave from and to out of it.', [{ path: 'querystring.exclude', message: 'contains from or to' }]);
  }
  let complete = true;
  const raw = await db
    .read(
      async (tx) => {
        await requireActors(tx, ws, [q.from, q.to], 'from/to');
        const scope = await scopeIds(tx, ws, q);
        return search(tx, ws, q, types, exclude, scope);
      },
      'analysis.paths',
      { timeoutMs: budgetMs },
    )
    .catch((error: unknown) => {
      if (!isTimeout(error)) throw error;
      complete = false;
      return [] as RawPath[];
    });

  let paths: PathItem[] = raw.map((p) => toItem(p, q.weighted));
  let note: string;
  if (q.weighted) {
    paths.sort((a, b) => a.cost - b.cost || a.hops - b.hops);
    paths = paths.slice(0, q.k);
    const shortest = raw.length ? Math.min(...raw.map((p) => p.actorIds.length - 1)) : 0;
    const exact = raw.length < WEIGHTED_CANDIDATES && (paths.length < q.k || paths[paths.length - 1]!.cost <= shortest + 3);
    note = paths.length
      ? `Ranked by tie strength (a strength-5 step counts 1, a strength-1 step counts 2) among ${raw.length} loopless paths of the three shortest lengths${exact ? '' : '; a longer path might rank higher'}.`
      : `No path within ${q.maxHops} hops.`;
  } else {
    note = paths.length ? `The ${paths.length} shortest loopless paths within ${q.maxHops} hops.` : `No path within ${q.maxHops} hops.`;
  }
  if (!complete) note = `The search ran out of its ${budgetMs / 1000} s budget before finishing: try fewer hops, fewer types or a smaller scope.`;
  const drawn = await drawableFor(db, ws, paths.flatMap((p) => p.actorIds), raw.flatMap((p) => p.relationships));
  return { paths, ...drawn, weighted: q.weighted, maxHops: q.maxHops, complete, note };
}

async function search(tx: Tx, ws: string, q: PathsQuery, types: string[], exclude: string[], scope: string[] | null): Promise<RawPath[]> {
  const params = { ws, from: q.from, to: q.to, types, exclude, scope };
  const rows = q.weighted
    ? await tx.query<RawPath>(cypher('paths-groups', { max: q.maxHops, count: 3 }), { ...params, cap: int(WEIGHTED_CANDIDATES) })
    : await tx.query<RawPath>(cypher('paths', { max: q.maxHops, count: q.k }), params);
  return rows.map((r) => ({ actorIds: r.actorIds, relationships: r.relationships.map(normaliseRelationship) }));
}

function toItem(p: RawPath, weighted: boolean): PathItem {
  const steps = p.relationships.map((r, i) => ({
    relationshipId: r.id,
    from: p.actorIds[i]!,
    to: p.actorIds[i + 1]!,
    forward: r.from === p.actorIds[i],
  }));
  const cost = weighted ? p.relationships.reduce((sum, r) => sum + tieCost(r.strength), 0) : steps.length;
  return { actorIds: p.actorIds, steps, hops: steps.length, cost };
}
