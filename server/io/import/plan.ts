import { DomainError } from '../../domain/errors.js';
import { randomUUID } from 'node:crypto';
import type { Actor, ActorCreate, ActorKind } from '../../domain/actor.js';
import type { FuzzyCandidate, ImportCounts, ImportRowError } from '../../domain/import-job.js';
import { relationshipRules, type Relationship, type RelationshipCreate } from '../../domain/relationship.js';
import { normalizeUrl, sourceData, sourceDefaults, type Source } from '../../domain/source.js';
import { prepareActors, prepareRelationships } from '../../services/bulk.js';
import type { Incoming, IncomingActor, IncomingSource, IncomingTie } from './incoming.js';
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

/**
 * Where a plan's records go, as JSON text in batches of PLAN_BATCH (text crosses between
 * threads and files as one copy): the worker spools them to files, so that neither thread
 * holds a whole file's records at once.
 */
export interface PlanSink {
  actors(batch: string): void;
  relationships(batch: string): void;
}

export interface ImportPlan {
  /** Batches handed to the sink, actors first when written. */
  actorBatches: number;
  relationshipBatches: number;
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

/** What a reader knows of the whole file once it has read it all. */
export type IncomingRest = Pick<Incoming, 'errors' | 'skipped' | 'totalRows' | 'labels' | 'warnings' | 'restates'>;

export const PLAN_BATCH = 2_000;
export const MAX_REPORTED_ERRORS = 500;
const MAX_FUZZY = 200;
/** Comparisons the fuzzy search may make (new names × existing names) before it stops. */
const FUZZY_BUDGET = 3_000_000;

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
  if (!(error instanceof DomainError)) throw error;
  const fields = error.extra.errors ?? [];
  if (!fields.length) return [{ row, message: error.message }];
  return fields.map((f) => {
    const column = f.path.replace(/^\.+/, '');
    return { row, ...(column ? { column } : {}), message: f.message };
  });
}

type Ref = { id: string; kind: ActorKind };

/**
 * Matches what a file holds against the workspace and checks every record as a create
 * would: which actors and ties are new, which are there already, which sources to add, and
 * every failing row. Readers hand it records as they read them (`actor`, `tie`, `source`),
 * then `finish` with what they know of the whole file. A tie whose two ends are already
 * resolved is checked and batched at once; one that names an actor not read yet waits for
 * the end. New actors are kept until the end (a later row may add tags to them). Pure but
 * for the sink, so it runs on a worker thread.
 */
export class ImportPlanner {
  private readonly errors: ImportRowError[] = [];
  private readonly byExt = new Map<string, Ref>();
  private readonly byName = new Map<string, Ref>();
  private readonly existingNames: { id: string; name: string; key: string }[] = [];
  private readonly byId = new Map<string, Ref>();
  private readonly idsOf = new Map<string, Record<string, string>>();
  private readonly versionOf = new Map<string, number>();
  private readonly resolved = new Map<string, Ref>();
  private readonly created: { actor: IncomingActor; id: string; key: string }[] = [];
  private readonly createdByName = new Map<string, Ref>();
  private actorsMatched = 0;
  private readonly link: ImportPlan['link'] = [];
  private readonly sourceIds = new Map<string, string>();
  private readonly details = new Map<string, IncomingSource>();
  private readonly newSources = new Map<string, Source>();
  /** Keys of the workspace's ties, and of the file's read so far. */
  private readonly existing: Set<string>;
  private readonly seen = new Set<string>();
  /** The workspace's ties the file holds again (what a restatement keeps). */
  private readonly inFile = new Set<string>();
  private readonly kinds = new Map<string, ActorKind>();
  private readonly allSources: Set<string>;
  private readonly waiting: IncomingTie[] = [];
  private readonly buckets = new Map<string, Relationship[]>();
  private relationshipsCreated = 0;
  private relationshipsMatched = 0;
  private actorBatches = 0;
  private relationshipBatches = 0;

  constructor(
    private readonly snapshot: Snapshot,
    private readonly now: string,
    private readonly matches: Record<string, string>,
    private readonly sink: PlanSink,
  ) {
    for (const a of snapshot.actors) {
      const ref = { id: a.id, kind: a.kind };
      this.byId.set(a.id, ref);
      const key = nameKey(a.name);
      if (!this.byName.has(key)) this.byName.set(key, ref);
      this.existingNames.push({ id: a.id, name: a.name, key });
      const ids = a.externalIdsJson ? (JSON.parse(a.externalIdsJson) as Record<string, string>) : {};
      this.idsOf.set(a.id, ids);
      this.versionOf.set(a.id, a.version);
      for (const [k, v] of Object.entries(ids)) this.byExt.set(extKey(k, v), ref);
    }
    for (const ref of [...this.byName.values(), ...this.byExt.values()]) this.kinds.set(ref.id, ref.kind);
    // Sources: one per normalised URL, the workspace's own where it has it.
    for (const s of snapshot.sources) {
      try {
        this.sourceIds.set(normalizeUrl(s.url), s.id);
      } catch {
        // A stored URL that no longer parses cannot be cited by a file either.
      }
    }
    this.allSources = new Set(this.sourceIds.values());
    // Ties: the same ends, type and dates as one already there (or earlier in the file) is a match.
    this.existing = new Set(snapshot.ties.map(tieKey));
  }

  /** An actor of the file: by external id, then by name key; within the file, a ref seen once is one actor. */
  actor(a: IncomingActor): void {
    if (this.resolved.has(a.ref)) return;
    const key = nameKey(a.name);
    // A name the user confirmed as the same as an existing actor (from the preview's candidates).
    const confirmed = Object.hasOwn(this.matches, a.name) ? this.byId.get(this.matches[a.name]!) : undefined;
    const found =
      confirmed ??
      Object.entries(a.externalIds)
        .map(([k, v]) => this.byExt.get(extKey(k, v)))
        .find(Boolean) ??
      this.byName.get(key);
    if (found) {
      this.resolve(a.ref, found);
      this.actorsMatched++;
      if (found === confirmed) {
        const own = this.idsOf.get(found.id) ?? {};
        const gained = Object.entries(a.externalIds).filter(([k]) => !(k in own));
        if (gained.length) {
          const merged = { ...own, ...Object.fromEntries(gained) };
          this.idsOf.set(found.id, merged);
          for (const [k, v] of gained) this.byExt.set(extKey(k, v), found);
          const earlier = this.link.find((l) => l.id === found.id);
          if (earlier) earlier.externalIds = merged;
          else this.link.push({ id: found.id, version: this.versionOf.get(found.id) ?? 1, externalIds: merged });
        }
      }
      return;
    }
    const twin = this.createdByName.get(key);
    if (twin && !Object.keys(a.externalIds).length) {
      this.resolve(a.ref, twin);
      return;
    }
    const id = randomUUID();
    const ref = { id, kind: a.kind };
    this.resolve(a.ref, ref);
    if (!twin) this.createdByName.set(key, ref);
    this.created.push({ actor: a, id, key });
  }

  /** Details of a cited URL (title, publisher); the first a file gives is kept. */
  source(s: IncomingSource): void {
    if (this.details.has(s.url)) return;
    this.details.set(s.url, s);
    const made = this.newSources.get(s.url);
    if (made && made.title === null && made.publisher === null) {
      const data = sourceData.safeParse({ ...sourceDefaults, url: s.url, title: s.title ?? null, publisher: s.publisher ?? null });
      if (data.success) this.newSources.set(s.url, { ...made, ...data.data });
    }
  }

  tie(t: IncomingTie): void {
    if (this.resolved.has(t.from) && this.resolved.has(t.to)) this.check(t);
    else this.waiting.push(t);
  }

  finish(rest: IncomingRest): ImportPlan {
    for (const t of this.waiting.splice(0)) this.check(t);
    for (const bucket of this.buckets.values()) this.flush(bucket);
    const actors: Actor[] = [];
    const flushActors = () => {
      if (!actors.length) return;
      this.sink.actors(JSON.stringify(actors.splice(0)));
      this.actorBatches++;
    };
    let actorsCreated = 0;
    for (const c of this.created) {
      const { ref: _r, row: _row, sourceUrls = [], ...fields } = c.actor;
      // A new actor cites the sources its row names (a URL the workspace has is its source).
      const ids: string[] = [];
      let bad = false;
      for (const url of sourceUrls) {
        const found = this.sourceFor(url);
        if ('error' in found) {
          this.errors.push({ row: c.actor.row, column: 'Sources', message: found.error });
          bad = true;
        } else if (!ids.includes(found.id)) ids.push(found.id);
      }
      if (bad) continue;
      for (const id of ids) this.allSources.add(id);
      try {
        const input = { id: c.id, ...fields, ...(ids.length ? { sourceIds: ids } : {}) } as ActorCreate;
        actors.push(...prepareActors([{ input, prefix: '' }], this.now));
        actorsCreated++;
      } catch (error) {
        this.errors.push(...rowErrors(error, c.actor.row));
      }
      if (actors.length >= PLAN_BATCH) flushActors();
    }
    flushActors();

    // A restatement replaces what was recorded for its owner and date with what it holds.
    const warnings = [...rest.warnings];
    const remove: { id: string; version: number }[] = [];
    for (const r of rest.restates) {
      const owner = this.lookup(r.from);
      if (!owner) continue;
      // Only holdings a filing could have stated: a direct equity stake counted in shares. An
      // LP commitment or a declared shortcut of the same owner and date is not the filing's.
      const gone = this.snapshot.ties.filter(
        (t) =>
          t.type === 'OWNERSHIP' &&
          t.from === owner.id &&
          t.asOf === r.asOf &&
          (t.basis ?? 'equity') === 'equity' &&
          (t.declared ?? 'direct') === 'direct' &&
          typeof t.shares === 'number' &&
          !this.inFile.has(tieKey(t)),
      );
      remove.push(...gone.map((t) => ({ id: t.id, version: t.version })));
      warnings.unshift({
        message: `This amendment restates the holdings as of ${r.asOf}: ${gone.length} recorded before and not in it ${gone.length === 1 ? 'is' : 'are'} removed; the rest are kept or added.`,
      });
    }

    const errors = [...rest.errors, ...this.errors].sort((a, b) => a.row - b.row);
    const sources = [...this.newSources.values()];
    return {
      actorBatches: this.actorBatches,
      relationshipBatches: this.relationshipBatches,
      sources,
      counts: {
        actorsCreated,
        actorsMatched: this.actorsMatched,
        relationshipsCreated: this.relationshipsCreated,
        relationshipsMatched: this.relationshipsMatched,
        sourcesCreated: sources.length,
        skipped: rest.skipped,
      },
      errors: errors.slice(0, MAX_REPORTED_ERRORS),
      errorCount: errors.length,
      fuzzy: fuzzyCandidates(this.created, this.existingNames),
      labels: rest.labels,
      warnings: warnings.slice(0, MAX_REPORTED_ERRORS),
      link: this.link,
      remove,
      totalRows: rest.totalRows,
    };
  }

  private resolve(ref: string, to: Ref) {
    this.resolved.set(ref, to);
    this.kinds.set(to.id, to.kind);
  }

  /** A tie may name an actor by an external id the workspace has, though the file has it not. */
  private lookup(ref: string) {
    const hit = this.resolved.get(ref);
    if (hit || !ref.startsWith('ext:')) return hit;
    const [, key = '', ...value] = ref.split(':');
    return this.byExt.get(extKey(key, value.join(':')));
  }

  private sourceFor(url: string): { id: string } | { error: string } {
    let key: string;
    try {
      key = normalizeUrl(url);
    } catch {
      return { error: `"${url.slice(0, 100)}" is not a URL` };
    }
    const known = this.sourceIds.get(key);
    if (known) return { id: known };
    const info = this.details.get(url);
    const data = sourceData.safeParse({ ...sourceDefaults, url, title: info?.title ?? null, publisher: info?.publisher ?? null });
    if (!data.success) return { error: `"${url.slice(0, 100)}" is not an http(s) URL` };
    const id = randomUUID();
    this.newSources.set(url, { id, ...data.data, version: 1, createdAt: this.now, updatedAt: this.now });
    this.sourceIds.set(key, id);
    return { id };
  }

  private check(t: IncomingTie) {
    const from = this.lookup(t.from);
    const to = this.lookup(t.to);
    if (!from || !to) {
      this.errors.push({
        row: t.row,
        column: !from ? 'from' : 'to',
        message: `names an actor that is neither in the file nor in the workspace (${(!from ? t.from : t.to).replace(/^(ext|name):/, '')})`,
      });
      return;
    }
    const ids: string[] = [];
    let bad = false;
    for (const url of t.sourceUrls) {
      const found = this.sourceFor(url);
      if ('error' in found) {
        this.errors.push({ row: t.row, column: 'sourceUrl', message: found.error });
        bad = true;
      } else ids.push(found.id);
    }
    if (bad) return;
    for (const id of ids) this.allSources.add(id);
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
    if (this.existing.has(key)) {
      this.inFile.add(key);
      this.relationshipsMatched++;
      return;
    }
    if (this.seen.has(key)) {
      this.relationshipsMatched++;
      return;
    }
    this.seen.add(key);
    try {
      const input = { ...t.fields, type: t.type, from: from.id, to: to.id, mutual, sourceIds: ids } as RelationshipCreate;
      const [rel] = prepareRelationships([{ input, prefix: '' }], { kinds: this.kinds, sources: this.allSources }, this.now);
      this.relationshipsCreated++;
      // One type a batch: the store writes a batch per relationship type.
      const bucket = this.buckets.get(rel!.type) ?? [];
      this.buckets.set(rel!.type, bucket);
      bucket.push(rel!);
      if (bucket.length >= PLAN_BATCH) this.flush(bucket);
    } catch (error) {
      this.errors.push(...rowErrors(error, t.row));
    }
  }

  private flush(bucket: Relationship[]) {
    if (!bucket.length) return;
    this.sink.relationships(JSON.stringify(bucket.splice(0)));
    this.relationshipBatches++;
  }
}

/** Plans a file read whole (the formats that are one document: LittleSis, BODS, 13F, XLSX). */
export function planImport(
  incoming: Incoming,
  snapshot: Snapshot,
  now: string,
  matches: Record<string, string>,
  sink: PlanSink,
): ImportPlan {
  const planner = new ImportPlanner(snapshot, now, matches, sink);
  for (const s of incoming.sources) planner.source(s);
  for (const a of incoming.actors) planner.actor(a);
  for (const t of incoming.ties) planner.tie(t);
  return planner.finish(incoming);
}

/** New names close to existing ones, for the user to confirm as the same or keep apart. */
function fuzzyCandidates(
  created: { actor: IncomingActor; key: string }[],
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
    if (candidates.length) out.push({ row: c.actor.row, name: c.actor.name, candidates });
    if (out.length >= MAX_FUZZY) break;
  }
  return out;
}
