import { randomUUID } from 'node:crypto';
import { actorData, actorDefaults, type Actor, type ActorCreate, type ActorPatch } from '../domain/actor.js';
import { NotFound, conflict, invalid, notFound, parseOrInvalid } from '../domain/errors.js';
import type { Tx } from '../db/gateway.js';
import { dataOf } from '../domain/record.js';
import type { ActorDetail, ActorTie } from '../domain/actor-detail.js';
import { actorRefs, actorStore, deletedActor } from '../repos/actors.js';
import { mapsShowing } from '../repos/maps.js';
import { relationshipsOf } from '../repos/relationships.js';
import { existingSourceIds, sourcesByIds } from '../repos/sources.js';
import { nowIso } from '../repos/entity-store.js';
import { impliedReading, recordReadings, splitReading } from './assessments.js';
import { createEntity, deleteEntity, updateEntity } from './entities.js';
import type { WriteContext } from './unit-of-work.js';

/** The sources actors cite must be sources of their workspace: a 400 naming the first that is not. */
export async function checkActorSources(tx: Tx, ws: string, actors: { sourceIds: string[] }[], prefixes: string[]): Promise<void> {
  const wanted = [...new Set(actors.flatMap((a) => a.sourceIds))];
  if (wanted.length === 0) return;
  const known = await existingSourceIds(tx, ws, wanted);
  actors.forEach((a, i) => {
    const missing = a.sourceIds.find((s) => !known.has(s));
    if (missing)
      throw invalid(`Source ${missing} does not exist in this workspace.`, [
        { path: `${prefixes[i]}.sourceIds`, message: `unknown source ${missing}` },
      ]);
  });
}

/** Creates an actor; a power or alignment it is given is recorded as its first assessment. */
export async function createActor(ctx: WriteContext, input: ActorCreate, prefix = 'body'): Promise<Actor> {
  const { reading, rest } = splitReading(input);
  const { id, ...fields } = rest;
  const data = parseOrInvalid(actorData, { ...actorDefaults, ...fields }, prefix);
  await checkActorSources(ctx.tx, ctx.ws, [data], [prefix]);
  const now = nowIso();
  const actor = await createEntity(ctx, actorStore, { id: id ?? randomUUID(), ...data, version: 1, createdAt: now, updatedAt: now });
  await recordReadings(ctx, [impliedReading(ctx, null, actor, reading, prefix)]);
  return actor;
}

/** Edits an actor; a change of power or alignment is recorded as an assessment. */
export async function updateActor(ctx: WriteContext, id: string, patch: ActorPatch, prefix = 'body'): Promise<Actor> {
  const { reading, rest } = splitReading(patch);
  const { version, ...fields } = rest;
  if (fields.sourceIds) await checkActorSources(ctx.tx, ctx.ws, [{ sourceIds: fields.sourceIds }], [prefix]);
  let before: Pick<Actor, 'power' | 'alignment'> | null = null;
  const actor = await updateEntity(ctx, actorStore, id, version, (current) => {
    before = { power: current.power, alignment: current.alignment };
    const data = parseOrInvalid(actorData, { ...dataOf(current), ...fields }, prefix);
    return { ...current, ...data };
  });
  await recordReadings(ctx, [impliedReading(ctx, before, actor, reading, prefix)]);
  return actor;
}

export function deleteActor(ctx: WriteContext, id: string, version: number | undefined): Promise<Actor> {
  return deleteEntity(ctx, actorStore, id, version);
}

/** Gives a deleted actor back its place, with the relationships it had. */
export async function restoreActor(ctx: WriteContext, id: string): Promise<Actor> {
  if (await actorStore.load(ctx.tx, ctx.ws, id)) throw conflict('That actor is not deleted.');
  const row = await deletedActor(ctx.tx, ctx.ws, id);
  if (!row) throw new NotFound('There is no deleted actor with that id in this workspace.');
  const { externalIdsJson: _e, nameKey: _n, aliasText: _a, workspaceId: _w, deletedAt: _d, externalIds, ...stored } = row;
  const restored: Actor = {
    ...(actorDefaults as Partial<Actor>),
    ...stored,
    externalIds: JSON.parse(externalIds ?? '{}'),
    version: stored.version + 1,
    updatedAt: nowIso(),
  };
  await actorStore.save(ctx.tx, ctx.ws, restored);
  ctx.diffs.push({ entityType: 'actor', entityId: id, before: null, after: restored as never });
  return restored;
}

/** An actor with its relationships grouped by type, the sources they cite and the maps it is on. */
export async function loadActorDetail(tx: Tx, ws: string, actorId: string): Promise<ActorDetail> {
  const found = await actorStore.load(tx, ws, actorId);
  if (!found) throw notFound('Actor');
  const rels = await relationshipsOf(tx, ws, actorId);
  const others = await actorRefs(tx, ws, [...new Set(rels.map((r) => (r.from === actorId ? r.to : r.from)))]);
  const grouped: ActorDetail['relationships'] = {};
  for (const rel of rels) {
    const out = rel.from === actorId;
    const tie: ActorTie = { relationship: rel, direction: out ? 'out' : 'in', other: others.get(out ? rel.to : rel.from)! };
    (grouped[rel.type] ??= []).push(tie);
  }
  const sources = await sourcesByIds(tx, ws, [...new Set([...found.sourceIds, ...rels.flatMap((r) => r.sourceIds)])]);
  return { ...found, relationships: grouped, sources, maps: await mapsShowing(tx, ws, actorId) };
}
