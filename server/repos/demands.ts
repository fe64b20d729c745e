import type { Tx } from '../db/gateway.js';
import { bodyMemberTypes, currentDemandStatus, type Demand, type DemandData, type StatusChange } from '../domain/demand.js';
import { conflict } from '../domain/errors.js';
import type { EntityStore } from './entity-store.js';

export type StoredDemand = DemandData & {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  statusHistory: StatusChange[];
  idempotencyKey?: string | null;
};

const fields = (target: string) => `.id, .title, .description, .status, .deadline, .version, .createdAt, .updatedAt, .idempotencyKey,
  statusHistoryJson: d.statusHistoryJson,
  targets: [(d)-[t:TARGETS]->(x:Actor) | ${target}]`;

const FIELDS = fields("{id: x.id, primary: t.primary, why: coalesce(t.why, ''), rank: t.rank}");

/** What a reader needs besides: target names, and the current members of primary bodies. */
const VIEW = fields(`{id: x.id, name: x.name, kind: x.kind, primary: t.primary, why: coalesce(t.why, ''),
    members: CASE WHEN x.kind = 'organization' AND t.primary
      THEN [(m:Person)-[r]->(x) WHERE type(r) IN $memberTypes AND m.workspaceId = $ws
            AND (r.endDate IS NULL OR r.endDate >= toString(date())) | {id: m.id, name: m.name, kind: m.kind, via: type(r)}]
      ELSE [] END}`);

interface Row {
  id: string;
  title: string;
  description: string;
  status: string;
  deadline: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  idempotencyKey: string | null;
  statusHistoryJson: string | null;
  targets: {
    id: string;
    primary: boolean;
    why: string;
    rank: number | null;
    name?: string;
    kind?: 'person' | 'organization';
    members?: Demand['primaryTargets'][number]['members'];
  }[];
}

// Demands from before status history have one entry: their status since they were made.
const historyOf = (row: Row): StatusChange[] =>
  (row.statusHistoryJson
    ? (JSON.parse(row.statusHistoryJson) as StatusChange[])
    : [{ status: row.status, at: row.createdAt, by: null }]
  ).map((h) => ({
    ...h,
    status: currentDemandStatus(h.status),
  }));

function storedOf(row: Row): StoredDemand {
  // In the order they were given (targets saved before ranks existed keep the store's order).
  const ordered = [...row.targets].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  return {
    id: row.id,
    title: row.title,
    description: row.description ?? '',
    status: currentDemandStatus(row.status),
    deadline: row.deadline ?? null,
    primaryTargetIds: ordered.filter((t) => t.primary).map((t) => t.id),
    secondaryTargetIds: ordered.filter((t) => !t.primary).map((t) => t.id),
    targetWhy: Object.fromEntries(ordered.filter((t) => t.why).map((t) => [t.id, t.why])),
    statusHistory: historyOf(row),
    idempotencyKey: row.idempotencyKey ?? null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function viewOf(row: Row): Demand {
  const { idempotencyKey: _k, ...stored } = storedOf(row);
  const refs = (primary: boolean) =>
    row.targets
      .filter((t) => t.primary === primary)
      .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.id.localeCompare(b.id))
      .map((t) => ({ id: t.id, name: t.name!, kind: t.kind!, why: t.why, members: t.members ?? [] }));
  const primaryTargets = refs(true);
  const decisionMakerIds = [...new Set(primaryTargets.flatMap((t) => (t.kind === 'person' ? [t.id] : t.members.map((m) => m.id))))];
  return { ...stored, primaryTargets, secondaryTargets: refs(false), decisionMakerIds };
}

export const demandStore: EntityStore<StoredDemand> = {
  type: 'demand',
  async load(tx, ws, id) {
    const row = await tx.one<{ d: Row }>(`MATCH (d:Demand {id: $id}) WHERE d.workspaceId = $ws RETURN d {${FIELDS}} AS d`, { ws, id });
    return row ? storedOf(row.d) : null;
  },
  async save(tx, ws, demand) {
    const { id, primaryTargetIds, secondaryTargetIds, targetWhy, statusHistory, ...props } = demand;
    const targets = [
      ...primaryTargetIds.map((tid, rank) => ({ id: tid, primary: true, why: targetWhy?.[tid] ?? '', rank })),
      ...secondaryTargetIds.map((tid, rank) => ({ id: tid, primary: false, why: targetWhy?.[tid] ?? '', rank })),
    ];
    // A deleted demand keeps its node under another label; saving it (restore, revert) brings it back.
    const rows = await tx.query(
      `OPTIONAL MATCH (gone:DeletedDemand {id: $id}) WHERE gone.workspaceId = $ws
       FOREACH (_ IN CASE WHEN gone IS NULL THEN [] ELSE [1] END | REMOVE gone:DeletedDemand SET gone:Demand REMOVE gone.deletedAt)
       WITH 1 AS one
       MERGE (d:Demand {workspaceId: $ws, id: $id})
       WITH d WHERE d.workspaceId = $ws
       SET d += $props
       WITH d
       OPTIONAL MATCH (d)-[old:TARGETS]->() DELETE old
       WITH DISTINCT d
       CALL (d) {
         UNWIND $targets AS target MATCH (x:Actor {id: target.id}) WHERE x.workspaceId = $ws
         CREATE (d)-[:TARGETS {primary: target.primary, why: target.why, rank: target.rank}]->(x)
       }
       RETURN d.id AS id`,
      {
        ws,
        id,
        targets,
        props: {
          ...props,
          status: currentDemandStatus(props.status),
          deadline: props.deadline ?? null,
          idempotencyKey: props.idempotencyKey ?? null,
          statusHistoryJson: JSON.stringify(statusHistory ?? []),
        },
      },
    );
    if (rows.length === 0) throw conflict(`The id ${id} is already used by another record.`);
  },
  async remove(tx, ws, id) {
    await tx.query('MATCH (d:Demand {id: $id}) WHERE d.workspaceId = $ws REMOVE d:Demand SET d:DeletedDemand, d.deletedAt = datetime()', {
      ws,
      id,
    });
  },
};

const viewParams = (ws: string) => ({ ws, memberTypes: [...bodyMemberTypes] });

/** A demand as readers see it: targets named, bodies expanded. */
export async function demandView(tx: Tx, ws: string, id: string): Promise<Demand | undefined> {
  const row = await tx.one<{ d: Row }>(`MATCH (d:Demand {id: $id}) WHERE d.workspaceId = $ws RETURN d {${VIEW}} AS d`, {
    ...viewParams(ws),
    id,
  });
  return row ? viewOf(row.d) : undefined;
}

/** Newest first, keyset-paged on (createdAt, id); `target`: only demands aimed at that actor. */
export async function listDemands(
  tx: Tx,
  ws: string,
  options: { after: [string, string] | null; limit: number; target: string | null },
): Promise<Demand[]> {
  const rows = await tx.query<{ d: Row }>(
    `MATCH (d:Demand) WHERE d.workspaceId = $ws
       AND ($afterAt IS NULL OR d.createdAt < $afterAt OR (d.createdAt = $afterAt AND d.id < $afterId))
       AND ($target IS NULL OR EXISTS { (d)-[:TARGETS]->(:Actor {id: $target}) })
     RETURN d {${VIEW}} AS d ORDER BY d.createdAt DESC, d.id DESC LIMIT $limit`,
    {
      ...viewParams(ws),
      afterAt: options.after?.[0] ?? null,
      afterId: options.after?.[1] ?? null,
      limit: options.limit,
      target: options.target,
    },
  );
  return rows.map((r) => viewOf(r.d));
}

/** A live or deleted demand holding this id or idempotency key, for an idempotent create. */
export async function findDemandFor(tx: Tx, ws: string, id: string | null, key: string | null) {
  const rows = await tx.query<{ id: string; deleted: boolean; title: string }>(
    `MATCH (d:Demand) WHERE d.workspaceId = $ws AND (d.id = $id OR ($key IS NOT NULL AND d.idempotencyKey = $key))
     RETURN d.id AS id, false AS deleted, d.title AS title
     UNION ALL
     MATCH (d:DeletedDemand) WHERE d.workspaceId = $ws AND (d.id = $id OR ($key IS NOT NULL AND d.idempotencyKey = $key))
     RETURN d.id AS id, true AS deleted, d.title AS title`,
    { ws, id, key },
  );
  return rows[0];
}

/** Whether a demand with this id was deleted (and can be restored). */
export async function deletedDemand(tx: Tx, ws: string, id: string): Promise<StoredDemand | null> {
  const row = await tx.one<{ d: Row }>(`MATCH (d:DeletedDemand {id: $id}) WHERE d.workspaceId = $ws RETURN d {${FIELDS}} AS d`, { ws, id });
  return row ? storedOf(row.d) : null;
}

/** Kinds and names of actors, with whether an organisation has members who decide in it. */
export async function targetCandidates(tx: Tx, ws: string, ids: string[]) {
  const rows = await tx.query<{ id: string; name: string; kind: 'person' | 'organization'; members: number }>(
    `UNWIND $ids AS id MATCH (a:Actor {id: id}) WHERE a.workspaceId = $ws
     RETURN a.id AS id, a.name AS name, a.kind AS kind,
            COUNT { (m:Person)-[r]->(a) WHERE type(r) IN $memberTypes AND m.workspaceId = $ws } AS members`,
    { ...viewParams(ws), ids },
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every live demand of a workspace as stored (targets by id, with why and status history), oldest first. */
export async function storedDemands(tx: Tx, ws: string): Promise<StoredDemand[]> {
  const rows = await tx.query<{ d: Row }>(
    `MATCH (d:Demand) WHERE d.workspaceId = $ws RETURN d {${FIELDS}} AS d ORDER BY d.createdAt, d.id`,
    { ws },
  );
  return rows.map((r) => storedOf(r.d));
}

/** The demands that name this actor among their targets. */
export async function demandsTargeting(tx: Tx, ws: string, actorId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    'MATCH (d:Demand)-[:TARGETS]->(:Actor {id: $id}) WHERE d.workspaceId = $ws RETURN DISTINCT d.id AS id',
    { ws, id: actorId },
  );
  return rows.map((r) => r.id);
}
