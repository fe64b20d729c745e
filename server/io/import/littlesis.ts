import { Unusable } from '../../domain/errors.js';
import type { ActorKind } from '../../domain/actor.js';
import { relationshipRules, type RelationshipType } from '../../domain/relationship.js';
import { emptyIncoming, type Incoming } from './incoming.js';
import { dateCell } from './mapping.js';

interface LsEntity {
  id: number;
  name: string;
  primary_ext?: string;
  blurb?: string | null;
  summary?: string | null;
  website?: string | null;
  aliases?: string[];
  types?: string[];
  link?: string;
}
interface LsRelationship {
  id: number;
  entity1_id: number;
  entity2_id: number;
  category_id: number;
  description1?: string | null;
  description2?: string | null;
  amount?: number | string | null;
  currency?: string | null;
  goods?: string | null;
  start_date?: string | null;
  end_date?: string | null;
  is_current?: boolean | null;
  category_attributes?: Record<string, unknown> | null;
  link?: string;
}

const BASE = 'https://littlesis.org';

/** LittleSis's twelve relationship categories as our types. */
const CATEGORIES: Record<number, RelationshipType> = {
  1: 'POSITION',
  2: 'MEMBERSHIP',
  3: 'MEMBERSHIP',
  4: 'FAMILY',
  5: 'DONATION',
  6: 'TRANSACTION',
  7: 'LOBBYING',
  8: 'SOCIAL',
  9: 'PROFESSIONAL',
  10: 'OWNERSHIP',
  11: 'HIERARCHY',
  12: 'GENERIC',
};
const CATEGORY_NAMES: Record<number, string> = {
  1: 'position',
  2: 'education',
  3: 'membership',
  4: 'family',
  5: 'donation',
  6: 'transaction',
  7: 'lobbying',
  8: 'social',
  9: 'professional',
  10: 'ownership',
  11: 'hierarchy',
  12: 'generic',
};

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : null);
const number = (v: unknown) => {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
};
const date = (v: unknown) => {
  // LittleSis writes partial dates with zeros: "2015-00-00".
  const d = typeof v === 'string' ? dateCell(v.replace(/-00/g, '')) : null;
  return d === 'bad' ? null : d;
};

/**
 * Collects entities and relationships from whatever LittleSis JSON is given: API answers
 * (JSON:API resources with `type`, `id`, `attributes`, `links`), several of them in one
 * document, or the plain rows of its bulk dumps.
 */
function collect(value: unknown, entities: Map<number, LsEntity>, relationships: Map<number, LsRelationship>, depth = 0): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, entities, relationships, depth + 1);
    return;
  }
  const o = value as Record<string, unknown>;
  const attributes = (typeof o.attributes === 'object' && o.attributes !== null ? o.attributes : o) as Record<string, unknown>;
  const self =
    typeof (o.links as Record<string, unknown> | undefined)?.self === 'string' ? (o.links as Record<string, string>).self : undefined;
  const id = Number(attributes.id ?? o.id);
  if ((o.type === 'relationships' || 'entity1_id' in attributes) && Number.isInteger(id)) {
    relationships.set(id, { ...(attributes as unknown as LsRelationship), id, ...(self ? { link: self } : {}) });
    return;
  }
  if ((o.type === 'entities' || 'primary_ext' in attributes) && Number.isInteger(id) && typeof attributes.name === 'string') {
    entities.set(id, { ...(attributes as unknown as LsEntity), id, ...(self ? { link: self } : {}) });
  }
  for (const key of ['data', 'included', 'entity', 'entities', 'relationships', 'connections']) {
    if (key in o) collect(o[key], entities, relationships, depth + 1);
  }
}

const absolute = (link: string | undefined, fallback: string) =>
  link ? (link.startsWith('http') ? link : `${BASE}${link.startsWith('/') ? '' : '/'}${link}`) : fallback;

/** LittleSis JSON as actors and ties; LittleSis ids are the `littlesis` external id. */
export function littlesisToIncoming(json: string): Incoming {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new Unusable(`This is not JSON (${(error as Error).message}). Nothing was imported.`);
  }
  const entities = new Map<number, LsEntity>();
  const relationships = new Map<number, LsRelationship>();
  collect(value, entities, relationships);
  if (!entities.size)
    throw new Unusable('This JSON holds no LittleSis entity (an API answer of /api/entities/:id or a bulk dump). Nothing was imported.');
  const out = emptyIncoming();
  out.totalRows = entities.size + relationships.size;
  const kinds = new Map<number, ActorKind>();
  let row = 0;
  for (const e of entities.values()) {
    row++;
    const kind: ActorKind = e.primary_ext === 'Person' ? 'person' : 'organization';
    kinds.set(e.id, kind);
    const links = [absolute(e.link, `${BASE}/entities/${e.id}`), ...(e.website && /^https?:\/\//.test(e.website) ? [e.website] : [])];
    out.actors.push({
      ref: `ext:littlesis:${e.id}`,
      row,
      name: e.name.slice(0, 200),
      kind,
      externalIds: { littlesis: String(e.id) },
      aliases: [...new Set((e.aliases ?? []).filter((a) => typeof a === 'string' && a.trim() && a !== e.name))]
        .slice(0, 50)
        .map((a) => a.slice(0, 200)),
      description: [e.blurb, e.summary]
        .filter((s): s is string => typeof s === 'string' && s.trim() !== '')
        .join('\n\n')
        .slice(0, 20_000),
      links,
    });
  }
  for (const r of relationships.values()) {
    row++;
    let type = CATEGORIES[r.category_id];
    if (!type) {
      out.errors.push({
        row,
        column: 'category_id',
        message: `relationship ${r.id} has category ${r.category_id}, not one of LittleSis's 1–12`,
      });
      continue;
    }
    // Hierarchy: entity1 is the child, entity2 the parent; ours points from the parent.
    const [from, to] = type === 'HIERARCHY' ? [r.entity2_id, r.entity1_id] : [r.entity1_id, r.entity2_id];
    const rule = relationshipRules[type];
    const fk = kinds.get(from);
    const tk = kinds.get(to);
    // A tie whose ends LittleSis has and our rules do not fit (an organisation's "position") stays generic.
    if (fk && tk && ((rule.from !== 'any' && rule.from !== fk) || (rule.to !== 'any' && rule.to !== tk))) type = 'GENERIC';
    const d1 = text(r.description1);
    const d2 = text(r.description2);
    const attrs = r.category_attributes ?? {};
    const amount = number(r.amount);
    const currency = text(r.currency)?.toUpperCase() ?? null;
    const fields: Record<string, unknown> = {
      startDate: date(r.start_date),
      endDate: date(r.end_date),
      current: typeof r.is_current === 'boolean' ? r.is_current : null,
      description: [d1 && `${d1}`, d2 && `(${d2})`].filter(Boolean).join(' '),
    };
    switch (type) {
      case 'POSITION':
        Object.assign(fields, {
          title: d1,
          board: attrs.is_board === true,
          executive: attrs.is_executive === true,
          compensation: number(attrs.compensation),
        });
        break;
      case 'MEMBERSHIP':
        fields.role = r.category_id === 2 ? (d1 ?? 'student') : d1;
        break;
      case 'FAMILY':
      case 'SOCIAL':
      case 'PROFESSIONAL':
        fields.relation = d1;
        break;
      case 'DONATION':
        Object.assign(fields, { amount, currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : null, date: fields.startDate });
        break;
      case 'TRANSACTION':
        Object.assign(fields, { amount, currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : null, goods: text(r.goods) });
        break;
      case 'LOBBYING':
        fields.amount = amount;
        break;
      case 'OWNERSHIP':
        Object.assign(fields, { percent: number(attrs.percent_stake), shares: number(attrs.shares) });
        break;
      case 'HIERARCHY':
        fields.relation = 'subsidiary';
        break;
      default:
        fields.label = d1 ?? CATEGORY_NAMES[r.category_id] ?? null;
    }
    for (const [k, v] of Object.entries(fields)) if (v === null || v === '') delete fields[k];
    out.ties.push({
      row,
      from: `ext:littlesis:${from}`,
      to: `ext:littlesis:${to}`,
      type,
      fields,
      sourceUrls: [absolute(r.link, `${BASE}/relationships/${r.id}`)],
    });
  }
  out.sources = [...relationships.values()].map((r) => ({
    url: absolute(r.link, `${BASE}/relationships/${r.id}`),
    publisher: 'LittleSis',
    title: null,
  }));
  return out;
}
