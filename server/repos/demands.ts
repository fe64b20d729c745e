import type { DemandData } from '../domain/demand.js';
import { conflict } from '../http/problem.js';
import type { EntityStore } from './store.js';

export type StoredDemand = DemandData & { id: string; version: number; createdAt: string; updatedAt: string };

export const DEMAND = `d {.id, .title, .description, .status, .version, .createdAt, .updatedAt,
  primaryTargetIds: [(d)-[t:TARGETS {primary: true}]->(x:Actor) | x.id],
  secondaryTargetIds: [(d)-[t:TARGETS {primary: false}]->(x:Actor) | x.id],
  primaryTargets: [(d)-[t:TARGETS {primary: true}]->(x:Actor) | x {.id, .name, .kind}],
  secondaryTargets: [(d)-[t:TARGETS {primary: false}]->(x:Actor) | x {.id, .name, .kind}]}`;

export const demandStore: EntityStore<StoredDemand> = {
  type: 'demand',
  async load(tx, ws, id) {
    const row = await tx.one<{ d: StoredDemand & { primaryTargets?: unknown; secondaryTargets?: unknown } }>(
      `MATCH (d:Demand {id: $id}) WHERE d.workspaceId = $ws RETURN ${DEMAND} AS d`,
      { ws, id },
    );
    if (!row) return null;
    const { primaryTargets: _p, secondaryTargets: _s, ...demand } = row.d;
    return demand;
  },
  async save(tx, ws, demand) {
    const { id, primaryTargetIds, secondaryTargetIds, ...props } = demand;
    const rows = await tx.query(
      `MERGE (d:Demand {workspaceId: $ws, id: $id})
       WITH d WHERE d.workspaceId = $ws
       SET d += $props
       WITH d
       OPTIONAL MATCH (d)-[old:TARGETS]->() DELETE old
       WITH DISTINCT d
       CALL (d) {
         UNWIND $primary AS tid MATCH (x:Actor {id: tid}) WHERE x.workspaceId = $ws
         CREATE (d)-[:TARGETS {primary: true}]->(x)
       }
       CALL (d) {
         UNWIND $secondary AS tid MATCH (x:Actor {id: tid}) WHERE x.workspaceId = $ws
         CREATE (d)-[:TARGETS {primary: false}]->(x)
       }
       RETURN d.id AS id`,
      { ws, id, props, primary: primaryTargetIds, secondary: secondaryTargetIds },
    );
    if (rows.length === 0) throw conflict(`The id ${id} is already used by another record.`);
  },
  async remove(tx, ws, id) {
    await tx.query('MATCH (d:Demand {id: $id}) WHERE d.workspaceId = $ws DETACH DELETE d', { ws, id });
  },
};
