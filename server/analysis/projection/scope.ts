import type { Gateway } from '../../db/gateway.js';
import type { ScopeQuery } from '../../domain/analysis.js';
import { assertFound, mapNotFound } from '../actors.js';
import { analysisScopeRepo } from '../../repos/analysis-scope.js';
import { checkScope, DEFAULT_SCOPE_DEPTH } from '../scope.js';
import type { ProjectionGraph } from './graph.js';
import type { Projections } from './registry.js';
import { around } from './search.js';

export interface QuestionGraph {
  g: ProjectionGraph;
  /** Actor slots in scope, in scope order; null for the whole workspace. */
  scope: number[] | null;
  /** 1 for every live actor in scope. */
  inScope: Uint8Array;
}

/**
 * The fresh projection and the scope of a question. A map's actors come from the database
 * (maps are not part of the projection), read before the projection is taken so nothing
 * awaits between taking it and answering: the graph can move only between questions.
 */
export async function questionGraph(db: Gateway, projections: Projections, ws: string, q: ScopeQuery): Promise<QuestionGraph> {
  checkScope(q);
  let mapIds: string[] | null = null;
  if (q.map) {
    const map = q.map;
    mapIds = await db.read((tx) => analysisScopeRepo.mapActorIds(tx, ws, map), 'analysis.scope');
    if (!mapIds) throw mapNotFound();
  }
  const g = await projections.get(ws);
  let scope: number[] | null = null;
  if (mapIds) {
    const seen = new Set<number>();
    scope = [];
    for (const id of mapIds) {
      const v = g.liveSlot(id);
      if (v !== undefined && !seen.has(v)) {
        seen.add(v);
        scope.push(v);
      }
    }
  } else if (q.around) {
    const center = g.liveSlot(q.around);
    if (center === undefined) assertFound([q.around], 'around');
    scope = around(g, center!, q.depth ?? DEFAULT_SCOPE_DEPTH);
  }
  const inScope = new Uint8Array(g.actorCount);
  if (scope) for (const v of scope) inScope[v] = 1;
  else for (let v = 0; v < g.actorCount; v++) inScope[v] = g.alive[v]!;
  return { g, scope, inScope };
}

/** 404 naming the ids that are not live actors of this workspace; their slots otherwise. */
export function requireSlots(g: ProjectionGraph, ids: string[], field: string): number[] {
  const slots = ids.map((id) => g.liveSlot(id));
  assertFound(
    ids.filter((_id, i) => slots[i] === undefined),
    field,
  );
  return slots as number[];
}
