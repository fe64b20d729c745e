import type { Actor } from '../domain/actor.js';
import { invalid } from '../domain/errors.js';
import { actorStore } from '../repos/actors.js';
import { assessmentStore, assessmentsOf } from '../repos/assessments.js';
import { demandsTargeting, demandStore } from '../repos/demands.js';
import { mapsShowing, mapStore } from '../repos/maps.js';
import { relationshipsOf, relationshipStore } from '../repos/relationships.js';
import { loadOr404, removeEntity, replaceEntity, requireVersion, staleWrite } from './entities.js';
import type { WriteContext } from './unit-of-work.js';

const union = <T>(...lists: T[][]) => [...new Set(lists.flat())];

/**
 * Folds a duplicate actor into another: its relationships, aliases, tags, roles, sources,
 * map placements, demand targets and assessments move to the one kept, and the duplicate is
 * deleted. Everything is one change, so one revert undoes the whole merge.
 */
export async function mergeActor(ctx: WriteContext, duplicateId: string, intoId: string, based: number | undefined): Promise<Actor> {
  if (duplicateId === intoId)
    throw invalid('An actor cannot be merged into itself.', [{ path: 'body.into', message: 'must be another actor' }]);
  const duplicate = await loadOr404(ctx, actorStore, duplicateId);
  const version = requireVersion('Actor', based);
  if (duplicate.version !== version) throw staleWrite('Actor', version, duplicate);
  const kept = await actorStore.load(ctx.tx, ctx.ws, intoId);
  if (!kept) throw invalid('The actor to merge into does not exist in this workspace.', [{ path: 'body.into', message: 'no such actor' }]);
  if (kept.kind !== duplicate.kind) {
    throw invalid(
      `Cannot merge ${duplicate.kind === 'person' ? 'a person' : 'an organization'} into ${kept.kind === 'person' ? 'a person' : 'an organization'}.`,
      [{ path: 'body.into', message: 'must be of the same kind' }],
    );
  }

  for (const rel of await relationshipsOf(ctx.tx, ctx.ws, duplicateId)) {
    const moved = { ...rel, from: rel.from === duplicateId ? intoId : rel.from, to: rel.to === duplicateId ? intoId : rel.to };
    if (moved.from === moved.to) await removeEntity(ctx, relationshipStore, rel);
    else await replaceEntity(ctx, relationshipStore, rel, moved);
  }

  const merged: Actor = {
    ...kept,
    aliases: union(kept.aliases, [duplicate.name], duplicate.aliases).filter((a) => a !== kept.name),
    tags: union(kept.tags, duplicate.tags),
    roles: union(kept.roles, duplicate.roles),
    interests: union(kept.interests, duplicate.interests),
    powerSources: union(kept.powerSources, duplicate.powerSources),
    sourceIds: union(kept.sourceIds, duplicate.sourceIds),
    links: union(kept.links, duplicate.links),
    externalIds: { ...duplicate.externalIds, ...kept.externalIds },
    description: kept.description || duplicate.description,
    sector: kept.sector ?? duplicate.sector,
    power: kept.power ?? duplicate.power,
    alignment: kept.alignment ?? duplicate.alignment,
    contactOwner: kept.contactOwner ?? duplicate.contactOwner,
    // Both sets of notes are kept: a merge never drops what someone wrote down.
    privateNotes: [kept.privateNotes, duplicate.privateNotes].filter(Boolean).join('\n\n'),
    image: kept.image ?? duplicate.image,
  };
  const keptNow = await replaceEntity(ctx, actorStore, kept, merged);

  const maps = await mapsShowing(ctx.tx, ctx.ws, duplicateId);
  for (const { id } of maps) {
    const map = (await mapStore.load(ctx.tx, ctx.ws, id))!;
    const hasKept = map.members.some((m) => m.actorId === intoId);
    const members = map.members
      .filter((m) => !(hasKept && m.actorId === duplicateId))
      .map((m) => (m.actorId === duplicateId ? { ...m, actorId: intoId } : m));
    await replaceEntity(ctx, mapStore, map, { ...map, members });
  }

  for (const id of await demandsTargeting(ctx.tx, ctx.ws, duplicateId)) {
    const demand = (await demandStore.load(ctx.tx, ctx.ws, id))!;
    const swap = (ids: string[]) => [...new Set(ids.map((t) => (t === duplicateId ? intoId : t)))];
    const primaryTargetIds = swap(demand.primaryTargetIds);
    const secondaryTargetIds = swap(demand.secondaryTargetIds).filter((t) => !primaryTargetIds.includes(t));
    const { [duplicateId]: duplicateWhy, ...targetWhy } = demand.targetWhy;
    if (duplicateWhy && !targetWhy[intoId]) targetWhy[intoId] = duplicateWhy;
    await replaceEntity(ctx, demandStore, demand, { ...demand, primaryTargetIds, secondaryTargetIds, targetWhy });
  }

  for (const assessment of await assessmentsOf(ctx.tx, ctx.ws, duplicateId)) {
    const moved = { ...assessment, actorId: intoId };
    await assessmentStore.save(ctx.tx, ctx.ws, moved);
    ctx.diffs.push({ entityType: 'assessment', entityId: assessment.id, before: assessment as never, after: moved as never });
  }

  await removeEntity(ctx, actorStore, duplicate);
  return keptNow;
}
