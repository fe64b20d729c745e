import { randomUUID, timingSafeEqual } from 'node:crypto';
import { hashSecret, newSecret } from '../auth/secrets.js';
import type { Gateway } from '../db/gateway.js';
import type { MapLink, MapLinkCreate, MapLinkCreated, PublicMap } from '../domain/map-link.js';
import { NotFound, conflict, invalid, notFound } from '../domain/errors.js';
import { mapContents, mapLinksRepo, type ListedMapLink } from '../repos/map-links.js';
import { mapStore } from '../repos/maps.js';
import { usersRepo } from '../repos/users.js';
import { nowIso } from '../repos/entity-store.js';
import { loadInternalFields } from './internal-fields.js';
import { redactMapPayload } from './redact.js';

/** Enough for any team's use, few enough that a forgotten link is easy to find in the list. */
export const MAX_LIVE_LINKS = 100;

/** Tokens are what newSecret hands out: base64url, 32 characters (192 random bits). */
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

/** One answer for unknown, malformed, expired and revoked tokens and deleted maps, so none can be told apart. */
export const linkNotFound = () => new NotFound('This link is not valid: it may have expired or been revoked.');

const isExpired = (expiresAt: string | null, now = Date.now()) => expiresAt !== null && Date.parse(expiresAt) <= now;
const listed = (link: ListedMapLink): MapLink => ({ ...link, expired: isExpired(link.expiresAt) });

export async function createLink(
  db: Gateway,
  ws: string,
  mapId: string,
  input: MapLinkCreate,
  creator: { id: string } | null,
  origin: string,
): Promise<MapLinkCreated> {
  const expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : null;
  if (expiresAt && isExpired(expiresAt)) {
    throw invalid('That expiry is already past: choose a time in the future, or none for a link that lasts until it is revoked.', [
      { path: 'body.expiresAt', message: 'must be in the future' },
    ]);
  }
  const token = newSecret();
  const link = {
    id: randomUUID(),
    hash: hashSecret(token),
    story: input.story,
    expiresAt,
    createdAt: nowIso(),
    createdBy: creator?.id ?? null,
  };
  const name = await db.write(async (tx) => {
    if (!(await mapStore.load(tx, ws, mapId))) throw notFound('Map');
    if ((await mapLinksRepo.countLive(tx, ws, mapId)) >= MAX_LIVE_LINKS) {
      throw conflict(`This map already has ${MAX_LIVE_LINKS} live links: revoke some you no longer use first.`);
    }
    if (!(await mapLinksRepo.create(tx, ws, mapId, link))) throw notFound('Map');
    return creator ? usersRepo.nameOf(tx, creator.id) : null;
  });
  return {
    id: link.id,
    story: link.story,
    expiresAt,
    expired: false,
    createdAt: link.createdAt,
    createdBy: name,
    token,
    url: `${origin}/p/${token}`,
    embedUrl: `${origin}/embed/${token}`,
  };
}

export async function listLinks(db: Gateway, ws: string, mapId: string): Promise<MapLink[]> {
  return db.read(async (tx) => {
    if (!(await mapStore.load(tx, ws, mapId))) throw notFound('Map');
    return (await mapLinksRepo.list(tx, ws, mapId, MAX_LIVE_LINKS)).map(listed);
  });
}

export async function revokeLink(db: Gateway, ws: string, mapId: string, id: string, by: { id: string } | null): Promise<void> {
  await db.write(async (tx) => {
    if (!(await mapStore.load(tx, ws, mapId))) throw notFound('Map');
    if (!(await mapLinksRepo.revoke(tx, ws, mapId, id, by?.id ?? null, nowIso()))) throw notFound('Link');
  });
}

/** Compared in constant time, so how much of a guessed hash matched cannot be timed. */
function sameHash(stored: string, given: string) {
  const a = Buffer.from(stored, 'hex');
  const b = Buffer.from(given, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The map behind a token, as a link holder may see it: its actors, the ties among them,
 * positions and styling, the story if the link shares it, without the workspace's internal
 * fields, and no ids or names from outside the map.
 */
export async function openPublicMap(db: Gateway, token: string): Promise<PublicMap> {
  if (!TOKEN.test(token)) throw linkNotFound();
  const hash = hashSecret(token);
  return db.read(async (tx) => {
    const link = await mapLinksRepo.byHash(tx, hash);
    if (!link || !sameHash(link.hash, hash) || isExpired(link.expiresAt)) throw linkNotFound();
    const map = await mapStore.load(tx, link.workspaceId, link.mapId);
    if (!map) throw linkNotFound();
    const { actors, relationships } = await mapContents(
      tx,
      link.workspaceId,
      map.members.map((m) => m.actorId),
    );
    const fields = await loadInternalFields(tx, link.workspaceId);
    const actorIds = new Set(actors.map((a) => a.id));
    const relationshipIds = new Set(relationships.map((r) => r.id));
    // A story step may still name an actor since taken off the map: only what the map shows is kept.
    const annotations = link.story
      ? map.annotations.map((a) => ({
          ...a,
          actorIds: a.actorIds.filter((x) => actorIds.has(x)),
          relationshipIds: a.relationshipIds.filter((x) => relationshipIds.has(x)),
        }))
      : [];
    return redactMapPayload(
      {
        name: map.name,
        description: map.description,
        defaultView: map.defaultView,
        members: map.members.filter((m) => actorIds.has(m.actorId)),
        annotations,
        story: link.story,
        actors,
        relationships,
        expiresAt: link.expiresAt,
      },
      fields,
    ) as PublicMap;
  });
}
