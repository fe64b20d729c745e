import type { Gateway } from '../db/gateway.js';
import { type AnalysisActor, type LeverageQuery } from '../domain/analysis.js';
import { relationshipTypes } from '../domain/relationship.js';
import { badRequest } from '../http/problem.js';
import { requireActors } from './actors.js';
import { uniqueById } from './draw.js';
import { int, isTimeout } from './ints.js';
import { LEVERAGE_METHOD, scoreRoute, type RouteTie } from './leverage-score.js';
import { cypher } from './queries.js';
import { normaliseRelationship, scopeIds } from './scope.js';
import { PATH_BUDGET_MS } from './paths.js';

/** Our base may be large; routes start from at most this many of its actors. */
export const MAX_SOURCES = 200;
/** Opposition is not a channel to persuade through unless the caller asks for it. */
const defaultTypes = relationshipTypes.filter((t) => t !== 'OPPOSITION');

/**
 * Candidates in Cypher (the same bounded, loopless SHORTEST search as find-connections, from
 * every one of our actors at once), scoring in code (leverage-score.ts) where each factor can
 * be explained. Each of ours contributes its 3k shortest routes, which keeps the candidates
 * bounded while letting a longer route through allies outrank a short one through opponents.
 */
export async function leverage(db: Gateway, ws: string, q: LeverageQuery, budgetMs = PATH_BUDGET_MS) {
  const chosen = q.from.trim().toLowerCase() === 'base' ? null : q.from.split(',').map((s) => s.trim()).filter(Boolean);
  if (chosen) {
    const bad = chosen.filter((id) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
    if (bad.length || chosen.length === 0) throw badRequest('from= is "base" or comma-separated actor ids.', [{ path: 'querystring.from', message: 'must be base or actor ids' }]);
    if (new Set(chosen).size !== chosen.length) throw badRequest('from= names the same actor twice.', [{ path: 'querystring.from', message: 'repeats an actor' }]);
    if (chosen.length > MAX_SOURCES) throw badRequest(`from= names more than ${MAX_SOURCES} actors.`, [{ path: 'querystring.from', message: `at most ${MAX_SOURCES}` }]);
    if (chosen.includes(q.target)) throw badRequest('from= includes the target itself.', [{ path: 'querystring.from', message: 'contains the target' }]);
  }
  const types = [...(q.types ?? defaultTypes)];
  let complete = true;
  const { sources, rows } = await db
    .read(
      async (tx) => {
        await requireActors(tx, ws, [q.target], 'target');
        if (chosen) await requireActors(tx, ws, chosen, 'from');
        const scope = await scopeIds(tx, ws, q);
        const sources = chosen ?? (await tx.query<{ id: string }>(cypher('base-actors'), { ws, limit: int(MAX_SOURCES) })).map((r) => r.id).filter((id) => id !== q.target);
        if (sources.length === 0) return { sources, rows: [] };
        const rows = await tx.query<{ actorIds: string[]; relationships: RouteTie[]; actors: AnalysisActor[] }>(
          cypher('leverage-routes', { max: q.maxHops, count: q.k * 3 }),
          { ws, target: q.target, from: sources, types, scope },
        );
        return { sources, rows };
      },
      'analysis.leverage',
      { timeoutMs: budgetMs },
    )
    .catch((error: unknown) => {
      if (!isTimeout(error)) throw error;
      complete = false;
      return { sources: [] as string[], rows: [] };
    });
  const scored = rows.map((row) => {
    const ties = row.relationships.map((r) => ({ ...normaliseRelationship(r), board: r.board ?? null }));
    return { row, ties, ...scoreRoute(row.actors, ties) };
  });
  scored.sort((a, b) => b.score - a.score || a.ties.length - b.ties.length || a.summary.localeCompare(b.summary));
  const routes = scored.slice(0, q.k).map((s, i) => ({
    rank: i + 1,
    score: s.score,
    fromActorId: s.row.actorIds[0]!,
    actorIds: s.row.actorIds,
    steps: s.ties.map((t, j) => ({ relationshipId: t.id, from: s.row.actorIds[j]!, to: s.row.actorIds[j + 1]!, forward: t.from === s.row.actorIds[j] })),
    summary: s.summary,
    explanation: s.explanation,
  }));
  const kept = scored.slice(0, q.k);
  return {
    targetId: q.target,
    fromActorIds: sources,
    routes,
    actors: uniqueById(kept.flatMap((s) => s.row.actors)),
    relationships: uniqueById(kept.flatMap((s) => s.ties.map(({ board: _board, ...r }) => r))),
    method:
      sources.length === 0 && complete
        ? `No starting actors: give actors the role "base" or pass from=actorIds. ${LEVERAGE_METHOD}`
        : LEVERAGE_METHOD,
    complete,
  };
}
