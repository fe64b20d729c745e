import type { Change, Diff } from '../domain/change.js';
import { conflict, notFound } from '../domain/errors.js';
import { nowIso, type Stored } from '../repos/entity-store.js';
import { changesRepo } from '../repos/changes.js';
import { entityStores } from './entity-stores.js';
import type { WriteContext } from './unit-of-work.js';

/** Canonical JSON of a record's content: bookkeeping left out, keys sorted. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (key, inner: unknown) => {
    if (key === 'version' || key === 'updatedAt' || key === 'createdAt') return undefined;
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return inner;
  });
}

/** Later edits conflict only if they left the record different from what this change made it. */
const sameContent = (current: Stored, expected: Stored) =>
  current.version === expected.version || canonical(current) === canonical(expected);

const describe = (diff: Diff) =>
  `${diff.entityType} ${(diff.after ?? diff.before)?.name ?? (diff.after ?? diff.before)?.title ?? diff.entityId}`;

/**
 * Undoes one change as a new change: every record it touched goes back to its state before
 * it, provided nobody has edited that record since. If anyone has, nothing is undone and
 * the answer says which record moved on.
 */
export async function revertChange(ctx: WriteContext, changeId: string): Promise<Change> {
  const change = await changesRepo.load(ctx.tx, ctx.ws, changeId);
  if (!change) throw notFound('Change');
  if (change.revertedBy) throw conflict('That change has already been reverted.', { revertedBy: change.revertedBy });

  const plan: Diff[] = [];
  const seen = new Set<string>();
  for (const diff of [...change.diffs].reverse()) {
    const store = entityStores[diff.entityType];
    const key = `${diff.entityType}:${diff.entityId}`;
    const current = await store.load(ctx.tx, ctx.ws, diff.entityId);
    // A record touched twice in one change is checked against its final state only.
    if (!seen.has(key)) {
      seen.add(key);
      const expected = diff.after as Stored | null;
      const moved = expected === null ? current !== null : current === null || !sameContent(current, expected);
      if (moved) {
        throw conflict(
          `Cannot revert "${change.summary}": ${describe(diff)} has been ${current === null ? 'deleted' : 'edited'} since. Revert the later change first, or edit it by hand.`,
          { current },
        );
      }
    }
    plan.push(diff);
  }

  for (const diff of plan) await undoDiff(ctx, diff);
  return change;
}

/**
 * Puts one record back as it was before `diff`, whatever it is now, and records that as a
 * diff of the change being made: a record the diff created goes, any other gets its earlier
 * content back with a version after every one it has had.
 */
export async function undoDiff(ctx: WriteContext, diff: Diff): Promise<void> {
  const store = entityStores[diff.entityType];
  const current = await store.load(ctx.tx, ctx.ws, diff.entityId);
  if (diff.before === null) {
    if (current) {
      await store.remove(ctx.tx, ctx.ws, diff.entityId);
      ctx.diffs.push({ entityType: diff.entityType, entityId: diff.entityId, before: current as never, after: null });
    }
    return;
  }
  const before = diff.before as unknown as Stored;
  const restored = {
    ...before,
    version:
      diff.entityType === 'assessment'
        ? 1
        : Math.max(current?.version ?? 0, before.version, (diff.after as Stored | null)?.version ?? 0) + 1,
    ...(diff.entityType === 'assessment' ? {} : { updatedAt: nowIso() }),
  };
  await store.save(ctx.tx, ctx.ws, restored);
  ctx.diffs.push({ entityType: diff.entityType, entityId: diff.entityId, before: current as never, after: restored as never });
}
