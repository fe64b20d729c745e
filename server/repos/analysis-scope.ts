import type { Tx } from '../db/gateway.js';
import type { AnalysisActor, AnalysisRelationship } from '../domain/analysis.js';
import { cypher } from './queries.js';

/** The scope of an analysis question (a map's actors, a neighbourhood) and the subgraph it spans. */
export const analysisScopeRepo = {
  /** The ids of the actors a map shows; null when the map is not in this workspace. */
  async mapActorIds(tx: Tx, ws: string, map: string): Promise<string[] | null> {
    const row = await tx.one<{ ids: string[] }>(cypher('scope-map'), { ws, map });
    return row ? row.ids : null;
  },

  /** An actor and the actors within `depth` hops of it, the centre first; null when the centre is not a live actor here. */
  async aroundIds(tx: Tx, ws: string, around: string, depth: number, types: string[]): Promise<string[] | null> {
    const row = await tx.one<{ ids: string[] }>(cypher('scope-around', { max: depth }), { ws, around, types });
    return row ? row.ids : null;
  },

  /** The actors of a scope ($ids null: the whole workspace). */
  actors(tx: Tx, ws: string, ids: string[] | null): Promise<AnalysisActor[]> {
    return tx.query<AnalysisActor>(cypher('project-actors'), { ws, ids });
  },

  /** The ties leaving the actors `from` to actors in scope; strength and mutual may be null on old records. */
  relationshipsFrom(tx: Tx, ws: string, ids: string[] | null, from: string[], types: string[]): Promise<AnalysisRelationship[]> {
    return tx.query<AnalysisRelationship>(cypher('project-relationships-from'), { ws, ids, from, types });
  },
};
