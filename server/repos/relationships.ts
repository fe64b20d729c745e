import type { Tx } from '../db/gateway.js';
import { relationshipDefaults, relationshipTypes, type Relationship, type RelationshipType } from '../domain/relationship.js';
import { conflict } from '../domain/errors.js';
import type { EntityStore } from './entity-store.js';

/** Neo4j cannot parameterise a relationship type; types only ever come from this closed list. */
export function assertType(type: string): asserts type is RelationshipType {
  if (!(relationshipTypes as readonly string[]).includes(type)) throw new Error(`not a relationship type: ${type}`);
}

export const TYPE_UNION = relationshipTypes.join('|');

/** One index seek per type (migration 003) instead of a scan of every relationship. */
const byIdAnyType = relationshipTypes.map((t) => `MATCH (a:Actor)-[r:${t} {id: $id}]->(b:Actor) RETURN r, a, b`).join('\nUNION ALL\n');

export const REL = 'r {.*, type: type(r), from: a.id, to: b.id}';

/** Fills the fields Neo4j does not store when null, and drops bookkeeping. */
export function relationshipFromRow(row: Record<string, unknown>): Relationship {
  const { workspaceId: _ws, ...props } = row;
  const type = props.type as RelationshipType;
  return { ...relationshipDefaults.common, ...relationshipDefaults[type], ...props } as Relationship;
}

export const relationshipStore: EntityStore<Relationship> = {
  type: 'relationship',

  async load(tx, ws, id) {
    const row = await tx.one<{ r: Record<string, unknown> }>(
      `CALL { ${byIdAnyType} } WITH r, a, b WHERE r.workspaceId = $ws RETURN ${REL} AS r`,
      { ws, id },
    );
    return row ? relationshipFromRow(row.r) : null;
  },

  /** Neo4j cannot move a relationship's ends, so saving replaces it (keeping its id). */
  async save(tx, ws, rel) {
    assertType(rel.type);
    await relationshipStore.remove(tx, ws, rel.id);
    const { type: _t, from, to, ...props } = rel;
    const rows = await tx.query(
      `MATCH (a:Actor {id: $from}) WHERE a.workspaceId = $ws
       MATCH (b:Actor {id: $to}) WHERE b.workspaceId = $ws
       CREATE (a)-[r:${rel.type}]->(b) SET r = $props, r.workspaceId = $ws
       RETURN r.id AS id`,
      { ws, from, to, props },
    );
    if (rows.length === 0) {
      throw conflict('One end of this relationship no longer exists (it was deleted or merged); restore that actor first.');
    }
  },

  async remove(tx, ws, id) {
    await tx.query(`CALL { ${byIdAnyType} } WITH r WHERE r.workspaceId = $ws DELETE r`, { ws, id });
  },
};

/** Relationships at either end of an actor (not deleted ones). */
export async function relationshipsOf(tx: Tx, ws: string, actorId: string): Promise<Relationship[]> {
  const rows = await tx.query<{ r: Record<string, unknown> }>(
    `MATCH (x:Actor {id: $actorId}) WHERE x.workspaceId = $ws
     MATCH (x)-[r:${TYPE_UNION}]-(y:Actor)
     WITH r, startNode(r) AS a, endNode(r) AS b
     RETURN ${REL} AS r`,
    { ws, actorId },
  );
  return rows.map((row) => relationshipFromRow(row.r));
}

/** A page of relationships by id: of one type, at one actor, or only those citing no source. */
export async function listRelationships(
  tx: Tx,
  ws: string,
  filters: { type?: RelationshipType | undefined; actor?: string | undefined; uncited?: boolean | undefined },
  page: { after: string | null; limit: number },
): Promise<Relationship[]> {
  if (filters.type) assertType(filters.type);
  const pattern = filters.type ?? TYPE_UNION;
  // Starting from one actor uses its adjacency; otherwise every actor of the workspace.
  const match = filters.actor
    ? `MATCH (x:Actor {id: $actor}) WHERE x.workspaceId = $ws MATCH (x)-[r:${pattern}]-(:Actor) WITH DISTINCT r`
    : `MATCH (x:Actor)-[r:${pattern}]->(:Actor) WHERE x.workspaceId = $ws WITH r`;
  const rows = await tx.query<{ r: Record<string, unknown> }>(
    `${match}
     WHERE ($uncited = false OR size(coalesce(r.sourceIds, [])) = 0) AND ($after IS NULL OR r.id > $after)
     WITH r, startNode(r) AS a, endNode(r) AS b WHERE a:Actor AND b:Actor
     RETURN ${REL} AS r ORDER BY r.id LIMIT $limit`,
    { ws, actor: filters.actor ?? null, uncited: filters.uncited ?? false, after: page.after, limit: page.limit },
  );
  return rows.map((r) => relationshipFromRow(r.r));
}
