import { Unusable } from '../../domain/errors.js';
import type { ImportWarning } from '../../domain/import-job.js';
import type { RelationshipType } from '../../domain/relationship.js';
import { emptyIncoming, type Incoming, type IncomingActor, type IncomingTie } from './incoming.js';
import { dateCell } from './mapping.js';

/** A BODS 0.4 statement: what one publisher said of one record on one date. */
interface Statement {
  statementId?: string;
  statementDate?: string;
  recordId?: string;
  recordType?: string;
  recordStatus?: string;
  recordDetails?: Record<string, unknown>;
  source?: { url?: unknown; description?: unknown; assertedBy?: { name?: unknown }[] };
  publicationDetails?: { publisher?: { name?: unknown; url?: unknown } };
}

interface Share {
  exact?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

interface Interest {
  type?: string;
  directOrIndirect?: string;
  beneficialOwnershipOrControl?: boolean;
  share?: Share;
  startDate?: string;
  endDate?: string;
  details?: string;
}

/** Interests that are a share of the company, and what they are a share of. */
const STAKES: Record<string, 'equity' | 'voting'> = { shareholding: 'equity', votingRights: 'voting' };
/** Interests that are a seat a person holds. */
const SEATS: Record<string, { title: string; board: boolean; executive: boolean }> = {
  boardMember: { title: 'Board member', board: true, executive: false },
  boardChair: { title: 'Board chair', board: true, executive: false },
  seniorManagingOfficial: { title: 'Senior managing official', board: false, executive: true },
  trustee: { title: 'Trustee', board: false, executive: false },
  protector: { title: 'Protector', board: false, executive: false },
  nominee: { title: 'Nominee', board: false, executive: false },
};

/** "appointmentOfBoard" → "appointment of board". */
const words = (camel: string) => camel.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

const text = (v: unknown, max = 200) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null);
const pct = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100 ? v : null);
const date = (v: unknown) => {
  const d = typeof v === 'string' ? dateCell(v) : null;
  return d === 'bad' ? null : d;
};
/** BODS identifier schemes as our external-id keys: "GB-COH" → "gb_coh". */
const schemeKey = (scheme: string) =>
  scheme
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(?=\d)/, 'id_')
    .slice(0, 40);

function parseStatements(json: string): { statement: Statement; row: number }[] {
  const trimmed = json.trim();
  const out: { statement: Statement; row: number }[] = [];
  if (trimmed.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      throw new Unusable(`This is not JSON (${(error as Error).message}). Nothing was imported.`);
    }
    (value as unknown[]).forEach((s, i) => out.push({ statement: s as Statement, row: i + 1 }));
    return out;
  }
  // JSON lines: one statement a line (BODS's other serialisation).
  const errors: { row: number; message: string }[] = [];
  json.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push({ statement: JSON.parse(line) as Statement, row: i + 1 });
    } catch {
      errors.push({ row: i + 1, message: 'is not a JSON object' });
    }
  });
  if (errors.length)
    throw new Unusable(
      `Line ${errors[0]!.row} is not JSON: BODS statements come as a JSON array or one JSON object a line. Nothing was imported.`,
      {
        rowErrors: errors.slice(0, 20),
      },
    );
  return out;
}

function personName(details: Record<string, unknown>): string | null {
  const names = Array.isArray(details.names) ? (details.names as Record<string, unknown>[]) : [];
  const pick = names.find((n) => n.type === 'legal') ?? names.find((n) => n.type === 'individual') ?? names[0];
  if (!pick) return null;
  return text(pick.fullName) ?? text([pick.givenName, pick.familyName].filter((p) => typeof p === 'string').join(' '));
}

function shareFields(share: Share | undefined): {
  percent: number | null;
  percentMin: number | null;
  percentMax: number | null;
  words: string | null;
} {
  if (!share || typeof share !== 'object') return { percent: null, percentMin: null, percentMax: null, words: null };
  const exact = pct(share.exact);
  if (exact !== null) return { percent: exact, percentMin: null, percentMax: null, words: `${exact} %` };
  const min = pct(share.minimum) ?? pct(share.exclusiveMinimum);
  const max = pct(share.maximum) ?? pct(share.exclusiveMaximum);
  const low = pct(share.minimum) !== null ? `at least ${min} %` : min !== null ? `more than ${min} %` : null;
  const high = pct(share.maximum) !== null ? `at most ${max} %` : max !== null ? `less than ${max} %` : null;
  return { percent: null, percentMin: min, percentMax: max, words: [low, high].filter(Boolean).join(' and ') || null };
}

/** Only the latest statement of a record counts: BODS publishes a record's updates as new statements. */
function latest(rows: { statement: Statement; row: number }[]) {
  const byRecord = new Map<string, { statement: Statement; row: number }>();
  for (const r of rows) {
    const id = r.statement.recordId!;
    const had = byRecord.get(id);
    if (!had || (r.statement.statementDate ?? '') >= (had.statement.statementDate ?? '')) byRecord.set(id, r);
  }
  return byRecord;
}

/**
 * BODS 0.4 statements (a JSON array or JSON lines) as actors and ties. Entities and persons
 * become actors whose record id is the external id `bods` (with their identifiers, such as
 * `gb_coh` for GB-COH); each interest of a relationship becomes a tie: shareholding and
 * votingRights are OWNERSHIP (equity or voting basis, an exact share or its range), board
 * seats and offices a person holds are POSITION, every other interest INFLUENCE. An interest
 * declared indirect is kept as the source states it (declared indirect) and is never
 * propagated: the import lists it as declared, not computed.
 */
export function bodsToIncoming(json: string): Incoming {
  const parsed = parseStatements(json);
  const out = emptyIncoming();
  out.totalRows = parsed.length;
  const usable: { statement: Statement; row: number }[] = [];
  for (const p of parsed) {
    const s = p.statement;
    if (!s || typeof s !== 'object' || Array.isArray(s)) {
      out.errors.push({ row: p.row, message: 'is not a BODS statement (a JSON object)' });
      continue;
    }
    if (!s.recordType && 'statementType' in s) {
      out.errors.push({
        row: p.row,
        message: 'is a BODS 0.2 or 0.3 statement (statementType); this import reads BODS 0.4 (recordType, recordDetails)',
      });
      continue;
    }
    if (
      !['entity', 'person', 'relationship'].includes(s.recordType ?? '') ||
      typeof s.recordId !== 'string' ||
      !s.recordDetails ||
      typeof s.recordDetails !== 'object'
    ) {
      out.errors.push({
        row: p.row,
        message: 'is not a BODS 0.4 statement: it needs recordId, recordType (entity, person or relationship) and recordDetails',
      });
      continue;
    }
    usable.push(p);
  }
  if (!usable.length && out.errors.length)
    throw new Unusable('This file holds no BODS 0.4 statement. Nothing was imported.', {
      rowErrors: out.errors.slice(0, 20),
    });

  const records = latest(usable);
  const kinds = new Map<string, 'person' | 'organization'>();
  const names = new Map<string, string>();
  const warnings: ImportWarning[] = [];
  for (const { statement: s, row } of records.values()) {
    if (s.recordType === 'relationship') continue;
    const d = s.recordDetails!;
    const isPerson = s.recordType === 'person';
    const entityType = text((d.entityType as Record<string, unknown> | undefined)?.type) ?? null;
    const name = isPerson ? personName(d) : text(d.name);
    const anonymous = isPerson ? (text(d.personType) ?? 'knownPerson') !== 'knownPerson' : /anonymous|unknown/i.test(entityType ?? '');
    const shown = name ?? (anonymous ? `${isPerson ? 'Unknown person' : 'Unknown entity'} (${s.recordId!.slice(0, 40)})` : null);
    if (!shown) {
      out.errors.push({ row, column: isPerson ? 'names' : 'name', message: `${s.recordType} ${s.recordId} has no name` });
      continue;
    }
    const externalIds: Record<string, string> = { bods: s.recordId!.slice(0, 200) };
    for (const i of Array.isArray(d.identifiers) ? (d.identifiers as Record<string, unknown>[]) : []) {
      const scheme = text(i.scheme);
      const id = text(i.id);
      if (scheme && id && schemeKey(scheme) && schemeKey(scheme) !== 'bods') externalIds[schemeKey(scheme)] = id;
    }
    const actor: IncomingActor = {
      ref: `ext:bods:${s.recordId}`,
      row,
      name: shown,
      kind: isPerson ? 'person' : 'organization',
      externalIds,
      description: [text(d.description, 20_000), entityType && `BODS entity type: ${words(entityType)}.`].filter(Boolean).join('\n\n'),
      ...(entityType === 'state' || entityType === 'stateBody' ? { sector: 'government' as const } : {}),
    };
    out.actors.push(actor);
    kinds.set(s.recordId!, actor.kind);
    names.set(s.recordId!, shown);
  }

  const urls = new Map<string, string | null>();
  const stakes: { from: string; to: string; min: number; max: number; exactly: boolean }[] = [];
  const declared: { from: string; to: string; row: number; words: string; min: number | null; max: number | null }[] = [];
  for (const { statement: s, row } of records.values()) {
    if (s.recordType !== 'relationship') continue;
    const d = s.recordDetails!;
    const subject = text(d.subject);
    const party = d.interestedParty;
    if (typeof party !== 'string') {
      out.skipped++;
      warnings.push({
        row,
        message: `relationship ${s.recordId}: its interested party is not stated (${text((party as Record<string, unknown> | undefined)?.reason) ?? 'no reason given'}); left out`,
      });
      continue;
    }
    if (!subject || !kinds.has(subject) || !kinds.has(party)) {
      out.errors.push({
        row,
        column: !subject || !kinds.has(subject) ? 'subject' : 'interestedParty',
        message: `relationship ${s.recordId} names a record that is not in the file`,
      });
      continue;
    }
    const url = text(s.source?.url, 2000);
    const sourceUrls = url && /^https?:\/\//.test(url) ? [url] : [];
    for (const u of sourceUrls) if (!urls.has(u)) urls.set(u, text(s.publicationDetails?.publisher?.name));
    const closed = s.recordStatus === 'closed';
    const statementDate = date(s.statementDate);
    const asserted = (s.source?.assertedBy ?? []).map((a) => text(a.name)).filter(Boolean);
    const interests = Array.isArray(d.interests) ? (d.interests as Interest[]) : [];
    if (!interests.length) interests.push({});
    for (const interest of interests) {
      const kind = text(interest.type) ?? 'unknownInterest';
      const share = shareFields(interest.share);
      const indirect = interest.directOrIndirect === 'indirect';
      const common: Record<string, unknown> = {
        startDate: date(interest.startDate),
        endDate: date(interest.endDate) ?? (closed ? statementDate : null),
        current: closed ? false : null,
        description: [
          `BODS ${words(kind)}${share.words ? ` of ${share.words}` : ''}, ${interest.directOrIndirect ?? 'unknown'} (relationship ${s.recordId}, statement ${s.statementId ?? 'without id'}${statementDate ? ` of ${statementDate}` : ''}).`,
          interest.beneficialOwnershipOrControl ? 'Beneficial ownership or control.' : null,
          text(interest.details, 2000),
          asserted.length ? `Asserted by ${asserted.join(', ')}.` : null,
        ]
          .filter(Boolean)
          .join(' '),
      };
      let type: RelationshipType;
      let fields: Record<string, unknown>;
      const seat = SEATS[kind];
      if (STAKES[kind]) {
        type = 'OWNERSHIP';
        fields = {
          percent: share.percent,
          percentMin: share.percentMin,
          percentMax: share.percentMax,
          basis: STAKES[kind],
          declared: indirect ? 'indirect' : 'direct',
          asOf: statementDate,
        };
        if (indirect)
          declared.push({
            from: party,
            to: subject,
            row,
            words: share.words ?? 'an undisclosed share',
            min: share.percent ?? share.percentMin,
            max: share.percent ?? share.percentMax,
          });
        else if (STAKES[kind] === 'equity' && !closed && (share.percent !== null || share.percentMin !== null))
          stakes.push({
            from: party,
            to: subject,
            min: share.percent ?? share.percentMin!,
            max: share.percent ?? share.percentMax ?? 100,
            exactly: share.percent !== null,
          });
      } else if (seat && kinds.get(party) === 'person') {
        type = 'POSITION';
        fields = { title: seat.title, board: seat.board, executive: seat.executive };
      } else {
        type = 'INFLUENCE';
        fields = { how: `${words(kind)}${share.words ? ` (${share.words})` : ''}${indirect ? ', indirect' : ''}`.slice(0, 200) };
      }
      const tie: IncomingTie = {
        row,
        from: `ext:bods:${party}`,
        to: `ext:bods:${subject}`,
        type,
        fields: { ...common, ...fields },
        sourceUrls,
      };
      for (const [k, v] of Object.entries(tie.fields)) if (v === null || v === '') delete tie.fields[k];
      out.ties.push(tie);
    }
  }

  // A declared indirect share is a fact of the source; the direct stakes of the file say
  // whether it can be derived (and whether it agrees), never the other way round.
  for (const dcl of declared) {
    const derived = chainShare(stakes, dcl.from, dcl.to);
    const who = `${names.get(dcl.from)} holds ${dcl.words} of ${names.get(dcl.to)} indirectly`;
    if (!derived)
      warnings.push({
        row: dcl.row,
        message: `${who}: declared, not computed — the direct stakes in the file do not give it, so it is kept as declared and never propagated.`,
      });
    else {
      const agrees = dcl.min !== null && dcl.max !== null && derived.min <= dcl.max + 1e-9 && derived.max >= dcl.min - 1e-9;
      warnings.push({
        row: dcl.row,
        message: `${who}: declared; the direct stakes in the file give ${fmtRange(derived.min, derived.max)}${agrees ? ', which agrees' : ', which does not agree'}. It is kept as declared and never propagated.`,
      });
    }
  }
  const totals = new Map<string, number>();
  for (const st of stakes) totals.set(st.to, (totals.get(st.to) ?? 0) + st.min);
  for (const [company, total] of totals)
    if (total > 100 + 1e-9)
      warnings.push({
        message: `The current direct shareholdings in ${names.get(company)} add up to at least ${Math.round(total * 100) / 100} %, more than 100 %.`,
      });

  out.sources = [...urls].map(([url, publisher]) => ({ url, publisher }));
  out.warnings = warnings.slice(0, 500);
  return out;
}

const fmtRange = (min: number, max: number) => {
  const r = (n: number) => Math.round(n * 100) / 100;
  return Math.abs(max - min) < 1e-9 ? `${r(min)} %` : `${r(min)}–${r(max)} %`;
};

/**
 * The share of `to` that `from` holds through the file's current direct equity stakes: the
 * sum over chains of the products, as a range; null when no chain has a known share at every
 * step (the holder's direct stake in `to` aside). Files are small; chains longer than eight steps or through a cycle are not followed.
 */
function chainShare(
  stakes: { from: string; to: string; min: number; max: number }[],
  from: string,
  to: string,
): { min: number; max: number } | null {
  const out = new Map<string, typeof stakes>();
  for (const s of stakes) out.set(s.from, [...(out.get(s.from) ?? []), s]);
  let found = false;
  const walk = (at: string, seen: Set<string>, depth: number): { min: number; max: number } => {
    if (at === to) {
      found = true;
      return { min: 100, max: 100 };
    }
    let min = 0;
    let max = 0;
    if (depth > 8) return { min, max };
    for (const s of out.get(at) ?? []) {
      // The holder's own direct stake is not a route to an indirect one.
      if (seen.has(s.to) || (depth === 0 && s.to === to)) continue;
      const rest = walk(s.to, new Set([...seen, s.to]), depth + 1);
      min += (s.min / 100) * rest.min;
      max += (s.max / 100) * rest.max;
    }
    return { min, max: Math.min(max, 100) };
  };
  const r = walk(from, new Set([from]), 0);
  return found ? r : null;
}
