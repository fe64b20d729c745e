import { Unusable } from '../../domain/errors.js';
import { actorRoles, sectors, type ActorKind, type ActorRole, type Sector } from '../../domain/actor.js';
import type { ImportMapping, ImportRowError } from '../../domain/import-job.js';
import { relationshipRules, relationshipTypeFields, type RelationshipType } from '../../domain/relationship.js';
import { countAbove0, intIn, kindOf, list, relationshipFor, SHARES_COLUMN, SHARES_MESSAGE } from '../kumu.js';
import { collect, emptyIncoming, LabelTally, type Incoming, type IncomingActor, type RecordSink } from './incoming.js';
import type { IncomingRest } from './plan.js';
import { nameKey } from './names.js';
import type { Table } from './table.js';

const refuse = (detail: string) => new Unusable(`${detail} Nothing was imported.`);

/** Header names as the file spells them, found case- and space-insensitively. */
function columns(header: string[]) {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const key = h.trim().toLowerCase();
    if (key && !index.has(key)) index.set(key, i);
  });
  return {
    find: (...names: string[]) => names.map((n) => index.get(n.toLowerCase())).find((i) => i !== undefined),
    need(name: string, what: string): number {
      const i = index.get(name.trim().toLowerCase());
      if (i === undefined)
        throw refuse(`The column “${name}” (${what}) is not in the file; its columns are ${header.map((h) => `“${h}”`).join(', ')}.`);
      return i;
    },
  };
}

/** A mapping for a file whose header already says From and To (Kumu's connections, our export). */
export function defaultMapping(header: string[]): ImportMapping | null {
  const c = columns(header);
  const from = c.find('from', 'source', 'actor 1', 'entity1', 'from name');
  const to = c.find('to', 'target', 'actor 2', 'entity2', 'to name');
  if (from === undefined || to === undefined) return null;
  const pick = (...names: string[]) => {
    const i = c.find(...names);
    return i === undefined ? undefined : header[i]!;
  };
  const optional = (key: keyof ImportMapping, ...names: string[]) => {
    const col = pick(...names);
    return col ? { [key]: col } : {};
  };
  const fromKind = pick('from kind', 'from type');
  const toKind = pick('to kind', 'to type');
  const type = pick('type', 'relationship', 'label', 'category');
  return {
    from: { column: header[from]!, ...(fromKind ? { kindColumn: fromKind } : {}) },
    to: { column: header[to]!, ...(toKind ? { kindColumn: toKind } : {}) },
    ...(type ? { type: { column: type } } : {}),
    ...optional('sourceUrl', 'source url', 'sourceurl', 'url', 'source', 'sources'),
    ...optional('startDate', 'start date', 'startdate', 'start'),
    ...optional('endDate', 'end date', 'enddate', 'end'),
    ...optional('date', 'date'),
    ...optional('amount', 'amount'),
    ...optional('currency', 'currency'),
    ...optional('title', 'title', 'role'),
    ...optional('notes', 'description', 'notes'),
  };
}

/** "2024", "2024-03", "2024-03-05", "5/3/2024" (ISO first) as YYYY-MM-DD; null when empty. */
export function dateCell(value: string): string | null | 'bad' {
  const v = value.trim();
  if (!v) return null;
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:T.*)?$/.exec(v);
  if (m) return `${m[1]}-${(m[2] ?? '1').padStart(2, '0')}-${(m[3] ?? '1').padStart(2, '0')}`;
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(v);
  // Day first (as most of the world writes it) unless the first number cannot be a day of a month.
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [day, month] = b > 12 ? [b, a] : [a, b];
    return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return 'bad';
}

/** "1,250.50", "$1250", "1 250" as a number; null when empty. */
export function amountCell(value: string): number | null | 'bad' {
  const v = value
    .trim()
    .replace(/^[$€£¥]|\s|[$€£¥]$/g, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (!v) return null;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : 'bad';
}

const has = (type: RelationshipType, field: string) => field in relationshipTypeFields[type];

/** Reads a plain table as relationships, one a row, by the columns the mapping names. */
export function tableToIncoming(table: Table, mapping: ImportMapping, known = new Map<string, ActorKind>()): Incoming {
  const [header = [], ...body] = table.rows;
  const out = emptyIncoming();
  const reader = tableReader(header, mapping, collect(out), known);
  for (const cells of body) reader.row(cells);
  return { ...out, ...reader.finish() };
}

/**
 * A plain table's reader, a row at a time (a streamed CSV never holds its rows): each row's
 * two actors (once each) and its tie go to `sink` as it is read; `finish` tells what the
 * whole table held. Row numbers count the header as row 1.
 */
export function tableReader(header: string[], mapping: ImportMapping, sink: RecordSink, known = new Map<string, ActorKind>()) {
  const c = columns(header);
  const at = (name: string | undefined, what: string) => (name === undefined ? undefined : c.need(name, what));
  const cols = {
    from: c.need(mapping.from.column, 'the first actor'),
    to: c.need(mapping.to.column, 'the second actor'),
    fromKind: at(mapping.from.kindColumn, 'the first actor’s kind'),
    toKind: at(mapping.to.kindColumn, 'the second actor’s kind'),
    fromId: at(mapping.from.idColumn, 'the first actor’s id'),
    toId: at(mapping.to.idColumn, 'the second actor’s id'),
    type: at(mapping.type?.column, 'the relationship type'),
    sourceUrl: at(mapping.sourceUrl, 'the source URL'),
    startDate: at(mapping.startDate, 'the start date'),
    endDate: at(mapping.endDate, 'the end date'),
    date: at(mapping.date, 'the date'),
    amount: at(mapping.amount, 'the amount'),
    currency: at(mapping.currency, 'the currency'),
    title: at(mapping.title, 'the title'),
    notes: at(mapping.notes, 'the notes'),
  };
  const tagCols = {
    from: (mapping.from.tagColumns ?? []).map((t) => c.need(t, 'a tag')),
    to: (mapping.to.tagColumns ?? []).map((t) => c.need(t, 'a tag')),
  };
  const rest: IncomingRest = { errors: [], skipped: 0, totalRows: 0, labels: [], warnings: [], restates: [] };
  const tally = new LabelTally();
  const actors = new Map<string, IncomingActor>();
  let ties = 0;

  const row = (cells: string[]) => {
    const row = ++rest.totalRows + 1;
    const cell = (index: number | undefined) => (index === undefined ? '' : (cells[index] ?? '').trim());
    if (cells.every((v) => !v.trim())) {
      rest.skipped++;
      return;
    }
    const errors: ImportRowError[] = [];
    const end = (side: 'from' | 'to'): { ref: string; kind: ActorKind } | null => {
      const m = mapping[side];
      const name = cell(cols[side]);
      if (!name) {
        errors.push({ row, column: m.column, message: 'is empty' });
        return null;
      }
      const extId = cell(side === 'from' ? cols.fromId : cols.toId);
      const externalIds: Record<string, string> = extId ? { [m.idKey ?? 'import']: extId } : {};
      const ref = extId ? `ext:${m.idKey ?? 'import'}:${extId}` : `name:${nameKey(name)}`;
      const kindText = cell(side === 'from' ? cols.fromKind : cols.toKind);
      const kind: ActorKind = known.get(ref) ?? (kindText ? kindOf(kindText) : (m.kind ?? 'organization'));
      const tags = [...new Set(tagCols[side].flatMap((t) => list(cell(t))))];
      const seen = actors.get(ref);
      if (seen) {
        for (const tag of tags) if (!seen.tags!.includes(tag)) seen.tags!.push(tag);
      } else {
        const actor: IncomingActor = { ref, row, name, kind, externalIds, tags };
        actors.set(ref, actor);
        sink.actor(actor);
      }
      // The ref the actor holds: a million rows naming it share one string.
      const actor = actors.get(ref)!;
      return { ref: actor.ref, kind: actor.kind };
    };
    const from = end('from');
    const to = end('to');
    if (!from || !to) return void rest.errors.push(...errors);

    let type: RelationshipType = mapping.type?.value ?? 'GENERIC';
    const fields: Record<string, unknown> = {};
    const label = cell(cols.type);
    if (label) {
      const chosen = mapping.type?.labels?.[label];
      if (chosen) type = chosen;
      else {
        const read = relationshipFor(label, from.kind, to.kind);
        type = read.type;
        Object.assign(fields, read.extra);
      }
      tally.add(label, type);
    }
    for (const key of ['startDate', 'endDate', 'date'] as const) {
      const value = dateCell(cell(cols[key]));
      if (value === 'bad') errors.push({ row, column: mapping[key]!, message: 'must be a date such as 2024-03-05' });
      else if (value && (key !== 'date' || has(type, 'date'))) fields[key] = value;
      else if (value && key === 'date' && !fields.startDate) fields.startDate = value;
    }
    const amount = amountCell(cell(cols.amount));
    if (amount === 'bad') errors.push({ row, column: mapping.amount!, message: 'must be a number such as 1250.50' });
    else if (amount !== null) {
      if (has(type, 'amount')) fields.amount = amount;
      else if (has(type, 'compensation')) fields.compensation = amount;
    }
    const currency = cell(cols.currency).toUpperCase();
    if (currency && has(type, 'currency')) fields.currency = currency;
    const title = cell(cols.title);
    if (title && has(type, 'title')) fields.title = title;
    else if (title && has(type, 'role')) fields.role = title;
    const notes = cell(cols.notes);
    if (notes) fields.description = notes;
    if (errors.length) return void rest.errors.push(...errors);
    // Our own export joins a tie's sources with |.
    const urls = list(cell(cols.sourceUrl));
    ties++;
    sink.tie({ row, from: from.ref, to: to.ref, type, fields, sourceUrls: urls });
  };

  const finish = (): IncomingRest => {
    rest.labels = tally.list();
    const n = rest.totalRows;
    // A table that parses but holds nothing to import is refused as a whole, not "done" with nothing.
    if (!ties && !rest.errors.length)
      throw refuse(
        n
          ? `The table has ${n} ${n === 1 ? 'row' : 'rows'} under its header, and every one is empty: there is no row naming two actors in the columns “${mapping.from.column}” and “${mapping.to.column}”.`
          : `The table has a header and no rows: there is no row naming two actors to import.`,
      );
    return rest;
  };
  return { row, finish };
}

/** Whether a table is Kumu's elements sheet (a Label column and no From/To). */
export const isKumuElements = (t: Table) => {
  const c = columns(t.rows[0] ?? []);
  return c.find('label') !== undefined && c.find('from') === undefined;
};

/** Kumu's elements sheet as actors (Label, Type, Description, Tags, Sector, Roles, Power, Alignment, Shares outstanding, Sources by URL). */
export function kumuElements(table: Table, out: Incoming): void {
  const [header = [], ...body] = table.rows;
  const c = columns(header);
  const col = (name: string) => c.find(name);
  const label = c.need('Label', 'the element’s name');
  out.totalRows += body.length;
  body.forEach((cells, i) => {
    const row = i + 2;
    const cell = (index: number | undefined) => (index === undefined ? '' : (cells[index] ?? '').trim());
    const name = cell(label);
    if (!name) {
      if (cells.every((v) => !v.trim())) out.skipped++;
      else out.errors.push({ row, column: 'Label', message: 'is empty' });
      return;
    }
    const power = intIn(cell(col('power')), 0, 5);
    const alignment = intIn(cell(col('alignment')), -3, 3);
    if (power === 'bad') out.errors.push({ row, column: 'Power', message: 'must be a whole number from 0 to 5' });
    if (alignment === 'bad') out.errors.push({ row, column: 'Alignment', message: 'must be a whole number from -3 to 3' });
    const shares = countAbove0(cell(col(SHARES_COLUMN)));
    if (shares === 'bad') out.errors.push({ row, column: SHARES_COLUMN, message: SHARES_MESSAGE });
    const roles = list(cell(col('roles'))).map((r) => r.toLowerCase().replace(/[\s-]+/g, '_'));
    const badRole = roles.find((r) => !(actorRoles as readonly string[]).includes(r));
    if (badRole) out.errors.push({ row, column: 'Roles', message: `"${badRole}" is not one of ${actorRoles.join(', ')}` });
    const sector = cell(col('sector')).toLowerCase();
    if (sector && !(sectors as readonly string[]).includes(sector))
      out.errors.push({ row, column: 'Sector', message: `"${sector}" is not one of ${sectors.join(', ')}` });
    const ref = `name:${nameKey(name)}`;
    if (out.actors.some((a) => a.ref === ref)) return;
    const sourceUrls = list(cell(col('sources')));
    out.actors.push({
      ref,
      row,
      name,
      kind: kindOf(cell(col('type'))),
      externalIds: {},
      description: cell(col('description')),
      tags: [...new Set(list(cell(col('tags'))))],
      roles: [...new Set(roles)].filter((r) => (actorRoles as readonly string[]).includes(r)) as ActorRole[],
      ...(sector && (sectors as readonly string[]).includes(sector) ? { sector: sector as Sector } : {}),
      ...(typeof power === 'number' ? { power } : {}),
      ...(typeof alignment === 'number' ? { alignment } : {}),
      ...(typeof shares === 'number' ? { sharesOutstanding: shares } : {}),
      ...(sourceUrls.length ? { sourceUrls } : {}),
    });
  });
}

/** Kumu's connections read with their Strength and Direction as well. */
export function kumuConnections(table: Table, out: Incoming): void {
  const mapping = defaultMapping(table.rows[0] ?? []);
  if (!mapping) throw refuse('The connections sheet needs From and To columns.');
  const kinds = new Map(out.actors.map((a) => [a.ref, a.kind]));
  const read = tableToIncoming(table, mapping, kinds);
  const c = columns(table.rows[0] ?? []);
  const strength = c.find('strength');
  const direction = c.find('direction');
  for (const t of read.ties) {
    const cells = table.rows[t.row - 1]!;
    const s = intIn(strength === undefined ? '' : cells[strength], 1, 5);
    if (s === 'bad') out.errors.push({ row: t.row, column: 'Strength', message: 'must be a whole number from 1 to 5' });
    else if (s !== null) t.fields.strength = s;
    const rule = relationshipRules[t.type];
    if (rule.mutual === 'optional' && /mutual|undirected/i.test(direction === undefined ? '' : (cells[direction] ?? '')))
      t.fields.mutual = true;
  }
  // A connection to a name of the elements sheet takes that element's kind, not the default.
  for (const a of read.actors) if (!kinds.has(a.ref)) out.actors.push(a);
  out.ties.push(...read.ties);
  out.errors.push(...read.errors);
  out.skipped += read.skipped;
  out.totalRows += read.totalRows;
  out.labels = read.labels;
}
