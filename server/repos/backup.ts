import type { Tx } from '../db/gateway.js';
import type { Diff } from '../domain/change.js';
import type { MapMember } from '../domain/map.js';
import { relationshipTypes } from '../domain/relationship.js';
import type { Source } from '../domain/source.js';
import type { StoredAssessment } from './assessments.js';
import { storedDemands } from './demands.js';
import type { StoredMap } from './maps.js';
import { SOURCE } from './sources.js';

/** Rows per statement when a restore writes: small enough that parameters encode quickly. */
const BATCH = 2_000;

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

/** A change as the backup keeps it: every diff, whether stored inline or in parts. */
export interface ChangeRow {
  id: string;
  seq: number;
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  summary: string;
  diffs: Diff[];
  revertOf: string | null;
  revertedBy: string | null;
}

/** Reads of everything a workspace holds besides actors and ties (repos/graph.ts has those). */
export const backupReads = {
  async sources(tx: Tx, ws: string): Promise<Source[]> {
    const rows = await tx.query<{ s: Source }>(`MATCH (s:Source) WHERE s.workspaceId = $ws RETURN ${SOURCE} AS s ORDER BY s.id`, { ws });
    return rows.map((r) => r.s);
  },

  async demands(tx: Tx, ws: string) {
    return (await storedDemands(tx, ws)).map(({ idempotencyKey: _k, ...d }) => d);
  },

  async assessments(tx: Tx, ws: string): Promise<StoredAssessment[]> {
    const rows = await tx.query<{ x: StoredAssessment }>(
      `MATCH (x:Assessment) WHERE x.workspaceId = $ws
       RETURN x {.id, .actorId, .power, .alignment, .note, .at, .authorId, .authorName, version: 1} AS x ORDER BY x.at, x.id`,
      { ws },
    );
    return rows.map((r) => r.x);
  },

  async maps(tx: Tx, ws: string): Promise<StoredMap[]> {
    const rows = await tx.query<{
      m: Omit<StoredMap, 'annotations' | 'members'> & {
        annotations: string | null;
        members: { actorId: string; x: number | null; y: number | null; style: string | null }[];
      };
    }>(
      `MATCH (m:Map) WHERE m.workspaceId = $ws
       RETURN m {.id, .name, .description, .defaultView, .version, .createdAt, .updatedAt, annotations: m.annotationsJson,
         members: [(m)-[s:SHOWS]->(x:Actor) | {actorId: x.id, x: s.x, y: s.y, style: s.styleJson}]} AS m
       ORDER BY m.createdAt, m.id`,
      { ws },
    );
    return rows.map(({ m }) => ({
      ...m,
      annotations: JSON.parse(m.annotations ?? '[]'),
      members: m.members
        .map((x): MapMember => ({ actorId: x.actorId, x: x.x, y: x.y, style: JSON.parse(x.style ?? '{}') }))
        .sort((a, b) => a.actorId.localeCompare(b.actorId)),
    }));
  },

  async changes(tx: Tx, ws: string): Promise<ChangeRow[]> {
    const rows = await tx.query<{ c: Omit<ChangeRow, 'diffs'> & { diffsJson: string | null; parts: { i: number; diffsJson: string }[] } }>(
      `MATCH (c:Change) WHERE c.workspaceId = $ws
       RETURN c {.id, .seq, .at, .userId, .userName, .action, .summary, .revertOf, .revertedBy, .diffsJson,
         parts: [(c)-[:PART]->(p) | p {.i, .diffsJson}]} AS c
       ORDER BY c.seq`,
      { ws },
    );
    return rows.map(({ c: { diffsJson, parts, ...c } }) => ({
      ...c,
      revertOf: c.revertOf ?? null,
      revertedBy: c.revertedBy ?? null,
      diffs: parts.length
        ? parts.sort((a, b) => a.i - b.i).flatMap((p) => JSON.parse(p.diffsJson) as Diff[])
        : (JSON.parse(diffsJson ?? '[]') as Diff[]),
    }));
  },

  async workspace(tx: Tx, ws: string) {
    return tx.one<{ name: string; description: string; changeSeq: number }>(
      'MATCH (w:Workspace {id: $ws}) RETURN w.name AS name, coalesce(w.description, "") AS description, coalesce(w.changeSeq, 0) AS changeSeq',
      { ws },
    );
  },
};

export type TakenKind = 'actor' | 'relationship' | 'source' | 'demand' | 'assessment' | 'map';

const takenQuery: Record<TakenKind, string> = {
  actor: `UNWIND $ids AS id
          OPTIONAL MATCH (a:Actor {workspaceId: $ws, id: id})
          OPTIONAL MATCH (d:DeletedActor {workspaceId: $ws, id: id})
          WITH id WHERE a IS NOT NULL OR d IS NOT NULL RETURN id`,
  relationship: `UNWIND $ids AS id CALL (id) { ${relationshipTypes.map((t) => `MATCH ()-[r:${t} {id: id}]->() WHERE r.workspaceId = $ws RETURN r`).join(' UNION ALL ')} } RETURN DISTINCT id`,
  source: 'UNWIND $ids AS id MATCH (n:Source {workspaceId: $ws, id: id}) RETURN id',
  demand: 'UNWIND $ids AS id MATCH (n:Demand {workspaceId: $ws, id: id}) RETURN id',
  assessment: 'UNWIND $ids AS id MATCH (n:Assessment {workspaceId: $ws, id: id}) RETURN id',
  map: 'UNWIND $ids AS id MATCH (n:Map {workspaceId: $ws, id: id}) RETURN id',
};

/** Writes of a restore: whole records, ids already checked and remapped by the service. */
export const backupWrites = {
  /** Which of these ids a record of this kind already has in the workspace (live or deleted). */
  async taken(tx: Tx, ws: string, kind: TakenKind, ids: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    await inBatches(ids, async (batch) => {
      for (const row of await tx.query<{ id: string }>(takenQuery[kind], { ws, ids: batch })) found.add(row.id);
    });
    return found;
  },

  /** Sources the workspace already has, by normalised URL. */
  async sourcesByUrlKey(tx: Tx, ws: string, keys: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    await inBatches(keys, async (batch) => {
      const rows = await tx.query<{ key: string; id: string }>(
        'UNWIND $keys AS key MATCH (s:Source {workspaceId: $ws, urlKey: key}) RETURN key, s.id AS id',
        { ws, keys: batch },
      );
      for (const row of rows) found.set(row.key, row.id);
    });
    return found;
  },

  async sources(tx: Tx, ws: string, rows: { id: string; props: Record<string, unknown> }[]) {
    await inBatches(rows, (batch) =>
      tx.query('UNWIND $rows AS row CREATE (s:Source {workspaceId: $ws, id: row.id}) SET s += row.props', { ws, rows: batch }),
    );
  },

  async assessments(tx: Tx, ws: string, rows: { id: string; at: string; props: Record<string, unknown> }[]) {
    await inBatches(rows, (batch) =>
      tx.query('UNWIND $rows AS row CREATE (x:Assessment {workspaceId: $ws, id: row.id}) SET x += row.props, x.at = datetime(row.at)', {
        ws,
        rows: batch,
      }),
    );
  },

  /** Maps one at a time: a map may show 20,000 actors. */
  async maps(
    tx: Tx,
    ws: string,
    rows: {
      id: string;
      props: Record<string, unknown>;
      annotations: string;
      members: { actorId: string; x: number | null; y: number | null; style: string }[];
    }[],
  ) {
    for (const { members, ...map } of rows) {
      await tx.query('CREATE (m:Map {workspaceId: $ws, id: $id}) SET m += $props, m.annotationsJson = $annotations', { ws, ...map });
      await inBatches(members, (batch) =>
        tx.query(
          `MATCH (m:Map {workspaceId: $ws, id: $id})
           UNWIND $members AS member MATCH (x:Actor {workspaceId: $ws, id: member.actorId})
           CREATE (m)-[:SHOWS {x: member.x, y: member.y, styleJson: member.style}]->(x)`,
          { ws, id: map.id, members: batch },
        ),
      );
    }
  },

  /** Changes as recordChange stores them: diffs inline up to 200, in parts of 1,000 beyond. */
  async changes(tx: Tx, ws: string, changes: ChangeRow[]) {
    const rows = changes.map(({ diffs, ...c }) => {
      const inline = diffs.length <= 200;
      const parts = inline
        ? []
        : Array.from({ length: Math.ceil(diffs.length / 1000) }, (_, i) => ({
            i,
            diffsJson: JSON.stringify(diffs.slice(i * 1000, (i + 1) * 1000)),
          }));
      return {
        ...c,
        diffsJson: inline ? JSON.stringify(diffs) : null,
        diffCount: diffs.length,
        parts,
        entityIds: diffs.length <= 1000 ? [...new Set(diffs.map((d) => d.entityId))] : [],
      };
    });
    await inBatches(rows, (batch) =>
      tx.query(
        `UNWIND $rows AS row
         CREATE (c:Change {id: row.id, workspaceId: $ws, seq: row.seq, at: datetime(row.at), userId: row.userId, userName: row.userName,
           action: row.action, summary: row.summary, diffsJson: row.diffsJson, diffCount: row.diffCount, revertOf: row.revertOf,
           revertedBy: row.revertedBy, entityIds: row.entityIds})
         WITH c, row UNWIND row.parts AS part CREATE (c)-[:PART]->(:ChangePart {i: part.i, diffsJson: part.diffsJson})`,
        { ws, rows: batch },
      ),
    );
  },

  /** After restored history: the next change continues its numbering. */
  async setChangeSeq(tx: Tx, ws: string, seq: number) {
    await tx.query('MATCH (w:Workspace {id: $ws}) SET w.changeSeq = $seq', { ws, seq });
  },
};
