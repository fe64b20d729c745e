import Graph from 'graphology';
import type { AnalysisRelationship } from '../domain/analysis.js';

export interface TieAttributes {
  /** Summed strength of every tie between the pair (1–5 each). */
  strength: number;
  /** Length of the strongest tie between the pair: 1 for strength 5 … 2 for strength 1. */
  cost: number;
  ids: string[];
}

/** How far a tie is in weighted mode: strong ties (5) count 1, weak ones (1) count 2. */
export const tieCost = (strength: number) => 1 + (5 - strength) / 4;

/**
 * The scope as an undirected simple graph: a tie is a channel both ways for brokerage,
 * and several ties between the same pair are one edge (strengths summed, the shortest cost
 * kept), the convention of the published results we test against.
 */
export function buildGraph(actorIds: string[], relationships: AnalysisRelationship[]): Graph<Record<string, never>, TieAttributes> {
  const graph = new Graph<Record<string, never>, TieAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of actorIds) graph.mergeNode(id);
  for (const r of relationships) {
    if (r.from === r.to || !graph.hasNode(r.from) || !graph.hasNode(r.to)) continue;
    const existing = graph.edge(r.from, r.to);
    if (existing === undefined) {
      graph.addEdge(r.from, r.to, { strength: r.strength, cost: tieCost(r.strength), ids: [r.id] });
    } else {
      const a = graph.getEdgeAttributes(existing);
      graph.mergeEdgeAttributes(existing, { strength: a.strength + r.strength, cost: Math.min(a.cost, tieCost(r.strength)), ids: [...a.ids, r.id] });
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
