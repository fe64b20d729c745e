import type { Tx } from '../db/gateway.js';
import type { Change, Diff } from '../domain/change.js';

const CHANGE = `c {.id, .seq, .at, .userId, .userName, .action, .summary, .revertOf, .revertedBy, diffs: c.diffsJson,
  diffCount: coalesce(c.diffCount, 0)}`;

/** A change as listed: its diffs inline when small, otherwise only their count. */
function changeFromRow(row: Record<string, unknown>): Change {
  return { ...(row as unknown as Change), diffs: row.diffs ? (JSON.parse(row.diffs as string) as Diff[]) : [] };
}

/** The workspace's latest change number: the version of its data (0 before the first change). */
export async function changeSeq(tx: Tx, ws: string): Promise<number> {
  return (await tx.one<{ seq: number }>('MATCH (w:Workspace {id: $ws}) RETURN coalesce(w.changeSeq, 0) AS seq', { ws }))?.seq ?? 0;
}

/** One page of a change's diffs, stored apart when a change is too large to keep inline. */
export interface StoredPart {
  i: number;
  diffsJson: string;
}

// The diffs travel as JSON (`stored`), not as a nested parameter the statement never reads.
const fieldsOf = ({ diffs: _diffs, ...fields }: Change) => fields;

export const changesRepo = {
  /**
   * Takes the workspace's write lock (the node lock of the SET) and the next change number;
   * undefined when the workspace does not exist or was deleted.
   */
  async nextSeq(tx: Tx, ws: string): Promise<number | undefined> {
    const row = await tx.one<{ seq: number }>(
      `MATCH (w:Workspace {id: $ws}) WHERE w.deletedAt IS NULL
       SET w.changeSeq = coalesce(w.changeSeq, 0) + 1
       RETURN w.changeSeq AS seq`,
      { ws },
    );
    return row?.seq;
  },

  /**
   * `diffs` inline, or null with the diffs in `parts`; `entityIds` feed the per-record history;
   * `importJob` marks a part of an import, so that a failed one can be taken out again.
   */
  async insert(
    tx: Tx,
    ws: string,
    change: Change,
    stored: { diffsJson: string | null; parts: StoredPart[]; entityIds: string[]; importJob: string | null },
  ) {
    await tx.query(
      `CREATE (c:Change {id: $id, workspaceId: $ws, seq: $seq, at: datetime($at), userId: $userId, userName: $userName,
         action: $action, summary: $summary, diffsJson: $diffsJson, diffCount: $diffCount, revertOf: $revertOf,
         entityIds: $entityIds, importJob: $importJob})
       WITH c UNWIND $parts AS part CREATE (c)-[:PART]->(:ChangePart {i: part.i, diffsJson: part.diffsJson})`,
      { ...fieldsOf(change), ws, diffCount: change.diffs.length, ...stored },
    );
  },

  /** The parts an import wrote that are still in place, newest first (the order to take them out). */
  async ofImport(tx: Tx, ws: string, importJob: string): Promise<string[]> {
    const rows = await tx.query<{ id: string }>(
      `MATCH (c:Change {importJob: $importJob}) WHERE c.workspaceId = $ws AND c.revertedBy IS NULL
       RETURN c.id AS id ORDER BY c.seq DESC`,
      { ws, importJob },
    );
    return rows.map((r) => r.id);
  },

  async markReverted(tx: Tx, ws: string, revertOf: string, by: string) {
    await tx.query('MATCH (c:Change {id: $revertOf}) WHERE c.workspaceId = $ws SET c.revertedBy = $by', { ws, revertOf, by });
  },

  /** Newest first; oldest first when only `after` is given (catching up). */
  async list(
    tx: Tx,
    ws: string,
    options: { before?: number | undefined; after?: number | undefined; limit: number; entity?: string | undefined },
  ): Promise<Change[]> {
    const ascending = options.after !== undefined && options.before === undefined;
    const rows = await tx.query<{ c: Record<string, unknown> }>(
      `MATCH (c:Change) WHERE c.workspaceId = $ws
         AND ($before IS NULL OR c.seq < $before) AND ($after IS NULL OR c.seq > $after)
         AND ($entity IS NULL OR $entity IN c.entityIds)
       RETURN ${CHANGE} AS c ORDER BY c.seq ${ascending ? 'ASC' : 'DESC'} LIMIT $limit`,
      { ws, before: options.before ?? null, after: options.after ?? null, entity: options.entity ?? null, limit: options.limit },
    );
    return rows.map((r) => changeFromRow(r.c));
  },

  /** A change with all of its diffs, however many parts they were stored in. */
  async load(tx: Tx, ws: string, id: string): Promise<Change | null> {
    const row = await tx.one<{ c: Record<string, unknown>; parts: StoredPart[] }>(
      `MATCH (c:Change {id: $id}) WHERE c.workspaceId = $ws
       RETURN ${CHANGE} AS c, [(c)-[:PART]->(p) | p {.i, .diffsJson}] AS parts`,
      { ws, id },
    );
    if (!row) return null;
    const change = changeFromRow(row.c);
    const parts = [...row.parts].sort((a, b) => a.i - b.i);
    return parts.length ? { ...change, diffs: parts.flatMap((p) => JSON.parse(p.diffsJson) as Diff[]) } : change;
  },
};
