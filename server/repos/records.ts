import type { Tx } from '../db/gateway.js';
import type { EntityType } from '../domain/change.js';
import type { EntityStore, Stored } from './entity-store.js';

/**
 * A store for campaign records that are flat nodes: scalar and string-list properties only,
 * links to other records held as id lists (so a record outlives a deleted actor, and shows
 * it as gone rather than vanishing). `label` is a constant of ours, never user input.
 */
export function recordStore<S extends Stored>(
  type: EntityType,
  label: string,
  defaults: Partial<S>,
): EntityStore<S> & { label: string; fromRow(row: Record<string, unknown>): S } {
  const fromRow = (row: Record<string, unknown>): S => {
    const { workspaceId: _w, ...props } = row;
    // Neo4j drops null properties: the defaults bring them back.
    return { ...defaults, ...props } as unknown as S;
  };
  return {
    type,
    label,
    fromRow,
    async load(tx, ws, id) {
      const row = await tx.one<{ n: Record<string, unknown> }>(
        `MATCH (n:${label} {id: $id}) WHERE n.workspaceId = $ws RETURN properties(n) AS n`,
        { ws, id },
      );
      return row ? fromRow(row.n) : null;
    },
    async save(tx, ws, record) {
      await tx.query(`MERGE (n:${label} {workspaceId: $ws, id: $id}) SET n = $props`, {
        ws,
        id: record.id,
        props: { ...record, workspaceId: ws },
      });
    },
    async remove(tx, ws, id) {
      await tx.query(`MATCH (n:${label} {id: $id}) WHERE n.workspaceId = $ws DETACH DELETE n`, { ws, id });
    },
  };
}

/** Records of one label matching optional equality / list-membership filters, in an order. */
export async function listRecords<S extends Stored>(
  tx: Tx,
  store: ReturnType<typeof recordStore<S>>,
  ws: string,
  filters: {
    equal?: Record<string, unknown>;
    contains?: Record<string, string>;
    within?: Record<string, string[]>;
    from?: Record<string, string>;
  },
  order: string,
  limit = 2_000,
): Promise<S[]> {
  const where: string[] = ['n.workspaceId = $ws'];
  const params: Record<string, unknown> = { ws, limit };
  let i = 0;
  // Keys are our own field names (checked below), values always travel as parameters.
  const safe = (key: string) => {
    if (!/^[a-zA-Z]+$/.test(key)) throw new Error(`bad field ${key}`);
    return key;
  };
  for (const [key, value] of Object.entries(filters.equal ?? {}))
    if (value !== undefined) {
      where.push(`n.${safe(key)} = $p${i}`);
      params[`p${i++}`] = value;
    }
  for (const [key, value] of Object.entries(filters.contains ?? {}))
    if (value !== undefined) {
      where.push(`$p${i} IN n.${safe(key)}`);
      params[`p${i++}`] = value;
    }
  for (const [key, value] of Object.entries(filters.within ?? {}))
    if (value !== undefined) {
      where.push(`n.${safe(key)} IN $p${i}`);
      params[`p${i++}`] = value;
    }
  for (const [key, value] of Object.entries(filters.from ?? {}))
    if (value !== undefined) {
      where.push(`n.${safe(key)} >= $p${i}`);
      params[`p${i++}`] = value;
    }
  const rows = await tx.query<{ n: Record<string, unknown> }>(
    `MATCH (n:${store.label}) WHERE ${where.join(' AND ')} RETURN properties(n) AS n ORDER BY ${order
      .split(',')
      .map((o) => `n.${safe(o.trim())}`)
      .join(', ')} LIMIT $limit`,
    params,
  );
  return rows.map((r) => store.fromRow(r.n));
}
