import modularity from 'graphology-metrics/graph/modularity.js';
import { describe, expect, it } from 'vitest';
import { karatePublished, karateTies } from '../../tests/fixtures/karate-club.js';
import { buildCsr } from './csr.js';
import { graphOf, seededRandom } from './graph.js';
import { csrLouvain } from './louvain.js';

function scopeOf(ids: string[], ties: Array<[string, string, number?]>) {
  const index = new Map(ids.map((id, i) => [id, i]));
  return {
    ids,
    from: Int32Array.from(ties.map(([a]) => index.get(a)!)),
    to: Int32Array.from(ties.map(([, b]) => index.get(b)!)),
    strength: Uint8Array.from(ties.map(([, , s]) => s ?? 3)),
  };
}

const karate = () => {
  const ids = [...new Set(karateTies.flat().map(String))];
  return scopeOf(
    ids,
    karateTies.map(([a, b]) => [String(a), String(b)]),
  );
};

/** The partition's modularity as graphology-metrics computes it: the independent answer. */
function graphologyModularity(scope: ReturnType<typeof karate>, community: Int32Array, resolution: number) {
  const graph = graphOf(scope);
  const communities = Object.fromEntries(scope.ids.map((id, i) => [id, community[i]!]));
  return modularity(graph, { getNodeCommunity: (node: string) => communities[node]!, getEdgeWeight: 'strength', resolution });
}

describe('Louvain on the CSR', () => {
  it('splits the karate club near the best modularity known, the two leaders apart', () => {
    const scope = karate();
    const result = csrLouvain(buildCsr(scope), { seed: 1_977 });
    expect(result.modularity).toBeGreaterThan(0.41);
    expect(result.modularity).toBeLessThanOrEqual(karatePublished.maxModularity + 1e-4);
    expect(result.count).toBeGreaterThanOrEqual(3);
    expect(result.count).toBeLessThanOrEqual(5);
    const at = (member: number) => result.community[scope.ids.indexOf(String(member))]!;
    expect(at(0)).not.toBe(at(33));
    expect(result.modularity).toBeCloseTo(graphologyModularity(scope, result.community, 1), 10);
  });

  it('states the modularity graphology-metrics gives its partition, at any resolution, on weighted random graphs', () => {
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      const ids = Array.from({ length: 300 }, (_, i) => `a${i}`);
      const ties: Array<[string, string, number]> = Array.from({ length: 1_200 }, () => [
        ids[Math.floor(random() * 300)]!,
        ids[Math.floor(random() * 300)]!,
        1 + Math.floor(random() * 5),
      ]);
      const scope = scopeOf(ids, ties);
      for (const resolution of [0.5, 1, 2]) {
        const result = csrLouvain(buildCsr(scope), { resolution, seed });
        expect(result.modularity).toBeCloseTo(graphologyModularity(scope, result.community, resolution), 8);
        expect(result.modularity).toBeGreaterThan(0);
      }
    }
  });

  it('finds two cliques joined by one weak tie, and gives the same communities for the same seed', () => {
    const left = ['a', 'b', 'c', 'd', 'e'];
    const right = ['v', 'w', 'x', 'y', 'z'];
    const ties: Array<[string, string, number?]> = [];
    for (const side of [left, right]) for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) ties.push([side[i]!, side[j]!]);
    ties.push(['e', 'v', 1]);
    const scope = scopeOf([...left, ...right, 'alone'], ties);
    const result = csrLouvain(buildCsr(scope), { seed: 7 });
    const c = (id: string) => result.community[scope.ids.indexOf(id)]!;
    expect(new Set(left.map(c)).size).toBe(1);
    expect(new Set(right.map(c)).size).toBe(1);
    expect(c('a')).not.toBe(c('z'));
    expect(c('alone')).not.toBe(c('a'));
    expect(c('alone')).not.toBe(c('z'));
    expect(result.count).toBe(3);
    expect(csrLouvain(buildCsr(scope), { seed: 7 }).community).toEqual(result.community);
  });
});
