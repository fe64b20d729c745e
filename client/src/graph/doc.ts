import type { Actor, Annotation, MapDetail, MapMember, Relationship } from '../api/domain';

type MemberStyle = MapMember['style'];

export interface Position {
  x: number;
  y: number;
}

export interface MemberState {
  x: number | null;
  y: number | null;
  style: MemberStyle;
}

/**
 * The editor's picture of one map: the actors and relationships it knows, which actors the
 * map shows and where. A plain value, so edits are pure functions over it.
 */
export interface GraphDoc {
  mapId: string;
  mapName: string;
  mapVersion: number;
  annotations: Annotation[];
  actors: Record<string, Actor>;
  relationships: Record<string, Relationship>;
  members: Record<string, MemberState>;
  /** Actors and ties a partner workspace added through a share, by id: who added them. */
  partners?: Record<string, { id: string; name: string }>;
}

export function fromMapDetail(detail: MapDetail): GraphDoc {
  const actors: Record<string, Actor> = {};
  for (const a of detail.actors) actors[a.id] = a;
  const relationships: Record<string, Relationship> = {};
  for (const r of detail.relationships) relationships[r.id] = r as Relationship;
  const members: Record<string, MemberState> = {};
  for (const m of detail.members) members[m.actorId] = { x: m.x, y: m.y, style: m.style ?? {} };
  return {
    mapId: detail.id,
    mapName: detail.name,
    mapVersion: detail.version,
    annotations: detail.annotations,
    actors,
    relationships,
    members,
  };
}

export const emptyDoc = (mapId = 'none'): GraphDoc => ({
  mapId,
  mapName: '',
  mapVersion: 1,
  annotations: [],
  actors: {},
  relationships: {},
  members: {},
});

/** The actors the map shows (members that exist). */
export function visibleActors(doc: GraphDoc): Actor[] {
  const out: Actor[] = [];
  for (const id of Object.keys(doc.members)) {
    const a = doc.actors[id];
    if (a) out.push(a);
  }
  return out;
}

/** Relationships whose both ends the map shows. */
export function visibleRelationships(doc: GraphDoc): Relationship[] {
  return Object.values(doc.relationships).filter((r) => doc.members[r.from] && doc.actors[r.from] && doc.members[r.to] && doc.actors[r.to]);
}
