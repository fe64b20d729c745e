/**
 * Where whole-workspace communities spend their time, step by step, on the bench's seeded
 * power graphs (run: npx tsx bench/communities-measure.ts 10000 100000): taking the scope
 * out of the projection (request thread), then on the worker: the graphology graph, Louvain
 * on it, and ordering the members; beside it the CSR Louvain on the kept scope graph.
 */
import louvain from 'graphology-communities-louvain';
import { clustersOf } from '../server/analysis/communities.js';
import { buildCsr } from '../server/analysis/csr.js';
import { csrLouvain } from '../server/analysis/louvain.js';
import { graphOf, seededRandom } from '../server/analysis/graph.js';
import { typeMask } from '../server/analysis/paths.js';
import { freezeScope } from '../server/analysis/projection/frozen.js';
import { ProjectionGraph } from '../server/analysis/projection/graph.js';
import { relationshipTypes } from '../server/domain/relationship.js';
import { generatePowerGraph } from './lib/generator.js';

const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
for (const n of sizes.length ? sizes : [10_000]) {
  const data = generatePowerGraph(n, { seed: 1 });
  const g = new ProjectionGraph();
  g.beginBulk();
  for (const a of data.actors) g.putActor(a);
  for (const r of data.relationships)
    g.putTie({ id: r.id, type: r.type, from: data.actors[r.from]!.id, to: data.actors[r.to]!.id, strength: r.strength, mutual: r.mutual });
  g.compact();
  const inScope = g.alive.slice(0, g.actorCount);
  let t = performance.now();
  const frozen = freezeScope(g, null, inScope, typeMask(relationshipTypes));
  const freeze = ms(t);
  const scope = frozen.compact;
  t = performance.now();
  const graph = graphOf(scope);
  const build = ms(t);
  t = performance.now();
  const detail = louvain.detailed(graph, { getEdgeWeight: 'strength', resolution: 1, rng: seededRandom(1_977) });
  const run = ms(t);
  t = performance.now();
  clustersOf({ scope, resolution: 1 });
  const whole = ms(t);
  t = performance.now();
  const csr = buildCsr(scope);
  const csrBuild = ms(t);
  t = performance.now();
  const typed = csrLouvain(csr, { resolution: 1, seed: 1_977 });
  const typedRun = ms(t);
  console.log(
    `${n} actors, ${scope.from.length} ties: freeze ${freeze}; graphology graph ${build}, Louvain ${run} (modularity ${detail.modularity.toFixed(4)}, ${detail.count} communities); clustersOf in all ${whole}; CSR ${csrBuild}, CSR Louvain ${typedRun} (modularity ${typed.modularity.toFixed(4)}, ${typed.count} communities)`,
  );
}
