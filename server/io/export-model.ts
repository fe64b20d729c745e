import type { Actor } from '../domain/actor.js';
import type { Relationship } from '../domain/relationship.js';

export interface GraphExport {
  name: string;
  actors: Actor[];
  relationships: Relationship[];
}

/** The attributes that Gephi, Cytoscape desktop and networkx see on every node and edge. */
export const nodeAttributes = [
  ['kind', 'string'],
  ['sector', 'string'],
  ['roles', 'string'],
  ['tags', 'string'],
  ['power', 'integer'],
  ['alignment', 'integer'],
  ['description', 'string'],
  // Internal fields: these exports are for the workspace's own members (partners get redacted ones).
  ['contactOwner', 'string'],
  ['privateNotes', 'string'],
] as const;

export const edgeAttributes = [
  ['type', 'string'],
  ['strength', 'integer'],
  ['mutual', 'boolean'],
  ['startDate', 'string'],
  ['endDate', 'string'],
  ['description', 'string'],
  ['privateNotes', 'string'],
  ['sources', 'integer'],
] as const;

export function nodeValue(actor: Actor, key: (typeof nodeAttributes)[number][0]): string | number | null {
  const value = actor[key];
  if (Array.isArray(value)) return value.join('|');
  return value ?? null;
}

export function edgeValue(rel: Relationship, key: (typeof edgeAttributes)[number][0]): string | number | boolean | null {
  if (key === 'sources') return rel.sourceIds.length;
  return (rel[key] as string | number | boolean | null | undefined) ?? null;
}
