import { actorDefaults, relationshipDefaults, type Actor, type Relationship, type RelationshipType } from '../api/domain';
import type { GraphDoc } from './doc';
import type { Edit, Fields } from './edits';

/** New versions the server gave, by entity id; without one a version is bumped by one. */
export type Versions = Record<string, number | null | undefined>;

const now = () => new Date().toISOString();

function bump(current: number, id: string, versions: Versions) {
  return versions[id] ?? current + 1;
}

export function actorFromCreate(id: string, data: Fields, versions: Versions = {}): Actor {
  return {
    ...actorDefaults,
    ...(data as Partial<Actor>),
    id,
    version: versions[id] ?? (data.version as number | undefined) ?? 1,
    createdAt: (data.createdAt as string | undefined) ?? now(),
    updatedAt: now(),
  } as Actor;
}

export function relationshipFromCreate(id: string, data: Fields, versions: Versions = {}): Relationship {
  const type = data.type as RelationshipType;
  const rule = type === 'FAMILY' || type === 'SOCIAL' || type === 'PROFESSIONAL' || type === 'ALLIANCE' || type === 'OPPOSITION';
  return {
    mutual: rule,
    ...relationshipDefaults.common,
    ...relationshipDefaults[type],
    ...(data as Partial<Relationship>),
    id,
    version: versions[id] ?? (data.version as number | undefined) ?? 1,
    createdAt: (data.createdAt as string | undefined) ?? now(),
    updatedAt: now(),
  } as Relationship;
}

/** Applies edits to a document, returning a new one; the input is never changed. */
export function applyEdits(doc: GraphDoc, edits: Edit[], versions: Versions = {}): GraphDoc {
  let actors = doc.actors;
  let relationships = doc.relationships;
  let members = doc.members;
  let annotations = doc.annotations;
  let mapVersion = doc.mapVersion;
  let mapName = doc.mapName;

  for (const edit of edits) {
    switch (edit.kind) {
      case 'create':
        if (edit.entity === 'actor') actors = { ...actors, [edit.id]: actorFromCreate(edit.id, edit.data, versions) };
        if (edit.entity === 'relationship')
          relationships = { ...relationships, [edit.id]: relationshipFromCreate(edit.id, edit.data, versions) };
        break;
      case 'delete':
        if (edit.entity === 'actor') {
          actors = { ...actors };
          delete actors[edit.id];
        }
        if (edit.entity === 'relationship') {
          relationships = { ...relationships };
          delete relationships[edit.id];
        }
        break;
      case 'update': {
        if (edit.entity === 'actor') {
          const a = actors[edit.id];
          if (a)
            actors = {
              ...actors,
              [edit.id]: { ...a, ...edit.after, version: bump(a.version, edit.id, versions), updatedAt: now() } as Actor,
            };
        }
        if (edit.entity === 'relationship') {
          const r = relationships[edit.id];
          if (r)
            relationships = {
              ...relationships,
              [edit.id]: { ...r, ...edit.after, version: bump(r.version, edit.id, versions) } as Relationship,
            };
        }
        if (edit.entity === 'map' && edit.id === doc.mapId) {
          if (edit.after.annotations) annotations = edit.after.annotations as GraphDoc['annotations'];
          if (typeof edit.after.name === 'string') mapName = edit.after.name;
          mapVersion = bump(mapVersion, edit.id, versions);
        }
        break;
      }
      case 'assess': {
        const a = actors[edit.actorId];
        if (a) actors = { ...actors, [edit.actorId]: { ...a, ...edit.after, version: bump(a.version, edit.actorId, versions) } };
        break;
      }
      case 'move':
        members = { ...members };
        for (const p of edit.after) {
          const m = members[p.actorId];
          if (m) members[p.actorId] = { ...m, x: p.x, y: p.y };
        }
        break;
      case 'members':
        members = { ...members };
        for (const p of edit.remove) delete members[p.actorId];
        for (const p of edit.add) members[p.actorId] = { x: p.x, y: p.y, style: members[p.actorId]?.style ?? {} };
        if (edit.actors.length && edit.add.length) {
          actors = { ...actors };
          for (const a of edit.actors) if (!actors[a.id] && edit.add.some((p) => p.actorId === a.id)) actors[a.id] = a;
        }
        break;
    }
  }
  return { ...doc, actors, relationships, members, annotations, mapVersion, mapName };
}
