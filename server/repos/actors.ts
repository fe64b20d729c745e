import type { Tx } from '../db/gateway.js';
import type { Actor } from '../domain/actor.js';
import { conflict } from '../http/problem.js';
import type { EntityStore } from './store.js';

/** The projection that turns a stored node into an Actor. */
export const ACTOR = `{
  .id, .kind, .name, .aliases, .description, .sector, .tags, .roles, .power, .alignment,
  .interests, .powerSources, .contactOwner, .privateNotes, .links, .image, .organized, .version, .createdAt, .updatedAt,
  externalIds: a.externalIdsJson
}`;

export function actorFromRow(row: Record<string, unknown>): Actor {
  // Actors stored before a field existed have no property for it; Neo4j answers null.
  return { ...(row as Actor), privateNotes: (row.privateNotes as string | null) ?? '', externalIds: JSON.parse((row.externalIds as string | null) ?? '{}') };
}

/** Properties as stored: derived search keys added, nested values flattened to JSON. */
export function actorProps(actor: Actor) {
  const { externalIds, id: _id, ...rest } = actor;
  return {
    ...rest,
    nameKey: actor.name.toLowerCase(),
    aliasText: actor.aliases.join(' | '),
    externalIdsJson: JSON.stringify(externalIds),
  };
}

export const actorStore: EntityStore<Actor> = {
  type: 'actor',

  async load(tx, ws, id) {
    const row = await tx.one<{ a: Record<string, unknown> }>(
      `MATCH (a:Actor {id: $id}) WHERE a.workspaceId = $ws RETURN a ${ACTOR} AS a`,
      { ws, id },
    );
    return row ? actorFromRow(row.a) : null;
  },

  async save(tx, ws, actor) {
    // A deleted actor keeps its node (and so its relationships) under another label.
    const rows = await tx.query(
      `OPTIONAL MATCH (d:DeletedActor {id: $id}) WHERE d.workspaceId = $ws
       FOREACH (_ IN CASE WHEN d IS NULL THEN [] ELSE [1] END | REMOVE d:DeletedActor SET d:Actor REMOVE d.deletedAt)
       WITH 1 AS one
       MERGE (a:Actor {workspaceId: $ws, id: $id})
       WITH a WHERE a.workspaceId = $ws
       SET a += $props
       REMOVE a:Person:Organization
       FOREACH (_ IN CASE WHEN $props.kind = 'person' THEN [1] ELSE [] END | SET a:Person)
       FOREACH (_ IN CASE WHEN $props.kind = 'organization' THEN [1] ELSE [] END | SET a:Organization)
       RETURN a.id AS id`,
      { ws, id: actor.id, props: actorProps(actor) },
    );
    if (rows.length === 0) throw conflict(`The id ${actor.id} is already used by another record.`);
  },

  async remove(tx, ws, id) {
    await tx.query(
      `MATCH (a:Actor {id: $id}) WHERE a.workspaceId = $ws
       REMOVE a:Actor SET a:DeletedActor, a.deletedAt = datetime()`,
      { ws, id },
    );
  },
};

/** Kinds and names of the given actors (that exist and are not deleted) in a workspace. */
export async function actorRefs(tx: Tx, ws: string, ids: string[]) {
  const rows = await tx.query<{ id: string; name: string; kind: 'person' | 'organization' }>(
    `UNWIND $ids AS id MATCH (a:Actor {id: id}) WHERE a.workspaceId = $ws RETURN a.id AS id, a.name AS name, a.kind AS kind`,
    { ws, ids },
  );
  return new Map(rows.map((r) => [r.id, r]));
}
