/**
 * Analysis questions: the latency of every route under /api/workspaces/:ws/analysis, asked
 * one at a time of the real app, on the largest generated graph of the run (power-100k in
 * full runs, power-10k in quick ones) and on the real 114th Congress. There is no peer to
 * divide by here (the peer and the floor are in their own areas); these are the figures the
 * analysis issue asks for, each with its dataset and sample count.
 */
import type { Driver } from 'neo4j-driver';
import { emptyOutcome, unavailableReason, type Suite, type SuiteOutcome } from '../lib/context.js';
import type { Fixture } from '../lib/fixtures.js';
import { degrees, type PowerGraph } from '../lib/generator.js';
import { rng, uuidFrom } from '../lib/random.js';
import { quantile } from '../lib/stats.js';

interface Question {
  /** Done before each timed request (not timed): an edit, for the "after one edit" row. */
  before?: () => Promise<void>;
  name: string;
  /** One URL per sample; distinct where an answer cache would otherwise serve a repeat. */
  urls: string[];
  note?: string;
}

/** Actors of a kind (and optionally a role) with an everyday number of ties, seeded. */
function pick(graph: PowerGraph, count: number, seed: number, keep: (i: number, degree: number) => boolean): string[] {
  const degree = degrees(graph);
  const pool = graph.actors.map((_, i) => i).filter((i) => keep(i, degree[i]!));
  const random = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < count && pool.length; i++) out.push(graph.actors[pool[Math.floor(random() * pool.length)]!]!.id);
  return out;
}

/** Pairs of the organisations that most people sit on or belong to (boards, committees). */
function seatPairs(graph: PowerGraph, count: number): Array<[string, string]> {
  const seats = new Map<number, number>();
  for (const r of graph.relationships) {
    if ((r.type === 'POSITION' && r.fields.board) || r.type === 'MEMBERSHIP') seats.set(r.to, (seats.get(r.to) ?? 0) + 1);
  }
  const top = [...seats.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count * 2)
    .map(([i]) => graph.actors[i]!.id);
  return Array.from({ length: Math.floor(top.length / 2) }, (_, i) => [top[i]!, top[top.length - 1 - i]!] as [string, string]);
}

/** A demand aimed at a few decision-makers, written straight into the store and removed after, so the fixture stays as it was. */
async function withDemand<T>(driver: Driver, fixture: Fixture, targets: string[], fn: (id: string) => Promise<T>): Promise<T> {
  const id = uuidFrom(rng(fixture.graph.actors.length + 77));
  const run = async (cypher: string) => {
    const session = driver.session({ database: 'neo4j' });
    try {
      await session.run(cypher, { id, ws: fixture.workspaceId, targets, now: new Date().toISOString() });
    } finally {
      await session.close();
    }
  };
  await run('MATCH (d:Demand {id: $id}) DETACH DELETE d');
  await run(
    `CREATE (d:Demand {id: $id, workspaceId: $ws, title: 'Benchmark demand', description: '', status: 'active', version: 1, createdAt: $now, updatedAt: $now})
     WITH d UNWIND $targets AS t MATCH (a:Actor {id: t}) CREATE (d)-[:TARGETS {primary: true}]->(a)`,
  );
  try {
    return await fn(id);
  } finally {
    await run('MATCH (d:Demand {id: $id}) DETACH DELETE d');
  }
}

/** One edit through the API: the actor's power moves by one (its version read first). */
async function editOne(ctx: Parameters<Suite['run']>[0], fixture: Fixture, actorId: string): Promise<void> {
  const url = `${ctx.api.url}/api/workspaces/${fixture.workspaceId}/actors/${actorId}`;
  const headers = { authorization: `Bearer ${fixture.token}`, 'content-type': 'application/json' };
  const current = (await (await fetch(url, { headers })).json()) as { version: number; power: number | null };
  const res = await fetch(url, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({ version: current.version, power: ((current.power ?? 0) + 1) % 6 }),
  });
  if (!res.ok) throw new Error(`edit for the bench failed: ${res.status} ${await res.text()}`);
}

async function timeOne(url: string, headers: Record<string, string>): Promise<{ ms: number; status: number; body: string }> {
  const t = performance.now();
  // One retry: a keep-alive connection left idle through a long question may have been closed.
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(900_000) }).catch(() =>
    fetch(url, { headers, signal: AbortSignal.timeout(900_000) }),
  );
  const body = await res.text();
  return { ms: performance.now() - t, status: res.status, body: res.status === 200 ? '' : body };
}

const ms = (x: number) => (x < 10 ? Math.round(x * 10) / 10 : Math.round(x));

function questionsFor(fixture: Fixture, ctx: Parameters<Suite['run']>[0], demand: string, congress: boolean): Question[] {
  const g = fixture.graph;
  const base = `${ctx.api.url}/api/workspaces/${fixture.workspaceId}/analysis`;
  const big = g.actors.length >= 50_000;
  const n = ctx.quick ? 5 : congress ? 8 : 15;
  // Everyday actors: 5–30 ties (on Congress, legislators, whose ties are mostly votes and bills).
  const everyday = pick(g, n * 2, 11, (i, d) => (congress ? g.actors[i]!.kind === 'person' && d >= 20 : d >= 5 && d <= 30));
  const people = pick(g, n * 2, 13, (i, d) => g.actors[i]!.kind === 'person' && (congress ? d >= 20 : d >= 5 && d <= 30));
  const deciders = pick(g, n, 17, (i, d) => g.actors[i]!.roles.includes('decision_maker') && d >= 5);
  const pairs = Array.from({ length: n }, (_, i) => [people[2 * i]!, people[2 * i + 1]!] as const).filter(([a, b]) => a && b && a !== b);
  const seats = seatPairs(g, 10);
  // Whole-workspace centrality and communities take minutes at 100k: one sample there (and in quick runs).
  const heavy = ctx.quick || big ? 1 : 3;
  const from = congress ? `&from=${people.slice(0, 3).join(',')}` : '';
  return [
    { name: 'neighbourhood, depth 1 (limit 100)', urls: everyday.slice(0, n).map((a) => `${base}/neighborhood?actor=${a}&depth=1`) },
    {
      name: 'neighbourhood, depth 2 (limit 500)',
      urls: everyday.slice(0, n).map((a) => `${base}/neighborhood?actor=${a}&depth=2&limit=500`),
    },
    {
      name: 'neighbourhood, depth 3 (limit 500)',
      urls: everyday.slice(n, 2 * n).map((a) => `${base}/neighborhood?actor=${a}&depth=3&limit=500`),
    },
    { name: 'find connections, k=3, ≤ 4 hops', urls: pairs.map(([a, b]) => `${base}/paths?from=${a}&to=${b}&k=3&maxHops=4`) },
    {
      name: 'find connections, weighted, k=3, ≤ 6 hops',
      urls: pairs.map(([a, b]) => `${base}/paths?from=${a}&to=${b}&k=3&maxHops=6&weighted=true`),
    },
    { name: 'interlocks of two boards / committees', urls: seats.map(([a, b]) => `${base}/interlocks?actors=${a},${b}`) },
    {
      name: 'power brokers around an actor (depth 2)',
      urls: everyday.slice(0, n).map((a, i) => `${base}/brokers?around=${a}&depth=2&limit=${20 + i}`),
    },
    {
      name: 'communities around an actor (depth 2)',
      urls: everyday.slice(0, n).map((a, i) => `${base}/communities?around=${a}&depth=2&resolution=${1 + i / 1000}`),
    },
    {
      name: `leverage routes to a decision-maker, k=5, ≤ 4 hops (from ${congress ? '3 legislators' : 'our base'})`,
      urls: deciders.map((t) => `${base}/leverage?target=${t}&k=5&maxHops=4${from}`),
    },
    {
      name: 'target circle of a demand (3 primary targets)',
      urls: Array.from({ length: n }, (_, i) => `${base}/demands/${demand}/circle?limit=${20 + i}`),
    },
    { name: 'power brokers, whole workspace (uncached)', urls: Array.from({ length: heavy }, (_, i) => `${base}/brokers?limit=${60 + i}`) },
    {
      name: 'power brokers, whole workspace (cached answer)',
      urls: Array.from({ length: n }, () => `${base}/brokers?limit=60`),
      note: 'same question again: the answer cache per data version',
    },
    {
      name: 'power brokers, whole workspace, after one edit',
      urls: Array.from({ length: heavy }, () => `${base}/brokers?limit=60`),
      before: () => editOne(ctx, fixture, everyday[0]!),
      note: "an actor's power changed through the API just before (not timed): the projection applies the change, the measures run again",
    },
    {
      name: 'communities, whole workspace (uncached)',
      urls: Array.from({ length: heavy }, (_, i) => `${base}/communities?resolution=${1 + (i + 1) / 1e6}`),
    },
  ];
}

async function measure(fixture: Fixture, ctx: Parameters<Suite['run']>[0], out: SuiteOutcome, congress: boolean) {
  const g = fixture.graph;
  const headers = { authorization: `Bearer ${fixture.token}` };
  const targets = pick(g, 3, 19, (i, d) => g.actors[i]!.roles.includes('decision_maker') && d >= 5);
  const rows: Array<Array<string | number | null>> = [];
  const raw: Record<string, number[]> = {};
  await withDemand(ctx.driver, fixture, targets, async (demand) => {
    for (const q of questionsFor(fixture, ctx, demand, congress)) {
      const samples: number[] = [];
      let failure: string | null = null;
      // One unmeasured request warms the statement plans; the whole-workspace ones are their own warm-up.
      if (!/whole workspace/.test(q.name)) await timeOne(q.urls[0]!, headers);
      const started = performance.now();
      for (const url of q.urls) {
        await q.before?.();
        const r = await timeOne(url, headers);
        if (r.status !== 200) {
          failure = unavailableReason(r.status, r.body);
          break;
        }
        samples.push(r.ms);
      }
      if (failure) out.unavailable.push(`${q.name} on ${fixture.name}: ${failure}`);
      raw[q.name] = samples.map(ms);
      const p50 = samples.length ? ms(quantile(samples, 0.5)) : null;
      const p95 = samples.length ? ms(quantile(samples, 0.95)) : null;
      const p99 = samples.length ? ms(quantile(samples, 0.99)) : null;
      rows.push([fixture.name, q.name, samples.length, p50, p95, p99, samples.length ? ms(Math.max(...samples)) : null]);
      ctx.log(
        `  ${fixture.name} ${q.name}: p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms (${samples.length} in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
  });
  return { rows, raw };
}

export const questionsSuite: Suite = {
  name: 'questions',
  title: 'Analysis questions: latency of every /analysis route (ms), one request at a time',
  async run(ctx) {
    const out = emptyOutcome();
    const rows: Array<Array<string | number | null>> = [];
    const raw: Record<string, unknown> = {};
    const generated = ctx.fixtures['power-100k'] ?? ctx.fixtures['power-10k']!;
    for (const [fixture, congress] of [
      [generated, false],
      [ctx.fixtures['congress-114'], true],
    ] as const) {
      if (!fixture) continue;
      out.datasets[fixture.name] = { actors: fixture.graph.actors.length, relationships: fixture.graph.relationships.length };
      ctx.log(`  ${fixture.name}…`);
      const m = await measure(fixture, ctx, out, congress);
      rows.push(...m.rows);
      raw[fixture.name] = m.raw;
    }
    out.tables.push({
      caption: 'real app over HTTP, concurrency 1, after one unmeasured request; p99 of fewer than 100 samples is close to their maximum',
      columns: ['graph', 'question', 'samples', 'p50', 'p95', 'p99', 'max'],
      rows,
    });
    out.notes.push(
      'Everyday actors have 5–30 ties on the generated graphs; on Congress they are legislators (20 ties or more: committee seats, sponsorships and votes), so a depth-2 neighbourhood there is cut by its limit.',
    );
    out.notes.push(
      'Whole-workspace brokers and communities are asked with a different limit or resolution each time so the per-version answer cache never serves them; the cached row shows what a repeat costs.',
    );
    out.notes.push(
      'The target circle is asked of a demand written for the run (three decision-makers as primary targets) and removed afterwards.',
    );
    if (!ctx.fixtures['congress-114']) out.notes.push('The 114th Congress fixture was not built: ../shared/data/legis-graph is missing.');
    out.raw = raw;
    return out;
  },
};
