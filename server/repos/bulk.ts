import type { Tx } from '../db/gateway.js';
import { relationshipTypes, type RelationshipType } from '../domain/relationship.js';

/** The given actor ids this workspace already holds, live or deleted. */
export async function takenActorIds(tx: Tx, ws: string, ids: string[]): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `UNWIND $ids AS id
     OPTIONAL MATCH (a:Actor {id: id}) WHERE a.workspaceId = $ws
     OPTIONAL MATCH (d:DeletedActor {id: id}) WHERE d.workspaceId = $ws
     WITH id WHERE a IS NOT NULL OR d IS NOT NULL RETURN id`,
    { ws, ids },
  );
  return rows.map((r) => r.id);
}

/** Creates actors of one kind from their stored properties. */
export async function createActors(
  tx: Tx,
  ws: string,
  kind: 'person' | 'organization',
  rows: { id: string; props: Record<string, unknown> }[],
) {
  await tx.query(
    `UNWIND $rows AS row CREATE (a:Actor:${kind === 'person' ? 'Person' : 'Organization'} {id: row.id}) SET a += row.props, a.workspaceId = $ws`,
    { ws, rows },
  );
}

/** The first of the given relationship ids this workspace already holds, if any. */
export async function takenRelationshipId(tx: Tx, ws: string, ids: string[]): Promise<string | undefined> {
  const rows = await tx.query<{ id: string }>(
    `UNWIND $ids AS id CALL (id) { ${relationshipTypes.map((t) => `MATCH ()-[r:${t} {id: id}]->() WHERE r.workspaceId = $ws RETURN r`).join(' UNION ALL ')} } RETURN id LIMIT 1`,
    { ws, ids },
  );
  return rows[0]?.id;
}

/**
 * Creates relationships of one type between actors of this workspace; answers the ids of
 * the rows whose two ends were not both there (none, unless an actor went in the meantime).
 */
export async function createRelationships(
  tx: Tx,
  ws: string,
  type: RelationshipType,
  rows: { from: string; to: string; props: Record<string, unknown> }[],
): Promise<string[]> {
  const made = await tx.query<{ id: string }>(
    `UNWIND $rows AS row
     MATCH (a:Actor {id: row.from}) WHERE a.workspaceId = $ws
     MATCH (b:Actor {id: row.to}) WHERE b.workspaceId = $ws
     CREATE (a)-[r:${type}]->(b) SET r = row.props, r.workspaceId = $ws
     RETURN r.id AS id`,
    { ws, rows },
  );
  if (made.length === rows.length) return [];
  const ids = new Set(made.map((m) => m.id));
  return rows.map((r) => String(r.props.id)).filter((id) => !ids.has(id));
}

/*
 * Taking out what an unfinished import wrote, many records a statement. Each removes as its
 * record's store does one at a time (services/entity-stores.ts): actors are kept as deleted
 * actors, as any deleted actor is; ties, sources and readings go.
 */

export async function removeRelationships(tx: Tx, ws: string, type: RelationshipType, ids: string[]) {
  await tx.query(`UNWIND $ids AS id MATCH ()-[r:${type} {workspaceId: $ws, id: id}]->() DELETE r`, { ws, ids });
}

export async function removeActors(tx: Tx, ws: string, ids: string[]) {
  await tx.query(
    `UNWIND $ids AS id MATCH (a:Actor {id: id}) WHERE a.workspaceId = $ws
     REMOVE a:Actor SET a:DeletedActor, a.deletedAt = datetime()`,
    { ws, ids },
  );
}

export async function removeSources(tx: Tx, ws: string, ids: string[]) {
  await tx.query('UNWIND $ids AS id MATCH (s:Source {id: id}) WHERE s.workspaceId = $ws DELETE s', { ws, ids });
}

export async function removeAssessments(tx: Tx, ws: string, ids: string[]) {
  await tx.query('UNWIND $ids AS id MATCH (x:Assessment {id: id}) WHERE x.workspaceId = $ws DELETE x', { ws, ids });
}
