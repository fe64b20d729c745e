import type { Gateway } from '../db/gateway.js';
import {
  allTypes,
  type AnalysisActor,
  type AnalysisRelationship,
  type CommunitiesAnswer,
  type CommunitiesQuery,
  type Community,
} from '../domain/analysis.js';
import { cacheKey, VersionCache } from './cache.js';
import { buildCsr, type Csr } from './csr.js';
import { csrLouvain } from './louvain.js';
import { compactScope, transferables, type CompactScope } from './compact.js';
import type { WorkerPool } from '../workers/pool.js';
import { typeMask } from './paths.js';
import { freezeScope } from './projection/frozen.js';
import { projectionsFor } from './projection/registry.js';
import { csrKey } from './projection/csr-store.js';
import { questionGraph } from './projection/scope.js';
import { scopeKey, type Subgraph } from './scope.js';

/** Above this many ties in scope the answer lists the communities but not every tie. */
export const MAX_DRAWN_RELATIONSHIPS = 20_000;
const LOUVAIN_SEED = 1_977;

/**
 * In memory, not Cypher: Louvain needs repeated passes over every tie with moving community
 * totals, which Cypher cannot express and Neo4j Community does not ship. It runs on a worker
 * thread over the scope's CSR (louvain.ts, typed arrays): the same graph the power brokers
 * measure, built once per projection version and kept beside the projection, so brokers and
 * communities on one version build it once between them. Measured at 10,000 actors /
 * 100,000 ties (bench/communities-measure.ts): 0.2 s, where building a graphology graph took
 * 1.6 s and its Louvain 1.0 s more. A fixed seed makes the same data give the same clusters
 * on every call. The scope comes out of the workspace's live projection.
 */
export async function communities(
  db: Gateway,
  pool: WorkerPool,
  ws: string,
  q: CommunitiesQuery,
  cache?: VersionCache<CommunitiesAnswer>,
  signal?: AbortSignal,
): Promise<CommunitiesAnswer> {
  const types = [...(q.types ?? allTypes)];
  const projections = projectionsFor(db);
  const { g, scope, inScope } = await questionGraph(db, projections, ws, q);
  const key = cacheKey(ws, 'communities', scopeKey(q), types.join(','), q.resolution, g.seq);
  const hit = cache?.get(key);
  if (hit) return hit;
  const frozen = freezeScope(g, scope, inScope, typeMask(types));
  const compact = frozen.compact;
  const { ids, names } = compact;
  let clusters = emptyClusters;
  if (ids.length > 0) {
    const graphKey = csrKey(scopeKey(q), types, frozen.seq);
    const kept = projections.scopeGraphs.get(ws, graphKey);
    const input = kept ? { scope: { ...compact, from: noInts, to: noInts, strength: noBytes }, csr: kept } : { scope: compact };
    clusters = await pool.run('communities', { ...input, resolution: q.resolution }, kept ? [] : transferables(compact), signal);
    if (clusters.csr) projections.scopeGraphs.keep(ws, graphKey, clusters.csr);
  }
  const drawn: DrawnScope = {
    actors: () => frozen.actors(),
    relationships: (limit) => frozen.relationships(undefined, limit),
    relationshipCount: frozen.relationshipCount,
    changeSeq: frozen.seq,
  };
  const answer = communitiesAnswerOf(drawn, ids, names, clusters, q.resolution);
  cache?.set(key, answer);
  return answer;
}

const noInts = new Int32Array(0);
const noBytes = new Uint8Array(0);

/** What an answer draws of its scope, read only as far as it needs. */
export interface DrawnScope {
  actors(): AnalysisActor[];
  relationships(limit: number): AnalysisRelationship[];
  relationshipCount: number;
  changeSeq: number;
}

const drawnOf = (sub: Subgraph): DrawnScope => ({
  actors: () => sub.actors,
  relationships: (limit) => sub.relationships.slice(0, limit),
  relationshipCount: sub.relationships.length,
  changeSeq: sub.changeSeq,
});

/**
 * Communities as positions into the scope's actors: community k's members, most central
 * first, are `order[offsets[k]] … order[offsets[k + 1] - 1]`, communities largest first.
 */
export interface Clusters {
  order: Int32Array;
  offsets: Int32Array;
  modularity: number;
  /** The scope's graph when this computation built it (in shared memory), for the next question. */
  csr?: Csr;
}

const emptyClusters: Clusters = { order: new Int32Array(0), offsets: new Int32Array(1), modularity: 0 };

/**
 * Louvain clusters (ties weighted by strength), each led by its best-tied member: what the
 * worker runs. With `csr` (the scope's graph built by an earlier question) the scope's ties
 * are not read.
 */
export function clustersOf({ scope, resolution, csr }: { scope: CompactScope; resolution: number; csr?: Csr }): Clusters {
  const n = scope.ids.length;
  if (n === 0) return emptyClusters;
  const graph = csr ?? buildCsr(scope, true);
  const { community, count, modularity } = csrLouvain(graph, { resolution, seed: LOUVAIN_SEED });
  // "Most central" within its own cluster: the most strength in ties to fellow members.
  const inner = new Float64Array(n);
  const size = new Int32Array(count);
  for (let v = 0; v < n; v++) {
    const c = community[v]!;
    size[c]!++;
    for (let p = graph.offsets[v]!; p < graph.offsets[v + 1]!; p++) if (community[graph.targets[p]!] === c) inner[v]! += graph.weights[p]!;
  }
  const byName = (a: number, b: number) => scope.names[a]!.localeCompare(scope.names[b]!);
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let v = 0; v < n; v++) members[community[v]!]!.push(v);
  for (const list of members) list.sort((a, b) => inner[b]! - inner[a]! || byName(a, b));
  members.sort((a, b) => b.length - a.length || byName(a[0]!, b[0]!));
  const order = new Int32Array(n);
  const offsets = new Int32Array(count + 1);
  let at = 0;
  members.forEach((list, k) => {
    for (const v of list) order[at++] = v;
    offsets[k + 1] = at;
  });
  return { ...(csr ? {} : { csr: graph }), order, offsets, modularity: Math.round(modularity * 1e4) / 1e4 };
}

/** The answer from the scope as read and the clusters as computed. */
export function communitiesAnswerOf(
  sub: DrawnScope,
  ids: string[],
  names: string[],
  clusters: Clusters,
  resolution: number,
): CommunitiesAnswer {
  const base = { resolution, dataVersion: sub.changeSeq, relationshipsTruncated: false };
  if (clusters.offsets.length === 1) return { ...base, communities: [], modularity: 0, actors: [], relationships: [] };
  const list: Community[] = [];
  for (let k = 0; k + 1 < clusters.offsets.length; k++) {
    const actorIds: string[] = [];
    for (let j = clusters.offsets[k]!; j < clusters.offsets[k + 1]!; j++) actorIds.push(ids[clusters.order[j]!]!);
    const lead = clusters.order[clusters.offsets[k]!]!;
    list.push({ id: k + 1, name: names[lead] ?? ids[lead]!, centralActorId: ids[lead]!, size: actorIds.length, actorIds });
  }
  const truncated = sub.relationshipCount > MAX_DRAWN_RELATIONSHIPS;
  return {
    ...base,
    communities: list,
    modularity: clusters.modularity,
    actors: sub.actors(),
    relationships: sub.relationships(MAX_DRAWN_RELATIONSHIPS),
    relationshipsTruncated: truncated,
  };
}

/** The whole computation on this thread: for tests and tools. */
export function findCommunities(sub: Subgraph, resolution: number): CommunitiesAnswer {
  const scope = compactScope(sub);
  return communitiesAnswerOf(drawnOf(sub), scope.ids, scope.names, clustersOf({ scope, resolution }), resolution);
}
