/**
 * Import throughput: a generated CSV of relationship rows (100 MB; 10 MB with --quick, or
 * BENCH_IMPORT_MB) uploaded as one import job (POST /imports, the wizard's path: streamed to
 * disk, read a row at a time, matched, checked and written in one transaction with its
 * history), next to Neo4j's LOAD CSV … IN TRANSACTIONS of the same file into a throwaway
 * workspace. Reports rows per second, the API process's peak RSS while the job runs, and the
 * latency of another user's simple GET asked meanwhile. The file lives in a temp directory.
 */
import { createReadStream, createWriteStream, mkdtempSync, openAsBlob, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { relationshipFor } from '../server/io/kumu.js';
import { emptyOutcome, unavailableReason, type Suite } from './lib/context.js';
import { dropWorkspace, workspaceFor } from './lib/fixtures.js';
import { peakRssMb, resetPeak, rssMb } from './lib/machine.js';
import { rng } from './lib/random.js';
import { quantile, ratio } from './lib/stats.js';

const LABELS = ['Board member', 'Donor', 'Investor', 'Member', 'Employee'];
const PEOPLE = 100_000;
const ORGANISATIONS = 20_000;
/** How often another user asks for their workspace list while the import runs. */
const PROBE_MS = 250;

/** Rows until the file holds `bytes`: a person, an organisation, a relationship label and a start date. */
async function writeCsv(file: string, bytes: number, seed: number): Promise<number> {
  const random = rng(seed);
  const out = createWriteStream(file);
  let written = 0;
  let rows = 0;
  const header = 'From,From kind,To,To kind,Type,Start\n';
  out.write(header);
  written += header.length;
  while (written < bytes) {
    let chunk = '';
    for (let i = 0; i < 5_000; i++) {
      const p = Math.floor(random() * PEOPLE);
      const o = Math.floor(random() * ORGANISATIONS);
      const label = LABELS[Math.floor(random() * LABELS.length)]!;
      const start = `${2000 + Math.floor(random() * 25)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-01`;
      chunk += `Person ${p} Example,person,Organisation ${o} Holdings,organization,${label},${start}\n`;
      rows++;
    }
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

export const importThroughputSuite: Suite = {
  name: 'import',
  title:
    'Import throughput: a CSV import job (POST /imports) ÷ LOAD CSV … IN TRANSACTIONS OF 10000 ROWS of the same file (rows per second)',
  async run(ctx) {
    const out = emptyOutcome();
    const owner = ctx.fixtures['power-10k']!;
    const other = ctx.fixtures['power-1k']!;
    const mb = Number(process.env.BENCH_IMPORT_MB) || (ctx.quick ? 10 : 100);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'powermap-bench-import-'));
    const file = path.join(dir, 'relationships.csv');
    const ws = {
      ours: await workspaceFor(ctx.driver, owner.userId, 'Import throughput (import job)'),
      csv: await workspaceFor(ctx.driver, owner.userId, 'Import throughput (LOAD CSV)'),
    };
    let server: http.Server | undefined;
    const raw: Record<string, unknown> = {};
    try {
      const rows = await writeCsv(file, mb * 1_000_000, 11);
      const size = statSync(file).size;
      out.datasets[`relationships.csv (${Math.round(size / 1e6)} MB)`] = { rows };
      ctx.log(`  wrote ${rows.toLocaleString('en')} rows, ${(size / 1e6).toFixed(1)} MB`);
      raw.rows = rows;
      raw.bytes = size;

      // Neo4j's own: the same file served over HTTP to LOAD CSV, one pass per relationship label.
      server = http.createServer((req, res) =>
        createReadStream(path.join(dir, path.basename(req.url ?? '')))
          .on('error', () => res.writeHead(404).end())
          .pipe(res),
      );
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/relationships.csv`;
      const now = new Date().toISOString();
      const csvStarted = performance.now();
      for (const label of LABELS) {
        const { type } = relationshipFor(label, 'person', 'organization');
        const actor = (v: string, kind: string) =>
          `MERGE (${v}:Actor {workspaceId: $ws, nameKey: toLower(row.${kind === 'from' ? 'From' : 'To'})})
             ON CREATE SET ${v}.id = randomUUID(), ${v}.name = row.${kind === 'from' ? 'From' : 'To'},
               ${v}.kind = row.\`${kind === 'from' ? 'From' : 'To'} kind\`, ${v}.version = 1, ${v}.createdAt = $now, ${v}.updatedAt = $now`;
        const session = ctx.driver.session({ database: 'neo4j' });
        try {
          await session.run(
            `LOAD CSV WITH HEADERS FROM $url AS row
             WITH row WHERE row.Type = $label
             CALL (row) {
               ${actor('a', 'from')}
               ${actor('b', 'to')}
               CREATE (a)-[r:${type}]->(b)
               SET r.id = randomUUID(), r.workspaceId = $ws, r.startDate = row.Start, r.description = '', r.sourceIds = [],
                   r.version = 1, r.createdAt = $now, r.updatedAt = $now
             } IN TRANSACTIONS OF 10000 ROWS`,
            { url, ws: ws.csv, label, now },
          );
        } finally {
          await session.close();
        }
      }
      const csvSeconds = (performance.now() - csvStarted) / 1000;
      const csvRate = Math.round(rows / csvSeconds);
      raw.csvSeconds = csvSeconds;
      ctx.log(`  LOAD CSV ${csvRate} rows/s (${csvSeconds.toFixed(1)} s)`);
      await dropWorkspace(ctx.driver, ws.csv);

      // Ours: one import job of the whole file, as the wizard sends it.
      const auth = { authorization: `Bearer ${owner.token}` };
      const peakReset = resetPeak(ctx.api.pid);
      const rssBefore = rssMb(ctx.api.pid);
      const started = performance.now();
      const form = new FormData();
      form.append('format', 'csv');
      form.append('file', await openAsBlob(file), 'relationships.csv');
      const submitted = await fetch(`${ctx.api.url}/api/workspaces/${ws.ours}/imports`, {
        method: 'POST',
        headers: auth,
        body: form,
        signal: AbortSignal.timeout(900_000),
      });
      const uploadSeconds = (performance.now() - started) / 1000;
      if (submitted.status !== 202) {
        out.unavailable.push(`POST /imports: ${unavailableReason(submitted.status, await submitted.text())}`);
        return out;
      }
      const { id } = (await submitted.json()) as { id: string };
      const probes: number[] = [];
      let job: { state: string; counts?: Record<string, number>; failure?: string | null; progress?: { rows: number } } = {
        state: 'queued',
      };
      let nextPoll = 0;
      while (job.state === 'queued' || job.state === 'running') {
        const t = performance.now();
        const res = await fetch(`${ctx.api.url}/api/workspaces`, { headers: { authorization: `Bearer ${other.token}` } });
        await res.arrayBuffer();
        if (res.status === 200) probes.push(performance.now() - t);
        if (performance.now() >= nextPoll) {
          nextPoll = performance.now() + 2_000;
          const polled = await fetch(`${ctx.api.url}/api/workspaces/${ws.ours}/imports/${id}`, { headers: auth });
          job = (await polled.json()) as typeof job;
        }
        await new Promise((r) => setTimeout(r, PROBE_MS));
      }
      const seconds = (performance.now() - started) / 1000;
      const peak = peakRssMb(ctx.api.pid);
      const rssAfter = rssMb(ctx.api.pid);
      raw.job = job;
      raw.probesMs = probes;
      if (job.state !== 'done') {
        out.unavailable.push(
          `the import job of ${rows.toLocaleString('en')} rows ${job.state} after ${seconds.toFixed(0)} s: ${job.failure ?? ''} (API peak RSS ${peak} MB by then; LOAD CSV ${csvRate} rows/s)`,
        );
        out.raw = raw;
        return out;
      }
      const rate = Math.round(rows / seconds);
      const p50 = probes.length ? Math.round(quantile(probes, 0.5)) : null;
      const p95 = probes.length ? Math.round(quantile(probes, 0.95)) : null;
      ctx.log(`  import job ${rate} rows/s (${seconds.toFixed(1)} s), peak RSS ${peak} MB, other users' GET p95 ${p95} ms`);
      const r = ratio(rate, csvRate);
      out.tables.push({
        caption: `${rows.toLocaleString('en')} relationship rows, ${(size / 1e6).toFixed(1)} MB, over ${PEOPLE.toLocaleString('en')} people and ${ORGANISATIONS.toLocaleString('en')} organisations named by label; API memory in MB, peak reset before the upload; another user's GET /api/workspaces every ${PROBE_MS} ms while the job ran`,
        columns: [
          'path',
          'seconds',
          'rows/s',
          'ours ÷ LOAD CSV',
          'API RSS before',
          'API RSS after',
          'API peak RSS',
          'GET p50 ms',
          'GET p95 ms',
          'GETs',
        ],
        rows: [
          [
            'LOAD CSV … IN TRANSACTIONS OF 10000 ROWS (one pass per label)',
            Math.round(csvSeconds * 10) / 10,
            csvRate,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
          ],
          [
            'POST /imports (format=csv), one job, one transaction',
            Math.round(seconds * 10) / 10,
            rate,
            r,
            rssBefore,
            rssAfter,
            peak,
            p50,
            p95,
            probes.length,
          ],
        ],
      });
      out.goals.push({ what: 'import job rows/s ÷ LOAD CSV', goal: '≥ 1.0', value: r, met: r === null ? null : r >= 1 });
      out.goals.push({ what: 'import job: API peak RSS (MB)', goal: '< 1024', value: peak, met: peak === null ? null : peak < 1024 });
      out.notes.push(
        `The job's seconds run from the start of the upload (${uploadSeconds.toFixed(1)} s of it) to the job reporting done; it matches every name against the workspace, checks every row as a create would, skips ties already there, and records the whole import as one change that can be reverted. Counts: ${JSON.stringify(job.counts)}.`,
        'LOAD CSV merges the actors by name key and creates every row as a tie, with no checks, no de-duplication and no history. Neo4j Community has one user database, so its throwaway target is a fresh workspace in the same database, dropped afterwards.',
      );
      if (!peakReset)
        out.notes.push('Peak RSS could not be reset (/proc/PID/clear_refs refused): the peak is the process high-water mark so far.');
    } finally {
      server?.close();
      rmSync(dir, { recursive: true, force: true });
      // The job's own record goes with its workspace, so the bench leaves the database as found.
      const session = ctx.driver.session({ database: 'neo4j' });
      await session.run('MATCH (j:ImportJob {workspaceId: $ws}) DELETE j', { ws: ws.ours }).finally(() => session.close());
      await dropWorkspace(ctx.driver, ws.ours);
      await dropWorkspace(ctx.driver, ws.csv).catch(() => {});
    }
    out.raw = raw;
    return out;
  },
};
