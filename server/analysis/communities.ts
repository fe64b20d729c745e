import louvain from 'graphology-communities-louvain';
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
import { graphOf, seededRandom } from './graph.js';
import { compactScope, transferables, type CompactScope } from './compact.js';
import type { WorkerPool } from '../workers/pool.js';
import { typeMask } from './paths.js';
import { freezeScope } from './projection/frozen.js';
import { projectionsFor } from './projection/registry.js';
import { questionGraph } from './projection/scope.js';
import { scopeKey, type Subgraph } from './scope.js';

/** Above this many ties in scope the answer lists the communities but not every tie. */
export const MAX_DRAWN_RELATIONSHIPS = 20_000;
const LOUVAIN_SEED = 1_977;

/**
 * In memory with graphology-communities-louvain: Louvain needs repeated passes over every
 * tie with moving community totals, which Cypher cannot express and Neo4j Community does
 * not ship. Measured (bench/centrality-measure.ts): 5,000 actors / 25,000 ties in 0.08 s.
 * A fixed seed makes the same data give the same clusters on every call. The scope comes
 * out of the workspace's live projection; Louvain runs on a worker thread.
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
  const { g, scope, inScope } = await questionGraph(db, projectionsFor(db), ws, q);
  const key = cacheKey(ws, 'communities', scopeKey(q), types.join(','), q.resolution, g.seq);
  const hit = cache?.get(key);
  if (hit) return hit;
  const frozen = freezeScope(g, scope, inScope, typeMask(types));
  const { ids, names } = frozen.compact;
  const clusters =
    ids.length === 0
      ? emptyClusters
      : await pool.run('communities', { scope: frozen.compact, resolution: q.resolution }, transferables(frozen.compact), signal);
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
}

const emptyClusters: Clusters = { order: new Int32Array(0), offsets: new Int32Array(1), modularity: 0 };

/** Louvain clusters (ties weighted by strength), each led by its best-tied member: what the worker runs. */
export function clustersOf({ scope, resolution }: { scope: CompactScope; resolution: number }): Clusters {
  const graph = graphOf(scope);
  if (graph.order === 0) return emptyClusters;
  const detail =
    graph.size === 0
      ? { communities: Object.fromEntries(graph.nodes().map((n, i) => [n, i])), modularity: 0 }
      : louvain.detailed(graph, { getEdgeWeight: 'strength', resolution, rng: seededRandom(LOUVAIN_SEED) });
  const members = new Map<number, string[]>();
  for (const [actorId, community] of Object.entries(detail.communities)) {
    const list = members.get(community) ?? [];
    list.push(actorId);
    members.set(community, list);
  }
  const position = new Map<string, number>();
  const names = new Map<string, string>();
  scope.ids.forEach((id, i) => {
    if (!position.has(id)) position.set(id, i);
    names.set(id, scope.names[i]!);
  });
  // "Most central" within its own cluster: the most strength in ties to fellow members.
  const inner = (id: string, community: number) => {
    let sum = 0;
    graph.forEachEdge(id, (_e, attributes, source, target) => {
      const other = source === id ? target : source;
      if (detail.communities[other] === community) sum += attributes.strength;
    });
    return sum;
  };
  const list = [...members.entries()].map(([community, ids]) => {
    const scored = ids.map((id) => ({ id, score: inner(id, community) }));
    scored.sort((a, b) => b.score - a.score || (names.get(a.id) ?? '').localeCompare(names.get(b.id) ?? ''));
    const central = scored[0]!.id;
    return { name: names.get(central) ?? central, ids: scored.map((s) => s.id) };
  });
  list.sort((a, b) => b.ids.length - a.ids.length || a.name.localeCompare(b.name));
  const order = new Int32Array(graph.order);
  const offsets = new Int32Array(list.length + 1);
  let at = 0;
  list.forEach((c, k) => {
    for (const id of c.ids) order[at++] = position.get(id)!;
    offsets[k + 1] = at;
  });
  return { order, offsets, modularity: Math.round(detail.modularity * 1e4) / 1e4 };
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
