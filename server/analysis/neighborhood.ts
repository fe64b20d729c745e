import type { Gateway } from '../db/gateway.js';
import { allTypes, type NeighborhoodQuery } from '../domain/analysis.js';
import { analysisQuestionsRepo } from '../repos/analysis-questions.js';
import { assertFound } from './actors.js';
import { normaliseRelationship } from './scope.js';

/**
 * Cypher, not memory: a bounded breadth-first expansion from one actor is what the planner
 * does best (VarLengthExpand(Pruning,BFS) visits each actor once, at its nearest depth), and
 * only the answer crosses the wire.
 */
export async function neighborhood(db: Gateway, ws: string, q: NeighborhoodQuery) {
  const row = await db.read(
    (tx) =>
      analysisQuestionsRepo.neighborhood(tx, ws, {
        actor: q.actor,
        depth: q.depth,
        direction: q.direction,
        types: [...(q.types ?? allTypes)],
        limit: q.limit,
      }),
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
