import type { Gateway } from '../db/gateway.js';

/**
 * Erasing workspaces for good. Each statement runs on its own (auto-commit), since
 * `CALL … IN TRANSACTIONS` deletes in batches that a large workspace needs and cannot
 * share a transaction with anything else.
 */
export const workspacePurgeRepo = {
  async expired(db: Gateway, days: number): Promise<string[]> {
    const rows = await db.autoCommit(
      `MATCH (w:Workspace) WHERE w.deletedAt IS NOT NULL AND w.deletedAt <= datetime() - duration({days: $days})
       RETURN w.id AS id`,
      { days },
    );
    return rows.map((r) => r.id as string);
  },

  /** Every record of the workspaces (a share made to one of them too), then the workspaces themselves. */
  async erase(db: Gateway, ids: string[]): Promise<void> {
    await db.autoCommit(
      `MATCH (n) WHERE n.workspaceId IN $ids OR n.partnerWorkspaceId IN $ids
       CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`,
      { ids },
    );
    await db.autoCommit('MATCH (w:Workspace) WHERE w.id IN $ids DETACH DELETE w', { ids });
  },
};
