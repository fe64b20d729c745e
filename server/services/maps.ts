import { randomUUID } from 'node:crypto';
import { mapData, mapDefaults, type MapData, type MapDetail, type MapMember } from '../domain/map.js';
import { invalid, notFound, parseOrInvalid } from '../domain/errors.js';
import { dataOf } from '../domain/record.js';
import type { Tx } from '../db/gateway.js';
import { actorRefs, actorsByIds, neighbourIds } from '../repos/actors.js';
import { tiesAmong } from '../repos/graph.js';
import { mapStore, type StoredMap } from '../repos/maps.js';
import { nowIso } from '../repos/entity-store.js';
import { createEntity, deleteEntity, loadOr404, replaceEntity, staleWrite, updateEntity } from './entities.js';
import type { WriteContext } from './unit-of-work.js';

type MapInput = Partial<MapData> & { id?: string | undefined };

async function checkMembers(ctx: WriteContext, members: MapMember[], prefix: string) {
  const ids = members.map((m) => m.actorId);
  if (new Set(ids).size !== ids.length)
    throw invalid('An actor appears twice on the map.', [{ path: `${prefix}.members`, message: 'must not repeat an actor' }]);
  const refs = await actorRefs(ctx.tx, ctx.ws, ids);
  const missing = ids.find((id) => !refs.has(id));
  if (missing)
    throw invalid(`Actor ${missing} does not exist in this workspace.`, [
      { path: `${prefix}.members`, message: `unknown actor ${missing}` },
    ]);
}

export async function createMap(ctx: WriteContext, input: MapInput, prefix = 'body'): Promise<StoredMap> {
  const { id, ...fields } = input;
  const data = parseOrInvalid(mapData, { ...mapDefaults, ...fields }, prefix);
  await checkMembers(ctx, data.members, prefix);
  const now = nowIso();
  return createEntity(ctx, mapStore, { id: id ?? randomUUID(), ...data, version: 1, createdAt: now, updatedAt: now });
}

export function updateMap(ctx: WriteContext, id: string, patch: MapInput & { version?: number | undefined }, prefix = 'body') {
  const { version, id: _ignored, ...fields } = patch;
  return updateEntity(ctx, mapStore, id, version, async (current) => {
    const rest = dataOf(current);
    const data = parseOrInvalid(mapData, { ...rest, ...fields }, prefix);
    if (fields.members) await checkMembers(ctx, data.members, prefix);
    return { ...current, ...data };
  });
}

export const deleteMap = (ctx: WriteContext, id: string, version: number | undefined) => deleteEntity(ctx, mapStore, id, version);

/**
 * Adds actors (and, when asked, everyone directly related to them). Relationships among a
 * map's actors are always drawn, so adding an actor pulls in its ties to those already there.
 */
export async function addMembers(
  ctx: WriteContext,
  mapId: string,
  input: {
    actorIds: string[];
    positions?: Record<string, { x: number; y: number }> | undefined;
    withNeighbours: boolean;
    version?: number | undefined;
  },
): Promise<StoredMap> {
  const current = await loadOr404(ctx, mapStore, mapId);
  if (input.version !== undefined && input.version !== current.version) throw staleWrite('Map', input.version, current);
  const refs = await actorRefs(ctx.tx, ctx.ws, input.actorIds);
  const missing = input.actorIds.find((id) => !refs.has(id));
  if (missing)
    throw invalid(`Actor ${missing} does not exist in this workspace.`, [{ path: 'body.actorIds', message: `unknown actor ${missing}` }]);
  let ids = [...new Set(input.actorIds)];
  if (input.withNeighbours) {
    ids = [...new Set([...ids, ...(await neighbourIds(ctx.tx, ctx.ws, ids, 5000))])];
  }
  const present = new Set(current.members.map((m) => m.actorId));
  const added: MapMember[] = ids
    .filter((id) => !present.has(id))
    .map((actorId) => ({ actorId, x: input.positions?.[actorId]?.x ?? null, y: input.positions?.[actorId]?.y ?? null, style: {} }));
  if (added.length === 0) return current;
  return replaceEntity(ctx, mapStore, current, { ...current, members: [...current.members, ...added] });
}

export async function removeMembers(ctx: WriteContext, mapId: string, actorIds: string[], version?: number): Promise<StoredMap> {
  const current = await loadOr404(ctx, mapStore, mapId);
  if (version !== undefined && version !== current.version) throw staleWrite('Map', version, current);
  const drop = new Set(actorIds);
  const members = current.members.filter((m) => !drop.has(m.actorId));
  if (members.length === current.members.length) return current;
  return replaceEntity(ctx, mapStore, current, { ...current, members, updatedAt: nowIso() });
}

export const newMapId = () => randomUUID();

/** A map with its actors and every relationship among them: all it takes to draw it. */
export async function loadMapDetail(tx: Tx, ws: string, id: string): Promise<MapDetail> {
  const map = await mapStore.load(tx, ws, id);
  if (!map) throw notFound('Map');
  const ids = map.members.map((m) => m.actorId);
  return { ...map, actors: await actorsByIds(tx, ws, ids), relationships: await tiesAmong(tx, ws, ids) };
}
