import { describe, expect, it } from 'vitest';
import { karatePublished, karateTies } from '../../tests/fixtures/karate-club.js';
import { centrality } from './centrality.js';
import { compactScope } from './compact.js';
import { csrCentrality } from './csr.js';
import { graphOf, seededRandom } from './graph.js';

const karate = () =>
  compactScope({
    actors: [...new Set(karateTies.flat().map(String))].map((id) => ({
      id,
      name: id,
      kind: 'person',
      roles: [],
      power: null,
      alignment: null,
    })),
    relationships: karateTies.map(([a, b], i) => ({
      id: `r${i}`,
      type: 'FAMILY',
      from: String(a),
      to: String(b),
      strength: 3,
      mutual: true,
    })),
  });

/** n actors, m ties between random pairs (parallel ties and self-ties included), strengths 1–5. */
function randomScope(seed: number, n: number, m: number) {
  const random = seededRandom(seed);
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const strength = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    from[i] = Math.floor(random() * n);
    to[i] = Math.floor(random() * n);
    strength[i] = 1 + Math.floor(random() * 5);
  }
  const ids = Array.from({ length: n }, (_, i) => `a${i}`);
  return { ids, names: ids, power: new Float64Array(n), from, to, strength };
}

function expectSame(a: Record<string, number>, b: Record<string, number>, digits: number) {
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  for (const id of Object.keys(b)) expect(a[id]).toBeCloseTo(b[id]!, digits);
}

describe('centrality on the compact graph', () => {
  it('gives the published karate club values', () => {
    const c = csrCentrality(karate());
    for (const [m, value] of Object.entries(karatePublished.degree)) expect(c.degree[m]).toBe(value);
    for (const [m, value] of Object.entries(karatePublished.betweenness)) expect(c.betweenness[m]).toBeCloseTo(value, 4);
    for (const [m, value] of Object.entries(karatePublished.pagerank)) expect(c.pagerank[m]).toBeCloseTo(value, 3);
    for (const [m, value] of Object.entries(karatePublished.closeness)) expect(c.closeness[m]).toBeCloseTo(value, 3);
  });

  it.each([1, 2, 3, 4, 5, 6])('agrees with the graphology answer on random graph %i, exact and sampled', (seed) => {
    const scope = randomScope(seed, 20 + seed * 15, 40 + seed * 40);
    for (const options of [{}, { exactLimit: 10, sampleSize: 12 }]) {
      const old = centrality(graphOf(scope), options);
      const csr = csrCentrality(scope, options);
      expect(csr.betweennessMode).toBe(old.betweennessMode);
      expect(csr.sampleSize).toBe(old.sampleSize);
      expect(csr.degree).toEqual(old.degree);
      expect(csr.weightedDegree).toEqual(old.weightedDegree);
      expectSame(csr.betweenness, old.betweenness, 9);
      expectSame(csr.closeness, old.closeness, 9);
      expectSame(csr.pagerank, old.pagerank, 4);
    }
  });
});
