import { degrees, type PowerGraph } from './generator.js';
import { rng } from './random.js';

/** Actors with an everyday number of ties (5–30): what a researcher usually opens. */
export function typicalActors(graph: PowerGraph, count: number, seed = 11): string[] {
  const degree = degrees(graph);
  const pool = graph.actors.map((a, i) => ({ id: a.id, d: degree[i]! })).filter((a) => a.d >= 5 && a.d <= 30);
  const random = rng(seed);
  return Array.from({ length: Math.min(count, pool.length) }, () => pool[Math.floor(random() * pool.length)]!.id);
}

/** Pairs of typical actors, for "find connections". */
export function actorPairs(graph: PowerGraph, count: number, seed = 13): Array<[string, string]> {
  const ids = typicalActors(graph, count * 2, seed);
  return Array.from({ length: Math.floor(ids.length / 2) }, (_, i) => [ids[2 * i]!, ids[2 * i + 1]!] as [string, string]);
}

/** Pairs of the organisations with the biggest boards, where interlocks are found. */
export function boardPairs(graph: PowerGraph, count: number): Array<[string, string]> {
  const seats = new Map<number, number>();
  for (const r of graph.relationships) if (r.type === 'POSITION' && r.fields.board) seats.set(r.to, (seats.get(r.to) ?? 0) + 1);
  const top = [...seats.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count * 2)
    .map(([i]) => graph.actors[i]!.id);
  return Array.from({ length: Math.floor(top.length / 2) }, (_, i) => [top[i]!, top[top.length - 1 - i]!] as [string, string]);
}
