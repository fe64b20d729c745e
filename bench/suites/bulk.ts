/**
 * Bulk load: the same relationships written through our two bulk write paths (the batch
 * endpoint and the Kumu-shaped spreadsheet import: validated, recorded in history, all or
 * nothing per request) and by Neo4j's own LOAD CSV … CALL {…} IN TRANSACTIONS OF 10000 ROWS,
 * each into its own fresh workspace over the same actors.
 */
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { relationshipTypes } from '../../server/domain/relationship.js';
import { emptyOutcome, unavailableReason, type Suite } from '../lib/context.js';
import { dropWorkspace, relationshipRows, workspaceFor, writeGraph } from '../lib/fixtures.js';
import { generatePowerGraph, type PowerGraph } from '../lib/generator.js';
import { peakRssMb, resetPeak, rssMb } from '../lib/machine.js';
import { rng, uuidFrom } from '../lib/random.js';
import { ratio } from '../lib/stats.js';

const CHUNK = 10_000;
/** Spreadsheet rows per import request: a 1M-row sheet is sent as 20 requests of about 4 MB. */
const IMPORT_CHUNK = 50_000;
const NUMERIC = new Set(['strength', 'compensation', 'amount', 'percent', 'shares']);
const BOOLEAN = new Set(['mutual', 'board', 'executive']);

/** The same graph with fresh ids, so a second workspace can hold it (ids are unique database-wide). */
function withFreshIds(graph: PowerGraph, seed: number): PowerGraph {
  const random = rng(seed);
  return {
    ...graph,
    actors: graph.actors.map((a) => ({ ...a, id: uuidFrom(random) })),
    relationships: graph.relationships.map((r) => ({ ...r, id: uuidFrom(random) })),
  };
}

const csvCell = (v: unknown) =>
  v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);

export const bulkSuite: Suite = {
  name: 'bulk',
  title: 'Bulk load: POST /batch and POST /import/kumu ÷ LOAD CSV … CALL {…} IN TRANSACTIONS OF 10000 ROWS (rows per second)',
  async run(ctx) {
    const out = emptyOutcome();
    const owner = ctx.fixtures['power-10k']!;
    const actors = ctx.quick ? 2_000 : 100_000;
    const base = generatePowerGraph(actors, { seed: 7 });
    // Spreadsheets name actors by label, so every actor gets a unique name (the same for all three paths).
    base.actors.forEach((a, i) => (a.name = `${a.name} ${i + 1}`));
    const graphs = { ours: withFreshIds(base, 101), kumu: withFreshIds(base, 303), csv: withFreshIds(base, 202) };
    const n = base.relationships.length;
    out.datasets[`power-${actors / 1000}k (bulk)`] = { actors, relationships: n };
    const ws = {
      ours: await workspaceFor(ctx.driver, owner.userId, 'Bulk load (batch)'),
      kumu: await workspaceFor(ctx.driver, owner.userId, 'Bulk load (spreadsheet import)'),
      csv: await workspaceFor(ctx.driver, owner.userId, 'Bulk load (LOAD CSV)'),
    };
    const headers = { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' };
    const rows: Array<Array<string | number | null>> = [];
    const raw: Record<string, unknown> = { relationships: n };
    let server: http.Server | undefined;
    const peakReset = resetPeak(ctx.api.pid);
    /** Sends each body in turn; the seconds of the whole load, or null when a request was refused. */
    const post = async (what: string, url: string, bodies: Iterable<string>) => {
      resetPeak(ctx.api.pid);
      const rssBefore = rssMb(ctx.api.pid);
      const started = performance.now();
      let requests = 0;
      for (const body of bodies) {
        const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(900_000) });
        requests++;
        if (res.status !== 200) {
          out.unavailable.push(`${what}: ${unavailableReason(res.status, await res.text())}`);
          return { seconds: null, rssBefore, rssAfter: rssMb(ctx.api.pid), peak: peakRssMb(ctx.api.pid), requests };
        }
        await res.arrayBuffer();
      }
      return {
        seconds: (performance.now() - started) / 1000,
        rssBefore,
        rssAfter: rssMb(ctx.api.pid),
        peak: peakRssMb(ctx.api.pid),
        requests,
      };
    };
    try {
      // Actors first, the same way for all (not timed): the comparison is about relationships.
      for (const key of ['ours', 'kumu', 'csv'] as const) await writeGraph(ctx.driver, { ...graphs[key], relationships: [] }, ws[key]);

      // Neo4j's own first: one CSV per relationship type, served over HTTP to LOAD CSV.
      const dir = path.join(ctx.fixturesDir, 'bulk');
      mkdirSync(dir, { recursive: true });
      const csvRows = relationshipRows(graphs.csv, ws.csv);
      const files: Array<{ type: string; file: string; columns: string[] }> = [];
      for (const type of relationshipTypes) {
        const ofType = csvRows.filter((r) => r.type === type);
        if (!ofType.length) continue;
        const columns = [...new Set(ofType.flatMap((r) => Object.keys(r.props)))].filter(
          (c) => !['workspaceId', 'sourceIds', 'version', 'createdAt', 'updatedAt', 'description'].includes(c),
        );
        const lines = [['from', 'to', ...columns].join(',')];
        for (const r of ofType)
          lines.push([r.from, r.to, ...columns.map((c) => csvCell((r.props as Record<string, unknown>)[c]))].join(','));
        const file = `${type}.csv`;
        writeFileSync(path.join(dir, file), `${lines.join('\n')}\n`);
        files.push({ type, file, columns });
      }
      server = http.createServer((req, res) =>
        createReadStream(path.join(dir, path.basename(req.url ?? '')))
          .on('error', () => res.writeHead(404).end())
          .pipe(res),
      );
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      const csvStarted = performance.now();
      for (const { type, file, columns } of files) {
        const sets = columns.map((c) =>
          NUMERIC.has(c) ? `r.${c} = toFloat(row.${c})` : BOOLEAN.has(c) ? `r.${c} = row.${c} = 'true'` : `r.${c} = row.${c}`,
        );
        const session = ctx.driver.session({ database: 'neo4j' });
        try {
          await session.run(
            `LOAD CSV WITH HEADERS FROM $url AS row
             CALL (row) {
               MATCH (a:Actor {id: row.from}) MATCH (b:Actor {id: row.to})
               CREATE (a)-[r:${type}]->(b)
               SET ${sets.join(', ')}, r.strength = toInteger(row.strength), r.workspaceId = $ws, r.description = '',
                   r.sourceIds = [], r.version = 1, r.createdAt = $now, r.updatedAt = $now
             } IN TRANSACTIONS OF 10000 ROWS`,
            { url: `http://127.0.0.1:${port}/${file}`, ws: ws.csv, now: new Date().toISOString() },
          );
        } finally {
          await session.close();
        }
      }
      const csvSeconds = (performance.now() - csvStarted) / 1000;
      const csvRate = Math.round(n / csvSeconds);
      rows.push([
        'LOAD CSV … IN TRANSACTIONS OF 10000 ROWS',
        files.length,
        Math.round(csvSeconds * 10) / 10,
        csvRate,
        null,
        null,
        null,
        null,
      ]);
      raw.csvSeconds = csvSeconds;
      ctx.log(`  LOAD CSV ${csvRate} rows/s (${csvSeconds.toFixed(1)} s)`);

      // Ours (1): the batch endpoint, 10,000 operations per request (its maximum), one after another.
      const operations = relationshipRows(graphs.ours, ws.ours).map((r) => {
        const { workspaceId: _w, version: _v, createdAt: _c, updatedAt: _u, sourceIds: _s, description: _d, ...props } = r.props;
        return { op: 'create', entity: 'relationship', data: { type: r.type, from: r.from, to: r.to, ...props } };
      });
      function* batchBodies() {
        for (let i = 0; i < operations.length; i += CHUNK)
          yield JSON.stringify({ operations: operations.slice(i, i + CHUNK), summary: 'Bulk load' });
      }
      const batch = await post('POST /batch', `${ctx.api.url}/api/workspaces/${ws.ours}/batch`, batchBodies());
      const batchRate = batch.seconds ? Math.round(n / batch.seconds) : null;
      const batchRatio = ratio(batchRate, csvRate);
      rows.push([
        `POST /batch, ${CHUNK.toLocaleString('en')} operations per request`,
        batch.requests,
        batch.seconds && Math.round(batch.seconds * 10) / 10,
        batchRate,
        batchRatio,
        batch.rssBefore,
        batch.rssAfter,
        batch.peak,
      ]);
      out.goals.push({
        what: 'bulk load rows/s, POST /batch ÷ LOAD CSV',
        goal: '≥ 1.0',
        value: batchRatio,
        met: batchRatio === null ? null : batchRatio >= 1,
      });
      raw.batch = batch;
      ctx.log(`  batch ${batchRate ?? '—'} rows/s (${batch.seconds?.toFixed(1) ?? '—'} s)`);

      // Ours (2): the spreadsheet import, connections sheets naming the actors by label.
      const names = graphs.kumu.actors.map((a) => csvCell(a.name));
      function* importBodies() {
        const rels = graphs.kumu.relationships;
        for (let i = 0; i < rels.length; i += IMPORT_CHUNK) {
          const lines = ['From,To,Type,Strength,Direction'];
          for (const r of rels.slice(i, i + IMPORT_CHUNK))
            lines.push(`${names[r.from]},${names[r.to]},${r.type},${r.strength},${r.mutual ? 'mutual' : 'directed'}`);
          yield JSON.stringify({ elements: '', connections: `${lines.join('\n')}\n` });
        }
      }
      const kumu = await post('POST /import/kumu', `${ctx.api.url}/api/workspaces/${ws.kumu}/import/kumu`, importBodies());
      const kumuRate = kumu.seconds ? Math.round(n / kumu.seconds) : null;
      const kumuRatio = ratio(kumuRate, csvRate);
      rows.push([
        `POST /import/kumu, ${IMPORT_CHUNK.toLocaleString('en')} connection rows per request`,
        kumu.requests,
        kumu.seconds && Math.round(kumu.seconds * 10) / 10,
        kumuRate,
        kumuRatio,
        kumu.rssBefore,
        kumu.rssAfter,
        kumu.peak,
      ]);
      out.goals.push({
        what: 'bulk load rows/s, POST /import/kumu ÷ LOAD CSV',
        goal: '≥ 1.0',
        value: kumuRatio,
        met: kumuRatio === null ? null : kumuRatio >= 1,
      });
      raw.kumu = kumu;
      ctx.log(`  spreadsheet import ${kumuRate ?? '—'} rows/s (${kumu.seconds?.toFixed(1) ?? '—'} s)`);

      out.tables.push({
        caption: `${n.toLocaleString('en')} relationships over ${actors.toLocaleString('en')} actors (actors written beforehand, untimed); API memory in MB, peak reset before each path`,
        columns: ['path', 'requests', 'seconds', 'rows/s', 'ours ÷ LOAD CSV', 'API RSS before', 'API RSS after', 'API peak RSS'],
        rows,
      });
      out.notes.push(
        'The import carries From, To, Type, Strength and Direction per row (a spreadsheet has no ids or type-specific fields), and resolves every label against the actors already in the workspace on each request; the batch carries the full typed records with ids.',
      );
      if (!peakReset)
        out.notes.push(
          'Peak RSS could not be reset between paths (/proc/PID/clear_refs refused): each peak is the process high-water mark so far.',
        );
      out.raw = raw;
    } finally {
      server?.close();
      for (const key of ['ours', 'kumu', 'csv'] as const) await dropWorkspace(ctx.driver, ws[key]);
    }
    return out;
  },
};
