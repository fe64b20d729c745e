import { describe, expect, it } from 'vitest';
import { florentineMarriages, florentinePublished } from '../../tests/fixtures/florentine-families.js';
import { karatePublished, karateTies } from '../../tests/fixtures/karate-club.js';
import type { AnalysisRelationship } from '../domain/analysis.js';
import { betweenness, centrality } from './centrality.js';
import { betweennessError } from './brokers.js';
import { buildGraph } from './graph.js';

const ties = (pairs: ReadonlyArray<readonly [string | number, string | number]>, strength = 3): AnalysisRelationship[] =>
  pairs.map(([a, b], i) => ({ id: `r${i}`, type: 'FAMILY', from: String(a), to: String(b), strength, mutual: true }));
const nodes = (pairs: ReadonlyArray<readonly [string | number, string | number]>) => [...new Set(pairs.flat().map(String))];

describe('centrality on classic networks (published values)', () => {
  it('matches networkx on the Florentine families', () => {
    const c = centrality(buildGraph(nodes(florentineMarriages), ties(florentineMarriages)));
    expect(c.betweennessMode).toBe('exact');
    for (const [family, value] of Object.entries(florentinePublished.betweenness)) expect(c.betweenness[family]).toBeCloseTo(value, 3);
    for (const [family, value] of Object.entries(florentinePublished.closeness)) expect(c.closeness[family]).toBeCloseTo(value, 3);
    for (const [family, value] of Object.entries(florentinePublished.degree)) expect(c.degree[family]).toBe(value);
  });

  it('matches networkx on Zachary’s karate club', () => {
    const c = centrality(buildGraph(nodes(karateTies), ties(karateTies)));
    for (const [m, value] of Object.entries(karatePublished.degree)) expect(c.degree[m]).toBe(value);
    for (const [m, value] of Object.entries(karatePublished.betweenness)) expect(c.betweenness[m]).toBeCloseTo(value, 4);
    for (const [m, value] of Object.entries(karatePublished.pagerank)) expect(c.pagerank[m]).toBeCloseTo(value, 3);
    for (const [m, value] of Object.entries(karatePublished.closeness)) expect(c.closeness[m]).toBeCloseTo(value, 3);
  });

  it('treats a strong tie as a shorter channel than a weak one', () => {
    // a–b–d strong (5, 5) and a–c–d weak (1, 1): every a–d shortest path runs through b.
    const rels: AnalysisRelationship[] = [
      { id: '1', type: 'SOCIAL', from: 'a', to: 'b', strength: 5, mutual: true },
      { id: '2', type: 'SOCIAL', from: 'b', to: 'd', strength: 5, mutual: true },
      { id: '3', type: 'SOCIAL', from: 'a', to: 'c', strength: 1, mutual: true },
      { id: '4', type: 'SOCIAL', from: 'c', to: 'd', strength: 1, mutual: true },
    ];
    const b = betweenness(buildGraph(['a', 'b', 'c', 'd'], rels)).values;
    expect(b.b).toBeGreaterThan(0);
    expect(b.c).toBe(0);
  });

  it('samples above the exact limit, says so, and keeps the leaders in front', () => {
    const graph = buildGraph(nodes(karateTies), ties(karateTies));
    const sampled = betweenness(graph, { exactLimit: 10, sampleSize: 20 });
    expect(sampled).toMatchObject({ mode: 'sampled', sampleSize: 20 });
    const top = Object.entries(sampled.values)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 3)
      .map(([id]) => id);
    expect(top).toContain('0');
  });

  it('states an error bound for sampled betweenness that the sample keeps to', () => {
    const graph = buildGraph(nodes(karateTies), ties(karateTies));
    const exact = betweenness(graph, { exactLimit: Infinity }).values;
    const sampled = betweenness(graph, { exactLimit: 10, sampleSize: 20 });
    const { errorBound, error } = betweennessError(34, 'sampled', 20);
    const worst = Math.max(...Object.keys(exact).map((id) => Math.abs(exact[id]! - sampled.values[id]!)));
    expect(worst).toBeLessThanOrEqual(errorBound);
    expect(error).toContain(`±${errorBound}`);
    expect(betweennessError(34, 'exact', 34).errorBound).toBe(0);
  });
});
