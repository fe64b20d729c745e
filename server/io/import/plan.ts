import { randomUUID } from 'node:crypto';
import type { Actor, ActorCreate, ActorKind } from '../../domain/actor.js';
import type { FuzzyCandidate, ImportCounts, ImportRowError } from '../../domain/import-job.js';
import { relationshipRules, type Relationship, type RelationshipCreate } from '../../domain/relationship.js';
import { normalizeUrl, sourceData, sourceDefaults, type Source } from '../../domain/source.js';
import { Problem } from '../../http/problem.js';
import { prepareActors, prepareRelationships } from '../../services/bulk.js';
import type { Incoming } from './incoming.js';
import { FUZZY_THRESHOLD, nameKey, similarity } from './names.js';

/** What the plan needs to know of the workspace, read in the import's transaction. */
export interface Snapshot {
  actors: { id: string; version: number; name: string; kind: ActorKind; externalIdsJson: string | null }[];
  ties: ({ id: string; version: number } & TieKeyFields)[];
  sources: { id: string; url: string }[];
}

/** What makes a tie the same as one already there. */
export interface TieKeyFields {
  from: string;
  to: string;
  type: string;
  mutual: boolean;
  startDate: string | null;
  endDate: string | null;
  date: string | null;
  /** OWNERSHIP only: a holder's stakes in one company differ by date, basis and figures (13F rows, BODS interests). */
  asOf?: string | null;
  basis?: string | null;
  declared?: string | null;
  shares?: number | null;
  value?: number | null;
  percent?: number | null;
  percentMin?: number | null;
  percentMax?: number | null;
}

/** Records as JSON text in batches: text crosses between threads as one copy (see kumu-import.ts). */
export interface ImportPlan {
  actorBatches: string[];
  relationshipBatches: string[];
  sources: Source[];
  counts: ImportCounts;
  errors: ImportRowError[];
  errorCount: number;
  fuzzy: FuzzyCandidate[];
  labels: Incoming['labels'];
  warnings: Incoming['warnings'];
  /**
   * Existing actors the user confirmed as the same as an incoming one, with the external ids
   * they gain from it (their own kept), so that the next import of the file matches them.
   */
  link: { id: string; version: number; externalIds: Record<string, string> }[];
  /** Existing ties a restating file replaces, removed in the import's transaction. */
  remove: { id: string; version: number }[];
  totalRows: number;
}

export const PLAN_BATCH = 2_000;
export const MAX_REPORTED_ERRORS = 500;
const MAX_FUZZY = 200;
/** Comparisons the fuzzy search may make (new names × existing names) before it stops. */
const FUZZY_BUDGET = 3_000_000;

function batches<T>(items: T[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i += PLAN_BATCH) out.push(JSON.stringify(items.slice(i, i + PLAN_BATCH)));
  return out;
}

const extKey = (key: string, value: string) => `${key}\u0000${value}`;
const dateOf = (value: unknown) => (typeof value === 'string' ? value : null);

/** A tie is the one already there when ends, type and dates agree (either way round if mutual). */
export function tieKey(t: TieKeyFields) {
  const [a, b] = t.mutual && t.to < t.from ? [t.to, t.from] : [t.from, t.to];
  const key = [a, b, t.type, t.startDate ?? '', t.endDate ?? '', t.date ?? ''];
  if (t.type === 'OWNERSHIP') {
    const n = (v: number | null | undefined) => (typeof v === 'number' ? String(v) : '');
    key.push(
      t.asOf ?? '',
      t.basis ?? 'equity',
      t.declared ?? 'direct',
      n(t.shares),
      n(t.value),
      n(t.percent),
      n(t.percentMin),
      n(t.percentMax),
    );
  }
  return key.join('\u0000');
}

function rowErrors(error: unknown, row: number): ImportRowError[] {
  if (!(error instanceof Problem)) throw error;
  const fields = error.extra.errors ?? [];
  if (!fields.length) return [{ row, message: error.message }];
  return fields.map((f) => {
    const column = f.path.replace(/^\.+/, '');
    return { row, ...(column ? { column } : {}), message: f.message };
  });
}

/**
 * Matches what a file holds against the workspace and checks every record as a create
 * would: which actors and ties are new, which are there already, which sources to add, and
 * every failing row. Pure, so it runs on a worker thread.
 */
export function planImport(incoming: Incoming, snapshot: Snapshot, now: string, matches: Record<string, string> = {}): ImportPlan {
  const errors: ImportRowError[] = [...incoming.errors];
  const byExt = new Map<string, { id: string; kind: ActorKind }>();
  const byName = new Map<string, { id: string; kind: ActorKind }>();
  const existingNames: { id: string; name: string; key: string }[] = [];
  const byId = new Map<string, { id: string; kind: ActorKind }>();
  const idsOf = new Map<string, Record<string, string>>();
  const versionOf = new Map<string, number>();
  for (const a of snapshot.actors) {
    const ref = { id: a.id, kind: a.kind };
    byId.set(a.id, ref);
    const key = nameKey(a.name);
    if (!byName.has(key)) byName.set(key, ref);
    existingNames.push({ id: a.id, name: a.name, key });
    const ids = a.externalIdsJson ? (JSON.parse(a.externalIdsJson) as Record<string, string>) : {};
    idsOf.set(a.id, ids);
    versionOf.set(a.id, a.version);
    for (const [k, v] of Object.entries(ids)) byExt.set(extKey(k, v), ref);
  }

  // Actors: by external id, then by name key; within the file, a ref seen once is one actor.
  const resolved = new Map<string, { id: string; kind: ActorKind }>();
  const created: { input: ActorCreate; row: number; key: string }[] = [];
  const createdByName = new Map<string, { id: string; kind: ActorKind }>();
  let actorsMatched = 0;
  const link: ImportPlan['link'] = [];
  for (const a of incoming.actors) {
    if (resolved.has(a.ref)) continue;
    const key = nameKey(a.name);
    // A name the user confirmed as the same as an existing actor (from the preview's candidates).
    const confirmed = Object.hasOwn(matches, a.name) ? byId.get(matches[a.name]!) : undefined;
    const found =
      confirmed ??
      Object.entries(a.externalIds)
        .map(([k, v]) => byExt.get(extKey(k, v)))
        .find(Boolean) ??
      byName.get(key);
    if (found) {
      resolved.set(a.ref, found);
      actorsMatched++;
      if (found === confirmed) {
        const own = idsOf.get(found.id) ?? {};
        const gained = Object.entries(a.externalIds).filter(([k]) => !(k in own));
        if (gained.length) {
          const merged = { ...own, ...Object.fromEntries(gained) };
          idsOf.set(found.id, merged);
          for (const [k, v] of gained) byExt.set(extKey(k, v), found);
          const earlier = link.find((l) => l.id === found.id);
          if (earlier) earlier.externalIds = merged;
          else link.push({ id: found.id, version: versionOf.get(found.id) ?? 1, externalIds: merged });
        }
      }
      continue;
    }
    const twin = createdByName.get(key);
    if (twin && !Object.keys(a.externalIds).length) {
      resolved.set(a.ref, twin);
      continue;
    }
    const id = randomUUID();
    const ref = { id, kind: a.kind };
    resolved.set(a.ref, ref);
    if (!twin) createdByName.set(key, ref);
    const { ref: _r, row: _row, ...fields } = a;
    created.push({ input: { id, ...fields } as ActorCreate, row: a.row, key });
  }

  // Sources: one per normalised URL, the workspace's own where it has it.
  const sourceIds = new Map<string, string>();
  for (const s of snapshot.sources) {
    try {
      sourceIds.set(normalizeUrl(s.url), s.id);
    } catch {
      // A stored URL that no longer parses cannot be cited by a file either.
    }
  }
  const details = new Map(incoming.sources.map((s) => [s.url, s]));
  const newSources: Source[] = [];
  const sourceFor = (url: string): { id: string } | { error: string } => {
    let key: string;
    try {
      key = normalizeUrl(url);
    } catch {
      return { error: `"${url.slice(0, 100)}" is not a URL` };
    }
    const known = sourceIds.get(key);
    if (known) return { id: known };
    const info = details.get(url);
    const data = sourceData.safeParse({ ...sourceDefaults, url, title: info?.title ?? null, publisher: info?.publisher ?? null });
    if (!data.success) return { error: `"${url.slice(0, 100)}" is not an http(s) URL` };
    const id = randomUUID();
    newSources.push({ id, ...data.data, version: 1, createdAt: now, updatedAt: now });
    sourceIds.set(key, id);
    return { id };
  };

  // New actors, citing the sources their row names (a URL the workspace has is its source).
  const actors: Actor[] = [];
  for (const c of created) {
    const { sourceUrls = [], ...input } = c.input as ActorCreate & { sourceUrls?: string[] };
    const ids: string[] = [];
    let bad = false;
    for (const url of sourceUrls) {
      const found = sourceFor(url);
      if ('error' in found) {
        errors.push({ row: c.row, column: 'Sources', message: found.error });
        bad = true;
      } else if (!ids.includes(found.id)) ids.push(found.id);
    }
    if (bad) continue;
    try {
      actors.push(...prepareActors([{ input: ids.length ? { ...input, sourceIds: ids } : input, prefix: '' }], now));
    } catch (error) {
      errors.push(...rowErrors(error, c.row));
    }
  }

  // Ties: the same ends, type and dates as one already there (or earlier in the file) is a match.
  const seen = new Set(snapshot.ties.map(tieKey));
  const inFile = new Set<string>();
  const kinds = new Map<string, ActorKind>();
  for (const ref of [...byName.values(), ...byExt.values(), ...resolved.values()]) kinds.set(ref.id, ref.kind);
  const allSources = new Set(sourceIds.values());
  const relationships: Relationship[] = [];
  let relationshipsMatched = 0;
  // A tie may name an actor by an external id the workspace has, though the file has it not.
  const resolve = (ref: string) => {
    const hit = resolved.get(ref);
    if (hit || !ref.startsWith('ext:')) return hit;
    const [, key = '', ...value] = ref.split(':');
    return byExt.get(extKey(key, value.join(':')));
  };
  for (const t of incoming.ties) {
    const from = resolve(t.from);
    const to = resolve(t.to);
    if (!from || !to) {
      errors.push({
        row: t.row,
        column: !from ? 'from' : 'to',
        message: `names an actor that is neither in the file nor in the workspace (${(!from ? t.from : t.to).replace(/^(ext|name):/, '')})`,
      });
      continue;
    }
    const ids: string[] = [];
    let bad = false;
    for (const url of t.sourceUrls) {
      const found = sourceFor(url);
      if ('error' in found) {
        errors.push({ row: t.row, column: 'sourceUrl', message: found.error });
        bad = true;
      } else ids.push(found.id);
    }
    if (bad) continue;
    for (const id of ids) allSources.add(id);
    const mutual = typeof t.fields.mutual === 'boolean' ? t.fields.mutual : relationshipRules[t.type].mutual === 'always';
    const f = t.fields as Partial<Record<keyof TieKeyFields, unknown>>;
    const numOf = (v: unknown) => (typeof v === 'number' ? v : null);
    const key = tieKey({
      from: from.id,
      to: to.id,
      type: t.type,
      mutual,
      startDate: dateOf(f.startDate),
      endDate: dateOf(f.endDate),
      date: dateOf(f.date),
      asOf: dateOf(f.asOf),
      basis: dateOf(f.basis),
      declared: dateOf(f.declared),
      shares: numOf(f.shares),
      value: numOf(f.value),
      percent: numOf(f.percent),
      percentMin: numOf(f.percentMin),
      percentMax: numOf(f.percentMax),
    });
    inFile.add(key);
    if (seen.has(key)) {
      relationshipsMatched++;
      continue;
    }
    seen.add(key);
    try {
      const input = { ...t.fields, type: t.type, from: from.id, to: to.id, mutual, sourceIds: ids } as RelationshipCreate;
      relationships.push(...prepareRelationships([{ input, prefix: '' }], { kinds, sources: allSources }, now));
    } catch (error) {
      errors.push(...rowErrors(error, t.row));
    }
  }

  // A restatement replaces what was recorded for its owner and date with what it holds.
  const warnings = [...incoming.warnings];
  const remove: { id: string; version: number }[] = [];
  for (const r of incoming.restates) {
    const owner = resolve(r.from);
    if (!owner) continue;
    // Only holdings a filing could have stated: a direct equity stake counted in shares. An
    // LP commitment or a declared shortcut of the same owner and date is not the filing's.
    const gone = snapshot.ties.filter(
      (t) =>
        t.type === 'OWNERSHIP' &&
        t.from === owner.id &&
        t.asOf === r.asOf &&
        (t.basis ?? 'equity') === 'equity' &&
        (t.declared ?? 'direct') === 'direct' &&
        typeof t.shares === 'number' &&
        !inFile.has(tieKey(t)),
    );
    remove.push(...gone.map((t) => ({ id: t.id, version: t.version })));
    warnings.unshift({
      message: `This amendment restates the holdings as of ${r.asOf}: ${gone.length} recorded before and not in it ${gone.length === 1 ? 'is' : 'are'} removed; the rest are kept or added.`,
    });
  }

  errors.sort((a, b) => a.row - b.row);
  const byType = relationships.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  return {
    actorBatches: batches(actors),
    relationshipBatches: batches(byType),
    sources: newSources,
    counts: {
      actorsCreated: actors.length,
      actorsMatched,
      relationshipsCreated: relationships.length,
      relationshipsMatched,
      sourcesCreated: newSources.length,
      skipped: incoming.skipped,
    },
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    errorCount: errors.length,
    fuzzy: fuzzyCandidates(created, existingNames),
    labels: incoming.labels,
    warnings: warnings.slice(0, MAX_REPORTED_ERRORS),
    link,
    remove,
    totalRows: incoming.totalRows,
  };
}

/** New names close to existing ones, for the user to confirm as the same or keep apart. */
function fuzzyCandidates(
  created: { input: ActorCreate; row: number; key: string }[],
  existing: { id: string; name: string; key: string }[],
): FuzzyCandidate[] {
  const out: FuzzyCandidate[] = [];
  if (!existing.length) return out;
  const limit = Math.min(created.length, Math.floor(FUZZY_BUDGET / existing.length));
  for (const c of created.slice(0, limit)) {
    const candidates = existing
      .map((e) => ({ id: e.id, name: e.name, score: Math.round(similarity(c.key, e.key) * 100) / 100 }))
      .filter((e) => e.score >= FUZZY_THRESHOLD)
      .sort((a, b) => b.score - a.score)
      .slice(0, 5);
    if (candidates.length) out.push({ row: c.row, name: c.input.name, candidates });
    if (out.length >= MAX_FUZZY) break;
  }
  return out;
}
