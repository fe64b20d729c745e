import type { Assessment } from '../domain/assessment.js';
import type { Tx } from '../db/gateway.js';
import type { EntityStore } from './entity-store.js';

/** Readings never change once made, so their version stays 1. */
export type StoredAssessment = Assessment & { version: number };

const ASSESSMENT = 'x {.id, .actorId, .power, .alignment, .note, .at, .authorId, .authorName, version: 1}';

export const assessmentStore: EntityStore<StoredAssessment> = {
  type: 'assessment',
  async load(tx, ws, id) {
    return (await tx.one<{ x: StoredAssessment }>(`MATCH (x:Assessment {id: $id}) WHERE x.workspaceId = $ws RETURN ${ASSESSMENT} AS x`, { ws, id }))?.x ?? null;
  },
  async save(tx, ws, assessment) {
    const { id, version: _v, at, ...props } = assessment;
    await tx.query(
      `MERGE (x:Assessment {workspaceId: $ws, id: $id})
       WITH x WHERE x.workspaceId = $ws SET x += $props, x.at = datetime($at)`,
      { ws, id, props, at },
    );
  },
  async remove(tx, ws, id) {
    await tx.query('MATCH (x:Assessment {id: $id}) WHERE x.workspaceId = $ws DELETE x', { ws, id });
  },
};

export async function assessmentsOf(tx: Tx, ws: string, actorId: string): Promise<StoredAssessment[]> {
  const rows = await tx.query<{ x: StoredAssessment }>(
    `MATCH (x:Assessment {actorId: $actorId}) WHERE x.workspaceId = $ws RETURN ${ASSESSMENT} AS x ORDER BY x.at, x.id`,
    { ws, actorId },
  );
  return rows.map((r) => r.x);
}

/** Every actor's latest reading on or before a moment: the grid's time slider. */
export async function assessmentsAt(tx: Tx, ws: string, at: string) {
  return tx.query<{ actorId: string; power: number; alignment: number; at: string }>(
    `MATCH (x:Assessment) WHERE x.workspaceId = $ws AND x.at <= datetime($at)
     MATCH (a:Actor {id: x.actorId}) WHERE a.workspaceId = $ws
     WITH x ORDER BY x.at DESC, x.id DESC
     WITH x.actorId AS actorId, head(collect(x)) AS latest
     RETURN actorId, latest.power AS power, latest.alignment AS alignment, latest.at AS at
     ORDER BY actorId`,
    { ws, at },
  );
}

/** How many of an actor's readings are dated after `at`. */
export async function readingsAfter(tx: Tx, ws: string, actorId: string, at: string): Promise<number> {
  return (
    (await tx.one<{ n: number }>('MATCH (x:Assessment {actorId: $actorId}) WHERE x.workspaceId = $ws AND x.at > datetime($at) RETURN count(x) AS n', { ws, actorId, at }))?.n ?? 0
  );
}
