import type { Tx } from '../db/gateway.js';
import type { Actor, ActorKind, ActorListQuery } from '../domain/actor.js';
import { luceneQuery } from '../domain/lucene.js';
import type { SearchQuery } from '../domain/search.js';
import { conflict } from '../domain/errors.js';
import type { EntityStore } from './entity-store.js';

/** The projection that turns a stored node into an Actor. */
export const ACTOR = `{
  .id, .kind, .name, .aliases, .description, .sector, .tags, .roles, .power, .alignment,
  .interests, .powerSources, .sourceIds, .contactOwner, .privateNotes, .links, .image, .organized, .sharesOutstanding, .version, .createdAt, .updatedAt,
  externalIds: a.externalIdsJson
}`;

export function actorFromRow(row: Record<string, unknown>): Actor {
  // Actors stored before a field existed have no property for it; Neo4j answers null.
  return {
    ...(row as Actor),
    privateNotes: (row.privateNotes as string | null) ?? '',
    sourceIds: (row.sourceIds as string[] | null) ?? [],
    sharesOutstanding: (row.sharesOutstanding as number | null) ?? null,
    externalIds: JSON.parse((row.externalIds as string | null) ?? '{}'),
  };
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
    const row = await tx.one<{ a: Record<string, unknown> }>(`MATCH (a:Actor {id: $id}) WHERE a.workspaceId = $ws RETURN a ${ACTOR} AS a`, {
      ws,
      id,
    });
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

/** The given actors that exist (not deleted), in the order asked. */
export async function actorsByIds(tx: Tx, ws: string, ids: string[]): Promise<Actor[]> {
  const rows = await tx.query<{ a: Record<string, unknown> }>(
    `UNWIND $ids AS id MATCH (a:Actor {id: id}) WHERE a.workspaceId = $ws RETURN a ${ACTOR} AS a`,
    { ws, ids },
  );
  return rows.map((r) => actorFromRow(r.a));
}

/** A page of actors by name (then id), after the last one of the previous page. */
export async function listActors(
  tx: Tx,
  ws: string,
  filters: ActorListQuery,
  page: { after: [string, string] | null; limit: number },
): Promise<Actor[]> {
  const rows = await tx.query<{ a: Record<string, unknown> }>(
    `MATCH (a:Actor) WHERE a.workspaceId = $ws
       AND ($kind IS NULL OR a.kind = $kind) AND ($role IS NULL OR $role IN a.roles)
       AND ($sector IS NULL OR a.sector = $sector) AND ($tag IS NULL OR $tag IN a.tags)
       AND ($afterName IS NULL OR a.nameKey > $afterName OR (a.nameKey = $afterName AND a.id > $afterId))
     WITH a ORDER BY a.nameKey, a.id LIMIT $limit
     RETURN a ${ACTOR} AS a`,
    {
      ws,
      kind: filters.kind ?? null,
      role: filters.role ?? null,
      sector: filters.sector ?? null,
      tag: filters.tag ?? null,
      afterName: page.after?.[0] ?? null,
      afterId: page.after?.[1] ?? null,
      limit: page.limit,
    },
  );
  return rows.map((r) => actorFromRow(r.a));
}

const SEARCH_FILTERS = `a.workspaceId = $ws
  AND ($kind IS NULL OR a.kind = $kind) AND ($role IS NULL OR $role IN a.roles)
  AND ($sector IS NULL OR a.sector = $sector) AND ($tag IS NULL OR $tag IN a.tags)
  AND ($powerMin IS NULL OR a.power >= $powerMin) AND ($powerMax IS NULL OR a.power <= $powerMax)
  AND ($alignmentMin IS NULL OR a.alignment >= $alignmentMin) AND ($alignmentMax IS NULL OR a.alignment <= $alignmentMax)`;

/**
 * Full-text search (typo-tolerant) with exact name or alias matches first; with no words,
 * the filtered actors by power.
 */
export async function searchActors(tx: Tx, ws: string, search: SearchQuery): Promise<(Actor & { score: number })[]> {
  const { q, limit, ...filters } = search;
  const params = {
    ws,
    kind: filters.kind ?? null,
    role: filters.role ?? null,
    sector: filters.sector ?? null,
    tag: filters.tag ?? null,
    powerMin: filters.powerMin ?? null,
    powerMax: filters.powerMax ?? null,
    alignmentMin: filters.alignmentMin ?? null,
    alignmentMax: filters.alignmentMax ?? null,
    exact: q.trim().toLowerCase(),
    query: luceneQuery(q),
    limit,
  };
  const rows = params.query
    ? await tx.query<{ a: Record<string, unknown>; score: number }>(
        `CALL db.index.fulltext.queryNodes('actor_search', $query) YIELD node AS a, score
         WHERE ${SEARCH_FILTERS}
         WITH a, score, CASE WHEN a.nameKey = $exact OR $exact IN [x IN a.aliases | toLower(x)] THEN 1 ELSE 0 END AS exactMatch
         ORDER BY exactMatch DESC, score DESC, a.nameKey LIMIT $limit
         RETURN a ${ACTOR} AS a, score + exactMatch * 1000 AS score`,
        params,
      )
    : await tx.query<{ a: Record<string, unknown>; score: number }>(
        `MATCH (a:Actor) WHERE ${SEARCH_FILTERS}
         WITH a ORDER BY coalesce(a.power, -1) DESC, a.nameKey LIMIT $limit
         RETURN a ${ACTOR} AS a, 0.0 AS score`,
        params,
      );
  return rows.map((r) => ({ ...actorFromRow(r.a), score: r.score }));
}

type DeletedActorRow = Omit<Actor, 'externalIds'> & { externalIds: string | null } & Record<string, unknown>;

/** A deleted actor as stored, with its bookkeeping properties: what restoring starts from. */
export async function deletedActor(tx: Tx, ws: string, id: string): Promise<DeletedActorRow | undefined> {
  return (
    await tx.one<{ a: DeletedActorRow }>(
      `MATCH (a:DeletedActor {id: $id}) WHERE a.workspaceId = $ws
       RETURN a {.*, externalIds: a.externalIdsJson} AS a`,
      { ws, id },
    )
  )?.a;
}

/** Actors directly tied to any of these, at most `limit`. */
export async function neighbourIds(tx: Tx, ws: string, ids: string[], limit: number): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `UNWIND $ids AS id MATCH (a:Actor {id: id})--(b:Actor) WHERE b.workspaceId = $ws RETURN DISTINCT b.id AS id LIMIT $limit`,
    { ws, ids, limit },
  );
  return rows.map((r) => r.id);
}

/** Every live actor's name key, id and kind: what the one-request Kumu import matches names against. */
export async function nameKeys(tx: Tx, ws: string): Promise<{ names: string[]; ids: string[]; kinds: ActorKind[] }> {
  return (await tx.one<{ names: string[]; ids: string[]; kinds: ActorKind[] }>(
    'MATCH (a:Actor) WHERE a.workspaceId = $ws RETURN collect(a.nameKey) AS names, collect(a.id) AS ids, collect(a.kind) AS kinds',
    { ws },
  ))!;
}
