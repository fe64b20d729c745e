import type { Diff } from '../domain/change.js';
import { DomainError, VersionRequired, conflict, notFound } from '../domain/errors.js';
import type { EntityStore, Stored } from '../repos/entity-store.js';
import { nowIso } from '../repos/entity-store.js';
import type { WriteContext } from './unit-of-work.js';

const names: Record<Diff['entityType'], string> = {
  actor: 'Actor',
  relationship: 'Relationship',
  source: 'Source',
  demand: 'Demand',
  map: 'Map',
  assessment: 'Assessment',
  action: 'Action',
  keyDate: 'Key date',
  task: 'Task',
};

/** The stale-write answer: who wins is for a person to decide, so they get the current record. */
export function staleWrite(label: string, based: number, current: Stored): DomainError {
  return conflict(
    `${label} was changed by someone else (you edited version ${based}, it is now version ${current.version}); nothing was saved. Review the current version and apply your change again.`,
    { current },
  );
}

export function requireVersion(label: string, version: number | undefined): number {
  if (version === undefined) {
    throw new VersionRequired(
      `Say which version of the ${label.toLowerCase()} you edited (a "version" field or an If-Match header), so that nobody's edit is overwritten.`,
    );
  }
  return version;
}

export async function createEntity<S extends Stored>(ctx: WriteContext, store: EntityStore<S>, state: S): Promise<S> {
  if (await store.load(ctx.tx, ctx.ws, state.id)) throw conflict(`${names[store.type]} ${state.id} already exists.`);
  await store.save(ctx.tx, ctx.ws, state);
  ctx.diffs.push({ entityType: store.type, entityId: state.id, before: null, after: state as never });
  return state;
}

export async function loadOr404<S extends Stored>(ctx: Pick<WriteContext, 'tx' | 'ws'>, store: EntityStore<S>, id: string): Promise<S> {
  const current = await store.load(ctx.tx, ctx.ws, id);
  if (!current) throw notFound(names[store.type]);
  return current;
}

/** Applies `next` to the current record if it is still the version the caller edited. */
export async function updateEntity<S extends Stored>(
  ctx: WriteContext,
  store: EntityStore<S>,
  id: string,
  based: number | undefined,
  next: (current: S) => S | Promise<S>,
): Promise<S> {
  const current = await loadOr404(ctx, store, id);
  const version = requireVersion(names[store.type], based);
  if (current.version !== version) throw staleWrite(names[store.type], version, current);
  const updated = { ...(await next(current)), id, version: current.version + 1, updatedAt: nowIso() };
  await store.save(ctx.tx, ctx.ws, updated);
  ctx.diffs.push({ entityType: store.type, entityId: id, before: current as never, after: updated as never });
  return updated;
}

/** Writes a whole new state for a record the service already loaded and checked. */
export async function replaceEntity<S extends Stored>(ctx: WriteContext, store: EntityStore<S>, current: S, next: S): Promise<S> {
  const updated = { ...next, version: current.version + 1, updatedAt: nowIso() };
  await store.save(ctx.tx, ctx.ws, updated);
  ctx.diffs.push({ entityType: store.type, entityId: current.id, before: current as never, after: updated as never });
  return updated;
}

export async function deleteEntity<S extends Stored>(
  ctx: WriteContext,
  store: EntityStore<S>,
  id: string,
  based: number | undefined,
): Promise<S> {
  const current = await loadOr404(ctx, store, id);
  const version = requireVersion(names[store.type], based);
  if (current.version !== version) throw staleWrite(names[store.type], version, current);
  await store.remove(ctx.tx, ctx.ws, id);
  ctx.diffs.push({ entityType: store.type, entityId: id, before: current as never, after: null });
  return current;
}

/** Removes without a version check: for records a service removes as part of a larger edit. */
export async function removeEntity<S extends Stored>(ctx: WriteContext, store: EntityStore<S>, current: S): Promise<void> {
  await store.remove(ctx.tx, ctx.ws, current.id);
  ctx.diffs.push({ entityType: store.type, entityId: current.id, before: current as never, after: null });
}
