import type { Gateway } from '../db/gateway.js';
import type { AnalysisActor, AnalysisRelationship, Drawable } from '../domain/analysis.js';

const ACTORS = `
UNWIND $ids AS actorId
MATCH (a:Actor {id: actorId})
WHERE a.workspaceId = $ws
RETURN a.id AS id, a.name AS name, a.kind AS kind, coalesce(a.roles, []) AS roles, a.power AS power, a.alignment AS alignment`;

/** The actors (read once each) and the distinct relationships an answer needs drawn. */
export async function drawableFor(db: Gateway, ws: string, actorIds: string[], relationships: AnalysisRelationship[]): Promise<Drawable> {
  const ids = [...new Set(actorIds)];
  const actors = ids.length ? await db.read((tx) => tx.query<AnalysisActor>(ACTORS, { ws, ids }), 'analysis.draw') : [];
  return { actors, relationships: uniqueById(relationships) };
}

export function uniqueById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}
