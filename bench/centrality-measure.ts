/**
 * How long exact betweenness takes as a scope grows, to place EXACT_LIMIT
 * (run: npx tsx bench/centrality-measure.ts). Random graphs, mean degree 10.
 */
import { buildGraph, seededRandom } from '../server/analysis/graph.js';
import { betweenness, centrality } from '../server/analysis/centrality.js';
import louvain from 'graphology-communities-louvain';

function randomScope(n: number, meanDegree: number) {
  const random = seededRandom(n);
  const ids = Array.from({ length: n }, (_, i) => `a${i}`);
  const relationships = Array.from({ length: (n * meanDegree) / 2 }, (_, i) => ({
    id: `r${i}`,
    type: 'SOCIAL' as const,
    from: ids[Math.floor(random() * n)]!,
    to: ids[Math.floor(random() * n)]!,
    strength: 1 + Math.floor(random() * 5),
    mutual: true,
  }));
  return buildGraph(ids, relationships);
}

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
for (const n of sizes.length ? sizes : [1_000, 2_000, 5_000]) {
  const graph = randomScope(n, 10);
  let t = performance.now();
  betweenness(graph, { exactLimit: Infinity });
  const exact = performance.now() - t;
  t = performance.now();
  const s = betweenness(graph, { exactLimit: 0 });
  const sampled = performance.now() - t;
  t = performance.now();
  centrality(graph, { exactLimit: 0 });
  const all = performance.now() - t;
  t = performance.now();
  louvain.detailed(graph, { getEdgeWeight: 'strength' });
  const lv = performance.now() - t;
  console.log(
    `${n} actors, ${graph.size} ties: exact ${exact.toFixed(0)} ms; sampled (${s.sampleSize}) ${sampled.toFixed(0)} ms; all measures sampled ${all.toFixed(0)} ms; louvain ${lv.toFixed(0)} ms`,
  );
}
