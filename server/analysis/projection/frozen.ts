import type { AnalysisActor, AnalysisRelationship } from '../../domain/analysis.js';
import { relationshipTypes, type RelationshipType } from '../../domain/relationship.js';
import type { CompactScope } from '../compact.js';
import type { ProjectionGraph } from './graph.js';

/**
 * A scope taken out of the projection for a whole-scope measure: the compact form a worker
 * thread receives (its typed arrays are transferred, not copied), and beside it what the
 * answer draws afterwards, copied out, because the projection may take new edits (and
 * renumber its ties) while the worker runs.
 */
export interface FrozenScope {
  compact: CompactScope;
  seq: number;
  /** Actor slots in scope order. */
  slots: Int32Array;
  actors(positions?: Iterable<number>): AnalysisActor[];
  /** Ties in scope (ends given as scope positions), in order, while `keep` says yes. */
  relationships(keep?: (from: number, to: number) => boolean, limit?: number): AnalysisRelationship[];
  relationshipCount: number;
}

/**
 * The actors in scope (scope order; the whole workspace: slot order, as loaded) and the
 * live ties of the given types among them, listed by start actor in that order, each
 * actor's ties in slot order: for a freshly loaded projection, the order the database
 * streams them in, so answers match a direct read of the same data.
 */
export function freezeScope(g: ProjectionGraph, scope: number[] | null, inScope: Uint8Array, types: Uint8Array): FrozenScope {
  const slotList: number[] = [];
  if (scope) slotList.push(...scope);
  else for (let v = 0; v < g.actorCount; v++) if (g.alive[v]) slotList.push(v);
  const n = slotList.length;
  const position = new Int32Array(g.actorCount).fill(-1);
  const ids = new Array<string>(n);
  const names = new Array<string>(n);
  const power = new Float64Array(n);
  slotList.forEach((v, i) => {
    position[v] = i;
    ids[i] = g.actorIds[v]!;
    names[i] = g.names[v]!;
    power[i] = g.power[v]!;
  });
  const edges: number[] = [];
  for (const v of slotList) {
    const mine: number[] = [];
    g.forEachTie(v, (e, u) => {
      if (g.from[e] === v && inScope[u] && types[g.type[e]!]) mine.push(e);
    });
    mine.sort((a, b) => a - b);
    for (const e of mine) edges.push(e);
  }
  const m = edges.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const strength = new Uint8Array(m);
  const edgeIds = new Array<string>(m);
  const type = new Uint8Array(m);
  const mutual = new Uint8Array(m);
  edges.forEach((e, i) => {
    from[i] = position[g.from[e]!]!;
    to[i] = position[g.to[e]!]!;
    strength[i] = g.strength[e]!;
    edgeIds[i] = g.edgeIds[e]!;
    type[i] = g.type[e]!;
    mutual[i] = g.mutual(e) ? 1 : 0;
  });
  const keepFrom = from.slice();
  const keepTo = to.slice();
  const keepStrength = strength.slice();
  const slots = Int32Array.from(slotList);
  return {
    compact: { ids, names, power, from, to, strength },
    seq: g.seq,
    slots,
    relationshipCount: m,
    actors(positions) {
      // Actor slots never move, so these read the projection as it is now: an edit made
      // while the worker ran may show in a name, never in who is in the answer.
      if (!positions) return slotList.map((v) => g.actor(v));
      return [...positions].map((i) => g.actor(slotList[i]!));
    },
    relationships(keep, limit = Infinity) {
      const out: AnalysisRelationship[] = [];
      for (let i = 0; i < m && out.length < limit; i++) {
        const a = keepFrom[i]!;
        const b = keepTo[i]!;
        if (keep && !keep(a, b)) continue;
        out.push({
          id: edgeIds[i]!,
          type: relationshipTypes[type[i]!] as RelationshipType,
          from: ids[a]!,
          to: ids[b]!,
          strength: keepStrength[i]!,
          mutual: mutual[i] === 1,
        });
      }
      return out;
    },
  };
}
