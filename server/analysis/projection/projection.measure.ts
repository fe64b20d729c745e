/**
 * The projection on a hub-heavy graph, without the database: memory, the cost of one edit,
 * and find-connections / leverage-style searches (run: npx tsx
 * server/analysis/projection/projection.measure.ts [actors] [tiesPerActor]).
 * Ties attach preferentially (a few actors collect hundreds of ties, as real power networks do).
 */
import { randomUUID } from 'node:crypto';
import { relationshipTypes } from '../../domain/relationship.js';
import { seededRandom } from '../graph.js';
import { typeMask } from '../paths.js';
import { ProjectionGraph } from './graph.js';
import { Budget, hopsToTarget, kShortestPaths, Scratch, type WalkRules } from './search.js';

const n = Number(process.argv[2] ?? 100_000);
const perActor = Number(process.argv[3] ?? 10);
const random = seededRandom(7);
const rssBefore = process.memoryUsage().rss;
const g = new ProjectionGraph();
g.beginBulk();
const ids = Array.from({ length: n }, () => randomUUID());
let t = performance.now();
ids.forEach((id, i) =>
  g.putActor({
    id,
    name: `Actor ${i}`,
    kind: i % 3 ? 'person' : 'organization',
    roles: i % 500 === 0 ? ['base'] : [],
    power: i % 6,
    alignment: (i % 7) - 3,
  }),
);
const ends: number[] = [];
for (let i = 0; i < n * perActor; i++) {
  const a = Math.floor(random() * n);
  // Half the time the other end is an end already used: preferential attachment, hence hubs.
  const b = ends.length && random() < 0.5 ? ends[Math.floor(random() * ends.length)]! : Math.floor(random() * n);
  if (a === b) continue;
  ends.push(a, b);
  g.putTie({
    id: randomUUID(),
    type: relationshipTypes[i % relationshipTypes.length]!,
    from: ids[a]!,
    to: ids[b]!,
    strength: 1 + (i % 5),
    mutual: i % 2 === 0,
  });
}
g.compact();
const built = performance.now() - t;
let maxDegree = 0;
for (let v = 0; v < n; v++) maxDegree = Math.max(maxDegree, g.offsets[v + 1]! - g.offsets[v]!);
console.log(`${n} actors, ${g.edgeCount} ties, largest hub ${maxDegree} ties; built in ${(built / 1000).toFixed(1)} s`);
console.log(
  `projection ${(g.bytes() / 2 ** 20).toFixed(0)} MB by its own count; process RSS grew ${((process.memoryUsage().rss - rssBefore) / 2 ** 20).toFixed(0)} MB (ids and the generator included)`,
);

t = performance.now();
const edits = 10_000;
for (let i = 0; i < edits; i++)
  g.putTie({
    id: g.edgeIds[i]!,
    type: 'SOCIAL',
    from: g.actorIds[g.from[i]!]!,
    to: g.actorIds[g.to[i]!]!,
    strength: 1 + ((i + 1) % 5),
    mutual: true,
  });
console.log(`edit strength: ${(((performance.now() - t) / edits) * 1000).toFixed(2)} µs each`);

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const all = typeMask(relationshipTypes);
const steppable = g.alive.slice(0, g.actorCount);
for (const weighted of [false, true]) {
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    const rules: WalkRules = { steppable, types: all, maxHops: 6, weighted };
    t = performance.now();
    const budget = new Budget(20_000_000);
    kShortestPaths(g, rules, a, b, 3, budget);
    times.push(performance.now() - t);
  }
  console.log(
    `find connections k=3 ≤ 6 hops${weighted ? ', weighted' : ''}: p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms`,
  );
}
{
  const base: number[] = [];
  for (let v = 0; v < n; v++) if (g.roles[v]) base.push(v);
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const target = Math.floor(random() * n);
    const rules: WalkRules = { steppable: steppable.slice(), types: all, maxHops: 4, weighted: false };
    const sources = base.slice(0, 200);
    for (const s of sources) rules.steppable[s] = 0;
    t = performance.now();
    const budget = new Budget(20_000_000);
    const shared = { toTarget: hopsToTarget(g, rules, target, budget), scratch: new Scratch(g.actorCount) };
    for (const s of sources) kShortestPaths(g, rules, s, target, 15, budget, shared);
    times.push(performance.now() - t);
  }
  console.log(
    `leverage routes k=5 (15 per source) ≤ 4 hops from ${Math.min(200, base.length)} base actors: p50 ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms`,
  );
}
