import type { Actor } from '../domain/actor.js';
import type { InternalFieldLists } from '../domain/internal-fields.js';
import type { MapMember } from '../domain/map.js';
import type { Relationship } from '../domain/relationship.js';
import type { Source } from '../domain/source.js';

export interface GraphExport {
  name: string;
  actors: Actor[];
  relationships: Relationship[];
  /** The sources the relationships cite. */
  sources?: Source[];
  /** The map's layout, when one map is exported. */
  members?: MapMember[];
  /** Fields the workspace's owners made internal, besides those always internal. */
  internal?: InternalFieldLists;
  /**
   * Who receives the file. members (the default): every field, internal ones marked.
   * partner: records already redacted (services/share-redaction.ts), and the always-internal
   * columns left out altogether rather than sent empty.
   */
  audience?: 'members' | 'partner';
}

export type AttributeType = 'string' | 'integer' | 'double' | 'boolean';

/**
 * The attributes that Gephi, Cytoscape desktop and networkx see on every node and edge.
 * Lists are joined with `|`, external ids as `key:value`. `internal`: what the workspace
 * keeps to itself; these exports are for its own members, so they carry it, marked.
 */
export const nodeAttributes: readonly (readonly [string, AttributeType, boolean?])[] = [
  ['kind', 'string'],
  ['sector', 'string'],
  ['roles', 'string'],
  ['tags', 'string'],
  ['power', 'integer'],
  ['alignment', 'integer'],
  ['description', 'string'],
  ['aliases', 'string'],
  ['interests', 'string'],
  ['powerSources', 'string'],
  ['externalIds', 'string'],
  ['links', 'string'],
  ['image', 'string'],
  ['organized', 'boolean'],
  ['sharesOutstanding', 'double'],
  ['contactOwner', 'string', true],
  ['privateNotes', 'string', true],
];

/** Type-specific fields of relationships; GENERIC's `label` is `labelText`, `label` being the type. */
export const edgeAttributes: readonly (readonly [string, AttributeType, boolean?])[] = [
  ['type', 'string'],
  ['strength', 'integer'],
  ['mutual', 'boolean'],
  ['startDate', 'string'],
  ['endDate', 'string'],
  ['current', 'boolean'],
  ['description', 'string'],
  ['title', 'string'],
  ['board', 'boolean'],
  ['executive', 'boolean'],
  ['compensation', 'double'],
  ['role', 'string'],
  ['percent', 'double'],
  ['percentMin', 'double'],
  ['percentMax', 'double'],
  ['shares', 'double'],
  ['value', 'double'],
  ['basis', 'string'],
  ['commitment', 'double'],
  ['generalPartner', 'boolean'],
  ['declared', 'string'],
  ['asOf', 'string'],
  ['amount', 'double'],
  ['currency', 'string'],
  ['date', 'string'],
  ['filing', 'string'],
  ['goods', 'string'],
  ['contract', 'string'],
  ['issue', 'string'],
  ['relation', 'string'],
  ['how', 'string'],
  ['coalition', 'string'],
  ['sharedGoals', 'string'],
  ['labelText', 'string'],
  ['sources', 'string'],
  ['privateNotes', 'string', true],
];

type Attribute = readonly [string, AttributeType, boolean?];

/** The attributes a file for this audience carries. */
export const attributesFor = (list: readonly Attribute[], graph: GraphExport): readonly Attribute[] =>
  // A partner sees no sources of the shared map, so its file names none either.
  graph.audience === 'partner' ? list.filter(([name, , internal]) => !internal && name !== 'sources') : list;

type Value = string | number | boolean | null;

const joined = (value: unknown): Value => {
  if (Array.isArray(value)) return value.join('|');
  return (value as Value | undefined) ?? null;
};

export function nodeValue(actor: Actor, key: string): Value {
  if (key === 'externalIds')
    return (
      Object.entries(actor.externalIds ?? {})
        .map(([k, v]) => `${k}:${v}`)
        .join('|') || null
    );
  return joined((actor as unknown as Record<string, unknown>)[key]);
}

/** `urls`: source id → URL, so that an edge names what it cites. */
export function edgeValue(rel: Relationship, key: string, urls: Map<string, string> = new Map()): Value {
  if (key === 'sources') return rel.sourceIds.map((id) => urls.get(id) ?? id).join('|') || null;
  if (key === 'labelText') return rel.type === 'GENERIC' ? (rel.label ?? null) : null;
  return joined((rel as unknown as Record<string, unknown>)[key]);
}

export const sourceUrls = (graph: GraphExport) => new Map((graph.sources ?? []).map((s) => [s.id, s.url]));
