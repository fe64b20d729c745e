import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/gateway.js';
import type { Change, ChangeAction, Diff } from '../domain/change.js';
import { notFound } from '../domain/errors.js';
import { changesRepo } from '../repos/changes.js';

export interface Author {
  id: string;
  name: string;
}

/**
 * Takes the workspace's write lock and the next change number. Every write starts here, so
 * writes to one workspace are serialised and a version read after it cannot go stale
 * before the transaction commits.
 */
export async function lockWorkspace(tx: Tx, ws: string): Promise<number> {
  const seq = await changesRepo.nextSeq(tx, ws);
  if (seq === undefined) throw notFound('Workspace');
  return seq;
}

export async function recordChange(
  tx: Tx,
  ws: string,
  seq: number,
  author: Author | null,
  action: ChangeAction,
  summary: string,
  diffs: Diff[],
  revertOf: string | null = null,
  importJob: string | null = null,
): Promise<Change> {
  const change: Change = {
    id: randomUUID(),
    seq,
    at: new Date().toISOString(),
    userId: author?.id ?? null,
    userName: author?.name ?? null,
    action,
    summary,
    diffs,
    revertOf,
    revertedBy: null,
    diffCount: diffs.length,
  };
  // Large changes (imports, merges of busy actors) keep their diffs in parts, so no single
  // property grows without bound and history lists stay light.
  const inline = diffs.length <= INLINE_DIFFS;
  await changesRepo.insert(tx, ws, change, {
    diffsJson: inline ? JSON.stringify(diffs) : null,
    parts: inline ? [] : chunk(diffs, PART_SIZE).map((part, i) => ({ i, diffsJson: JSON.stringify(part) })),
    // A record's history finds its changes by these; a change of thousands is found by the workspace's list.
    entityIds: diffs.length <= 1000 ? [...new Set(diffs.map((d) => d.entityId))] : [],
    importJob,
  });
  if (revertOf) await changesRepo.markReverted(tx, ws, revertOf, change.id);
  return change;
}

const INLINE_DIFFS = 200;
const PART_SIZE = 1000;
/** `items` in runs of `size`, in order. */
export const chunk = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
