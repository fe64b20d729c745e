import type Graph from 'graphology';
import closenessCentrality from 'graphology-metrics/centrality/closeness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { createDijkstraIndexedBrandes } from 'graphology-shortest-path/indexed-brandes.js';
import { singleSourceLength } from 'graphology-shortest-path/unweighted.js';
import { seededRandom, type TieAttributes } from './graph.js';

/**
 * Exact Brandes betweenness (and exact closeness) cost one shortest-path search per actor.
 * Measured on the 2-core development machine (bench/centrality-measure.ts, random
 * graphs with mean degree 10, weighted Brandes from graphology-shortest-path):
 *   1,000 actors / 5,000 ties: exact 1.05 s;  2,000 / 10,000: 4.2 s;  5,000 / 25,000: 15.4 s.
 * So up to EXACT_LIMIT actors the answer is exact in about a second. Above it both measures
 * run from a sample of source actors, chosen with a fixed seed: betweenness scaled by n/k
 * (Brandes & Pich 2007), closeness from the sampled distances (Eppstein & Wang 2004). The
 * sample shrinks as the scope grows so the work stays near WORK_BUDGET steps (about as long
 * as the exact answer at the limit), never below MIN_SAMPLE; the answer reports its size.
 * graphology-metrics offers only the exact forms; the sampled ones reuse its indexed
 * Brandes searches and repeat only the accumulation loop.
 */
export const EXACT_LIMIT = 1_000;
export const MIN_SAMPLE = 50;
export const MAX_SAMPLE = 500;
export const WORK_BUDGET = 3_000_000;
export const SAMPLE_SEED = 20_240_601;

export function sampleSizeFor(actors: number, ties: number): number {
  return Math.min(actors, Math.max(MIN_SAMPLE, Math.min(MAX_SAMPLE, Math.floor(WORK_BUDGET / (actors + ties)))));
}

export interface Centrality {
  degree: Record<string, number>;
  weightedDegree: Record<string, number>;
  betweenness: Record<string, number>;
  pagerank: Record<string, number>;
  closeness: Record<string, number>;
  betweennessMode: 'exact' | 'sampled';
  sampleSize: number;
  seed: number;
}

/**
 * Weighted betweenness (normalised as networkx does: divided by (n−1)(n−2)/2 pairs, so 0…1).
 * Shortest paths use each tie's cost, so a strong tie is a shorter channel than a weak one.
 */
export function betweenness(
  graph: Graph<Record<string, never>, TieAttributes>,
  options: { exactLimit?: number; sampleSize?: number; seed?: number } = {},
): { values: Record<string, number>; mode: 'exact' | 'sampled'; sampleSize: number; sources: string[] } {
  const n = graph.order;
  if (n === 0) return { values: {}, mode: 'exact', sampleSize: 0, sources: [] };
  const exactLimit = options.exactLimit ?? EXACT_LIMIT;
  const brandes = createDijkstraIndexedBrandes(graph, (_edge, attributes) => attributes.cost);
  const sampled = n > exactLimit;
  const k = options.sampleSize ?? sampleSizeFor(n, graph.size);
  const sources = sampled ? pickSources(n, Math.min(n, k), options.seed ?? SAMPLE_SEED) : range(n);
  const delta = new Float64Array(n);
  const centralities = new Float64Array(n);
  for (const source of sources) {
    const [S, P, sigma] = brandes(source);
    delta.fill(0);
    while (S.size !== 0) {
      const w = S.pop()!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (const v of P[w]!) delta[v]! += sigma[v]! * coefficient;
      if (w !== source) centralities[w]! += delta[w]!;
    }
  }
  // Each unordered pair is counted from both ends in an undirected graph.
  const scale = n <= 2 ? 0 : (sampled ? n / sources.length : 1) / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) centralities[i]! *= scale;
  // The typings omit the index the function carries (graphology-metrics reads it the same way).
  const index = (brandes as unknown as { index: { collect(values: Float64Array): Record<string, number> } }).index;
  const values = index.collect(centralities);
  const nodes = graph.nodes();
  return { values, mode: sampled ? 'sampled' : 'exact', sampleSize: sources.length, sources: sources.map((i) => nodes[i]!) };
}

/** Degree, strength, weighted betweenness, PageRank (weighted by strength) and closeness. */
export function centrality(
  graph: Graph<Record<string, never>, TieAttributes>,
  options: Parameters<typeof betweenness>[1] = {},
): Centrality {
  const degree: Record<string, number> = {};
  const weightedDegree: Record<string, number> = {};
  graph.forEachNode((node) => {
    degree[node] = graph.degree(node);
    let sum = 0;
    graph.forEachEdge(node, (_edge, attributes) => {
      sum += attributes.strength;
    });
    weightedDegree[node] = sum;
  });
  const b = betweenness(graph, options);
  const pr =
    graph.size === 0 ? uniform(graph) : pagerank(graph, { getEdgeWeight: (_edge, attributes) => (attributes as TieAttributes).strength });
  // Closeness is over hop distances, each component on its own (Wasserman–Faust scaling
  // keeps actors of small components from looking central), as networkx does.
  const closeness =
    b.mode === 'exact'
      ? graph.order === 0
        ? {}
        : closenessCentrality(graph, { wassermanFaust: true })
      : sampledCloseness(graph, b.sources);
  return {
    degree,
    weightedDegree,
    betweenness: b.values,
    pagerank: pr,
    closeness,
    betweennessMode: b.mode,
    sampleSize: b.sampleSize,
    seed: options.seed ?? SAMPLE_SEED,
  };
}

/** Closeness estimated from hop distances to the sampled sources only. */
function sampledCloseness(graph: Graph, sources: string[]): Record<string, number> {
  const total: Record<string, number> = {};
  const reached: Record<string, number> = {};
  for (const source of sources) {
    const lengths = singleSourceLength(graph, source);
    for (const [node, length] of Object.entries(lengths)) {
      if (length === 0) continue;
      total[node] = (total[node] ?? 0) + length;
      reached[node] = (reached[node] ?? 0) + 1;
    }
  }
  const out: Record<string, number> = {};
  graph.forEachNode((node) => {
    const count = reached[node] ?? 0;
    out[node] = count === 0 ? 0 : (count / total[node]!) * (count / sources.length);
  });
  return out;
}

function uniform(graph: Graph): Record<string, number> {
  const out: Record<string, number> = {};
  graph.forEachNode((node) => {
    out[node] = 1 / graph.order;
  });
  return out;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** k distinct node indexes out of n, the same ones for the same seed (partial Fisher–Yates). */
export function pickSources(n: number, k: number, seed: number): number[] {
  const random = seededRandom(seed);
  const all = range(n);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, k);
}
