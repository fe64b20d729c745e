import type { Gateway } from '../db/gateway.js';
import { allTypes, type BrokerItem, type BrokersAnswer, type BrokersQuery } from '../domain/analysis.js';
import { cacheKey, VersionCache } from './cache.js';
import type { RecentAnswers } from './recent.js';
import { buildCsr, csrCentrality, type Csr } from './csr.js';
import { compactScope, transferables, type CompactScope } from './compact.js';
import type { WorkerPool } from '../workers/pool.js';
import { typeMask } from './paths.js';
import { freezeScope } from './projection/frozen.js';
import { projectionsFor } from './projection/registry.js';
import { csrKey, type ScopeGraphs } from './projection/csr-store.js';
import { questionGraph, type QuestionGraph } from './projection/scope.js';
import { scopeKey, type Subgraph } from './scope.js';

/**
 * brokerScore, 0–100: 60 % structural position, 40 % assessed power.
 * Structural = 0.4 × betweenness + 0.3 × PageRank + 0.15 × degree + 0.15 × closeness, each
 * divided by its largest value in the scope (so 1 is the scope's leader on that measure):
 * betweenness weighs most because a broker is who sits between others; PageRank adds being
 * tied to the well-tied. Power is the organiser's 0–5 reading divided by 5; an actor whose
 * power nobody has assessed gets no power share (it shows as power: null), so an assessment
 * is what lifts an actor, never a guess.
 */
export const BROKER_METHOD =
  'brokerScore = 100 × (0.6 × structural + 0.4 × power/5); structural = 0.4 × betweenness + 0.3 × PageRank + 0.15 × degree + 0.15 × closeness, each divided by the highest value in the scope; unassessed power counts 0. Betweenness is weighted (a strength-5 tie is a step of 1, strength 1 a step of 2); PageRank weights ties by strength; ties count both ways.';

/**
 * In memory, not Cypher: betweenness, PageRank and closeness need every shortest path or
 * many passes over the whole scope; Neo4j Community has no graph algorithms (GDS is a
 * plug-in we do not ship), and Cypher would run them as path enumeration. The scope comes
 * out of the workspace's live projection (no read of the graph per question) as compact
 * typed arrays, and the measures run on a worker thread over a compressed sparse row graph
 * (csr.ts), checked against published values and against graphology's implementations
 * (server/analysis/csr.test.ts, centrality.test.ts).
 * The answer is cached by the projection's change sequence. On a large workspace
 * (`recent`), whole-workspace brokers asked after an edit answer at once from the last
 * measures if they are at most MAX_CHANGES_BEHIND changes old, saying so in `basis`, and
 * fresh ones are computed in the background.
 */
export async function brokers(
  db: Gateway,
  pool: WorkerPool,
  ws: string,
  q: BrokersQuery,
  cache?: VersionCache<BrokersAnswer>,
  signal?: AbortSignal,
  recent?: RecentAnswers<BrokersAnswer>,
): Promise<BrokersAnswer> {
  const types = [...(q.types ?? allTypes)];
  const projections = projectionsFor(db);
  const question = await questionGraph(db, projections, ws, q);
  const keyAt = (seq: number) => cacheKey(ws, 'brokers', scopeKey(q), types.join(','), q.limit, seq);
  const hit = cache?.get(keyAt(question.g.seq));
  if (hit) return hit;
  const whole = !q.map && !q.around;
  const params = cacheKey(types.join(','), q.limit);
  const last = whole ? recent?.recent(ws, params, question.g.seq) : undefined;
  if (recent && last) {
    if (last.changesSince === 0) return last.answer;
    // The last measures stand in, stated as such, while fresh ones are computed.
    recent.refresh(ws, async () => {
      const now = await questionGraph(db, projections, ws, q);
      // A refresh asked for while another ran may find its answer already made.
      if (cache?.get(keyAt(now.g.seq))) return;
      const fresh = await brokersOn(pool, projections.scopeGraphs, ws, now, q);
      cache?.set(keyAt(fresh.dataVersion), fresh);
      recent.remember(ws, params, fresh);
    });
    return { ...last.answer, basis: { version: last.answer.dataVersion, changesSince: last.changesSince, refreshing: true } };
  }
  const answer = await brokersOn(pool, projections.scopeGraphs, ws, question, q, signal);
  cache?.set(keyAt(answer.dataVersion), answer);
  if (whole) recent?.remember(ws, params, answer);
  return answer;
}

/** What runs a worker task: the pool, or (in tests and tools) the task on this thread. */
export type TaskRunner = Pick<WorkerPool, 'run'>;

/**
 * The ranking of one question on the projection. The scope's CSR is built by the worker the
 * first time the scope is measured at this projection version and kept in `graphs`; later
 * questions on the same version hand the kept one over (shared memory, not copied) and send
 * no ties at all.
 */
export async function brokersOn(
  run: TaskRunner,
  graphs: ScopeGraphs,
  ws: string,
  { g, scope, inScope }: QuestionGraph,
  q: BrokersQuery,
  signal?: AbortSignal,
): Promise<BrokersAnswer> {
  const types = [...(q.types ?? allTypes)];
  const frozen = freezeScope(g, scope, inScope, typeMask(types));
  const compact = frozen.compact;
  const graphKey = csrKey(scopeKey(q), types, frozen.seq);
  const kept = graphs.get(ws, graphKey);
  const input = kept ? { scope: { ...compact, from: none, to: none, strength: noStrength }, csr: kept } : { scope: compact };
  const ranking = await run.run('brokers', { ...input, limit: q.limit }, kept ? [] : transferables(compact), signal);
  if (ranking.csr) graphs.keep(ws, graphKey, ranking.csr);
  const chosen = new Set<number>();
  const position = new Map(compact.ids.map((id, i) => [id, i]));
  for (const item of ranking.items) chosen.add(position.get(item.actorId)!);
  return {
    items: ranking.items,
    actors: frozen.actors([...chosen].sort((a, b) => a - b)),
    relationships: frozen.relationships((a, b) => chosen.has(a) && chosen.has(b)),
    actorCount: compact.ids.length,
    relationshipCount: frozen.relationshipCount,
    betweenness: ranking.betweenness,
    method: BROKER_METHOD,
    dataVersion: frozen.seq,
    basis: { version: frozen.seq, changesSince: 0, refreshing: false },
  };
}

const none = new Int32Array(0);
const noStrength = new Uint8Array(0);

export interface BrokerRanking {
  items: BrokerItem[];
  betweenness: BrokersAnswer['betweenness'];
  /** The scope's graph when this ranking built it (in shared memory), for the next question. */
  csr?: Csr;
}

/**
 * The ranking itself, pure, over the compact scope: what the worker thread runs. With `csr`
 * (the scope's graph built by an earlier question) the scope's ties are not read.
 */
export function rankCompact({ scope, limit, csr }: { scope: CompactScope; limit: number; csr?: Csr }): BrokerRanking {
  const graph = csr ?? buildCsr(scope, true);
  const c = csrCentrality(scope, {}, graph);
  const max = (values: Record<string, number>) => Math.max(0, ...Object.values(values)) || 1;
  const top = { b: max(c.betweenness), p: max(c.pagerank), d: max(c.degree), c: max(c.closeness) };
  const items: BrokerItem[] = scope.ids.map((id, i) => {
    const structural =
      0.4 * (c.betweenness[id]! / top.b) +
      0.3 * (c.pagerank[id]! / top.p) +
      0.15 * (c.degree[id]! / top.d) +
      0.15 * (c.closeness[id]! / top.c);
    const power = scope.power[i]!;
    const brokerScore = 100 * (0.6 * structural + 0.4 * ((Number.isNaN(power) ? 0 : power) / 5));
    return {
      actorId: id,
      degree: c.degree[id]!,
      weightedDegree: c.weightedDegree[id]!,
      betweenness: c.betweenness[id]!,
      pagerank: c.pagerank[id]!,
      closeness: c.closeness[id]!,
      structural: round(structural),
      brokerScore: round(brokerScore, 2),
    };
  });
  const names = new Map<string, string>();
  scope.ids.forEach((id, i) => names.set(id, scope.names[i]!));
  items.sort(
    (a, b) =>
      b.brokerScore - a.brokerScore ||
      b.betweenness - a.betweenness ||
      (names.get(a.actorId) ?? '').localeCompare(names.get(b.actorId) ?? ''),
  );
  return {
    ...(csr ? {} : { csr: graph }),
    items: items.slice(0, limit),
    betweenness: {
      mode: c.betweennessMode,
      sampleSize: c.sampleSize,
      seed: c.seed,
      ...betweennessError(scope.ids.length, c.betweennessMode, c.sampleSize),
    },
  };
}

/**
 * How far a sampled betweenness may be from the exact one. Each sampled source adds its
 * dependency δ_s(v) ∈ [0, n−2]; by Hoeffding's inequality and a union bound over the n
 * actors, with 95 % confidence every actor's normalised betweenness (0…1) is within
 * ε = n/(n−1) · √(ln(2n/0.05) / 2k) of the exact value, k being the sample size.
 */
export function betweennessError(n: number, mode: 'exact' | 'sampled', k: number): { errorBound: number; error: string } {
  if (mode === 'exact' || k === 0 || n < 3) return { errorBound: 0, error: 'Exact (Brandes): one shortest-path search from every actor.' };
  const bound = Math.ceil((n / (n - 1)) * Math.sqrt(Math.log((2 * n) / 0.05) / (2 * k)) * 1e4) / 1e4;
  return {
    errorBound: bound,
    error: `Sampled from ${k} of ${n} actors (fixed seed): with 95 % confidence every actor's betweenness (0…1) is within ±${bound} of the exact value; rankings of actors closer than that may swap.`,
  };
}

/** The answer from the scope as read and the ranking as computed. */
export function brokersAnswerOf(sub: Subgraph, ranking: BrokerRanking): BrokersAnswer {
  const keptIds = new Set(ranking.items.map((i) => i.actorId));
  return {
    items: ranking.items,
    actors: sub.actors.filter((a) => keptIds.has(a.id)),
    relationships: sub.relationships.filter((r) => keptIds.has(r.from) && keptIds.has(r.to)),
    actorCount: sub.actors.length,
    relationshipCount: sub.relationships.length,
    betweenness: ranking.betweenness,
    method: BROKER_METHOD,
    dataVersion: sub.changeSeq,
    basis: { version: sub.changeSeq, changesSince: 0, refreshing: false },
  };
}

/** The whole computation on this thread: for tests and tools. */
export function rankBrokers(sub: Subgraph, limit: number): BrokersAnswer {
  return brokersAnswerOf(sub, rankCompact({ scope: compactScope(sub), limit }));
}

const round = (x: number, places = 4) => Math.round(x * 10 ** places) / 10 ** places;
