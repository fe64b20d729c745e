import type { Actor } from '../domain/actor.js';
import { relationshipTypeFields, type Relationship } from '../domain/relationship.js';
import type { GraphExport } from './export-model.js';

/**
 * The two sheets of a spreadsheet export, in Kumu's shape so that they import back as they
 * are: an elements sheet (Label, Type, Description, Tags, …) and a connections sheet with
 * the two actors' names in From and To. Lists are joined with `|`, external ids as
 * `key:value`. Fields the workspace keeps to itself say so in their header. The ID columns
 * come last: importers match by name, and an id only tells apart two actors of one name.
 */
export interface Sheet {
  name: string;
  header: string[];
  rows: (string | number | boolean | null)[][];
}

const list = (values: readonly string[] | null | undefined) => (values ?? []).join('|');
const yesNo = (value: boolean | null | undefined) => (value === null || value === undefined ? null : value ? 'yes' : 'no');

const actorColumns: [string, (a: Actor) => string | number | boolean | null][] = [
  ['Label', (a) => a.name],
  ['Type', (a) => (a.kind === 'person' ? 'Person' : 'Organization')],
  ['Description', (a) => a.description],
  ['Tags', (a) => list(a.tags)],
  ['Sector', (a) => a.sector],
  ['Roles', (a) => list(a.roles)],
  ['Power', (a) => a.power],
  ['Alignment', (a) => a.alignment],
  ['Aliases', (a) => list(a.aliases)],
  ['Interests', (a) => list(a.interests)],
  ['Power sources', (a) => list(a.powerSources)],
  ['External ids', (a) => list(Object.entries(a.externalIds ?? {}).map(([k, v]) => `${k}:${v}`))],
  ['Links', (a) => list(a.links)],
  ['Image', (a) => a.image],
  ['Organized', (a) => yesNo(a.organized)],
  ['Shares outstanding', (a) => a.sharesOutstanding],
  ['Sources', () => null],
  ['Contact owner (internal)', (a) => a.contactOwner],
  ['Private notes (internal)', (a) => a.privateNotes],
  ['ID', (a) => a.id],
];

/** Every type-specific field, once, in the order the types list them. */
const typeFields = [...new Set(Object.values(relationshipTypeFields).flatMap((fields) => Object.keys(fields)))];
const headerOf = (field: string) => {
  const words = field.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A partner's file leaves the always-internal columns out altogether (their values are already gone). */
const forAudience = <C extends [string, unknown]>(columns: C[], graph: GraphExport) =>
  graph.audience === 'partner' ? columns.filter(([header]) => !header.endsWith('(internal)') && header !== 'Sources') : columns;

/** Between the sources an actor's Sources cell names, each by its URL (what an import matches on), else its title. */
export const SOURCE_SEPARATOR = ' | ';

export function actorSheet(graph: GraphExport): Sheet {
  const cited = new Map((graph.sources ?? []).map((s) => [s.id, s.url || s.title || s.id]));
  const sources = (a: Actor) => (a.sourceIds ?? []).map((id) => cited.get(id) ?? id).join(SOURCE_SEPARATOR);
  const columns = forAudience(
    actorColumns.map(([header, get]): (typeof actorColumns)[number] => [header, header === 'Sources' ? sources : get]),
    graph,
  );
  return {
    name: 'Elements',
    header: columns.map(([h]) => h),
    rows: graph.actors.map((a) => columns.map(([, get]) => get(a) ?? null)),
  };
}

export function relationshipSheet(graph: GraphExport): Sheet {
  const names = new Map(graph.actors.map((a) => [a.id, a.name]));
  const urls = new Map((graph.sources ?? []).map((s) => [s.id, s.url]));
  const all: [string, (r: Relationship) => string | number | boolean | null][] = [
    ['From', (r) => names.get(r.from) ?? r.from],
    ['To', (r) => names.get(r.to) ?? r.to],
    ['Type', (r) => r.type],
    ['Direction', (r) => (r.mutual ? 'mutual' : 'directed')],
    ['Description', (r) => r.description],
    ['Strength', (r) => r.strength],
    ['Start date', (r) => r.startDate],
    ['End date', (r) => r.endDate],
    ['Current', (r) => yesNo(r.current)],
    ...typeFields.map((field): [string, (r: Relationship) => string | number | boolean | null] => [
      headerOf(field),
      (r) => {
        const value = (r as unknown as Record<string, unknown>)[field];
        if (Array.isArray(value)) return list(value as string[]);
        if (typeof value === 'boolean') return yesNo(value);
        return (value as string | number | null | undefined) ?? null;
      },
    ]),
    ['Sources', (r) => list(r.sourceIds.map((id) => urls.get(id) ?? id))],
    ['Private notes (internal)', (r) => r.privateNotes],
    ['ID', (r) => r.id],
    ['From ID', (r) => r.from],
    ['To ID', (r) => r.to],
  ];
  const columns = forAudience(all, graph);
  return {
    name: 'Connections',
    header: columns.map(([h]) => h),
    rows: graph.relationships.map((r) => columns.map(([, get]) => get(r) ?? null)),
  };
}

/**
 * Text a spreadsheet would run as a formula (= + - @, or a leading tab or carriage return)
 * gets a leading apostrophe, which spreadsheets show as "this is text". Plain numbers,
 * negative ones included, stay numbers.
 */
export function defuse(value: string | number | boolean | null): string | number | boolean | null {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
}
