import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import os from 'node:os';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Gateway } from '../db/gateway.js';
import type { Actor } from '../domain/actor.js';
import type { ImportCounts, ImportFormat, ImportJob, ImportMapping, ImportMatches } from '../domain/import-job.js';
import type { Relationship } from '../domain/relationship.js';
import type { Source } from '../domain/source.js';
import { formatHandlers, type PlanSpool } from '../io/import/formats.js';
import { PLAN_BATCH, type ImportPlan, type Snapshot } from '../io/import/plan.js';
import { changeSeq } from '../repos/changes.js';
import { removeImport } from './import-rollback.js';
import { importsRepo, jobFromRow } from '../repos/imports.js';
import { nowIso } from '../repos/entity-store.js';
import type { WorkerPool } from '../workers/pool.js';
import { updateActor } from './actors.js';
import { restoreBackupFile } from './backup.js';
import { chunk, type Author } from './changes.js';
import { DomainError, TooMany, Unavailable } from '../domain/errors.js';
import { insertActors, insertRelationships } from './bulk.js';
import { deleteRelationship } from './relationships.js';
import { mutate, type WriteContext } from './unit-of-work.js';

/** A failure that names the user's problem, not ours. */
const isUserError = (error: unknown): error is Error => error instanceof DomainError;

const FORMAT_NAMES: Partial<Record<ImportFormat, string>> = {
  csv: 'a spreadsheet',
  xlsx: 'a workbook',
  kumu: 'a Kumu sheet',
  ftm: 'a FollowTheMoney file',
  littlesis: 'a LittleSis answer',
  sec13f: 'a 13F filing',
  bods: 'beneficial ownership statements',
};

/** Unfinished imports one account may have at once (queued or running, on any instance). */
export const IMPORTS_PER_ACCOUNT = 2;
/** Imports waiting on this instance before new ones are refused with 503. */
const MAX_QUEUED = 20;
const HEARTBEAT_MS = 5_000;
/** Records of a backup read between two reports of its progress. */
const RESTORE_PROGRESS_EVERY = 2_000;
/** A running job whose runner has not beaten for this long has lost its server. */
export const STALE_MS = 30_000;

export const STALE_FAILURE = 'The server stopped before this import finished, and nothing of it was saved; start it again.';
const STALE_REMOVING = 'The server stopped before this import finished; the parts it had written are being taken out again.';
export const STALE_REMOVED =
  'The server stopped before this import finished; the parts it had written were taken out again, so nothing of it is kept. Start it again.';

/** Where uploads wait for their job: a private folder of this process's temp directory. */
export const uploadDir = () => path.join(os.tmpdir(), `powermap-imports-${process.pid}`);

interface Pending {
  id: string;
  ws: string;
  author: Author | null;
  format: ImportFormat;
  mapping: ImportMapping | null;
  /** Incoming names confirmed as the same as an existing actor; any other is kept apart. */
  matches?: ImportMatches;
  dryRun: boolean;
  file: string;
}

/**
 * Runs import jobs one at a time on this instance, off the request: parsing and matching on
 * a worker thread, writing in one transaction, or in parts for a large file. Either way an
 * import is all there or not at all once it ends: a failed part takes the earlier ones out,
 * and the parts of a job whose server died are taken out by the next server (see `start`).
 */
export class ImportRunner {
  private readonly queue: Pending[] = [];
  private running: Promise<void> | null = null;
  private closed = false;
  private sweeper: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;

  /** Batches of PLAN_BATCH records a part writes. */
  private readonly partBatches: number;

  constructor(
    private readonly db: Gateway,
    private readonly workers: WorkerPool,
    private readonly log: FastifyBaseLogger,
    partRecords = 10_000,
  ) {
    this.partBatches = Math.max(1, Math.floor(partRecords / PLAN_BATCH));
  }

  async submit(
    input: Omit<Pending, 'id' | 'file'> & { userId: string; fileName: string | null },
    takeFile: (dest: string) => Promise<void>,
  ): Promise<string> {
    if (this.closed) throw new Unavailable('The server is shutting down; send the file again in a moment.', 5);
    if (this.queue.length >= MAX_QUEUED)
      throw new Unavailable('Too many imports are waiting on this server; send the file again in a little while.', 30);
    const staleBefore = new Date(Date.now() - STALE_MS).toISOString();
    const unfinished = await this.db.read((tx) => importsRepo.unfinishedOf(tx, input.userId, staleBefore), 'import-limit');
    if (unfinished >= IMPORTS_PER_ACCOUNT) {
      throw new TooMany(
        `You have ${unfinished} imports still running; one account runs at most ${IMPORTS_PER_ACCOUNT} at once. Wait for one to finish.`,
        10,
      );
    }
    const id = randomUUID();
    await mkdir(uploadDir(), { recursive: true, mode: 0o700 });
    const file = path.join(uploadDir(), id);
    await takeFile(file);
    await this.db.write(
      (tx) =>
        importsRepo.create(tx, {
          id,
          ws: input.ws,
          userId: input.userId,
          format: input.format,
          fileName: input.fileName,
          dryRun: input.dryRun,
          now: nowIso(),
        }),
      'import-create',
    );
    this.queue.push({
      id,
      ws: input.ws,
      author: input.author,
      format: input.format,
      mapping: input.mapping,
      matches: input.matches ?? {},
      dryRun: input.dryRun,
      file,
    });
    this.kick();
    return id;
  }

  async get(ws: string, id: string): Promise<ImportJob | null> {
    await this.failStale(ws);
    const row = await this.db.read((tx) => importsRepo.get(tx, ws, id), 'import-get');
    return row ? jobFromRow(row) : null;
  }

  async list(ws: string, limit = 50): Promise<ImportJob[]> {
    await this.failStale(ws);
    const rows = await this.db.read((tx) => importsRepo.list(tx, ws, limit), 'import-list');
    return rows.map(jobFromRow);
  }

  /** Waits for the job in progress; queued ones stay queued and are failed as stale later. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.sweeper) clearInterval(this.sweeper);
    await this.sweeping;
    for (const job of this.queue.splice(0)) await rm(job.file, { force: true });
    await this.running;
  }

  private async failStale(ws: string) {
    const staleBefore = new Date(Date.now() - STALE_MS).toISOString();
    await this.db.write((tx) => importsRepo.failStale(tx, ws, staleBefore, STALE_FAILURE, nowIso()), 'import-stale');
  }

  private kick() {
    if (this.running || this.closed) return;
    const next = this.queue.shift();
    if (!next) return;
    this.running = this.run(next)
      .catch((error: unknown) => this.log.error({ err: error, job: next.id }, 'import job failed'))
      .finally(() => {
        this.running = null;
        this.kick();
      });
  }

  private update(id: string, props: Record<string, unknown>) {
    return this.db.write((tx) => importsRepo.update(tx, id, { ...props, updatedAt: nowIso(), heartbeatAt: nowIso() }), 'import-progress');
  }

  private async run(job: Pending): Promise<void> {
    const beat = setInterval(() => {
      void this.update(job.id, {}).catch(() => {});
    }, HEARTBEAT_MS);
    try {
      await this.update(job.id, { state: 'running' });
      const outcome = formatHandlers[job.format].kind === 'restore' ? await this.restore(job) : await this.records(job);
      await this.update(job.id, outcome);
    } catch (error) {
      const message = isUserError(error) ? error.message : 'The import failed on our side (it has been logged).';
      if (!isUserError(error)) this.log.error({ err: error, job: job.id }, 'import job failed');
      // Parts that could not be taken out stay `removing`: the sweep of the next server finishes it.
      const taken = await this.db
        .read((tx) => importsRepo.get(tx, job.ws, job.id), 'import-get')
        .then((row) => row?.written !== 'removing')
        .catch(() => false);
      await this.update(job.id, {
        state: 'failed',
        failure: taken ? `${message} Nothing of the import is kept.` : `${message} Taking out the parts it had written…`,
      }).catch(() => {});
    } finally {
      clearInterval(beat);
      await rm(job.file, { force: true });
    }
  }

  private async restore(job: Pending): Promise<Record<string, unknown>> {
    let told = 0;
    const { counts, changeId } = await restoreBackupFile({
      db: this.db,
      ws: job.ws,
      author: job.author,
      path: job.file,
      dryRun: job.dryRun,
      // How far the reading has got, in records (the total is known once it is read).
      onProgress: async (records) => {
        if (records - told < RESTORE_PROGRESS_EVERY) return;
        told = records;
        await this.update(job.id, { rows: records });
      },
    });
    return { state: 'done', countsJson: JSON.stringify(counts), changeId };
  }

  /** Parse and match on a worker; write everything in one transaction, or nothing. */
  private async records(job: Pending): Promise<Record<string, unknown>> {
    const spools: PlanSpool[] = [];
    try {
      return await this.recordsSpooled(job, spools);
    } finally {
      for (const spool of spools) for (const file of Object.values(spool)) await rm(file, { force: true });
    }
  }

  private async recordsSpooled(job: Pending, spools: PlanSpool[]): Promise<Record<string, unknown>> {
    const plan = async (snapshot: Snapshot): Promise<Planned> => {
      const out = await this.workers.run('importFile', {
        path: job.file,
        format: job.format,
        mapping: job.mapping,
        matches: job.matches ?? {},
        snapshot,
        now: nowIso(),
      });
      const common = { sampleJson: out.sample ? JSON.stringify(out.sample) : null };
      if (!out.ok)
        return {
          failed: {
            ...common,
            state: 'failed',
            failure: out.failure,
            errorsJson: JSON.stringify(out.errors),
            errorCount: out.errors.length,
          },
        };
      const p = out.plan;
      spools.push(out.spool);
      const report: Record<string, unknown> = {
        ...common,
        totalRows: p.totalRows,
        countsJson: JSON.stringify(p.counts),
        errorsJson: JSON.stringify(p.errors),
        errorCount: p.errorCount,
        warningsJson: JSON.stringify(p.warnings),
        fuzzyJson: JSON.stringify(p.fuzzy),
        labelsJson: JSON.stringify(p.labels),
      };
      if (!job.dryRun && p.errorCount) {
        return {
          failed: {
            ...report,
            state: 'failed',
            failure: `${p.errorCount} ${p.errorCount === 1 ? 'row fails' : 'rows fail'} (the first at row ${p.errors[0]!.row}); nothing was imported. Fix ${p.errorCount === 1 ? 'it' : 'them'}, or run a preview to see every one.`,
          },
        };
      }
      return { plan: p, report, spool: out.spool };
    };

    // Matching reads the workspace outside its write lock, so that parsing a large file holds
    // nobody else's edits up; the write checks nothing moved in between (see writeWhole).
    const { snapshot, seq } = await this.db.read(
      async (tx) => ({ snapshot: await importsRepo.snapshot(tx, job.ws), seq: await changeSeq(tx, job.ws) }),
      'import-snapshot',
    );
    const read = await plan(snapshot);
    if ('failed' in read) return read.failed;
    if (job.dryRun) return { ...read.report, state: 'done', rows: read.report.totalRows };
    await this.update(job.id, { totalRows: read.plan.totalRows });
    const outcome =
      partsOf(read.plan, this.partBatches) === 1 ? await this.writeWhole(job, read, seq, plan) : await this.writeInParts(job, read);
    return 'failed' in outcome ? outcome.failed : { ...outcome.report, state: 'done', written: 'all' };
  }

  /**
   * A file of one part is written in one transaction. If the workspace changed since it was
   * matched, it is matched again under the workspace's lock, so that an actor someone added
   * meanwhile is matched, not created twice.
   */
  private async writeWhole(job: Pending, first: Ready, seq: number, plan: (snapshot: Snapshot) => Promise<Planned>): Promise<Planned> {
    let outcome: Planned = first;
    const { change } = await mutate(
      this.db,
      job.ws,
      job.author,
      'batch',
      (r: ImportCounts | null) =>
        r
          ? `Imported ${r.actorsCreated} actors and ${r.relationshipsCreated} relationships from ${FORMAT_NAMES[job.format] ?? 'a file'}`
          : 'Import',
      async (ctx): Promise<ImportCounts | null> => {
        outcome = first;
        if ((await changeSeq(ctx.tx, ctx.ws)) !== seq + 1) outcome = await plan(await importsRepo.snapshot(ctx.tx, ctx.ws));
        if ('failed' in outcome) return null;
        for await (const batch of batchesOf(outcome.plan, outcome.spool)) await writeBatch(ctx, batch);
        return outcome.plan.counts;
      },
      null,
      job.id,
    );
    if ('failed' in outcome) return outcome;
    return { ...outcome, report: { ...outcome.report, rows: outcome.plan.totalRows, parts: 1, changeId: change?.id ?? null } };
  }

  /**
   * A large file is written in parts of IMPORT_PART_RECORDS records, each its own transaction and
   * change marked with the job, so that no transaction outgrows the database's memory and
   * other people's edits go in between. If a part fails, the parts written before it are
   * taken out again; if the server stops, the next one to start takes them out (sweep).
   */
  private async writeInParts(job: Pending, ready: Ready): Promise<Planned> {
    const p = ready.plan;
    const parts = partsOf(p, this.partBatches);
    const source = FORMAT_NAMES[job.format] ?? 'a file';
    const batches = batchesOf(p, ready.spool)[Symbol.asyncIterator]();
    let written = 0;
    let last: string | null = null;
    try {
      for (let part = 1; part <= parts; part++) {
        // Read before the transaction: the driver may run a transaction's work twice.
        const these: Batch[] = [];
        for (let next = await batches.next(); ; next = await batches.next()) {
          if (next.done) break;
          these.push(next.value);
          if (these.length === this.partBatches) break;
        }
        const { change } = await mutate(
          this.db,
          job.ws,
          job.author,
          'batch',
          (n: PartCounts) =>
            `Imported part ${part} of ${parts} from ${source}: ${n.actors} actors, ${n.relationships} relationships, ${n.sources} sources`,
          async (ctx): Promise<PartCounts> => {
            const n: PartCounts = { actors: 0, relationships: 0, sources: 0 };
            for (const batch of these) {
              n[COUNTED_AS[batch.kind]] += await writeBatch(ctx, batch);
            }
            // In the part's own transaction: the job says it wrote parts exactly when it did.
            const ours = await importsRepo.partWritten(ctx.tx, job.id, {
              written: 'partly',
              parts: part,
              rows: Math.floor((part / parts) * p.totalRows),
              updatedAt: nowIso(),
              heartbeatAt: nowIso(),
            });
            if (!ours) throw new Unavailable('This import stopped answering and was taken out by another server; start it again.', 5);
            return n;
          },
          null,
          job.id,
        );
        written = part;
        last = change?.id ?? last;
      }
    } catch (error) {
      if (written) await this.takeOut(job, error);
      throw error;
    }
    return { ...ready, report: { ...ready.report, rows: p.totalRows, parts, changeId: last } };
  }

  /** After a failed part: the parts before it go, and the job says so as they do. */
  private async takeOut(job: Pending, error: unknown) {
    const why = isUserError(error) ? error.message : 'The import failed on our side (it has been logged).';
    await this.update(job.id, { written: 'removing', failure: `${why} Taking out the parts it had written…` });
    await removeImport(this.db, job.ws, job.id, job.author, () => this.update(job.id, {}));
    await this.update(job.id, { written: 'none' });
  }

  /** Starts taking out, now and every so often, the parts of imports whose server stopped. */
  start() {
    const sweep = () => {
      this.sweeping ??= this.sweep()
        .catch((error: unknown) => this.log.error({ err: error }, 'taking out unfinished imports failed'))
        .finally(() => {
          this.sweeping = null;
        });
    };
    sweep();
    this.sweeper = setInterval(sweep, STALE_MS);
    this.sweeper.unref();
  }

  private async sweep() {
    for (;;) {
      if (this.closed) return;
      const staleBefore = new Date(Date.now() - STALE_MS).toISOString();
      const job = await this.db.write((tx) => importsRepo.claimStale(tx, staleBefore, STALE_REMOVING, nowIso()), 'import-claim');
      if (!job) return;
      const beat = setInterval(() => void this.update(job.id, {}).catch(() => {}), HEARTBEAT_MS);
      try {
        await removeImport(this.db, job.ws, job.id, null, () => this.update(job.id, {}));
        await this.update(job.id, { written: 'none', failure: STALE_REMOVED });
      } finally {
        clearInterval(beat);
      }
    }
  }
}

type Planned = { failed: Record<string, unknown> } | Ready;
interface Ready {
  plan: ImportPlan;
  report: Record<string, unknown>;
  spool: PlanSpool;
}
interface PartCounts {
  actors: number;
  relationships: number;
  sources: number;
}

/** Actors given the file's ids count as actors written, ties a restating file replaced as ties. */
const COUNTED_AS = {
  sources: 'sources',
  actors: 'actors',
  link: 'actors',
  remove: 'relationships',
  relationships: 'relationships',
} as const satisfies Record<Batch['kind'], keyof PartCounts>;

/** What one step of an import writes: sources first (actors and ties cite them), then actors, then ties. */
type Batch =
  | { kind: 'sources'; sources: Source[] }
  | { kind: 'actors'; json: string }
  | { kind: 'link'; link: ImportPlan['link'] }
  | { kind: 'remove'; remove: ImportPlan['remove'] }
  | { kind: 'relationships'; json: string };

/** How many transactions a plan is written in: its batches, `partBatches` a part. */
function partsOf(p: ImportPlan, partBatches: number): number {
  const batches =
    Math.ceil(p.sources.length / PLAN_BATCH) + p.actorBatches + (p.link.length ? 1 : 0) + (p.remove.length ? 1 : 0) + p.relationshipBatches;
  return Math.max(1, Math.ceil(batches / partBatches));
}

/** The plan's batches in writing order; the spooled ones come back from their files a line at a time. */
async function* batchesOf(p: ImportPlan, spool: PlanSpool): AsyncGenerator<Batch> {
  for (const sources of chunk(p.sources, PLAN_BATCH)) yield { kind: 'sources', sources };
  for await (const json of spooled(spool.actors)) yield { kind: 'actors', json };
  // Actors confirmed as the same keep the file's ids: the next import matches them.
  if (p.link.length) yield { kind: 'link', link: p.link };
  if (p.remove.length) yield { kind: 'remove', remove: p.remove };
  for await (const json of spooled(spool.relationships)) yield { kind: 'relationships', json };
}

/** Writes one batch; answers how many records it wrote. */
async function writeBatch(ctx: WriteContext, batch: Batch): Promise<number> {
  switch (batch.kind) {
    case 'sources':
      await writeSources(ctx, batch.sources);
      return batch.sources.length;
    case 'actors': {
      const actors = JSON.parse(batch.json) as Actor[];
      await insertActors(ctx, actors, []);
      return actors.length;
    }
    case 'link':
      for (const l of batch.link) await updateActor(ctx, l.id, { version: l.version, externalIds: l.externalIds });
      return batch.link.length;
    case 'remove':
      for (const r of batch.remove) await deleteRelationship(ctx, r.id, r.version);
      return batch.remove.length;
    case 'relationships': {
      const rels = JSON.parse(batch.json) as Relationship[];
      await insertRelationships(ctx, rels, []);
      return rels.length;
    }
  }
}

/** A spool file's batches, one JSON array a line. */
async function* spooled(file: string): AsyncGenerator<string> {
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) if (line) yield line;
}

/** New sources of an import, each recorded in its change. */
export async function writeSources(ctx: WriteContext, sources: Source[]) {
  await importsRepo.insertSources(ctx.tx, ctx.ws, sources);
  for (const s of sources) ctx.diffs.push({ entityType: 'source', entityId: s.id, before: null, after: s as never });
}
