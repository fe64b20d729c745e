import type { Tx } from '../../db/gateway.js';
import type { Change, Diff } from '../../domain/change.js';
import { relationshipTypes } from '../../domain/relationship.js';
import { changeSeq } from '../../repos/changes.js';
import { projectionRepo } from '../../repos/projection.js';
import { ProjectionGraph, type ActorFields, type TieFields } from './graph.js';

/** Actors whose outgoing ties are read by one statement. */
export const LOAD_PAGE = 1_000;

/**
 * Streams a workspace out of Neo4j in compact rows (a list per record, no maps of field
 * names): first the change sequence, then its actors, then the ties leaving each page of
 * actors. A read transaction sees committed writes as they land, so a write during the load
 * may show in part; every change after `seq` is then applied on top, and applying a diff
 * twice is harmless (each carries the whole record after it), so the graph converges.
 */
export async function loadProjection(tx: Tx, ws: string): Promise<ProjectionGraph> {
  const g = new ProjectionGraph();
  g.beginBulk();
  g.seq = await changeSeq(tx, ws);
  const actors = await projectionRepo.actorRows(tx, ws);
  for (const row of actors) {
    const v = g.putActor({ id: row[0], name: row[1], kind: row[2], roles: row[3], power: row[4], alignment: row[5] });
    if (!row[6]) g.removeActor(g.actorIds[v]!);
  }
  const types = [...relationshipTypes];
  for (let i = 0; i < actors.length; i += LOAD_PAGE) {
    const from = actors.slice(i, i + LOAD_PAGE).map((row) => row[0]);
    const ties = await projectionRepo.tieRowsFrom(tx, ws, from, types);
    for (const row of ties)
      g.putTie({ id: row[0], type: row[1], from: row[2], to: row[3], strength: row[4], mutual: row[5], board: row[6] });
  }
  g.compact();
  return g;
}

/** One recorded change, applied in the order its diffs were made. */
export function applyChange(g: ProjectionGraph, change: Pick<Change, 'diffs' | 'seq'>): void {
  for (const diff of change.diffs) applyDiff(g, diff);
  if (change.seq > g.seq) g.seq = change.seq;
}

export function applyDiff(g: ProjectionGraph, diff: Diff): void {
  if (diff.entityType === 'actor') {
    if (diff.after) g.putActor(diff.after as unknown as ActorFields);
    else g.removeActor(diff.entityId);
  } else if (diff.entityType === 'relationship') {
    if (diff.after) g.putTie(diff.after as unknown as TieFields);
    else g.removeTie(diff.entityId);
  }
  // Sources, demands, maps and assessments do not change the graph's fields: an assessment
  // that moves an actor's power or alignment writes the actor too, as its own diff.
}
