import type { Tx } from '../db/gateway.js';
import type { Actor } from '../domain/actor.js';
import type { Relationship } from '../domain/relationship.js';
import { ACTOR, actorFromRow } from './actors.js';
import { REL, relationshipFromRow, TYPE_UNION } from './relationships.js';

/** Every relationship among the given actors (both ends in `ids`). */
export async function tiesAmong(tx: Tx, ws: string, ids: string[]): Promise<Relationship[]> {
  const rels = await tx.query<{ r: Record<string, unknown> }>(
    `UNWIND $ids AS id MATCH (a:Actor {id: id})-[r:${TYPE_UNION}]->(b:Actor) WHERE a.workspaceId = $ws RETURN ${REL} AS r`,
    { ws, ids },
  );
  // Kept in memory rather than `b.id IN $ids`, which Cypher checks by scanning the list.
  const wanted = new Set(ids);
  return rels.map((r) => relationshipFromRow(r.r)).filter((r) => wanted.has(r.to));
}

/** Actors of a workspace (all, the busiest `limit`, or those on a map) and every relationship among them. */
export async function loadGraph(
  tx: Tx,
  ws: string,
  options: { limit?: number; mapId?: string } = {},
): Promise<{ actors: Actor[]; relationships: Relationship[]; totalActors: number }> {
  const total = (await tx.one<{ n: number }>('MATCH (a:Actor) WHERE a.workspaceId = $ws RETURN count(a) AS n', { ws }))!.n;
  const actors = options.mapId
    ? await tx.query<{ a: Record<string, unknown> }>(
        `MATCH (m:Map {id: $mapId})-[:SHOWS]->(a:Actor) WHERE m.workspaceId = $ws
         WITH a ORDER BY a.nameKey RETURN a ${ACTOR} AS a`,
        { ws, mapId: options.mapId },
      )
    : await tx.query<{ a: Record<string, unknown> }>(
        `MATCH (a:Actor) WHERE a.workspaceId = $ws
         WITH a, COUNT { (a)--() } AS degree ORDER BY degree DESC, a.id LIMIT $limit
         RETURN a ${ACTOR} AS a`,
        { ws, limit: options.limit ?? 1_000_000 },
      );
  return {
    actors: actors.map((r) => actorFromRow(r.a)),
    relationships: await tiesAmong(
      tx,
      ws,
      actors.map((r) => r.a.id as string),
    ),
    totalActors: total,
  };
}
