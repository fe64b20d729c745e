import type { Assessment } from '../domain/assessment.js';
import type { Tx } from '../db/gateway.js';
import type { EntityStore } from './entity-store.js';

/** Readings never change once made, so their version stays 1. */
export type StoredAssessment = Assessment & { version: number };

const ASSESSMENT =
  "x {.id, .actorId, .power, .alignment, .note, source: coalesce(x.source, ''), .sourceId, .at, .authorId, .authorName, version: 1}";

export const assessmentStore: EntityStore<StoredAssessment> = {
  type: 'assessment',
  async load(tx, ws, id) {
    return (
      (
        await tx.one<{ x: StoredAssessment }>(`MATCH (x:Assessment {id: $id}) WHERE x.workspaceId = $ws RETURN ${ASSESSMENT} AS x`, {
          ws,
          id,
        })
      )?.x ?? null
    );
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

/** Many new readings in one statement (a batch or an import of assessed actors). */
export async function insertAssessments(tx: Tx, ws: string, readings: StoredAssessment[]): Promise<void> {
  for (let i = 0; i < readings.length; i += 2_000) {
    await tx.query(
      `UNWIND $rows AS row
       CREATE (x:Assessment {workspaceId: $ws, id: row.id})
       SET x += row.props, x.at = datetime(row.at)`,
      { ws, rows: readings.slice(i, i + 2_000).map(({ id, version: _v, at, ...props }) => ({ id, at, props })) },
    );
  }
}

export async function assessmentsOf(tx: Tx, ws: string, actorId: string): Promise<StoredAssessment[]> {
  const rows = await tx.query<{ x: StoredAssessment }>(
    `MATCH (x:Assessment {actorId: $actorId}) WHERE x.workspaceId = $ws RETURN ${ASSESSMENT} AS x ORDER BY x.at, x.id`,
    { ws, actorId },
  );
  return rows.map((r) => r.x);
}

/** How many readings of an actor are later than a moment (a back-dated reading does not become current). */
export async function laterReadings(tx: Tx, ws: string, actorId: string, at: string): Promise<number> {
  const row = await tx.one<{ n: number }>(
    'MATCH (x:Assessment {actorId: $actorId}) WHERE x.workspaceId = $ws AND x.at > datetime($at) RETURN count(x) AS n',
    { ws, actorId, at },
  );
  return row?.n ?? 0;
}

/**
 * Every actor's latest reading on or before a moment: the grid's time slider. Only readings
 * with both power and alignment count, since only they place an actor on the grid.
 */
export async function assessmentsAt(tx: Tx, ws: string, at: string) {
  return tx.query<{ actorId: string; power: number; alignment: number; at: string }>(
    `MATCH (x:Assessment) WHERE x.workspaceId = $ws AND x.at <= datetime($at) AND x.power IS NOT NULL AND x.alignment IS NOT NULL
     MATCH (a:Actor {id: x.actorId}) WHERE a.workspaceId = $ws
     WITH x ORDER BY x.at DESC, x.id DESC
     WITH x.actorId AS actorId, head(collect(x)) AS latest
     RETURN actorId, latest.power AS power, latest.alignment AS alignment, latest.at AS at
     ORDER BY actorId`,
    { ws, at },
  );
}

/** The first and the last reading of a workspace: the span of the time slider. */
export async function assessmentRange(tx: Tx, ws: string) {
  return (await tx.one<{ earliest: string | null; latest: string | null }>(
    `MATCH (x:Assessment) WHERE x.workspaceId = $ws
     MATCH (a:Actor {id: x.actorId}) WHERE a.workspaceId = $ws
     RETURN min(x.at) AS earliest, max(x.at) AS latest`,
    { ws },
  ))!;
}

/**
 * What moved since a moment: for each (live) actor with readings since, where they stood
 * before (their last earlier reading) and every reading since, oldest first.
 */
export async function assessmentChangesSince(tx: Tx, ws: string, since: string, map: string | null) {
  return tx.query<{ actorId: string; name: string; before: StoredAssessment | null; readings: StoredAssessment[] }>(
    `MATCH (x:Assessment) WHERE x.workspaceId = $ws AND x.at >= datetime($since)
     WITH DISTINCT x.actorId AS actorId
     MATCH (a:Actor {id: actorId}) WHERE a.workspaceId = $ws
       AND ($map IS NULL OR EXISTS { (m:Map {id: $map})-[:SHOWS]->(a) WHERE m.workspaceId = $ws })
     CALL (actorId) {
       OPTIONAL MATCH (x:Assessment {actorId: actorId}) WHERE x.workspaceId = $ws AND x.at < datetime($since)
       WITH x ORDER BY x.at DESC, x.id DESC LIMIT 1
       RETURN CASE WHEN x IS NULL THEN null ELSE ${ASSESSMENT} END AS before
     }
     CALL (actorId) {
       MATCH (x:Assessment {actorId: actorId}) WHERE x.workspaceId = $ws AND x.at >= datetime($since)
       WITH x ORDER BY x.at, x.id
       RETURN collect(${ASSESSMENT}) AS readings
     }
     RETURN actorId, a.name AS name, before, readings ORDER BY a.name, actorId`,
    { ws, since, map },
  );
}
