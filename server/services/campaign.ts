import { randomUUID } from 'node:crypto';
import { actionData, actionDefaults, type Action, type ActionCreate, type ActionPatch } from '../domain/action.js';
import { keyDateData, keyDateDefaults, type KeyDate, type KeyDateCreate, type KeyDatePatch } from '../domain/key-date.js';
import { taskData, taskDefaults, type Task, type TaskCreate, type TaskPatch } from '../domain/task.js';
import type { z } from 'zod';
import { conflict, invalid } from '../domain/errors.js';
import { parseOrInvalid } from '../domain/errors.js';
import { actorRefs, actorStore } from '../repos/actors.js';
import { actionStore, keyDateStore, membersAmong, taskStore } from '../repos/campaign.js';
import { demandStore } from '../repos/demands.js';
import { listRecords } from '../repos/records.js';
import { relationshipStore } from '../repos/relationships.js';
import { nowIso } from '../repos/entity-store.js';
import { assess } from './assessments.js';
import { createEntity, deleteEntity, loadOr404, updateEntity } from './entities.js';
import type { WriteContext } from './unit-of-work.js';

type Bookkeeping = 'id' | 'version' | 'createdAt' | 'updatedAt';

async function checkActors(ctx: WriteContext, ids: string[], path: string) {
  const refs = await actorRefs(ctx.tx, ctx.ws, [...new Set(ids)]);
  const index = ids.findIndex((id) => !refs.has(id));
  if (index >= 0)
    throw invalid(`Actor ${ids[index]} does not exist in this workspace.`, [
      { path: `${path}.${index}`, message: `unknown actor ${ids[index]}` },
    ]);
}

async function checkDemands(ctx: WriteContext, ids: string[], path: string) {
  for (const [index, id] of ids.entries()) {
    if (!(await demandStore.load(ctx.tx, ctx.ws, id)))
      throw invalid(`Demand ${id} does not exist in this workspace.`, [{ path: `${path}.${index}`, message: `unknown demand ${id}` }]);
  }
}

async function newRecord<S extends { id: string; version: number; createdAt: string; updatedAt: string }>(
  ctx: WriteContext,
  store: typeof actionStore | typeof keyDateStore | typeof taskStore,
  id: string | undefined,
  data: Omit<S, Bookkeeping>,
): Promise<S> {
  const now = nowIso();
  return createEntity(
    ctx,
    store as never,
    { id: id ?? randomUUID(), ...data, version: 1, createdAt: now, updatedAt: now } as unknown as S,
  ) as Promise<S>;
}

const dataOf = <S extends Record<string, unknown>>(record: S, schema: z.ZodObject) =>
  Object.fromEntries(Object.keys(schema.shape).map((k) => [k, record[k]]));

// --- Actions -----------------------------------------------------------------------------

/** The target moved in answer to the action: a reading dated the action's day. */
async function recordResponse(
  ctx: WriteContext,
  action: Action,
  move: NonNullable<ActionCreate['responseMove']>,
  prefix: string,
): Promise<string> {
  if (!action.targetIds.includes(move.actorId)) {
    throw invalid('The response must come from one of the action’s targets.', [
      { path: `${prefix}.responseMove.actorId`, message: 'not a target of this action' },
    ]);
  }
  const target = await loadOr404(ctx, actorStore, move.actorId);
  const power = move.power ?? target.power;
  const alignment = move.alignment ?? target.alignment;
  if (power === null || alignment === null) {
    throw invalid(`${target.name} has no ${power === null ? 'power' : 'alignment'} yet: give both.`, [
      { path: `${prefix}.responseMove.${power === null ? 'power' : 'alignment'}`, message: 'required while the target has none' },
    ]);
  }
  const today = new Date().toISOString().slice(0, 10);
  const at = action.date >= today ? new Date().toISOString() : `${action.date}T12:00:00.000Z`;
  const note = move.note ?? `Response to “${action.title}”${action.response ? `: ${action.response}` : ''}`;
  return (
    await assess(ctx, move.actorId, { power, alignment, note: note.slice(0, 2000), source: `Action: ${action.title}`.slice(0, 500), at })
  ).id;
}

export async function createAction(ctx: WriteContext, demandId: string, input: ActionCreate, prefix = 'body'): Promise<Action> {
  await loadOr404(ctx, demandStore, demandId);
  const { id, responseMove, ...fields } = input;
  const data = parseOrInvalid(actionData, { ...actionDefaults, ...fields, demandId }, prefix);
  await checkActors(ctx, data.targetIds, `${prefix}.targetIds`);
  let action = await newRecord<Action>(ctx, actionStore, id, { ...data, responseAssessmentIds: [] });
  if (responseMove) {
    const reading = await recordResponse(ctx, action, responseMove, prefix);
    action = { ...action, responseAssessmentIds: [reading] };
    await actionStore.save(ctx.tx, ctx.ws, action);
    ctx.diffs.find((d) => d.entityId === action.id)!.after = action as never;
  }
  return action;
}

export async function updateAction(ctx: WriteContext, id: string, patch: ActionPatch, prefix = 'body'): Promise<Action> {
  const { version, responseMove, ...fields } = patch;
  return updateEntity(ctx, actionStore, id, version, async (current) => {
    const data = parseOrInvalid(actionData, { ...dataOf(current, actionData), ...fields }, prefix);
    await checkActors(ctx, data.targetIds, `${prefix}.targetIds`);
    const next = { ...current, ...data };
    if (responseMove)
      next.responseAssessmentIds = [...current.responseAssessmentIds, await recordResponse(ctx, next, responseMove, prefix)];
    return next;
  });
}

export const deleteAction = (ctx: WriteContext, id: string, version: number | undefined) => deleteEntity(ctx, actionStore, id, version);

// --- Key dates ---------------------------------------------------------------------------

async function checkKeyDate(ctx: WriteContext, data: Omit<KeyDate, Bookkeeping>, prefix: string) {
  await checkActors(ctx, data.actorIds, `${prefix}.actorIds`);
  await checkDemands(ctx, data.demandIds, `${prefix}.demandIds`);
}

export async function createKeyDate(ctx: WriteContext, input: KeyDateCreate, prefix = 'body'): Promise<KeyDate> {
  const { id, ...fields } = input;
  const data = parseOrInvalid(keyDateData, { ...keyDateDefaults, ...fields }, prefix);
  await checkKeyDate(ctx, data, prefix);
  return newRecord<KeyDate>(ctx, keyDateStore, id, data);
}

export function updateKeyDate(ctx: WriteContext, id: string, patch: KeyDatePatch, prefix = 'body'): Promise<KeyDate> {
  const { version, ...fields } = patch;
  return updateEntity(ctx, keyDateStore, id, version, async (current) => {
    const data = parseOrInvalid(keyDateData, { ...dataOf(current, keyDateData), ...fields }, prefix);
    await checkKeyDate(ctx, data, prefix);
    return { ...current, ...data };
  });
}

export const deleteKeyDate = (ctx: WriteContext, id: string, version: number | undefined) => deleteEntity(ctx, keyDateStore, id, version);

// --- Research tasks ----------------------------------------------------------------------

async function checkTask(ctx: WriteContext, data: Omit<Task, Bookkeeping>, prefix: string) {
  if (data.assigneeId && !(await membersAmong(ctx.tx, ctx.ws, [data.assigneeId])).has(data.assigneeId)) {
    throw invalid('A task is assigned to a member of this workspace.', [
      { path: `${prefix}.assigneeId`, message: 'not a member of this workspace' },
    ]);
  }
  await checkActors(ctx, data.actorIds, `${prefix}.actorIds`);
  for (const [index, rid] of data.relationshipIds.entries()) {
    if (!(await relationshipStore.load(ctx.tx, ctx.ws, rid)))
      throw invalid(`Relationship ${rid} does not exist in this workspace.`, [
        { path: `${prefix}.relationshipIds.${index}`, message: `unknown relationship ${rid}` },
      ]);
  }
}

export async function createTask(ctx: WriteContext, input: TaskCreate, prefix = 'body'): Promise<Task> {
  const { id, ...fields } = input;
  const data = parseOrInvalid(taskData, { ...taskDefaults, ...fields }, prefix);
  await checkTask(ctx, data, prefix);
  return newRecord<Task>(ctx, taskStore, id, data);
}

export function updateTask(ctx: WriteContext, id: string, patch: TaskPatch, prefix = 'body'): Promise<Task> {
  const { version, ...fields } = patch;
  return updateEntity(ctx, taskStore, id, version, async (current) => {
    const data = parseOrInvalid(taskData, { ...dataOf(current, taskData), ...fields }, prefix);
    await checkTask(ctx, data, prefix);
    return { ...current, ...data };
  });
}

export const deleteTask = (ctx: WriteContext, id: string, version: number | undefined) => deleteEntity(ctx, taskStore, id, version);

/** “Cite this tie”: an uncited relationship becomes a research task linked to it and its ends. */
export async function taskFromTie(
  ctx: WriteContext,
  relationshipId: string,
  input: { assigneeId?: string | null | undefined; due?: string | null | undefined; title?: string | undefined },
): Promise<Task> {
  const tie = await loadOr404(ctx, relationshipStore, relationshipId);
  if (tie.sourceIds.length) throw conflict('That relationship already cites a source.');
  // A second click (or a colleague's) finds the task already open rather than making another.
  const [open] = await listRecords(
    ctx.tx,
    taskStore,
    ctx.ws,
    { contains: { relationshipIds: tie.id }, within: { status: ['open', 'doing'] } },
    'createdAt',
  );
  if (open) throw conflict(`“${open.title}” is already open for this relationship.`, { current: open });
  const refs = await actorRefs(ctx.tx, ctx.ws, [tie.from, tie.to]);
  const from = refs.get(tie.from)?.name ?? 'an actor';
  const to = refs.get(tie.to)?.name ?? 'an actor';
  return createTask(ctx, {
    title: input.title ?? `Find a source: ${from} – ${to} (${tie.type.toLowerCase()})`.slice(0, 300),
    description: 'This tie cites no source yet. Find a document that shows it, add it as a source and cite it on the relationship.',
    assigneeId: input.assigneeId ?? null,
    due: input.due ?? null,
    actorIds: [tie.from, tie.to].filter((id) => refs.has(id)),
    relationshipIds: [tie.id],
  });
}
