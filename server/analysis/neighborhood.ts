import type { Gateway } from '../db/gateway.js';
import { allTypes, type AnalysisActor, type AnalysisRelationship, type NeighborhoodQuery } from '../domain/analysis.js';
import { assertFound } from './actors.js';
import { int } from './ints.js';
import { cypher } from './queries.js';
import { normaliseRelationship } from './scope.js';

/**
 * Cypher, not memory: a bounded breadth-first expansion from one actor is what the planner
 * does best (VarLengthExpand(Pruning,BFS) visits each actor once, at its nearest depth), and
 * only the answer crosses the wire.
 */
export async function neighborhood(db: Gateway, ws: string, q: NeighborhoodQuery) {
  const row = await db.read(
    (tx) =>
      tx.one<{ actors: AnalysisActor[]; depths: Array<[string, number]>; total: number; relationships: AnalysisRelationship[] }>(
        cypher('neighborhood', { max: q.depth, direction: q.direction }),
        { ws, actor: q.actor, types: [...(q.types ?? allTypes)], limit: int(q.limit) },
      ),
    'analysis.neighborhood',
  );
  if (!row) assertFound([q.actor], 'actor');
  return {
    center: q.actor,
    actors: row!.actors,
    relationships: row!.relationships.map(normaliseRelationship),
    depths: Object.fromEntries(row!.depths),
    total: row!.total,
    truncated: row!.total > q.limit,
  };
}
