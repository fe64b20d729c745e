/**
 * Bulk load: the same relationships written through our batch endpoint (validated, recorded
 * in history, all or nothing per request) and by Neo4j's own LOAD CSV … CALL {…} IN
 * TRANSACTIONS OF 10000 ROWS, each into its own fresh workspace over the same actors.
 */
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { relationshipTypes } from '../../server/domain/relationship.js';
import { emptyOutcome, unavailableReason, type Suite } from '../lib/context.js';
import { dropWorkspace, relationshipRows, writeGraph } from '../lib/fixtures.js';
import { generatePowerGraph, type PowerGraph } from '../lib/generator.js';
import { peakRssMb, rssMb } from '../lib/machine.js';
import { rng, uuidFrom } from '../lib/random.js';
import { ratio } from '../lib/stats.js';

const CHUNK = 10_000;
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

async function workspaceFor(driver: Driver, userId: string, name: string): Promise<string> {
  const id = uuidFrom(rng(Date.now() % 1e9));
  const session = driver.session({ database: 'neo4j' });
  try {
    await session.run(
      `MATCH (u:User {id: $userId})
       CREATE (w:Workspace {id: $id, name: $name, description: '', version: 1, changeSeq: 0, createdAt: datetime(), updatedAt: datetime()})
       CREATE (u)-[:MEMBER_OF {role: 'owner', since: datetime()}]->(w)`,
      { userId, id, name },
    );
  } finally {
    await session.close();
  }
  return id;
}

const csvCell = (v: unknown) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

export const bulkSuite: Suite = {
  name: 'bulk',
  title: 'Bulk load: POST /batch ÷ LOAD CSV … CALL {…} IN TRANSACTIONS OF 10000 ROWS (rows per second)',
  async run(ctx) {
    const out = emptyOutcome();
    const owner = ctx.fixtures['power-10k']!;
    const actors = ctx.quick ? 2_000 : 100_000;
    const base = generatePowerGraph(actors, { seed: 7 });
    const graphs = { ours: withFreshIds(base, 101), csv: withFreshIds(base, 202) };
    out.datasets[`power-${actors / 1000}k (bulk)`] = { actors, relationships: base.relationships.length };
    const ws = { ours: await workspaceFor(ctx.driver, owner.userId, 'Bulk load (batch)'), csv: await workspaceFor(ctx.driver, owner.userId, 'Bulk load (LOAD CSV)') };
    const headers = { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' };
    let server: http.Server | undefined;
    try {
      // Actors first, the same way for both (not timed): the comparison is about relationships.
      await writeGraph(ctx.driver, { ...graphs.ours, relationships: [] }, ws.ours);
      await writeGraph(ctx.driver, { ...graphs.csv, relationships: [] }, ws.csv);

      // Ours: the batch endpoint, 10,000 operations per request (its maximum), one after another.
      const rows = relationshipRows(graphs.ours, ws.ours);
      const operations = rows.map((r) => {
        const { workspaceId: _w, version: _v, createdAt: _c, updatedAt: _u, sourceIds: _s, description: _d, ...props } = r.props;
        return { op: 'create', entity: 'relationship', data: { type: r.type, from: r.from, to: r.to, ...props } };
      });
      const rssBefore = rssMb(ctx.api.pid);
      let oursSeconds: number | null = null;
      const started = performance.now();
      for (let i = 0; i < operations.length; i += CHUNK) {
        const res = await fetch(`${ctx.api.url}/api/workspaces/${ws.ours}/batch`, {
          method: 'POST', headers, body: JSON.stringify({ operations: operations.slice(i, i + CHUNK), summary: 'Bulk load' }),
        });
        if (res.status !== 200) {
          out.unavailable.push(`POST /batch: ${unavailableReason(res.status, await res.text())}`);
          break;
        }
        if (i + CHUNK >= operations.length) oursSeconds = (performance.now() - started) / 1000;
      }
      const rssAfter = rssMb(ctx.api.pid);

      // Neo4j's own: one CSV per relationship type, served over HTTP to LOAD CSV.
      const dir = path.join(ctx.fixturesDir, 'bulk');
      mkdirSync(dir, { recursive: true });
      const csvRows = relationshipRows(graphs.csv, ws.csv);
      const files: Array<{ type: string; file: string; columns: string[] }> = [];
      for (const type of relationshipTypes) {
        const ofType = csvRows.filter((r) => r.type === type);
        if (!ofType.length) continue;
        const columns = [...new Set(ofType.flatMap((r) => Object.keys(r.props)))].filter((c) => !['workspaceId', 'sourceIds', 'version', 'createdAt', 'updatedAt', 'description'].includes(c));
        const lines = [['from', 'to', ...columns].join(',')];
        for (const r of ofType) lines.push([r.from, r.to, ...columns.map((c) => csvCell((r.props as Record<string, unknown>)[c]))].join(','));
        const file = `${type}.csv`;
        writeFileSync(path.join(dir, file), `${lines.join('\n')}\n`);
        files.push({ type, file, columns });
      }
      server = http.createServer((req, res) => createReadStream(path.join(dir, path.basename(req.url ?? ''))).on('error', () => res.writeHead(404).end()).pipe(res));
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
      const n = base.relationships.length;
      const oursRate = oursSeconds ? Math.round(n / oursSeconds) : null;
      const csvRate = Math.round(n / csvSeconds);
      const r = ratio(oursRate, csvRate);
      out.tables.push({
        caption: `${n.toLocaleString('en')} relationships over ${actors.toLocaleString('en')} actors; API memory in MB`,
        columns: ['path', 'seconds', 'rows/s', 'ours ÷ LOAD CSV', 'API RSS before', 'API RSS after', 'API peak RSS'],
        rows: [
          ['LOAD CSV … IN TRANSACTIONS OF 10000 ROWS', Math.round(csvSeconds * 10) / 10, csvRate, null, null, null, null],
          ['POST /batch, 10,000 operations per request', oursSeconds && Math.round(oursSeconds * 10) / 10, oursRate, r, rssBefore, rssAfter, peakRssMb(ctx.api.pid)],
        ],
      });
      out.goals.push({ what: 'bulk load rows/s, ours ÷ LOAD CSV', goal: '≥ 1.0', value: r, met: r === null ? null : r >= 1 });
      out.notes.push('The spreadsheet import will be measured here too once it exists; the batch endpoint is the bulk write path today.');
      out.raw = { oursSeconds, csvSeconds, relationships: n, rssBefore, rssAfter };
      ctx.log(`  batch ${oursRate ?? '—'} rows/s vs LOAD CSV ${csvRate} rows/s`);
    } finally {
      server?.close();
      await dropWorkspace(ctx.driver, ws.ours);
      await dropWorkspace(ctx.driver, ws.csv);
    }
    return out;
  },
};
