import { randomUUID } from 'node:crypto';
import { demandData, demandDefaults, type DemandData } from '../domain/demand.js';
import { badRequest } from '../http/problem.js';
import { parseOr400 } from '../http/validation.js';
import { actorRefs } from '../repos/actors.js';
import { demandStore, type StoredDemand } from '../repos/demands.js';
import { nowIso } from '../repos/store.js';
import { createEntity, deleteEntity, updateEntity } from './entities.js';
import type { WriteContext } from './unit-of-work.js';

type DemandInput = Partial<DemandData> & { id?: string | undefined };

/** Targets must be actors of this workspace, and a primary target must be a person. */
async function checkTargets(ctx: WriteContext, data: DemandData, prefix: string) {
  const ids = [...new Set([...data.primaryTargetIds, ...data.secondaryTargetIds])];
  const refs = await actorRefs(ctx.tx, ctx.ws, ids);
  for (const [field, list] of [['primaryTargetIds', data.primaryTargetIds], ['secondaryTargetIds', data.secondaryTargetIds]] as const) {
    const missing = list.find((id) => !refs.has(id));
    if (missing) throw badRequest(`Actor ${missing} does not exist in this workspace.`, [{ path: `${prefix}.${field}`, message: `unknown actor ${missing}` }]);
  }
  const institution = data.primaryTargetIds.map((id) => refs.get(id)!).find((ref) => ref.kind === 'organization');
  if (institution) {
    const why = `${institution.name} is an organization. A primary target is a person who can grant the demand — name the decision-maker inside ${institution.name}, and list ${institution.name} as a secondary target if you like.`;
    throw badRequest(why, [{ path: `${prefix}.primaryTargetIds`, message: why }]);
  }
}

const dedupe = (data: DemandData): DemandData => ({
  ...data,
  primaryTargetIds: [...new Set(data.primaryTargetIds)],
  secondaryTargetIds: [...new Set(data.secondaryTargetIds)].filter((id) => !data.primaryTargetIds.includes(id)),
});

export async function createDemand(ctx: WriteContext, input: DemandInput, prefix = 'body'): Promise<StoredDemand> {
  const { id, ...fields } = input;
  const data = dedupe(parseOr400(demandData, { ...demandDefaults, ...fields }, prefix));
  await checkTargets(ctx, data, prefix);
  const now = nowIso();
  return createEntity(ctx, demandStore, { id: id ?? randomUUID(), ...data, version: 1, createdAt: now, updatedAt: now });
}

export function updateDemand(ctx: WriteContext, id: string, patch: DemandInput & { version?: number | undefined }, prefix = 'body') {
  const { version, id: _ignored, ...fields } = patch;
  return updateEntity(ctx, demandStore, id, version, async (current) => {
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...rest } = current;
    const data = dedupe(parseOr400(demandData, { ...rest, ...fields }, prefix));
    await checkTargets(ctx, data, prefix);
    return { ...current, ...data };
  });
}

export const deleteDemand = (ctx: WriteContext, id: string, version: number | undefined) => deleteEntity(ctx, demandStore, id, version);
