import { randomUUID } from 'node:crypto';
import { demandData, demandDefaults, type DemandCreate, type DemandData, type DemandPatch, type StatusChange } from '../domain/demand.js';
import { conflict, invalid, Mismatch, NotFound, parseOrInvalid } from '../domain/errors.js';
import { deletedDemand, demandStore, findDemandFor, targetCandidates, type StoredDemand } from '../repos/demands.js';
import { nowIso } from '../repos/entity-store.js';
import { createEntity, deleteEntity, updateEntity } from './entities.js';
import type { WriteContext } from './unit-of-work.js';

/** Targets must be actors of this workspace; an organisation as a primary target must be a body with members. */
async function checkTargets(ctx: WriteContext, data: DemandData, prefix: string) {
  const ids = [...new Set([...data.primaryTargetIds, ...data.secondaryTargetIds])];
  const refs = await targetCandidates(ctx.tx, ctx.ws, ids);
  for (const [field, list] of [
    ['primaryTargetIds', data.primaryTargetIds],
    ['secondaryTargetIds', data.secondaryTargetIds],
  ] as const) {
    const index = list.findIndex((id) => !refs.has(id));
    if (index >= 0) {
      throw invalid(`Actor ${list[index]} does not exist in this workspace.`, [
        { path: `${prefix}.${field}.${index}`, message: `unknown actor ${list[index]}` },
      ]);
    }
  }
  const memberless = data.primaryTargetIds.map((id) => refs.get(id)!).find((ref) => ref.kind === 'organization' && ref.members === 0);
  if (memberless) {
    const name = memberless.name;
    const why = `${name} is an organization. A primary target is a person who can grant the demand, or a decision-making body whose members are on the map (people who hold a position at ${name} or are members of it) — add those ties, or name the decision-maker inside ${name} and list ${name} as a secondary target.`;
    throw invalid(why, [{ path: `${prefix}.primaryTargetIds`, message: why }]);
  }
  const targets = new Set(ids);
  const stray = Object.keys(data.targetWhy).find((id) => !targets.has(id));
  if (stray)
    throw invalid(`targetWhy names ${stray}, which is not a target of this demand.`, [
      { path: `${prefix}.targetWhy.${stray}`, message: 'not a target of this demand' },
    ]);
}

function checkDeadline(data: DemandData, createdAt: string, prefix: string) {
  const made = createdAt.slice(0, 10);
  if (data.deadline !== null && data.deadline < made) {
    throw invalid(`The deadline ${data.deadline} is before the demand was made (${made}).`, [
      { path: `${prefix}.deadline`, message: `must not be before ${made}, when the demand was made` },
    ]);
  }
}

function statusMoment(statusAt: string | undefined, prefix: string): string {
  if (!statusAt) return nowIso();
  const at = new Date(statusAt);
  // A minute of slack for clocks that run a little ahead of ours.
  if (at.getTime() > Date.now() + 60_000)
    throw invalid('A status cannot change in the future.', [{ path: `${prefix}.statusAt`, message: 'must not be in the future' }]);
  return at.toISOString();
}

const dedupe = (data: DemandData): DemandData => ({
  ...data,
  primaryTargetIds: [...new Set(data.primaryTargetIds)],
  secondaryTargetIds: [...new Set(data.secondaryTargetIds)].filter((id) => !data.primaryTargetIds.includes(id)),
});

const byTime = (a: StatusChange, b: StatusChange) => a.at.localeCompare(b.at);

export async function createDemand(
  ctx: WriteContext,
  input: DemandCreate & { idempotencyKey?: string | null },
  prefix = 'body',
): Promise<StoredDemand> {
  const { id, statusAt, idempotencyKey, ...fields } = input;
  const data = dedupe(parseOrInvalid(demandData, { ...demandDefaults, ...fields }, prefix));
  await checkTargets(ctx, data, prefix);
  const now = nowIso();
  checkDeadline(data, now, prefix);
  if (id && (await deletedDemand(ctx.tx, ctx.ws, id))) throw conflict(`Demand ${id} was deleted; restore it rather than making it again.`);
  const statusHistory = [{ status: data.status, at: statusMoment(statusAt, prefix), by: ctx.author?.name ?? null }];
  return createEntity(ctx, demandStore, {
    id: id ?? randomUUID(),
    ...data,
    statusHistory,
    idempotencyKey: idempotencyKey ?? null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * A create that may be a repeat (a double click, a retry after a lost answer): the same
 * client-chosen id or Idempotency-Key gives back the demand the first request made.
 */
export async function createDemandOnce(
  ctx: WriteContext,
  input: DemandCreate,
  key: string | null,
): Promise<{ id: string; created: boolean }> {
  const found = await findDemandFor(ctx.tx, ctx.ws, input.id ?? null, key);
  if (!found) return { id: (await createDemand(ctx, { ...input, idempotencyKey: key })).id, created: true };
  if (found.deleted) throw conflict(`Demand ${found.id} was made by an earlier request and has since been deleted; restore it instead.`);
  if (input.id && input.id !== found.id) throw conflict(`That Idempotency-Key was used for demand ${found.id}, not ${input.id}.`);
  if (found.title !== input.title.trim()) {
    throw new Mismatch(
      `Demand ${found.id} was made by an earlier request with this ${key ? 'Idempotency-Key' : 'id'} and another title (“${found.title}”). Use a new key for a new demand.`,
    );
  }
  return { id: found.id, created: false };
}

export function updateDemand(ctx: WriteContext, id: string, patch: DemandPatch, prefix = 'body') {
  const { version, statusAt, ...fields } = patch;
  return updateEntity(ctx, demandStore, id, version, async (current) => {
    const { id: _i, version: _v, createdAt, updatedAt: _u, statusHistory, idempotencyKey, ...rest } = current;
    const data = dedupe(parseOrInvalid(demandData, { ...rest, ...fields }, prefix));
    await checkTargets(ctx, data, prefix);
    if (fields.deadline !== undefined) checkDeadline(data, createdAt, prefix);
    const history =
      data.status === current.status
        ? statusHistory
        : [...statusHistory, { status: data.status, at: statusMoment(statusAt, prefix), by: ctx.author?.name ?? null }].sort(byTime);
    return { ...current, ...data, statusHistory: history, idempotencyKey };
  });
}

export const deleteDemand = (ctx: WriteContext, id: string, version: number | undefined) => deleteEntity(ctx, demandStore, id, version);

/** Gives a deleted demand back, with its targets. */
export async function restoreDemand(ctx: WriteContext, id: string): Promise<StoredDemand> {
  if (await demandStore.load(ctx.tx, ctx.ws, id)) throw conflict('That demand is not deleted.');
  const gone = await deletedDemand(ctx.tx, ctx.ws, id);
  if (!gone) throw new NotFound('There is no deleted demand with that id in this workspace.');
  const restored = { ...gone, version: gone.version + 1, updatedAt: nowIso() };
  await demandStore.save(ctx.tx, ctx.ws, restored);
  ctx.diffs.push({ entityType: 'demand', entityId: id, before: null, after: restored as never });
  return restored;
}
