import type { Tx } from '../db/gateway.js';
import type { Actor } from '../domain/actor.js';
import type { Relationship } from '../domain/relationship.js';
import { ACTOR, actorFromRow } from './actors.js';
import { REL, relationshipFromRow, TYPE_UNION } from './relationships.js';

export interface NewMapLink {
  id: string;
  hash: string;
  story: boolean;
  expiresAt: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface ListedMapLink {
  id: string;
  story: boolean;
  expiresAt: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface ResolvedMapLink {
  id: string;
  hash: string;
  workspaceId: string;
  mapId: string;
  story: boolean;
  expiresAt: string | null;
}

/*
 * A link is a node pointing at its map. Deleting the map (DETACH DELETE) takes the pointer
 * with it, and a map brought back by a revert is a new node nobody links to, so a link
 * never outlives the map it was made for. Revoking removes the hash, so the token can
 * never match again, and keeps the record of who made the link and when.
 */
export const mapLinksRepo = {
  async create(tx: Tx, ws: string, mapId: string, link: NewMapLink): Promise<boolean> {
    const row = await tx.one(
      `MATCH (m:Map {id: $mapId}) WHERE m.workspaceId = $ws
       CREATE (l:MapLink {id: $link.id, hash: $link.hash, workspaceId: $ws, mapId: $mapId, story: $link.story,
                          expiresAt: $link.expiresAt, createdAt: $link.createdAt, createdBy: $link.createdBy})-[:LINKS_TO]->(m)
       RETURN l.id AS id`,
      { ws, mapId, link },
    );
    return row !== undefined;
  },

  /** Live (not revoked) links of a map, newest first, with their creators' names. */
  async list(tx: Tx, ws: string, mapId: string, limit: number): Promise<ListedMapLink[]> {
    const rows = await tx.query<{ l: ListedMapLink }>(
      `MATCH (l:MapLink)-[:LINKS_TO]->(m:Map {id: $mapId})
       WHERE m.workspaceId = $ws AND l.workspaceId = $ws AND l.revokedAt IS NULL
       OPTIONAL MATCH (u:User {id: l.createdBy})
       RETURN l {.id, .story, .expiresAt, .createdAt, createdBy: u.name} AS l
       ORDER BY l.createdAt DESC, l.id LIMIT $limit`,
      { ws, mapId, limit },
    );
    return rows.map((r) => r.l);
  },

  async countLive(tx: Tx, ws: string, mapId: string): Promise<number> {
    const row = await tx.one<{ n: number }>(
      `MATCH (l:MapLink)-[:LINKS_TO]->(m:Map {id: $mapId})
       WHERE m.workspaceId = $ws AND l.workspaceId = $ws AND l.revokedAt IS NULL
       RETURN count(l) AS n`,
      { ws, mapId },
    );
    return row?.n ?? 0;
  },

  async revoke(tx: Tx, ws: string, mapId: string, id: string, by: string | null, at: string): Promise<boolean> {
    const row = await tx.one(
      `MATCH (l:MapLink {id: $id})-[:LINKS_TO]->(m:Map {id: $mapId})
       WHERE m.workspaceId = $ws AND l.workspaceId = $ws AND l.revokedAt IS NULL
       SET l.revokedAt = $at, l.revokedBy = $by
       REMOVE l.hash
       RETURN l.id AS id`,
      { ws, mapId, id, by, at },
    );
    return row !== undefined;
  },

  /** The link with this token hash, if it still points at its map in a workspace that exists. */
  async byHash(tx: Tx, hash: string): Promise<ResolvedMapLink | undefined> {
    const row = await tx.one<{ l: ResolvedMapLink }>(
      `MATCH (l:MapLink {hash: $hash})-[:LINKS_TO]->(m:Map)
       WHERE l.revokedAt IS NULL AND m.workspaceId = l.workspaceId AND m.id = l.mapId
       MATCH (w:Workspace {id: l.workspaceId}) WHERE w.deletedAt IS NULL
       RETURN l {.id, .hash, .workspaceId, .mapId, .story, .expiresAt} AS l`,
      { hash },
    );
    return row?.l;
  },
};

/** The actors a map shows and the relationships among them: nothing else of the workspace. */
export async function mapContents(tx: Tx, ws: string, actorIds: string[]): Promise<{ actors: Actor[]; relationships: Relationship[] }> {
  const actors = await tx.query<{ a: Record<string, unknown> }>(
    `UNWIND $ids AS id MATCH (a:Actor {id: id}) WHERE a.workspaceId = $ws RETURN a ${ACTOR} AS a`,
    { ws, ids: actorIds },
  );
  const ids = actors.map((r) => r.a.id as string);
  const rels = await tx.query<{ r: Record<string, unknown> }>(
    `UNWIND $ids AS id MATCH (a:Actor {id: id})-[r:${TYPE_UNION}]->(b:Actor)
     WHERE r.workspaceId = $ws AND b.workspaceId = $ws
     RETURN ${REL} AS r`,
    { ws, ids },
  );
  // Both ends on the map, checked in memory rather than by `b.id IN $ids` (a list scan per row).
  const onMap = new Set(ids);
  return {
    actors: actors.map((r) => actorFromRow(r.a)),
    relationships: rels.map((r) => relationshipFromRow(r.r)).filter((r) => onMap.has(r.from) && onMap.has(r.to)),
  };
}
