import type { Tx } from '../db/gateway.js';
import type { AnalysisActor, AnalysisRelationship } from '../domain/analysis.js';
import { cypher, type Direction } from './queries.js';

/** A tie of a primary target: `target` is the target's id, `other` the actor at its far end. */
export type CircleTie = AnalysisRelationship & { target: string; other: string };

/** A tie from one of the given actors (`a`) to an actor they share. */
export type SharedTie = AnalysisRelationship & { a: string };

/** Strength and mutual may be null on records written before they were required. */
export interface NeighborhoodRow {
  actors: AnalysisActor[];
  depths: Array<[string, number]>;
  total: number;
  relationships: AnalysisRelationship[];
}

export interface InterlocksRow {
  found: string[];
  given: AnalysisActor[];
  scopeFound: boolean;
  shared: Array<{ actor: AnalysisActor; ties: SharedTie[] }>;
}

export interface CircleRow {
  targets: AnalysisActor[];
  ties: CircleTie[];
  others: AnalysisActor[];
}

/** Questions answered by one statement inside the database, so only the answer crosses the wire. */
export const analysisQuestionsRepo = {
  /** The actors within `depth` hops of `actor` and the ties among them; none when `actor` is not a live actor here. */
  neighborhood(
    tx: Tx,
    ws: string,
    q: { actor: string; depth: number; direction: Direction; types: string[]; limit: number },
  ): Promise<NeighborhoodRow | undefined> {
    return tx.one<NeighborhoodRow>(cypher('neighborhood', { max: q.depth, direction: q.direction }), {
      ws,
      actor: q.actor,
      types: q.types,
      limit: q.limit,
    });
  },

  /** The given actors found here, whether the scope exists, and the actors in scope tied to at least `min` of them. */
  async interlocks(
    tx: Tx,
    ws: string,
    q: { actors: string[]; min: number; types: string[]; map: string | null; around: string | null; depth: number },
  ): Promise<InterlocksRow> {
    return (await tx.one<InterlocksRow>(cypher('interlocks', { max: q.depth }), {
      ws,
      actors: q.actors,
      min: q.min,
      types: q.types,
      map: q.map,
      around: q.around,
      scope: null,
    }))!;
  },

  /** A demand's primary targets and the actors tied to them by the ways `rules` allows per type; none when the demand is not here. */
  circle(tx: Tx, ws: string, demand: string, rules: Record<string, 'in' | 'out' | 'either'>): Promise<CircleRow | undefined> {
    return tx.one<CircleRow>(cypher('circle'), { ws, demand, rules });
  },
};
