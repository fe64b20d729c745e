import type { Tx } from '../db/gateway.js';
import { relationshipTypes } from '../domain/relationship.js';
import type { AnalysisActor, AnalysisRelationship, ScopeQuery } from '../domain/analysis.js';
import { invalid } from '../domain/errors.js';
import { assertFound, mapNotFound } from './actors.js';
import { analysisScopeRepo } from '../repos/analysis-scope.js';
import { changeSeq } from '../repos/changes.js';

export const DEFAULT_SCOPE_DEPTH = 2;

/** Refuses a scope that names both a map and a centre, or a depth without a centre. */
export function checkScope(scope: ScopeQuery): void {
  if (scope.map && scope.around)
    throw invalid('Choose one scope: map= or around=, not both.', [{ path: 'querystring.around', message: 'not with map=' }]);
  if (scope.depth !== undefined && !scope.around)
    throw invalid('depth= goes with around= (the neighbourhood to analyse).', [{ path: 'querystring.depth', message: 'needs around=' }]);
}

/** A stable text naming the scope, for cache keys. */
export function scopeKey(scope: ScopeQuery): string {
  if (scope.map) return `map:${scope.map}`;
  if (scope.around) return `around:${scope.around}:${scope.depth ?? DEFAULT_SCOPE_DEPTH}`;
  return 'workspace';
}

/**
 * The ids of the actors in scope, or null for the whole workspace (queries then filter by
 * workspaceId alone). A map or centre outside this workspace is a 404.
 */
export async function scopeIds(tx: Tx, ws: string, scope: ScopeQuery): Promise<string[] | null> {
  checkScope(scope);
  if (scope.map) {
    const ids = await analysisScopeRepo.mapActorIds(tx, ws, scope.map);
    if (!ids) throw mapNotFound();
    return ids;
  }
  if (scope.around) {
    const ids = await analysisScopeRepo.aroundIds(tx, ws, scope.around, scope.depth ?? DEFAULT_SCOPE_DEPTH, [...relationshipTypes]);
    if (!ids) assertFound([scope.around], 'around');
    return ids!;
  }
  return null;
}

export interface Subgraph {
  actors: AnalysisActor[];
  relationships: AnalysisRelationship[];
  changeSeq: number;
}

/** Actors whose outgoing ties are read by one statement: small answers keep the request thread free in between. */
export const PROJECTION_PAGE = 1_000;

/**
 * The scope's actors and the ties among them, read in one transaction with the data version.
 * Ties come page by page of their start actors, in scope order (the order a single statement
 * gives), and are normalised in place: a large scope is the request thread's biggest job, so
 * it is done in short steps and without a second copy.
 */
export async function projectScope(tx: Tx, ws: string, scope: ScopeQuery, types: readonly string[]): Promise<Subgraph> {
  const seq = await changeSeq(tx, ws);
  const ids = await scopeIds(tx, ws, scope);
  const actors = await analysisScopeRepo.actors(tx, ws, ids);
  const relationships: AnalysisRelationship[] = [];
  for (let i = 0; i < actors.length; i += PROJECTION_PAGE) {
    const from = actors.slice(i, i + PROJECTION_PAGE).map((a) => a.id);
    const page = await analysisScopeRepo.relationshipsFrom(tx, ws, ids, from, [...types]);
    for (const r of page) relationships.push(normaliseInPlace(r));
  }
  return { actors, relationships, changeSeq: seq };
}

function normaliseInPlace(r: AnalysisRelationship): AnalysisRelationship {
  r.strength ??= 3;
  r.mutual ??= false;
  return r;
}

/** Records written before strength or mutual were required read as the defaults. */
export function normaliseRelationship(r: AnalysisRelationship): AnalysisRelationship {
  return { id: r.id, type: r.type, from: r.from, to: r.to, strength: r.strength ?? 3, mutual: r.mutual ?? false };
}
