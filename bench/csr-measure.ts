/**
 * graphology vs compressed sparse row centrality on the same scope
 * (run: npx tsx bench/csr-measure.ts 1000 10000 100000). Random graphs, mean degree 10,
 * with one hub tied to 2 % of the actors.
 */
import { centrality } from '../server/analysis/centrality.js';
import { csrCentrality } from '../server/analysis/csr.js';
import { graphOf, seededRandom } from '../server/analysis/graph.js';

function randomScope(n: number, meanDegree: number) {
  const random = seededRandom(n);
  const m = (n * meanDegree) / 2;
  const hub = Math.floor(n * 0.02);
  const from = new Int32Array(m + hub);
  const to = new Int32Array(m + hub);
  const strength = new Uint8Array(m + hub);
  for (let i = 0; i < m + hub; i++) {
    from[i] = i < m ? Math.floor(random() * n) : 0;
    to[i] = Math.floor(random() * n);
    strength[i] = 1 + Math.floor(random() * 5);
  }
  const ids = Array.from({ length: n }, (_, i) => `a${i}`);
  return { ids, names: ids, power: new Float64Array(n), from, to, strength };
}

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
for (const n of sizes.length ? sizes : [1_000, 10_000]) {
  const scope = randomScope(n, 10);
  let t = performance.now();
  const old = centrality(graphOf(scope));
  const graphology = performance.now() - t;
  t = performance.now();
  const csr = csrCentrality(scope);
  const compact = performance.now() - t;
  console.log(
    `${n} actors, ${scope.from.length} ties (${old.betweennessMode}, sample ${old.sampleSize}/${csr.sampleSize}): graphology ${graphology.toFixed(0)} ms; CSR ${compact.toFixed(0)} ms; ×${(graphology / compact).toFixed(1)}`,
  );
}
