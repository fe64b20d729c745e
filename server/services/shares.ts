import { randomUUID } from 'node:crypto';
import type { Gateway, Tx } from '../db/gateway.js';
import type { Actor } from '../domain/actor.js';
import type { Relationship, RelationshipCreate } from '../domain/relationship.js';
import { alwaysInternal } from '../domain/internal-fields.js';
import {
  type Contribution,
  type ShareAccess,
  type SharedActorCreate,
  type SharedMapDetail,
  type SharedRelationshipCreate,
} from '../domain/share.js';
import type { User } from '../domain/auth.js';
import { NotFound, conflict, forbidden, invalid, notFound } from '../domain/errors.js';
import { loadGraph } from '../repos/graph.js';
import { mapStore } from '../repos/maps.js';
import { sharesRepo, type OpenShare } from '../repos/shares.js';
import { createActor } from './actors.js';
import type { Author } from './changes.js';
import { addMembers } from './maps.js';
import { createRelationship } from './relationships.js';
import { createSource } from './sources.js';
import { mutate, type WriteContext } from './unit-of-work.js';

/** Unknown, pending, declined, revoked or someone else's: one answer, so none can be told apart. */
export const sharedMapNotFound = () => notFound('Shared map');

// ---- the offering workspace ----

/**
 * A second offer of the same map to the same partner is refused with 409 and the existing
 * share: to change its access, revoke it and offer again, which the partner accepts anew.
 */
export async function offerShare(
  db: Gateway,
  ws: string,
  mapId: string,
  input: { partnerWorkspaceId: string; access: ShareAccess },
  by: User,
) {
  if (input.partnerWorkspaceId === ws) {
    throw invalid('A map cannot be shared with its own workspace: give the id of a partner workspace.', [
      { path: 'body.partnerWorkspaceId', message: 'is this workspace' },
    ]);
  }
  return db.write(async (tx) => {
    if (!(await mapStore.load(tx, ws, mapId))) throw notFound('Map');
    if (!(await sharesRepo.workspace(tx, input.partnerWorkspaceId))) {
      throw new NotFound('No workspace has that id: ask the partner’s owner for the id shown on their workspace page.', {
        errors: [{ path: 'body.partnerWorkspaceId', message: 'no such workspace' }],
      });
    }
    const existing = await sharesRepo.forMapAndPartner(tx, ws, mapId, input.partnerWorkspaceId);
    if (existing) {
      throw conflict(
        `This map is already shared with ${existing.partnerWorkspace.name} (${existing.access}, ${existing.status}); revoke that share to offer it again.`,
        { current: existing },
      );
    }
    return sharesRepo.create(tx, {
      id: randomUUID(),
      ws,
      mapId,
      partnerWorkspaceId: input.partnerWorkspaceId,
      access: input.access,
      offeredBy: by.name,
    });
  });
}

/** A map's shares, and which of its actors and ties partners added. */
export async function mapShares(db: Gateway, ws: string, mapId: string) {
  return db.read(async (tx) => {
    const map = await mapStore.load(tx, ws, mapId);
    if (!map) throw notFound('Map');
    const graph = await loadGraph(tx, ws, { mapId });
    const ids = [...graph.actors.map((a) => a.id), ...graph.relationships.map((r) => r.id)];
    return { items: await sharesRepo.forMap(tx, ws, mapId), contributions: await sharesRepo.contributions(tx, ws, ids) };
  });
}

export async function revokeShare(db: Gateway, ws: string, mapId: string, shareId: string) {
  const removed = await db.write((tx) => sharesRepo.remove(tx, ws, mapId, shareId));
  if (!removed) throw notFound('Share');
}

// ---- the partner workspace's owner ----

export async function respondToShare(db: Gateway, ws: string, shareId: string, answer: 'accepted' | 'declined', by: User) {
  return db.write(async (tx) => {
    const [offer] = await sharesRepo.incoming(tx, ws, shareId);
    if (!offer) throw notFound('Share offer');
    if (offer.status !== answer) await sharesRepo.respond(tx, ws, shareId, answer, by.id);
    return { ...offer, status: answer, respondedAt: offer.status === answer ? offer.respondedAt : new Date().toISOString() };
  });
}

// ---- members of the partner workspace ----

/** The accepted share `shareId` of workspace `ws`, read now: a revoked share fails at once. */
export async function openShare(tx: Tx, ws: string, shareId: string): Promise<OpenShare> {
  const found = await sharesRepo.open(tx, ws, shareId);
  if (!found) throw sharedMapNotFound();
  return found;
}

const byEntity = (contributions: Contribution[]) => new Map(contributions.map((c) => [c.entityId, c.workspace]));
const provenance = (by: Map<string, { id: string; name: string }>, id: string) => ({
  addedByWorkspaceId: by.get(id)?.id ?? null,
  addedByWorkspaceName: by.get(id)?.name ?? null,
});

/** The map as the partner may see it: its actors, the ties among them, positions, styles, story. */
export async function loadSharedMap(tx: Tx, share: OpenShare): Promise<SharedMapDetail> {
  const ws = share.ownerWorkspace.id;
  const map = await mapStore.load(tx, ws, share.mapId);
  if (!map) throw sharedMapNotFound();
  const graph = await loadGraph(tx, ws, { mapId: share.mapId });
  const by = byEntity(await sharesRepo.contributions(tx, ws, [...graph.actors.map((a) => a.id), ...graph.relationships.map((r) => r.id)]));
  const actorIds = new Set(graph.actors.map((a) => a.id));
  const relationshipIds = new Set(graph.relationships.map((r) => r.id));
  return {
    share: { id: share.id, access: share.access, ownerWorkspace: share.ownerWorkspace },
    id: map.id,
    name: map.name,
    description: map.description,
    defaultView: map.defaultView,
    version: map.version,
    createdAt: map.createdAt,
    updatedAt: map.updatedAt,
    members: map.members.filter((m) => actorIds.has(m.actorId)),
    // A story step may name things that have left the map since; those stay behind.
    annotations: map.annotations.map((a) => ({
      ...a,
      actorIds: a.actorIds.filter((id) => actorIds.has(id)),
      relationshipIds: a.relationshipIds.filter((id) => relationshipIds.has(id)),
    })),
    actors: graph.actors.map((a) => ({ ...a, ...provenance(by, a.id) })),
    relationships: graph.relationships.map((r) => ({ ...r, ...provenance(by, r.id) })) as SharedMapDetail['relationships'],
  };
}

function requireEdit(share: OpenShare) {
  if (share.access !== 'edit') {
    throw forbidden(`${share.ownerWorkspace.name} shared this map with you to read; ask its owner for edit access to add to it.`);
  }
}

/** How a partner's edit reads in the owner's history: the person and the organisation. */
export function partnerAuthor(user: User, share: OpenShare): Author {
  return { id: user.id, name: `${user.name} (${share.partnerWorkspace.name}, via shared map)` };
}

/**
 * A partner's write, in the owning workspace: the share is read again inside the write, so a
 * share revoked a moment ago refuses it, and the whole write lands or none of it does.
 */
async function partnerWrite<T extends { id: string }>(
  db: Gateway,
  ws: string,
  shareId: string,
  user: User,
  entityType: 'actor' | 'relationship',
  summary: (result: T, share: OpenShare) => string,
  work: (ctx: WriteContext, share: OpenShare) => Promise<T>,
) {
  const first = await db.read((tx) => openShare(tx, ws, shareId));
  requireEdit(first);
  let share = first;
  const { result } = await mutate(
    db,
    first.ownerWorkspace.id,
    partnerAuthor(user, first),
    'create',
    (r: T) => summary(r, share),
    async (ctx) => {
      share = await openShare(ctx.tx, ws, shareId);
      requireEdit(share);
      const made = await work(ctx, share);
      await sharesRepo.recordContribution(ctx.tx, { entityType, entityId: made.id, ws: ctx.ws, partnerWorkspaceId: ws, shareId });
      return made;
    },
  );
  return { result, share };
}

export async function addSharedActor(db: Gateway, ws: string, shareId: string, user: User, input: SharedActorCreate) {
  const { position, ...fields } = input;
  const { result, share } = await partnerWrite<Actor>(
    db,
    ws,
    shareId,
    user,
    'actor',
    (a, s) => `Added ${a.name} to map “${s.mapName}”`,
    async (ctx, s) => {
      const actor = await createActor(ctx, fields);
      await addMembers(ctx, s.mapId, {
        actorIds: [actor.id],
        positions: position ? { [actor.id]: position } : undefined,
        withNeighbours: false,
      });
      return actor;
    },
  );
  return { ...result, addedByWorkspaceId: ws, addedByWorkspaceName: share.partnerWorkspace.name };
}

export async function addSharedRelationship(db: Gateway, ws: string, shareId: string, user: User, input: SharedRelationshipCreate) {
  const { source, ...fields } = input;
  for (const key of ['id', ...alwaysInternal.relationship]) {
    if (key in fields) throw invalid(`${key} cannot be set through a shared map.`, [{ path: `body.${key}`, message: 'not allowed here' }]);
  }
  const { result, share } = await partnerWrite<Relationship>(
    db,
    ws,
    shareId,
    user,
    'relationship',
    (r, s) => `Added a tie (${r.type}) on map “${s.mapName}”`,
    async (ctx, s) => {
      const present = await sharesRepo.onMap(ctx.tx, ctx.ws, s.mapId, [fields.from, fields.to]);
      for (const end of ['from', 'to'] as const) {
        if (!present.has(fields[end]))
          throw invalid(`The "${end}" actor is not on this shared map.`, [{ path: `body.${end}`, message: 'not an actor on this map' }]);
      }
      const cited = source ? [(await createSource(ctx, { url: source.url, title: source.title ?? null }, 'body.source')).source.id] : [];
      const sourceIds = Array.isArray(fields.sourceIds) ? (fields.sourceIds as string[]) : [];
      return createRelationship(ctx, { ...fields, sourceIds: [...sourceIds, ...cited] } as RelationshipCreate);
    },
  );
  return { ...result, addedByWorkspaceId: ws, addedByWorkspaceName: share.partnerWorkspace.name };
}
