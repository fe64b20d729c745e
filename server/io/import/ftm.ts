import { Unusable } from '../../domain/errors.js';
import type { ActorKind, Sector } from '../../domain/actor.js';
import type { RelationshipType } from '../../domain/relationship.js';
import { collect, emptyIncoming, type Incoming, type RecordSink } from './incoming.js';
import type { IncomingRest } from './plan.js';
import { dateCell } from './mapping.js';

type Props = Record<string, unknown[]>;
interface Entity {
  id: string;
  schema: string;
  properties: Props;
}

/** FollowTheMoney's legal entities as our actors. */
const ACTORS: Record<string, { kind: ActorKind; sector?: Sector }> = {
  Person: { kind: 'person' },
  Organization: { kind: 'organization' },
  Company: { kind: 'organization', sector: 'corporate' },
  PublicBody: { kind: 'organization', sector: 'government' },
  LegalEntity: { kind: 'organization' },
};

/**
 * FtM's interval schemata as our relationships: which properties hold the two ends, our type,
 * and the properties that carry over.
 */
const LINKS: Record<string, { from: string; to: string; type: RelationshipType; fields?: (p: Props) => Record<string, unknown> }> = {
  Ownership: { from: 'owner', to: 'asset', type: 'OWNERSHIP', fields: (p) => ({ percent: num(p.percentage), shares: num(p.sharesCount) }) },
  Directorship: { from: 'director', to: 'organization', type: 'POSITION', fields: (p) => ({ title: str(p.role), board: true }) },
  Employment: { from: 'employee', to: 'employer', type: 'POSITION', fields: (p) => ({ title: str(p.role) }) },
  Membership: { from: 'member', to: 'organization', type: 'MEMBERSHIP', fields: (p) => ({ role: str(p.role) }) },
  Family: { from: 'person', to: 'relative', type: 'FAMILY', fields: (p) => ({ relation: str(p.relationship) }) },
  Associate: { from: 'person', to: 'associate', type: 'SOCIAL', fields: (p) => ({ relation: str(p.relationship) }) },
  Payment: { from: 'payer', to: 'beneficiary', type: 'DONATION', fields: payment },
  Representation: { from: 'agent', to: 'client', type: 'GENERIC', fields: (p) => ({ label: str(p.role) ?? 'represents' }) },
  UnknownLink: { from: 'subject', to: 'object', type: 'GENERIC', fields: (p) => ({ label: str(p.role) }) },
};

const str = (v: unknown[] | undefined) => (typeof v?.[0] === 'string' && v[0].trim() ? v[0].trim().slice(0, 200) : null);
const strs = (v: unknown[] | undefined) => (v ?? []).filter((x): x is string => typeof x === 'string' && x.trim() !== '');
const num = (v: unknown[] | undefined) => {
  const n = Number(v?.[0]);
  return v?.length && Number.isFinite(n) && n >= 0 ? n : null;
};

/**
 * A payment is a donation unless it names a contract or a purpose that reads as trade
 * (FtM has one schema for both; party-finance and grant data are the common case).
 */
function payment(p: Props): Record<string, unknown> {
  const [amount, currency] =
    num(p.amount) !== null
      ? [num(p.amount), str(p.currency)?.toUpperCase() ?? null]
      : num(p.amountEur) !== null
        ? [num(p.amountEur), 'EUR']
        : num(p.amountUsd) !== null
          ? [num(p.amountUsd), 'USD']
          : [null, null];
  const trade = strs(p.contract).length > 0 || /contract|invoice|service|goods|purchase|procure/i.test(strs(p.purpose).join(' '));
  const date = dateCell(str(p.date) ?? str(p.startDate) ?? '');
  const when = date === 'bad' ? null : date;
  return trade
    ? { _type: 'TRANSACTION', amount, currency, goods: str(p.purpose), contract: null, ...(when ? { startDate: when } : {}) }
    : { amount, currency, date: when, filing: null };
}

/**
 * Reads an FtM entity stream (one JSON object a line, as Aleph and OpenSanctions exchange
 * it), a line at a time: each entity goes to `sink` as it is read, so a stream of any length
 * is never held whole. Entities of other schemata (Address, Sanction…) are counted as
 * skipped; FtM ids become the `ftm` external id, so that a second import of the same stream
 * matches. A link may come before the entities it joins (the plan waits for them).
 */
export function ftmReader(sink: RecordSink) {
  const rest: IncomingRest = { errors: [], skipped: 0, totalRows: 0, labels: [], warnings: [], restates: [] };
  let entities = 0;
  const seenSources = new Set<string>();
  const sourceUrls = (p: Props) => {
    const urls = strs(p.sourceUrl);
    for (const url of urls)
      if (!seenSources.has(url)) {
        seenSources.add(url);
        sink.source({ url, publisher: str(p.publisher) });
      }
    return urls;
  };

  const line = (text: string, row: number) => {
    if (!text.trim()) return;
    rest.totalRows++;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      rest.errors.push({ row, message: 'is not a JSON object' });
      return;
    }
    const e = value as Partial<Entity>;
    if (
      !e ||
      typeof e !== 'object' ||
      typeof e.id !== 'string' ||
      typeof e.schema !== 'string' ||
      typeof e.properties !== 'object' ||
      e.properties === null
    ) {
      rest.errors.push({ row, message: 'is not an FtM entity (it needs id, schema and properties)' });
      return;
    }
    entities++;
    const entity = e as Entity;
    const p = entity.properties;
    const spec = ACTORS[entity.schema];
    if (spec) {
      const names = strs(p.name);
      if (!names.length) {
        rest.errors.push({ row, column: 'name', message: `${entity.schema} ${entity.id} has no name` });
        return;
      }
      sink.actor({
        ref: `ext:ftm:${entity.id}`,
        row,
        name: names[0]!.slice(0, 200),
        kind: spec.kind,
        externalIds: { ftm: entity.id.slice(0, 200) },
        aliases: [...new Set([...names.slice(1), ...strs(p.alias), ...strs(p.weakAlias)])].slice(0, 50).map((a) => a.slice(0, 200)),
        description: [...strs(p.description), ...strs(p.summary), ...strs(p.notes)].join('\n\n').slice(0, 20_000),
        links: [...new Set([...strs(p.website), ...sourceUrls(p)])].filter((u) => /^https?:\/\//.test(u)).slice(0, 50),
        ...(spec.sector ? { sector: spec.sector } : {}),
      });
      return;
    }
    const link = LINKS[entity.schema];
    if (!link) {
      rest.skipped++;
      return;
    }
    const from = str(p[link.from]);
    const to = str(p[link.to]);
    if (!from || !to) {
      rest.errors.push({
        row,
        column: !from ? link.from : link.to,
        message: `${entity.schema} ${entity.id} has no ${!from ? link.from : link.to}`,
      });
      return;
    }
    const { _type, ...fields } = { ...(link.fields?.(p) ?? {}) } as Record<string, unknown> & { _type?: RelationshipType };
    for (const [key, prop] of [
      ['startDate', 'startDate'],
      ['endDate', 'endDate'],
    ] as const) {
      const d = dateCell(str(p[prop]) ?? '');
      if (d && d !== 'bad' && !fields[key]) fields[key] = d;
    }
    const description = [...strs(p.summary), ...strs(p.description), ...strs(p.purpose)].join('\n\n');
    if (description) fields.description = description.slice(0, 20_000);
    for (const [k, v] of Object.entries(fields)) if (v === null) delete fields[k];
    sink.tie({ row, from: `ext:ftm:${from}`, to: `ext:ftm:${to}`, type: _type ?? link.type, fields, sourceUrls: sourceUrls(p) });
  };

  const finish = (): IncomingRest => {
    if (!entities && rest.errors.length) {
      throw new Unusable(
        'This is not a FollowTheMoney entity stream (one JSON object a line, each with id, schema and properties). Nothing was imported.',
        { rowErrors: rest.errors.slice(0, 20) },
      );
    }
    return rest;
  };
  return { line, finish };
}

/** An FtM entity stream held as text, read whole. */
export function ftmToIncoming(text: string): Incoming {
  const out = emptyIncoming();
  const reader = ftmReader(collect(out));
  text.split(/\r?\n/).forEach((l, i) => reader.line(l, i + 1));
  return { ...out, ...reader.finish() };
}
