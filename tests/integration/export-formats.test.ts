/**
 * Every export format opens where it is meant to, with what the workspace holds intact:
 * the CSV sheets import back through the import route as the same graph (actors' sources
 * included, matched by URL or created), the XLSX workbook
 * holds the same sheets as values, networkx reads GraphML and GEXF (a mutual tie among
 * directed ones included) with every attribute, and the Cytoscape.js and FtM files hold
 * the same nodes and ties.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../server/io/csv-parse.js';
import type { BackupDocument } from '../../server/services/backup.js';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';
import { importFile } from '../support/imports.js';

const SLOW = 120_000;
const script = join(import.meta.dirname, '../python/read_exports.py');

function hasNetworkx(): boolean {
  try {
    execFileSync('python3', ['-c', 'import networkx'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const networkx = hasNetworkx();
if (!networkx)
  console.warn(
    'export-formats: python3 with networkx is missing here, so the networkx checks are skipped (pip install networkx; .ci/run installs it).',
  );

interface Read {
  directed: boolean;
  nodes: Record<string, Record<string, unknown>>;
  edges: Record<string, { source: string; target: string; bothWays: boolean; data: Record<string, unknown> }>;
}

describe('export formats', () => {
  let ctx: TestContext;
  let me: Caller;
  let ws: string;
  let dir: string;
  let doc: BackupDocument;
  const get = (path: string) => ctx.app.inject({ url: `/api/workspaces/${ws}${path}`, headers: { cookie: me.cookie } });

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Exporter');
    ws = await newWorkspace(ctx.app, me, 'Formats');
    dir = mkdtempSync(join(tmpdir(), 'pm-export-'));
    const api = (path: string, body: unknown) => call(ctx.app, me, 'POST', `/api/workspaces/${ws}${path}`, body);
    const ana = (
      await api('/actors', {
        kind: 'person',
        name: 'Ana Rivera',
        description: 'Mayor, since 2022',
        tags: ['city', 'budget'],
        roles: ['decision_maker', 'influencer'],
        power: 5,
        alignment: -1,
        aliases: ['A. Rivera'],
        externalIds: { wikidata: 'Q42' },
        links: ['https://example.org/ana'],
        privateNotes: 'prefers mornings',
      })
    ).body;
    const acme = (
      await api('/actors', {
        kind: 'organization',
        name: 'Acme Holdings, Inc.',
        sector: 'corporate',
        power: 4,
        alignment: -3,
        tags: ['donor'],
        sharesOutstanding: 80_000_000,
      })
    ).body;
    const union = (await api('/actors', { kind: 'organization', name: 'Nurses Local 12', roles: ['base'], alignment: 3 })).body;
    const lee = (await api('/actors', { kind: 'person', name: 'Dr. Lee', description: 'Line one\nline two' })).body;
    const allies = (await api('/actors', { kind: 'organization', name: 'Tenants United', sector: 'community' })).body;
    const source = (await api('/sources', { url: 'https://news.example.org/donations', publisher: 'Daily Ledger' })).body;
    for (const tie of [
      {
        type: 'DONATION',
        from: acme.id,
        to: ana.id,
        amount: 25000,
        currency: 'USD',
        date: '2024-05-01',
        strength: 4,
        sourceIds: [source.id],
        description: 'Largest donor',
      },
      { type: 'POSITION', from: lee.id, to: acme.id, board: true, title: 'Director', startDate: '2019-01-01' },
      { type: 'ALLIANCE', from: union.id, to: allies.id, coalition: 'Care not cuts' },
      { type: 'SOCIAL', from: ana.id, to: lee.id, strength: 2 },
      { type: 'OWNERSHIP', from: lee.id, to: acme.id, percent: 12.5 },
      { type: 'INFLUENCE', from: union.id, to: ana.id, how: 'turnout' },
    ]) {
      const res = await api('/relationships', tie);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    doc = JSON.parse((await get('/export?format=json')).body);
  }, SLOW);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await ctx.close();
  });

  it(
    'writes CSV and XLSX sheets that the import reads back as the same graph, shares outstanding included',
    async () => {
      const elements = (await get('/export?format=actors-csv')).body;
      const connections = (await get('/export?format=relationships-csv')).body;
      const ties = parseCsv(connections);
      expect(ties.map((t) => `${t.From} → ${t.To}`)).toContain('Acme Holdings, Inc. → Ana Rivera');
      expect(parseCsv(elements).find((r) => r.Label === 'Ana Rivera')).toMatchObject({
        Aliases: 'A. Rivera',
        'External ids': 'wikidata:Q42',
        Roles: 'decision_maker|influencer',
      });

      const other = await newWorkspace(ctx.app, me, 'Imported');
      const imported = await call(ctx.app, me, 'POST', `/api/workspaces/${other}/import/kumu`, { elements, connections });
      expect(imported.status, JSON.stringify(imported.body)).toBe(200);
      const back: BackupDocument = JSON.parse(
        (await ctx.app.inject({ url: `/api/workspaces/${other}/export?format=json`, headers: { cookie: me.cookie } })).body,
      );

      const actorView = (d: BackupDocument) =>
        d.actors
          .map(({ name, kind, description, tags, roles, sector, power, alignment, sharesOutstanding }) => ({
            name,
            kind,
            description,
            tags,
            roles: [...roles].sort(),
            sector,
            power,
            alignment,
            sharesOutstanding,
          }))
          .sort((a, b) => a.name.localeCompare(b.name));
      const names = (d: BackupDocument) => new Map(d.actors.map((a) => [a.id, a.name]));
      const tieView = (d: BackupDocument) => {
        const n = names(d);
        return d.relationships
          .map((r) => ({
            from: n.get(r.from),
            to: n.get(r.to),
            type: r.type,
            mutual: r.mutual,
            strength: r.strength,
            description: r.description,
          }))
          .sort((a, b) => `${a.from}${a.type}`.localeCompare(`${b.from}${b.type}`));
      };
      expect(actorView(back)).toEqual(actorView(doc));
      expect(tieView(back)).toEqual(tieView(doc));
      expect(back.actors.find((a) => a.name === 'Acme Holdings, Inc.')!.sharesOutstanding).toBe(80_000_000);

      // The XLSX workbook, imported as a job, brings the same actors back, shares outstanding included.
      const fromBook = await newWorkspace(ctx.app, me, 'Imported from XLSX');
      const xlsx = (await get('/export?format=xlsx')).rawPayload;
      const job = await importFile(ctx.app, me, fromBook, { format: 'xlsx' }, { name: 'formats.xlsx', content: xlsx });
      expect(job.state, JSON.stringify(job)).toBe('done');
      const book: BackupDocument = JSON.parse(
        (await ctx.app.inject({ url: `/api/workspaces/${fromBook}/export?format=json`, headers: { cookie: me.cookie } })).body,
      );
      expect(actorView(book)).toEqual(actorView(doc));

      // A shares outstanding that is not a number above 0 is the row's error, named by its column, and nothing is written.
      const sheet =
        'Label,Type,Shares outstanding\r\nGood Co,Organization,"1,000"\r\nBad Co,Organization,lots\r\nNone Co,Organization,0\r\n';
      const refused = await call(ctx.app, me, 'POST', `/api/workspaces/${other}/import/kumu`, { elements: sheet, connections: '' });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        { path: 'body.elements.row 3.Shares outstanding', message: expect.stringMatching(/number above 0/) },
        { path: 'body.elements.row 4.Shares outstanding', message: expect.stringMatching(/number above 0/) },
      ]);
      const failed = await importFile(ctx.app, me, other, { format: 'csv' }, { name: 'elements.csv', content: sheet });
      expect(failed.errors).toEqual([
        { row: 3, column: 'Shares outstanding', message: expect.stringMatching(/number above 0/) },
        { row: 4, column: 'Shares outstanding', message: expect.stringMatching(/number above 0/) },
      ]);
      const left = (await call(ctx.app, me, 'GET', `/api/workspaces/${other}/actors?limit=500`)).body.items.map(
        (a: { name: string }) => a.name,
      );
      expect(left).not.toContain('Good Co');
    },
    SLOW,
  );

  it(
    'writes an XLSX workbook with the same two sheets, as values and never formulas',
    async () => {
      const res = await get('/export?format=xlsx');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const [elements, connections] = [book.getWorksheet('Elements')!, book.getWorksheet('Connections')!];
      expect(elements.getRow(1).values).toEqual(
        expect.arrayContaining(['Label', 'Type', 'Tags', 'Power', 'Alignment', 'External ids', 'Private notes (internal)']),
      );
      expect(elements.rowCount).toBe(1 + doc.actors.length);
      const shares = (elements.getRow(1).values as string[]).indexOf('Shares outstanding');
      const acme = [...Array(elements.rowCount).keys()]
        .map((i) => elements.getRow(i + 1))
        .find((r) => r.getCell(1).value === 'Acme Holdings, Inc.')!;
      expect(acme.getCell(shares).value).toBe(80_000_000);
      expect(connections.rowCount).toBe(1 + doc.relationships.length);
      const header = (connections.getRow(1).values as string[]).indexOf('Sources');
      const cited: unknown[] = [];
      connections.eachRow((row) => {
        row.eachCell((cell) => expect(cell.formula).toBeUndefined());
        if (row.getCell(header).value) cited.push(row.getCell(header).value);
      });
      expect(cited).toEqual(['Sources', 'https://news.example.org/donations']);
    },
    SLOW,
  );

  for (const format of ['graphml', 'gexf'] as const) {
    it.skipIf(!networkx)(
      `writes ${format} that networkx reads with every node, tie and attribute, mutual ties included`,
      async () => {
        const res = await get(`/export?format=${format}`);
        expect(res.statusCode).toBe(200);
        const file = join(dir, `export.${format}`);
        writeFileSync(file, res.body);
        const read: Read = JSON.parse(execFileSync('python3', [script, format, file]).toString());
        expect(read.directed).toBe(true);
        expect(Object.keys(read.nodes).sort()).toEqual(doc.actors.map((a) => a.id).sort());
        const ana = doc.actors.find((a) => a.name === 'Ana Rivera')!;
        expect(read.nodes[ana.id]).toMatchObject({
          label: 'Ana Rivera',
          kind: 'person',
          power: 5,
          alignment: -1,
          tags: 'city|budget',
          aliases: 'A. Rivera',
          externalIds: 'wikidata:Q42',
          privateNotes: 'prefers mornings',
        });
        expect(read.nodes[doc.actors.find((a) => a.name === 'Dr. Lee')!.id]!.description).toBe('Line one\nline two');
        // What a 13F count of shares is a percent of.
        expect(read.nodes[doc.actors.find((a) => a.name === 'Acme Holdings, Inc.')!.id]!.sharesOutstanding).toBe(80_000_000);
        expect(Object.keys(read.edges).sort()).toEqual(doc.relationships.map((r) => r.id).sort());
        for (const rel of doc.relationships) {
          const edge = read.edges[rel.id]!;
          expect(edge, rel.type).toMatchObject({
            source: rel.from,
            target: rel.to,
            data: { type: rel.type, mutual: rel.mutual, strength: rel.strength },
          });
          // GEXF keeps a mutual tie as one edge both ways; GraphML as a directed edge that says it is mutual.
          expect(edge.bothWays, rel.type).toBe(format === 'gexf' && rel.mutual);
        }
        const donation = doc.relationships.find((r) => r.type === 'DONATION')!;
        expect(read.edges[donation.id]!.data).toMatchObject({
          amount: 25000,
          currency: 'USD',
          date: '2024-05-01',
          sources: 'https://news.example.org/donations',
        });
      },
      SLOW,
    );
  }

  it(
    'writes Cytoscape.js elements with every node and tie, and a map’s layout as positions',
    async () => {
      const maps = await call(ctx.app, me, 'POST', `/api/workspaces/${ws}/maps`, {
        name: 'Two',
        members: [{ actorId: doc.actors[0]!.id, x: 5, y: 7 }, { actorId: doc.actors[1]!.id }],
      });
      const all = JSON.parse((await get('/export?format=cytoscape')).body);
      expect(all.elements.nodes).toHaveLength(doc.actors.length);
      expect(all.elements.edges).toHaveLength(doc.relationships.length);
      expect(all.elements.edges[0].data).toMatchObject({
        id: expect.any(String),
        source: expect.any(String),
        target: expect.any(String),
        type: expect.any(String),
      });
      const one = JSON.parse((await get(`/export?format=cytoscape&map=${maps.body.id}`)).body);
      expect(one.elements.nodes).toHaveLength(2);
      expect(one.elements.nodes.find((n: { data: { id: string } }) => n.data.id === doc.actors[0]!.id).position).toEqual({ x: 5, y: 7 });
    },
    SLOW,
  );

  it(
    'writes FollowTheMoney entities: people, companies and organisations, ties as FtM intervals, sources as sourceUrl',
    async () => {
      const res = await get('/export?format=ftm');
      expect(res.statusCode).toBe(200);
      const entities = res.body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> });
      const byName = new Map(entities.filter((e) => e.properties.name).map((e) => [e.properties.name![0], e]));
      expect(byName.get('Ana Rivera')).toMatchObject({ schema: 'Person', properties: { alias: ['A. Rivera'], wikidataId: ['Q42'] } });
      expect(byName.get('Acme Holdings, Inc.')!.schema).toBe('Company');
      expect(byName.get('Nurses Local 12')!.schema).toBe('Organization');
      const schemata = entities
        .filter((e) => !e.properties.name)
        .map((e) => e.schema)
        .sort();
      expect(schemata).toEqual(['Associate', 'Directorship', 'Ownership', 'Payment', 'UnknownLink', 'UnknownLink']);
      const payment = entities.find((e) => e.schema === 'Payment')!;
      expect(payment.properties).toMatchObject({
        payer: [byName.get('Acme Holdings, Inc.')!.id],
        beneficiary: [byName.get('Ana Rivera')!.id],
        amount: ['25000'],
        currency: ['USD'],
        sourceUrl: ['https://news.example.org/donations'],
        publisher: ['Daily Ledger'],
      });
      // FtM data is made to be shared: what the workspace keeps to itself stays out, fields an owner made internal too.
      expect(res.body).not.toContain('prefers mornings');
      expect(
        (await call(ctx.app, me, 'PUT', `/api/workspaces/${ws}/internal-fields`, { actor: ['aliases'], relationship: ['amount'] })).status,
      ).toBe(200);
      const kept = (await get('/export?format=ftm')).body;
      expect(kept).not.toContain('A. Rivera');
      expect(kept).not.toContain('25000');
      expect(kept).toContain('Ana Rivera');
    },
    SLOW,
  );

  it(
    'carries each actor’s sources in the CSV and XLSX actor sheets, and both import back citing them: known URLs matched, new ones created',
    async () => {
      const post = async (w: string, path: string, body: unknown) => {
        const res = await call(ctx.app, me, 'POST', `/api/workspaces/${w}${path}`, body);
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
        return res.body;
      };
      const exportOf = (w: string, format: string) =>
        ctx.app.inject({ url: `/api/workspaces/${w}/export?format=${format}`, headers: { cookie: me.cookie } });
      const MINUTES = 'https://example.org/board/minutes-2024';
      const FILING = 'https://example.org/filings/10-k';
      const cited = await newWorkspace(ctx.app, me, 'Cited actors');
      const minutes = await post(cited, '/sources', { url: MINUTES, title: 'Board minutes' });
      const filing = await post(cited, '/sources', { url: FILING });
      const maria = await post(cited, '/actors', { kind: 'person', name: 'Maria Delgado', sourceIds: [minutes.id, filing.id] });
      const bank = await post(cited, '/actors', { kind: 'organization', name: 'Harbor Point Bank', sourceIds: [filing.id] });
      await post(cited, '/actors', { kind: 'person', name: 'Uncited Person' });
      await post(cited, '/relationships', { type: 'DONATION', from: bank.id, to: maria.id, sourceIds: [minutes.id] });

      const elements = (await exportOf(cited, 'actors-csv')).body;
      const connections = (await exportOf(cited, 'relationships-csv')).body;
      const rows = new Map(parseCsv(elements).map((r) => [r.Label, r.Sources]));
      expect(rows.get('Maria Delgado')).toBe(`${MINUTES} | ${FILING}`);
      expect(rows.get('Harbor Point Bank')).toBe(FILING);
      expect(rows.get('Uncited Person')).toBe('');
      const xlsx = (await exportOf(cited, 'xlsx')).rawPayload;
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('Elements')!;
      const header = sheet.getRow(1).values as string[];
      const inBook = new Map<string, unknown>();
      sheet.eachRow((row, n) => {
        if (n > 1) inBook.set(String(row.getCell(header.indexOf('Label')).value), row.getCell(header.indexOf('Sources')).value);
      });
      expect(inBook.get('Maria Delgado')).toBe(`${MINUTES} | ${FILING}`);

      // Each fresh workspace already has the filing, under its URL spelled a little differently.
      const readBack = async (w: string) => {
        const back: BackupDocument = JSON.parse((await exportOf(w, 'json')).body);
        const urlOf = new Map(back.sources.map((s) => [s.id, s.url]));
        const cites = (name: string) =>
          back.actors
            .find((a) => a.name === name)!
            .sourceIds.map((id) => urlOf.get(id))
            .sort();
        return { back, cites };
      };
      const KNOWN = 'https://www.example.org/filings/10-k/?utm_source=newsletter';

      const fromCsv = await newWorkspace(ctx.app, me, 'Cited again from CSV');
      await post(fromCsv, '/sources', { url: KNOWN, title: 'Harbor Point 10-K' });
      const imported = await call(ctx.app, me, 'POST', `/api/workspaces/${fromCsv}/import/kumu`, { elements, connections });
      expect(imported.status, JSON.stringify(imported.body)).toBe(200);
      const csv = await readBack(fromCsv);
      expect(csv.cites('Maria Delgado')).toEqual([MINUTES, KNOWN]);
      expect(csv.cites('Harbor Point Bank')).toEqual([KNOWN]);
      expect(csv.cites('Uncited Person')).toEqual([]);
      // The minutes were created once, for Maria and for the tie; the filing was the workspace's own.
      expect(csv.back.sources.map((s) => s.url).sort()).toEqual([MINUTES, KNOWN]);
      const minutesId = csv.back.sources.find((s) => s.url === MINUTES)!.id;
      expect(csv.back.relationships.map((r) => r.sourceIds)).toEqual([[minutesId]]);

      const fromXlsx = await newWorkspace(ctx.app, me, 'Cited again from XLSX');
      await post(fromXlsx, '/sources', { url: KNOWN, title: 'Harbor Point 10-K' });
      const job = await importFile(ctx.app, me, fromXlsx, { format: 'xlsx' }, { name: 'cited.xlsx', content: xlsx });
      expect(job.state, JSON.stringify(job)).toBe('done');
      const book2 = await readBack(fromXlsx);
      expect(book2.cites('Maria Delgado')).toEqual([MINUTES, KNOWN]);
      expect(book2.cites('Harbor Point Bank')).toEqual([KNOWN]);
      expect(book2.back.sources.map((s) => s.url).sort()).toEqual([MINUTES, KNOWN]);
      expect(book2.back.relationships.map((r) => r.sourceIds.length)).toEqual([1]);

      // A Sources cell naming a title the workspace does not have is refused with its row, and nothing is written.
      const refused = await call(ctx.app, me, 'POST', `/api/workspaces/${fromCsv}/import/kumu`, {
        elements: 'Label,Type,Sources\r\nNew Person,Person,Some memo nobody filed\r\n',
        connections: 'From,To,Type\r\n',
      });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('row 2.Sources');
      expect((await readBack(fromCsv)).back.actors.map((a) => a.name)).not.toContain('New Person');
    },
    SLOW,
  );
});
