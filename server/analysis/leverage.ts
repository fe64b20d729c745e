import type { Gateway } from '../db/gateway.js';
import { type AnalysisActor, type LeverageQuery } from '../domain/analysis.js';
import { relationshipTypes } from '../domain/relationship.js';
import { invalid } from '../domain/errors.js';
import { uniqueById } from './unique.js';
import { LEVERAGE_METHOD, scoreRoute, type RouteTie } from './leverage-score.js';
import { typeMask } from './paths.js';
import { BASE_ROLE, type ProjectionGraph } from './projection/graph.js';
import { projectionsFor } from './projection/registry.js';
import { questionGraph, requireSlots } from './projection/scope.js';
import { Budget, hopsToTarget, kShortestPaths, Scratch, SEARCH_STEPS, type WalkRules } from './projection/search.js';

/** Our base may be large; routes start from at most this many of its actors. */
export const MAX_SOURCES = 200;
/** Opposition is not a channel to persuade through unless the caller asks for it. */
const defaultTypes = relationshipTypes.filter((t) => t !== 'OPPOSITION');

/**
 * Candidates on the projection (the same loopless k-shortest search as find-connections,
 * from each of our actors, sharing one hop-distance map to the target), scoring in code
 * (leverage-score.ts) where each factor can be explained. Each of ours contributes its 3k shortest routes, which keeps the candidates
 * bounded while letting a longer route through allies outrank a short one through opponents.
 */
export async function leverage(db: Gateway, ws: string, q: LeverageQuery) {
  const chosen =
    q.from.trim().toLowerCase() === 'base'
      ? null
      : q.from
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
  if (chosen) {
    const bad = chosen.filter((id) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
    if (bad.length || chosen.length === 0)
      throw invalid('from= is "base" or comma-separated actor ids.', [{ path: 'querystring.from', message: 'must be base or actor ids' }]);
    if (new Set(chosen).size !== chosen.length)
      throw invalid('from= names the same actor twice.', [{ path: 'querystring.from', message: 'repeats an actor' }]);
    if (chosen.length > MAX_SOURCES)
      throw invalid(`from= names more than ${MAX_SOURCES} actors.`, [{ path: 'querystring.from', message: `at most ${MAX_SOURCES}` }]);
    if (chosen.includes(q.target))
      throw invalid('from= includes the target itself.', [{ path: 'querystring.from', message: 'contains the target' }]);
  }
  const { g, inScope } = await questionGraph(db, projectionsFor(db), ws, q);
  const [target] = requireSlots(g, [q.target], 'target') as [number];
  const chosenSlots = chosen ? requireSlots(g, chosen, 'from') : baseActors(g, target);
  const sources = chosenSlots.map((v) => g.actorIds[v]!);
  // Routes never pass through another of ours: a route through our own member is theirs.
  const steppable = inScope.slice();
  for (const v of chosenSlots) steppable[v] = 0;
  const rules: WalkRules = { steppable, types: typeMask(q.types ?? defaultTypes), maxHops: q.maxHops, weighted: false };
  const budget = new Budget(SEARCH_STEPS);
  const shared = chosenSlots.length ? { toTarget: hopsToTarget(g, rules, target, budget), scratch: new Scratch(g.actorCount) } : undefined;
  const rows: Array<{ actorIds: string[]; relationships: RouteTie[]; actors: AnalysisActor[] }> = [];
  for (const s of chosenSlots) {
    if (budget.exhausted) break;
    for (const p of kShortestPaths(g, rules, s, target, q.k * 3, budget, shared)) {
      rows.push({
        actorIds: p.nodes.map((v) => g.actorIds[v]!),
        relationships: p.edges.map((e) => ({ ...g.relationship(e), board: g.board(e) })),
        actors: p.nodes.map((v) => g.actor(v)),
      });
    }
  }
  const complete = !budget.exhausted;
  const scored = rows.map((row) => {
    return { row, ties: row.relationships, ...scoreRoute(row.actors, row.relationships) };
  });
  scored.sort((a, b) => b.score - a.score || a.ties.length - b.ties.length || a.summary.localeCompare(b.summary));
  const routes = scored.slice(0, q.k).map((s, i) => ({
    rank: i + 1,
    score: s.score,
    fromActorId: s.row.actorIds[0]!,
    actorIds: s.row.actorIds,
    steps: s.ties.map((t, j) => ({
      relationshipId: t.id,
      from: s.row.actorIds[j]!,
      to: s.row.actorIds[j + 1]!,
      forward: t.from === s.row.actorIds[j],
    })),
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

/** Our base: live actors with the role "base", by name then id, at most MAX_SOURCES, never the target. */
function baseActors(g: ProjectionGraph, target: number): number[] {
  const base: number[] = [];
  for (let v = 0; v < g.actorCount; v++) if (g.alive[v] && g.roles[v]! & BASE_ROLE) base.push(v);
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  base.sort((a, b) => byText(g.names[a]!, g.names[b]!) || byText(g.actorIds[a]!, g.actorIds[b]!));
  return base.slice(0, MAX_SOURCES).filter((v) => v !== target);
}
