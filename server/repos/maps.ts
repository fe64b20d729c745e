import type { Annotation, MapData, MapMember, MapSummary } from '../domain/map.js';
import type { Tx } from '../db/gateway.js';
import { conflict } from '../domain/errors.js';
import type { EntityStore } from './entity-store.js';

export type StoredMap = MapData & { id: string; version: number; createdAt: string; updatedAt: string };

const MAP = `m {.id, .name, .description, .defaultView, .version, .createdAt, .updatedAt, annotations: m.annotationsJson,
  members: [(m)-[s:SHOWS]->(x:Actor) | {actorId: x.id, x: s.x, y: s.y, style: s.styleJson}]}`;

interface MapRow extends Omit<StoredMap, 'annotations' | 'members'> {
  annotations: string | null;
  members: { actorId: string; x: number | null; y: number | null; style: string | null }[];
}

const fromRow = (row: MapRow): StoredMap => ({
  ...row,
  annotations: JSON.parse(row.annotations ?? '[]') as Annotation[],
  members: row.members
    .map((m): MapMember => ({ actorId: m.actorId, x: m.x, y: m.y, style: JSON.parse(m.style ?? '{}') }))
    .sort((a, b) => a.actorId.localeCompare(b.actorId)),
});

export const mapStore: EntityStore<StoredMap> = {
  type: 'map',
  async load(tx, ws, id) {
    const row = await tx.one<{ m: MapRow }>(`MATCH (m:Map {id: $id}) WHERE m.workspaceId = $ws RETURN ${MAP} AS m`, { ws, id });
    return row ? fromRow(row.m) : null;
  },
  async save(tx, ws, map) {
    const { id, members, annotations, ...props } = map;
    const rows = await tx.query(
      `MERGE (m:Map {workspaceId: $ws, id: $id})
       WITH m WHERE m.workspaceId = $ws
       SET m += $props, m.annotationsJson = $annotations
       WITH m
       OPTIONAL MATCH (m)-[old:SHOWS]->() DELETE old
       WITH DISTINCT m
       CALL (m) {
         UNWIND $members AS member MATCH (x:Actor {id: member.actorId}) WHERE x.workspaceId = $ws
         CREATE (m)-[:SHOWS {x: member.x, y: member.y, styleJson: member.style}]->(x)
       }
       RETURN m.id AS id`,
      {
        ws,
        id,
        props,
        annotations: JSON.stringify(annotations),
        members: members.map((m) => ({ ...m, style: JSON.stringify(m.style ?? {}) })),
      },
    );
    if (rows.length === 0) throw conflict(`The id ${id} is already used by another record.`);
  },
  async remove(tx, ws, id) {
    await tx.query('MATCH (m:Map {id: $id}) WHERE m.workspaceId = $ws DETACH DELETE m', { ws, id });
  },
};

/** Layout only: moves members without touching the map's version or history. */
export async function savePositions(tx: Tx, ws: string, mapId: string, positions: { actorId: string; x: number; y: number }[]) {
  const rows = await tx.query<{ moved: number }>(
    `MATCH (m:Map {id: $mapId}) WHERE m.workspaceId = $ws
     UNWIND $positions AS p
     MATCH (m)-[s:SHOWS]->(x:Actor {id: p.actorId})
     SET s.x = p.x, s.y = p.y
     RETURN count(s) AS moved`,
    { ws, mapId, positions },
  );
  return rows[0]?.moved ?? 0;
}

/** A page of maps by name (then id), after the last one of the previous page. */
export async function listMaps(tx: Tx, ws: string, page: { after: [string, string] | null; limit: number }): Promise<MapSummary[]> {
  const rows = await tx.query<{ m: MapSummary }>(
    `MATCH (m:Map) WHERE m.workspaceId = $ws
       AND ($afterName IS NULL OR toLower(m.name) > $afterName OR (toLower(m.name) = $afterName AND m.id > $afterId))
     RETURN m {.id, .name, .description, .defaultView, .version, .createdAt, .updatedAt,
               memberCount: COUNT { (m)-[:SHOWS]->(:Actor) }} AS m
     ORDER BY toLower(m.name), m.id LIMIT $limit`,
    { ws, afterName: page.after?.[0] ?? null, afterId: page.after?.[1] ?? null, limit: page.limit },
  );
  return rows.map((r) => r.m);
}

/** The maps that show an actor, by name. */
export async function mapsShowing(tx: Tx, ws: string, actorId: string): Promise<{ id: string; name: string }[]> {
  return tx.query<{ id: string; name: string }>(
    'MATCH (m:Map)-[:SHOWS]->(:Actor {id: $actorId}) WHERE m.workspaceId = $ws RETURN m.id AS id, m.name AS name ORDER BY m.name',
    { ws, actorId },
  );
}
