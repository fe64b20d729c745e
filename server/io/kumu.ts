import { randomUUID } from 'node:crypto';
import { actorRoles, sectors, type ActorCreate, type ActorKind, type ActorRole } from '../domain/actor.js';
import { relationshipRules, relationshipTypes, type RelationshipCreate, type RelationshipType } from '../domain/relationship.js';
import type { FieldError } from '../domain/errors.js';
import { parseCsv } from './csv-parse.js';

/** Kumu's free-text connection types, read as our types where the meaning is plain. */
const TYPE_WORDS: [RegExp, RelationshipType, Record<string, unknown>?][] = [
  [/board|director|trustee/i, 'POSITION', { board: true }],
  [/ceo|cfo|chair|president|executive|officer/i, 'POSITION', { executive: true }],
  [/position|employ|works? (at|for)|staff/i, 'POSITION'],
  [/member/i, 'MEMBERSHIP'],
  [/own|sharehold|invest/i, 'OWNERSHIP'],
  [/donat|donor|contribut|gift|fund/i, 'DONATION'],
  [/contract|transaction|paid|vendor|client/i, 'TRANSACTION'],
  [/lobb/i, 'LOBBYING'],
  [/family|spouse|married|sibling|parent|child|cousin/i, 'FAMILY'],
  [/friend|social|know/i, 'SOCIAL'],
  [/colleague|professional|worked with/i, 'PROFESSIONAL'],
  [/subsidiar|parent company|division/i, 'HIERARCHY'],
  [/influenc|moves|advis/i, 'INFLUENCE'],
  [/alliance|coalition|allied|partner/i, 'ALLIANCE'],
  [/oppos|against|rival/i, 'OPPOSITION'],
];

export interface ParsedImport {
  actors: ActorCreate[];
  relationships: RelationshipCreate[];
  /** Labels that name actors already in the workspace (reused, not duplicated). */
  matched: string[];
  /** What each new actor's and each relationship's Sources cell names (URLs or titles), by position. */
  actorSources: string[][];
  relationshipSources: string[][];
  errors: FieldError[];
  /** Set when a sheet has more rows than allowed; nothing else is read then. */
  tooMany?: { sheet: 'elements' | 'connections'; rows: number; max: number };
}

export const list = (value: string | undefined) =>
  (value ?? '')
    .split('|')
    .map((v) => v.trim())
    .filter(Boolean);
const key = (name: string) => name.trim().toLowerCase();

export function kindOf(type: string | undefined): ActorKind {
  return /person|people|individual|official|legislator|executive|member$/i.test(type ?? '') ? 'person' : 'organization';
}

export function relationshipFor(
  word: string,
  fromKind: ActorKind,
  toKind: ActorKind,
): { type: RelationshipType; extra: Record<string, unknown> } {
  const upper = word.trim().toUpperCase();
  if ((relationshipTypes as readonly string[]).includes(upper)) return { type: upper as RelationshipType, extra: {} };
  for (const [pattern, type, extra] of TYPE_WORDS) {
    const rule = relationshipRules[type];
    const fits = (rule.from === 'any' || rule.from === fromKind) && (rule.to === 'any' || rule.to === toKind);
    if (pattern.test(word) && fits) return { type, extra: extra ?? {} };
  }
  return { type: 'GENERIC', extra: { label: word.trim() || null } };
}

export function intIn(value: string | undefined, min: number, max: number): number | null | 'bad' {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : 'bad';
}

/** The column our exports write a company's shares outstanding in. */
export const SHARES_COLUMN = 'Shares outstanding';
export const SHARES_MESSAGE = 'must be a number above 0, such as 80000000';

/** A count above 0 such as a company's shares outstanding ("80000000", "80,000,000", "8e7"); null when empty. */
export function countAbove0(value: string | undefined, max = 1e15): number | null | 'bad' {
  const v = (value ?? '')
    .trim()
    .replace(/[\s_]/g, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (!v) return null;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 && n <= max ? n : 'bad';
}

/**
 * Reads Kumu's spreadsheet shape: an elements sheet (Label, Type, Description, Tags with
 * `|` between values; also Sector, Roles, Power, Alignment, Shares outstanding, Sources when present) and a connections
 * sheet (From, To, Type, Description, Strength, Direction, Sources). Names already in the workspace
 * are reused; every problem is reported with its sheet and row, and nothing is partial.
 */
export function parseKumu(
  elementsCsv: string,
  connectionsCsv: string,
  existing: Map<string, { id: string; kind: ActorKind }>,
  max: { elements: number; connections: number } = { elements: Infinity, connections: Infinity },
): ParsedImport {
  const errors: FieldError[] = [];
  const actors: ActorCreate[] = [];
  const byName = new Map(existing);
  const matched: string[] = [];
  const actorSources: string[][] = [];
  const relationshipSources: string[][] = [];
  const elementRows = parseCsv(elementsCsv);
  const connectionRows = parseCsv(connectionsCsv);
  for (const [sheet, rows] of [
    ['elements', elementRows],
    ['connections', connectionRows],
  ] as const) {
    if (rows.length > max[sheet])
      return {
        actors,
        relationships: [],
        matched,
        errors,
        actorSources,
        relationshipSources,
        tooMany: { sheet, rows: rows.length, max: max[sheet] },
      };
  }
  elementRows.forEach((row, i) => {
    const at = `body.elements.row ${i + 2}`;
    const label = (row.Label ?? row.label ?? '').trim();
    if (!label) return errors.push({ path: at, message: 'Label is empty' });
    if (byName.has(key(label))) {
      if (existing.has(key(label))) matched.push(label);
      return;
    }
    const power = intIn(row.Power, 0, 5);
    const alignment = intIn(row.Alignment, -3, 3);
    if (power === 'bad') errors.push({ path: `${at}.Power`, message: 'must be a whole number from 0 to 5' });
    if (alignment === 'bad') errors.push({ path: `${at}.Alignment`, message: 'must be a whole number from -3 to 3' });
    const shares = countAbove0(row[SHARES_COLUMN] ?? row[SHARES_COLUMN.toLowerCase()]);
    if (shares === 'bad') errors.push({ path: `${at}.${SHARES_COLUMN}`, message: SHARES_MESSAGE });
    const roles = list(row.Roles).map((r) => r.toLowerCase().replace(/[\s-]+/g, '_'));
    const badRole = roles.find((r) => !(actorRoles as readonly string[]).includes(r));
    if (badRole) errors.push({ path: `${at}.Roles`, message: `"${badRole}" is not one of ${actorRoles.join(', ')}` });
    const sector = (row.Sector ?? '').trim().toLowerCase();
    if (sector && !(sectors as readonly string[]).includes(sector))
      errors.push({ path: `${at}.Sector`, message: `"${sector}" is not one of ${sectors.join(', ')}` });
    const id = randomUUID();
    const kind = kindOf(row.Type);
    byName.set(key(label), { id, kind });
    actorSources.push(list(row.Sources));
    actors.push({
      id,
      kind,
      name: label,
      description: row.Description ?? '',
      tags: [...new Set(list(row.Tags))],
      roles: [...new Set(roles)] as ActorRole[],
      ...(sector ? { sector: sector as ActorCreate['sector'] } : {}),
      ...(typeof power === 'number' ? { power } : {}),
      ...(typeof alignment === 'number' ? { alignment } : {}),
      ...(typeof shares === 'number' ? { sharesOutstanding: shares } : {}),
    });
  });

  const relationships: RelationshipCreate[] = [];
  connectionRows.forEach((row, i) => {
    const at = `body.connections.row ${i + 2}`;
    const from = byName.get(key(row.From ?? ''));
    const to = byName.get(key(row.To ?? ''));
    if (!from)
      return errors.push({
        path: `${at}.From`,
        message: `"${row.From ?? ''}" is not an element of the sheet or an actor of the workspace`,
      });
    if (!to)
      return errors.push({ path: `${at}.To`, message: `"${row.To ?? ''}" is not an element of the sheet or an actor of the workspace` });
    const { type, extra } = relationshipFor(row.Type ?? '', from.kind, to.kind);
    const strength = intIn(row.Strength, 1, 5);
    if (strength === 'bad') errors.push({ path: `${at}.Strength`, message: 'must be a whole number from 1 to 5' });
    const rule = relationshipRules[type];
    const mutual = rule.mutual === 'always' || (rule.mutual === 'optional' && /mutual|undirected/i.test(row.Direction ?? ''));
    relationshipSources.push(list(row.Sources));
    relationships.push({
      type,
      from: from.id,
      to: to.id,
      mutual,
      description: row.Description ?? '',
      ...(typeof strength === 'number' ? { strength } : {}),
      ...extra,
    } as RelationshipCreate);
  });
  return { actors, relationships, matched, errors, actorSources, relationshipSources };
}
