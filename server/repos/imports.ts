import type { Tx } from '../db/gateway.js';
import type { ImportCounts, ImportFormat, ImportJob, ImportState, ImportWritten } from '../domain/import-job.js';
import type { Source } from '../domain/source.js';
import { normalizeUrl } from '../domain/source.js';
import type { Snapshot } from '../io/import/plan.js';

const JOB = `j {.id, .format, .fileName, .dryRun, .state, .rows, .totalRows, .countsJson, .errorsJson, .errorCount, .failure, .warningsJson, .fuzzyJson, .labelsJson, .sampleJson, .changeId, .createdAt, .updatedAt, .heartbeatAt,
  written: coalesce(j.written, 'none'), parts: coalesce(j.parts, 0)}`;

export interface JobRow {
  id: string;
  format: ImportFormat;
  fileName: string | null;
  dryRun: boolean;
  state: ImportState;
  rows: number;
  totalRows: number;
  countsJson: string;
  errorsJson: string;
  errorCount: number;
  failure: string | null;
  warningsJson: string | null;
  fuzzyJson: string;
  labelsJson: string;
  sampleJson: string | null;
  changeId: string | null;
  createdAt: string;
  updatedAt: string;
  heartbeatAt: string;
  written: ImportWritten;
  parts: number;
}

export const noCounts = (): ImportCounts => ({
  actorsCreated: 0,
  actorsMatched: 0,
  relationshipsCreated: 0,
  relationshipsMatched: 0,
  sourcesCreated: 0,
  skipped: 0,
});

export function jobFromRow(row: JobRow): ImportJob {
  return {
    id: row.id,
    format: row.format,
    fileName: row.fileName,
    dryRun: row.dryRun,
    state: row.state,
    progress: { rows: row.rows, totalRows: row.totalRows },
    counts: JSON.parse(row.countsJson) as ImportCounts,
    errors: JSON.parse(row.errorsJson) as ImportJob['errors'],
    errorCount: row.errorCount,
    failure: row.failure,
    warnings: row.warningsJson ? (JSON.parse(row.warningsJson) as ImportJob['warnings']) : [],
    fuzzy: JSON.parse(row.fuzzyJson) as ImportJob['fuzzy'],
    labels: JSON.parse(row.labelsJson) as ImportJob['labels'],
    sample: row.sampleJson ? (JSON.parse(row.sampleJson) as ImportJob['sample']) : null,
    written: row.written,
    parts: row.parts,
    changeId: row.changeId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export const importsRepo = {
  async create(
    tx: Tx,
    job: { id: string; ws: string; userId: string; format: ImportFormat; fileName: string | null; dryRun: boolean; now: string },
  ) {
    await tx.query(
      `CREATE (j:ImportJob {id: $id, workspaceId: $ws, userId: $userId, format: $format, fileName: $fileName, dryRun: $dryRun,
         state: 'queued', rows: 0, totalRows: 0, countsJson: $counts, errorsJson: '[]', errorCount: 0, failure: null, warningsJson: '[]',
         fuzzyJson: '[]', labelsJson: '[]', sampleJson: null, changeId: null, written: 'none', parts: 0, createdAt: $now, updatedAt: $now, heartbeatAt: $now})`,
      { ...job, counts: JSON.stringify(noCounts()) },
    );
  },

  async get(tx: Tx, ws: string, id: string): Promise<JobRow | null> {
    return (
      (await tx.one<{ j: JobRow }>(`MATCH (j:ImportJob {id: $id}) WHERE j.workspaceId = $ws RETURN ${JOB} AS j`, { ws, id }))?.j ?? null
    );
  },

  async list(tx: Tx, ws: string, limit: number): Promise<JobRow[]> {
    const rows = await tx.query<{ j: JobRow }>(
      `MATCH (j:ImportJob) WHERE j.workspaceId = $ws RETURN ${JOB} AS j ORDER BY j.createdAt DESC LIMIT $limit`,
      { ws, limit },
    );
    return rows.map((r) => r.j);
  },

  /** Jobs of this person not yet finished, anywhere: the per-account limit counts these. */
  async unfinishedOf(tx: Tx, userId: string, staleBefore: string): Promise<number> {
    const row = await tx.one<{ n: number }>(
      `MATCH (j:ImportJob) WHERE j.userId = $userId AND j.state IN ['queued', 'running'] AND j.heartbeatAt >= $staleBefore RETURN count(j) AS n`,
      { userId, staleBefore },
    );
    return row?.n ?? 0;
  },

  async update(tx: Tx, id: string, props: Record<string, unknown>) {
    await tx.query('MATCH (j:ImportJob {id: $id}) SET j += $props', { id, props });
  },

  /**
   * Records a written part, unless another server has taken the job over as stopped (then
   * answers false, and the part must not be kept).
   */
  async partWritten(tx: Tx, id: string, props: Record<string, unknown>): Promise<boolean> {
    const row = await tx.one<{ id: string }>(
      `MATCH (j:ImportJob {id: $id}) WHERE j.state = 'running' AND coalesce(j.written, 'none') IN ['none', 'partly']
       SET j += $props RETURN j.id AS id`,
      { id, props },
    );
    return row !== undefined && row !== null;
  },

  /**
   * Marks failed the unfinished jobs whose runner stopped beating (its server went away) and
   * that wrote nothing; those that wrote parts are left to `claimStale`, which takes them out.
   */
  async failStale(tx: Tx, ws: string, staleBefore: string, failure: string, now: string) {
    await tx.query(
      `MATCH (j:ImportJob) WHERE j.workspaceId = $ws AND j.state IN ['queued', 'running'] AND j.heartbeatAt < $staleBefore
         AND coalesce(j.written, 'none') = 'none'
       SET j.state = 'failed', j.failure = $failure, j.updatedAt = $now`,
      { ws, staleBefore, failure, now },
    );
  },

  /**
   * Takes over one job, of any workspace, that wrote parts and whose runner stopped beating
   * (mid-import or mid-removal): it is marked failed and being removed, beating for its new
   * runner. The node's write lock makes two servers' claims of the same job take turns, and
   * the second finds it fresh.
   */
  async claimStale(tx: Tx, staleBefore: string, failure: string, now: string): Promise<{ id: string; ws: string } | null> {
    const row = await tx.one<{ id: string; ws: string }>(
      `MATCH (j:ImportJob) WHERE j.written IN ['partly', 'removing'] AND j.heartbeatAt < $staleBefore
       WITH j LIMIT 1
       SET j._claim = true REMOVE j._claim
       WITH j WHERE j.heartbeatAt < $staleBefore
       SET j.state = 'failed', j.written = 'removing', j.failure = coalesce(j.failure, $failure), j.heartbeatAt = $now,
           j.updatedAt = $now
       RETURN j.id AS id, j.workspaceId AS ws`,
      { staleBefore, failure, now },
    );
    return row ?? null;
  },

  /** What matching needs of the workspace: actors' names and ids, ties' keys, sources' URLs. */
  async snapshot(tx: Tx, ws: string): Promise<Snapshot> {
    const actors = await tx.query<Snapshot['actors'][number]>(
      'MATCH (a:Actor) WHERE a.workspaceId = $ws RETURN a.id AS id, a.version AS version, a.name AS name, a.kind AS kind, a.externalIdsJson AS externalIdsJson',
      { ws },
    );
    const ties = await tx.query<Snapshot['ties'][number]>(
      `MATCH (a:Actor)-[r]->(b:Actor) WHERE r.workspaceId = $ws AND a.workspaceId = $ws
       RETURN r.id AS id, r.version AS version, a.id AS from, b.id AS to, type(r) AS type, coalesce(r.mutual, false) AS mutual,
              r.startDate AS startDate, r.endDate AS endDate, r.date AS date, r.asOf AS asOf, r.basis AS basis,
              r.declared AS declared, r.shares AS shares, r.value AS value, r.percent AS percent,
              r.percentMin AS percentMin, r.percentMax AS percentMax`,
      { ws },
    );
    const sources = await tx.query<Snapshot['sources'][number]>(
      'MATCH (s:Source) WHERE s.workspaceId = $ws RETURN s.id AS id, s.url AS url',
      { ws },
    );
    return { actors, ties, sources };
  },

  async insertSources(tx: Tx, ws: string, sources: Source[]) {
    if (!sources.length) return;
    await tx.query('UNWIND $rows AS row CREATE (s:Source {id: row.id}) SET s += row.props, s.workspaceId = $ws', {
      ws,
      rows: sources.map(({ id, ...props }) => ({ id, props: { ...props, urlKey: normalizeUrl(props.url) } })),
    });
  },
};
