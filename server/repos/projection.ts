import type { Tx } from '../db/gateway.js';
import { cypher } from './queries.js';

/** [id, name, kind, roles, power, alignment, alive] */
export type ActorRow = [string, string, string, string[], number | null, number | null, boolean];
/** [id, type, from, to, strength, mutual, board] */
export type TieRow = [string, string, string, string, number | null, boolean | null, boolean | null];

/** A workspace's actors and ties, live and deleted, in compact rows (a list per record, no maps of field names). */
export const projectionRepo = {
  /** Every actor, live ones first. */
  async actorRows(tx: Tx, ws: string): Promise<ActorRow[]> {
    return (await tx.query<{ row: ActorRow }>(cypher('projection-actors'), { ws })).map((r) => r.row);
  },

  /** The ties leaving the actors `from`. */
  async tieRowsFrom(tx: Tx, ws: string, from: string[], types: string[]): Promise<TieRow[]> {
    return (await tx.query<{ row: TieRow }>(cypher('projection-ties-from'), { ws, from, types })).map((r) => r.row);
  },
};
