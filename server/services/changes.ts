import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/gateway.js';
import type { Change, ChangeAction, Diff } from '../domain/change.js';
import { notFound } from '../http/problem.js';

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
  const row = await tx.one<{ seq: number }>(
    `MATCH (w:Workspace {id: $ws}) WHERE w.deletedAt IS NULL
     SET w.changeSeq = coalesce(w.changeSeq, 0) + 1
     RETURN w.changeSeq AS seq`,
    { ws },
  );
  if (!row) throw notFound('Workspace');
  return row.seq;
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
  const parts = inline ? [] : chunk(diffs, PART_SIZE).map((part, i) => ({ i, diffsJson: JSON.stringify(part) }));
  await tx.query(
    `CREATE (c:Change {id: $id, workspaceId: $ws, seq: $seq, at: datetime($at), userId: $userId, userName: $userName,
       action: $action, summary: $summary, diffsJson: $diffsJson, diffCount: $diffCount, revertOf: $revertOf,
       entityIds: $entityIds})
     WITH c UNWIND $parts AS part CREATE (c)-[:PART]->(:ChangePart {i: part.i, diffsJson: part.diffsJson})`,
    {
      ...change,
      ws,
      diffsJson: inline ? JSON.stringify(diffs) : null,
      diffCount: diffs.length,
      parts,
      entityIds: diffs.length <= 1000 ? [...new Set(diffs.map((d) => d.entityId))] : [],
    },
  );
  if (revertOf) {
    await tx.query('MATCH (c:Change {id: $revertOf}) WHERE c.workspaceId = $ws SET c.revertedBy = $id', { ws, revertOf, id: change.id });
  }
  return change;
}

const INLINE_DIFFS = 200;
const PART_SIZE = 1000;
const chunk = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

const CHANGE = `c {.id, .seq, .at, .userId, .userName, .action, .summary, .revertOf, .revertedBy, diffs: c.diffsJson,
  diffCount: coalesce(c.diffCount, 0)}`;

/** A change as listed: its diffs inline when small, otherwise only their count. */
export function changeFromRow(row: Record<string, unknown>): Change {
  return { ...(row as unknown as Change), diffs: row.diffs ? (JSON.parse(row.diffs as string) as Diff[]) : [] };
}

export async function listChanges(
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
}

/** A change with all of its diffs, however many. */
export async function loadChange(tx: Tx, ws: string, id: string): Promise<Change | null> {
  const row = await tx.one<{ c: Record<string, unknown>; parts: string[] }>(
    `MATCH (c:Change {id: $id}) WHERE c.workspaceId = $ws
     RETURN ${CHANGE} AS c, [(c)-[:PART]->(p) | p {.i, .diffsJson}] AS parts`,
    { ws, id },
  );
  if (!row) return null;
  const change = changeFromRow(row.c);
  const parts = (row.parts as unknown as { i: number; diffsJson: string }[]).sort((a, b) => a.i - b.i);
  return parts.length ? { ...change, diffs: parts.flatMap((p) => JSON.parse(p.diffsJson) as Diff[]) } : change;
}
