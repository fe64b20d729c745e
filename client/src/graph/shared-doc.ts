import { actorDefaults, relationshipDefaults, type Actor, type Relationship, type SharedMapDetail } from '../api/domain';
import type { GraphDoc, MemberState } from './doc';

/**
 * A shared map as the editor's document, so the same views draw it. Fields the owner keeps
 * internal are absent from a partner's copy; they read as their empty defaults here.
 */
export function fromSharedMap(detail: SharedMapDetail): GraphDoc {
  const actors: Record<string, Actor> = {};
  const partners: Record<string, { id: string; name: string }> = {};
  for (const a of detail.actors) {
    actors[a.id] = { ...actorDefaults, version: 1, createdAt: detail.createdAt, updatedAt: detail.updatedAt, ...a } as Actor;
    if (a.addedByWorkspaceId) partners[a.id] = { id: a.addedByWorkspaceId, name: a.addedByWorkspaceName ?? 'A partner' };
  }
  const relationships: Record<string, Relationship> = {};
  for (const r of detail.relationships) {
    relationships[r.id] = {
      ...relationshipDefaults.common,
      ...relationshipDefaults[r.type],
      mutual: false,
      version: 1,
      createdAt: detail.createdAt,
      updatedAt: detail.updatedAt,
      ...r,
    } as unknown as Relationship;
    if (r.addedByWorkspaceId) partners[r.id] = { id: r.addedByWorkspaceId, name: r.addedByWorkspaceName ?? 'A partner' };
  }
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
    partners,
  };
}
