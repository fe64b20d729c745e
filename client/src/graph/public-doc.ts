import { actorDefaults, relationshipDefaults, type Actor, type PublicMap, type Relationship } from '../api/domain';
import type { GraphDoc, MemberState } from './doc';

/** Bookkeeping a shared map does not carry; the views only need it to be there. */
const META = { version: 1, createdAt: '', updatedAt: '' };

/**
 * A shared map as the editor's document, so the same views draw it. Fields the workspace
 * keeps to itself are absent from the answer; here they read as empty ("not assessed",
 * no tags), never as a value somebody entered.
 */
export function fromPublicMap(map: PublicMap, key: string): GraphDoc {
  const actors: Record<string, Actor> = {};
  for (const a of map.actors) actors[a.id] = { ...actorDefaults, ...META, ...a, contactOwner: null, privateNotes: '' } as Actor;
  const relationships: Record<string, Relationship> = {};
  for (const r of map.relationships) {
    relationships[r.id] = {
      ...relationshipDefaults.common,
      ...relationshipDefaults[r.type],
      ...META,
      ...r,
      privateNotes: '',
    } as Relationship;
  }
  const members: Record<string, MemberState> = {};
  for (const m of map.members) members[m.actorId] = { x: m.x, y: m.y, style: m.style ?? {} };
  return { mapId: `shared:${key}`, mapName: map.name, mapVersion: 1, annotations: map.annotations, actors, relationships, members };
}

/** The power grid needs readings; when the workspace keeps them internal there is nothing to draw. */
export const hasReadings = (map: PublicMap) => map.actors.some((a) => 'power' in a && 'alignment' in a);
