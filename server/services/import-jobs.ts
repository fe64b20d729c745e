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
import { importsRepo, jobFromRow } from '../repos/imports.js';
import { nowIso } from '../repos/entity-store.js';
import type { WorkerPool } from '../workers/pool.js';
import { updateActor } from './actors.js';
import { restoreBackupFile } from './backup.js';
import type { Author } from './changes.js';
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

export const STALE_FAILURE =
  'The server stopped before this import finished. An import is written in one transaction, so nothing of it was saved; start it again.';

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
 * a worker thread, writing in one all-or-nothing transaction. The job node says how far it
 * got; a job whose server died is reported failed with nothing written (see STALE_MS).
 */
export class ImportRunner {
  private readonly queue: Pending[] = [];
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly db: Gateway,
    private readonly workers: WorkerPool,
    private readonly log: FastifyBaseLogger,
  ) {}

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
      const message = isUserError(error) ? error.message : 'The import failed on our side (it has been logged); nothing was written.';
      if (!isUserError(error)) this.log.error({ err: error, job: job.id }, 'import job failed');
      await this.update(job.id, { state: 'failed', failure: message }).catch(() => {});
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
    const plan = async (snapshot: Awaited<ReturnType<typeof importsRepo.snapshot>>) => {
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
      const report = {
        ...common,
        totalRows: p.totalRows,
        countsJson: JSON.stringify(p.counts),
        errorsJson: JSON.stringify(p.errors),
        errorCount: p.errorCount,
        warningsJson: JSON.stringify(p.warnings),
        fuzzyJson: JSON.stringify(p.fuzzy),
        labelsJson: JSON.stringify(p.labels),
      };
      return { plan: p, report, spool: out.spool };
    };

    if (job.dryRun) {
      const snapshot = await this.db.read((tx) => importsRepo.snapshot(tx, job.ws), 'import-snapshot');
      const read = await plan(snapshot);
      if ('failed' in read) return read.failed!;
      return { ...read.report, state: 'done', rows: read.report.totalRows };
    }

    let report: Record<string, unknown> = {};
    const { change, result } = await mutate(
      this.db,
      job.ws,
      job.author,
      'batch',
      (r: ImportCounts | null) =>
        r
          ? `Imported ${r.actorsCreated} actors and ${r.relationshipsCreated} relationships from ${FORMAT_NAMES[job.format] ?? 'a file'}`
          : 'Import',
      async (ctx): Promise<ImportCounts | null> => {
        // Read in the import's own transaction, after the workspace lock: what it matches
        // against cannot change before it writes.
        const read = await plan(await importsRepo.snapshot(ctx.tx, ctx.ws));
        if ('failed' in read) {
          report = read.failed!;
          return null;
        }
        const p = read.plan!;
        report = read.report!;
        if (p.errorCount) {
          report = {
            ...report,
            state: 'failed',
            failure: `${p.errorCount} ${p.errorCount === 1 ? 'row fails' : 'rows fail'} (the first at row ${p.errors[0]!.row}); nothing was imported. Fix ${p.errorCount === 1 ? 'it' : 'them'}, or run a preview to see every one.`,
          };
          return null;
        }
        await this.update(job.id, { totalRows: p.totalRows });
        const steps = p.actorBatches + p.relationshipBatches + 1 + (p.remove.length ? 1 : 0) + (p.link.length ? 1 : 0);
        let done = 0;
        const step = async () => {
          done++;
          await this.update(job.id, { rows: Math.floor((done / steps) * p.totalRows) });
        };
        // The batches come back from the worker's spool a line at a time, never all at once.
        for await (const batch of spooled(read.spool!.actors)) {
          await insertActors(ctx, JSON.parse(batch) as Actor[], []);
          await step();
        }
        await writeSources(ctx, p.sources);
        await step();
        if (p.link.length) {
          // Actors confirmed as the same keep the file's ids: the next import matches them.
          for (const l of p.link) await updateActor(ctx, l.id, { version: l.version, externalIds: l.externalIds });
          await step();
        }
        if (p.remove.length) {
          for (const r of p.remove) await deleteRelationship(ctx, r.id, r.version);
          await step();
        }
        for await (const batch of spooled(read.spool!.relationships)) {
          await insertRelationships(ctx, JSON.parse(batch) as Relationship[], []);
          await step();
        }
        return p.counts;
      },
    );
    if (!result) return report;
    return { ...report, state: 'done', rows: (report.totalRows as number) ?? 0, changeId: change?.id ?? null };
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
