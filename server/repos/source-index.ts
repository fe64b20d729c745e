import type { Tx } from '../db/gateway.js';
import type { SourceIndexEntry, UncitedItem } from '../domain/source-index.js';
import { TYPE_UNION } from './relationships.js';

type ActorRef = SourceIndexEntry['actors'][number];
type TieRef = SourceIndexEntry['relationships'][number];
type ReadingRef = SourceIndexEntry['readings'][number];
export interface Citations<T> {
  sourceId: string;
  n: number;
  items: T[];
}

const REF = (v: string) => `${v} {.id, .name, .kind}`;
const TIE = `{id: r.id, type: type(r), from: ${REF('a')}, to: ${REF('b')}}`;

/** The actors citing each of these sources: how many, and the first `shown` by name. */
export function actorsCiting(tx: Tx, ws: string, ids: string[], shown: number) {
  return tx.query<Citations<ActorRef>>(
    `MATCH (a:Actor) WHERE a.workspaceId = $ws AND any(s IN coalesce(a.sourceIds, []) WHERE s IN $ids)
     UNWIND a.sourceIds AS sourceId
     WITH sourceId, a WHERE sourceId IN $ids
     ORDER BY a.nameKey, a.id
     WITH sourceId, count(a) AS n, collect(${REF('a')}) AS all
     RETURN sourceId, n, all[..$shown] AS items`,
    { ws, ids, shown },
  );
}

/** The relationships citing each of these sources: how many, and the first `shown` by id. */
export function tiesCiting(tx: Tx, ws: string, ids: string[], shown: number) {
  return tx.query<Citations<TieRef>>(
    `MATCH (a:Actor)-[r:${TYPE_UNION}]->(b:Actor) WHERE a.workspaceId = $ws AND b:Actor AND any(s IN coalesce(r.sourceIds, []) WHERE s IN $ids)
     UNWIND r.sourceIds AS sourceId
     WITH sourceId, r, a, b WHERE sourceId IN $ids
     ORDER BY r.id
     WITH sourceId, count(r) AS n, collect(${TIE}) AS all
     RETURN sourceId, n, all[..$shown] AS items`,
    { ws, ids, shown },
  );
}

/** The assessments citing each of these sources (of actors not deleted): how many, the latest `shown`. */
export function readingsCiting(tx: Tx, ws: string, ids: string[], shown: number) {
  return tx.query<Citations<ReadingRef>>(
    `MATCH (x:Assessment) WHERE x.workspaceId = $ws AND x.sourceId IN $ids
     MATCH (a:Actor {id: x.actorId}) WHERE a.workspaceId = $ws
     WITH x, a ORDER BY x.at DESC, x.id
     WITH x.sourceId AS sourceId, count(x) AS n,
          collect({id: x.id, actor: ${REF('a')}, at: x.at, power: x.power, alignment: x.alignment}) AS all
     RETURN sourceId, n, all[..$shown] AS items`,
    { ws, ids, shown },
  );
}

/** Actors citing no source, by name, after a (nameKey, id) position. */
export async function uncitedActors(tx: Tx, ws: string, after: [string, string] | null, limit: number) {
  const rows = await tx.query<{ key: string; actor: ActorRef & { version: number } }>(
    `MATCH (a:Actor) WHERE a.workspaceId = $ws AND size(coalesce(a.sourceIds, [])) = 0
       AND ($afterKey IS NULL OR a.nameKey > $afterKey OR (a.nameKey = $afterKey AND a.id > $afterId))
     RETURN a.nameKey AS key, a {.id, .name, .kind, .version} AS actor ORDER BY a.nameKey, a.id LIMIT $limit`,
    { ws, afterKey: after?.[0] ?? null, afterId: after?.[1] ?? null, limit },
  );
  return rows.map((r) => ({ key: r.key, item: { kind: 'actor', actor: r.actor } as UncitedItem & { kind: 'actor' } }));
}

/** Relationships citing no source, by id, after an id. */
export async function uncitedTies(tx: Tx, ws: string, after: string | null, limit: number) {
  const rows = await tx.query<{ tie: TieRef & { version: number } }>(
    `MATCH (a:Actor)-[r:${TYPE_UNION}]->(b:Actor) WHERE a.workspaceId = $ws AND b:Actor AND size(coalesce(r.sourceIds, [])) = 0
       AND ($after IS NULL OR r.id > $after)
     RETURN {id: r.id, type: type(r), version: r.version, from: ${REF('a')}, to: ${REF('b')}} AS tie ORDER BY r.id LIMIT $limit`,
    { ws, after, limit },
  );
  return rows.map((r) => ({ kind: 'relationship', relationship: r.tie }) as UncitedItem & { kind: 'relationship' });
}

/** Counts for the whole workspace: sources, sources nothing cites, actors and ties citing none. */
export async function citationTotals(tx: Tx, ws: string) {
  const row = await tx.one<{ sources: number; uncitedSources: number; actors: number; relationships: number }>(
    `CALL { MATCH (a:Actor) WHERE a.workspaceId = $ws AND size(coalesce(a.sourceIds, [])) = 0 RETURN count(a) AS actors }
     CALL { MATCH (a:Actor)-[r:${TYPE_UNION}]->(b:Actor) WHERE a.workspaceId = $ws AND b:Actor AND size(coalesce(r.sourceIds, [])) = 0
            RETURN count(r) AS relationships }
     CALL { MATCH (a:Actor) WHERE a.workspaceId = $ws UNWIND coalesce(a.sourceIds, []) AS sid RETURN sid
            UNION
            MATCH (a:Actor)-[r:${TYPE_UNION}]->(b:Actor) WHERE a.workspaceId = $ws AND b:Actor UNWIND coalesce(r.sourceIds, []) AS sid RETURN sid
            UNION
            MATCH (x:Assessment) WHERE x.workspaceId = $ws AND x.sourceId IS NOT NULL
            MATCH (a:Actor {id: x.actorId}) WHERE a.workspaceId = $ws RETURN x.sourceId AS sid }
     WITH actors, relationships, collect(DISTINCT sid) AS cited
     CALL { WITH cited UNWIND cited AS sid MATCH (s:Source {id: sid}) WHERE s.workspaceId = $ws RETURN count(s) AS citedSources }
     CALL { MATCH (s:Source) WHERE s.workspaceId = $ws RETURN count(s) AS sources }
     RETURN sources, sources - citedSources AS uncitedSources, actors, relationships`,
    { ws },
  );
  return row ?? { sources: 0, uncitedSources: 0, actors: 0, relationships: 0 };
}
