import type { Gateway, Tx } from '../db/gateway.js';
import type { Change, ChangeAction, Diff } from '../domain/change.js';
import { lockWorkspace, recordChange, type Author } from './changes.js';

/** What a write sees: its transaction, its workspace, and the diffs it has made so far. */
export interface WriteContext {
  tx: Tx;
  ws: string;
  author: Author | null;
  diffs: Diff[];
}

/**
 * One write as one transaction: lock the workspace, do the work, record every diff it made
 * as a single change. Anything thrown rolls the whole of it back.
 */
export async function mutate<T>(
  db: Gateway,
  ws: string,
  author: Author | null,
  action: ChangeAction,
  summary: string | ((result: T) => string),
  work: (ctx: WriteContext) => Promise<T>,
  revertOf: string | null = null,
  /** Marks the change as a part of this import job (see import-rollback.ts). */
  importJob: string | null = null,
): Promise<{ result: T; change: Change | null }> {
  return db.write(async (tx) => {
    const seq = await lockWorkspace(tx, ws);
    const ctx: WriteContext = { tx, ws, author, diffs: [] };
    const result = await work(ctx);
    const text = typeof summary === 'function' ? summary(result) : summary;
    const change = ctx.diffs.length ? await recordChange(tx, ws, seq, author, action, text, ctx.diffs, revertOf, importJob) : null;
    return { result, change };
  }, action);
}
