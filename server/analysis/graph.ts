import Graph from 'graphology';
import type { AnalysisRelationship } from '../domain/analysis.js';
import { compactScope, type CompactScope } from './compact.js';

export interface TieAttributes {
  /** Summed strength of every tie between the pair (1–5 each). */
  strength: number;
  /** Length of the strongest tie between the pair: 1 for strength 5 … 2 for strength 1. */
  cost: number;
}

/** How far a tie is in weighted mode: strong ties (5) count 1, weak ones (1) count 2. */
export const tieCost = (strength: number) => 1 + (5 - strength) / 4;

/**
 * The scope as an undirected simple graph: a tie is a channel both ways for brokerage,
 * and several ties between the same pair are one edge (strengths summed, the shortest cost
 * kept), the convention of the published results we test against.
 */
export function buildGraph(actorIds: string[], relationships: AnalysisRelationship[]): Graph<Record<string, never>, TieAttributes> {
  return graphOf(
    compactScope({
      actors: actorIds.map((id) => ({ id, name: id, kind: 'person', roles: [], power: null, alignment: null })),
      relationships,
    }),
  );
}

/** The same graph from the compact form a worker thread receives. */
export function graphOf(scope: Pick<CompactScope, 'ids' | 'from' | 'to' | 'strength'>): Graph<Record<string, never>, TieAttributes> {
  const graph = new Graph<Record<string, never>, TieAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false });
  const { ids, from, to, strength } = scope;
  for (const id of ids) graph.mergeNode(id);
  for (let i = 0; i < from.length; i++) {
    const a = ids[from[i]!]!;
    const b = ids[to[i]!]!;
    if (a === b) continue;
    const s = strength[i]!;
    const existing = graph.edge(a, b);
    if (existing === undefined) {
      graph.addEdge(a, b, { strength: s, cost: tieCost(s) });
    } else {
      const e = graph.getEdgeAttributes(existing);
      graph.mergeEdgeAttributes(existing, { strength: e.strength + s, cost: Math.min(e.cost, tieCost(s)) });
    }
  }
  return graph;
}

/** A small seeded generator (mulberry32), so repeated requests give the same answer. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
