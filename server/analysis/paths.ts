import type { Gateway } from '../db/gateway.js';
import { allTypes, type AnalysisRelationship, type PathItem, type PathsQuery } from '../domain/analysis.js';
import { invalid } from '../domain/errors.js';
import { uniqueById } from './unique.js';
import { typeCode, type ProjectionGraph } from './projection/graph.js';
import { projectionsFor } from './projection/registry.js';
import { questionGraph, requireSlots } from './projection/scope.js';
import { Budget, kShortestPaths, SEARCH_STEPS, type FoundPath, type WalkRules } from './projection/search.js';

/** Said when the abuse guard stopped a search: never "not linked", and the controls the panel has. */
export const STOPPED_NOTE = 'The search stopped before finishing: try fewer hops, fewer types or a smaller scope.';

/**
 * On the workspace's in-memory projection, not in Cypher: the database's SHORTEST k ran
 * into its time budget on hub-heavy graphs and then read as "no connection", while Yen's
 * algorithm over typed arrays (projection/search.ts) answers in milliseconds and exactly,
 * in both modes: unweighted, the k paths with the fewest hops; weighted, the k cheapest by
 * tie strength (a strength-5 step costs 1 … strength 1 costs 2), each within maxHops.
 * Types, exclusions and scope prune the search itself, as the Cypher predicates did.
 *
 * It runs on the request thread: a search touches only the actors between the two ends
 * (the hop distance to the target steers it), a few milliseconds even on a 100,000-actor
 * workspace, less than shipping the graph to a worker would cost. The step budget is only
 * an abuse guard; a search it stops says `complete: false`, never "no path".
 */
export async function findPaths(db: Gateway, ws: string, q: PathsQuery) {
  if (q.from === q.to)
    throw invalid('from and to are the same actor: name two different actors.', [{ path: 'querystring.to', message: 'same as from' }]);
  const exclude = q.exclude ?? [];
  if (exclude.includes(q.from) || exclude.includes(q.to)) {
    throw invalid('exclude= names an end of the path; leave from and to out of it.', [
      { path: 'querystring.exclude', message: 'contains from or to' },
    ]);
  }
  const { g, inScope } = await questionGraph(db, projectionsFor(db), ws, q);
  const [from, to] = requireSlots(g, [q.from, q.to], 'from/to') as [number, number];
  const steppable = inScope.slice();
  for (const id of exclude) {
    const v = g.actorSlot.get(id);
    if (v !== undefined) steppable[v] = 0;
  }
  const rules: WalkRules = { steppable, types: typeMask(q.types ?? allTypes), maxHops: q.maxHops, weighted: q.weighted };
  const budget = new Budget(SEARCH_STEPS);
  const found = kShortestPaths(g, rules, from, to, q.k, budget);
  const complete = !budget.exhausted;
  const paths = found.map((p) => toItem(g, p, q.weighted));
  let note: string;
  if (!complete) note = STOPPED_NOTE;
  else if (paths.length === 0) note = `No path within ${q.maxHops} hops.`;
  else if (q.weighted)
    note = `Ranked by tie strength (a strength-5 step counts 1, a strength-1 step counts 2): the ${paths.length} cheapest loopless paths within ${q.maxHops} hops.`;
  else note = `The ${paths.length} shortest loopless paths within ${q.maxHops} hops.`;
  return { paths, ...drawnPaths(g, found), weighted: q.weighted, maxHops: q.maxHops, complete, note };
}

/** One byte per relationship type code: 1 where the question follows that type. */
export function typeMask(types: readonly string[]): Uint8Array {
  const mask = new Uint8Array(typeCode.size);
  for (const t of types) mask[typeCode.get(t)!] = 1;
  return mask;
}

/** The actors and ties of some paths, each once, for drawing. */
export function drawnPaths(g: ProjectionGraph, found: FoundPath[]) {
  const actors = [...new Set(found.flatMap((p) => p.nodes))].map((v) => g.actor(v));
  const relationships: AnalysisRelationship[] = uniqueById(found.flatMap((p) => p.edges.map((e) => g.relationship(e))));
  return { actors, relationships };
}

function toItem(g: ProjectionGraph, p: FoundPath, weighted: boolean): PathItem {
  const actorIds = p.nodes.map((v) => g.actorIds[v]!);
  const steps = p.edges.map((e, i) => ({
    relationshipId: g.edgeIds[e]!,
    from: actorIds[i]!,
    to: actorIds[i + 1]!,
    forward: g.from[e] === p.nodes[i],
  }));
  return { actorIds, steps, hops: steps.length, cost: weighted ? p.cost : steps.length };
}
