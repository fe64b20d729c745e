import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/app.js';
import { testApp, type TestContext } from '../support/app.js';
import { appWith, call, newWorkspace, signUp, type Caller } from '../support/api.js';
import { finished, importFile } from '../support/imports.js';
import { FAILING_ENTITY, littlesisFile, recordedLittleSis, type RecordedLittleSis } from '../support/littlesis.js';

async function workbook(sheets: Record<string, (string | number | { formula: string })[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = wb.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('LittleSis', () => {
  let ctx: TestContext;
  let app: App;
  let offline: App;
  let server: RecordedLittleSis;
  let me: Caller;
  let ws: string;
  const url = (path: string) => `/api/workspaces/${ws}${path}`;

  beforeAll(async () => {
    ctx = await testApp();
    server = await recordedLittleSis();
    app = await appWith(ctx.app, {
      config: { ...ctx.app.config, LITTLESIS_URL: server.url },
    });
    // A port nothing listens on: the server "has no internet".
    offline = await appWith(ctx.app, { config: { ...ctx.app.config, LITTLESIS_URL: 'http://127.0.0.1:9' } });
    me = await signUp(app, 'LittleSis researcher');
    ws = await newWorkspace(app, me, 'Private equity');
  });
  afterAll(async () => {
    await app.close();
    await offline.close();
    await server.close();
    await ctx.close();
  });

  it('adds an entity with its connections, typed by category and cited to LittleSis; again changes nothing', async () => {
    const started = await call(app, me, 'POST', url('/imports/littlesis'), {
      entity: 'https://littlesis.org/org/9001-Harbor_Point_Capital',
    });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const job = await finished(app, me, ws, started.body.id);
    expect(job.state, JSON.stringify(job)).toBe('done');
    expect(job.counts).toEqual({
      actorsCreated: 5,
      actorsMatched: 0,
      relationshipsCreated: 6,
      relationshipsMatched: 0,
      sourcesCreated: 6,
      skipped: 0,
    });

    const actors = (await call(app, me, 'GET', url('/actors'))).body.items as {
      id: string;
      name: string;
      kind: string;
      externalIds: Record<string, string>;
    }[];
    const by = (name: string) => actors.find((a) => a.name === name)!;
    expect(by('Dana Whitfield')).toMatchObject({ kind: 'person', externalIds: { littlesis: '9002' } });
    const ties = (await call(app, me, 'GET', url('/relationships'))).body.items as Record<string, unknown>[];
    const tie = (type: string, extra: Record<string, unknown> = {}) =>
      ties.find((t) => t.type === type && Object.entries(extra).every(([k, v]) => t[k] === v));
    expect(tie('POSITION', { title: 'Managing Partner' })).toMatchObject({
      executive: true,
      current: true,
      startDate: '2010-01-01',
      from: by('Dana Whitfield').id,
    });
    expect(tie('POSITION', { title: 'Board Member' })).toMatchObject({ board: true, current: false, endDate: '2020-12-31' });
    expect(tie('OWNERSHIP')).toMatchObject({
      percent: 80,
      from: by('Harbor Point Capital LLC').id,
      to: by('Meridian Health Systems, Inc.').id,
    });
    expect(tie('DONATION')).toMatchObject({ amount: 25000, currency: 'USD', date: '2022-10-15' });
    // LittleSis's child → parent is our parent → subsidiary.
    expect(tie('HIERARCHY')).toMatchObject({ from: by('Harbor Point Capital LLC').id, relation: 'subsidiary' });
    expect(tie('SOCIAL')).toMatchObject({ mutual: true, relation: 'Friend' });
    const sources = (await call(app, me, 'GET', url('/sources'))).body.items as { url: string; publisher: string }[];
    expect(sources.map((s) => s.url).sort()[0]).toBe('https://littlesis.org/relationships/70001');

    const again = await finished(app, me, ws, (await call(app, me, 'POST', url('/imports/littlesis'), { entity: '9001' })).body.id);
    expect(again.counts).toMatchObject({
      actorsCreated: 0,
      actorsMatched: 5,
      relationshipsCreated: 0,
      relationshipsMatched: 6,
      sourcesCreated: 0,
    });
  }, 180_000);

  it('imports the same answers uploaded as a file', async () => {
    const other = await newWorkspace(app, me, 'From a file');
    const file = littlesisFile();
    const job = await importFile(app, me, other, { format: 'littlesis' }, { name: 'littlesis.json', content: file });
    expect(job.counts).toMatchObject({ actorsCreated: 5, relationshipsCreated: 6 });
  }, 120_000);

  it('says so when the server cannot reach LittleSis, and when the id is not one', async () => {
    const res = await call(offline, me, 'POST', url('/imports/littlesis'), { entity: '9001' });
    expect(res.status).toBe(502);
    expect(res.body.detail).toMatch(/could not reach LittleSis .* no internet access/);
    const bad = await call(app, me, 'POST', url('/imports/littlesis'), { entity: 'Goldman Sachs' });
    expect(bad.status).toBe(400);
    const unknown = await call(app, me, 'POST', url('/imports/littlesis'), { entity: 'https://littlesis.org/person/424242-Nobody' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toMatch(/LittleSis has no entity 424242/);
    const failing = await call(app, me, 'POST', url('/imports/littlesis'), { entity: String(FAILING_ENTITY) });
    expect(failing.status).toBeGreaterThanOrEqual(502);
    expect(failing.status).toBeLessThan(504);
    expect(failing.body.detail).toMatch(/LittleSis answered 500/);
  }, 60_000);

  it('lists close names as candidates, and matches the ones confirmed the same while keeping the others apart', async () => {
    const other = await newWorkspace(app, me, 'Near names');
    const at = (path: string) => `/api/workspaces/${other}${path}`;
    const dana = (await call(app, me, 'POST', at('/actors'), { kind: 'person', name: 'Dana Whitfeld' })).body.id as string;
    const meridian = (await call(app, me, 'POST', at('/actors'), { kind: 'organization', name: 'Meridian Health System' })).body
      .id as string;

    const preview = await finished(
      app,
      me,
      other,
      (await call(app, me, 'POST', at('/imports/littlesis'), { entity: '9001', dryRun: true })).body.id,
    );
    expect(preview.state).toBe('done');
    const fuzzy = preview.fuzzy as { name: string; candidates: { id: string; name: string }[] }[];
    expect(fuzzy.find((f) => f.name === 'Dana Whitfield')?.candidates[0]).toMatchObject({ id: dana, name: 'Dana Whitfeld' });
    expect(fuzzy.find((f) => f.name === 'Meridian Health Systems, Inc.')?.candidates[0]).toMatchObject({ id: meridian });
    expect(preview.counts).toMatchObject({ actorsCreated: 5, actorsMatched: 0 });

    // Dana is the same person; the hospital group is kept apart.
    const done = await finished(
      app,
      me,
      other,
      (await call(app, me, 'POST', at('/imports/littlesis'), { entity: '9001', matches: { 'Dana Whitfield': dana } })).body.id,
    );
    expect(done.state, JSON.stringify(done)).toBe('done');
    expect(done.counts).toMatchObject({ actorsCreated: 4, actorsMatched: 1, relationshipsCreated: 6 });
    const actors = (await call(app, me, 'GET', at('/actors'))).body.items as { id: string; name: string }[];
    expect(actors.map((a) => a.name).sort()).toEqual([
      'Committee to Elect Jordan Reyes',
      'Dana Whitfeld',
      'Harbor Point Capital LLC',
      'Marcus Oyelaran',
      'Meridian Health System',
      'Meridian Health Systems, Inc.',
    ]);
    const ties = (await call(app, me, 'GET', at('/relationships'))).body.items as { from: string; to: string; title?: string }[];
    expect(ties.filter((t) => t.from === dana || t.to === dana).length).toBeGreaterThan(0);
    expect(ties.some((t) => t.from === meridian || t.to === meridian)).toBe(false);

    // The confirmed actor took LittleSis's id: importing again, with no answers, changes nothing.
    const danaNow = (await call(app, me, 'GET', at(`/actors/${dana}`))).body as { externalIds: Record<string, string> };
    expect(danaNow.externalIds).toEqual({ littlesis: '9002' });
    const again = await finished(app, me, other, (await call(app, me, 'POST', at('/imports/littlesis'), { entity: '9001' })).body.id);
    expect(again.counts).toMatchObject({ actorsCreated: 0, actorsMatched: 5, relationshipsCreated: 0, relationshipsMatched: 6 });
    expect(((await call(app, me, 'GET', at('/actors'))).body.items as unknown[]).length).toBe(6);
  }, 180_000);

  it('refuses a confirmation that is not a name and an actor id', async () => {
    const res = await call(app, me, 'POST', url('/imports/littlesis'), { entity: '9001', matches: { 'Dana Whitfield': 'not-an-id' } });
    expect(res.status).toBe(400);
  }, 60_000);
});

describe('spreadsheets', () => {
  let ctx: TestContext;
  let me: Caller;

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Workbook importer');
  });
  afterAll(() => ctx.close());

  it('reads a mapped XLSX sheet with tags and external ids', async () => {
    const ws = await newWorkspace(ctx.app, me, 'Workbook');
    const file = await workbook({
      Notes: [['nothing here']],
      Board: [
        ['Director', 'FEC id', 'Company', 'Role', 'Pay', 'Tag'],
        ['Ana Rivera', 'P001', 'Meridian Health', 'Chair', 250000, 'health'],
        ['Ben Okafor', 'P002', 'Meridian Health', 'Trustee', '', 'health'],
      ],
    });
    const mapping = {
      sheet: 'Board',
      from: { column: 'Director', kind: 'person', idColumn: 'FEC id', idKey: 'fec', tagColumns: ['Tag'] },
      to: { column: 'Company' },
      type: { value: 'POSITION' },
      title: 'Role',
      amount: 'Pay',
    };
    const job = await importFile(
      ctx.app,
      me,
      ws,
      { format: 'xlsx', mapping: JSON.stringify(mapping) },
      { name: 'board.xlsx', content: file },
    );
    expect(job.state, JSON.stringify(job)).toBe('done');
    expect(job.counts).toMatchObject({ actorsCreated: 3, relationshipsCreated: 2 });
    const actors = (await call(ctx.app, me, 'GET', `/api/workspaces/${ws}/actors`)).body.items;
    expect(actors.find((a: { name: string }) => a.name === 'Ana Rivera')).toMatchObject({ externalIds: { fec: 'P001' }, tags: ['health'] });
    const ties = (await call(ctx.app, me, 'GET', `/api/workspaces/${ws}/relationships`)).body.items;
    expect(ties.find((t: { title: string }) => t.title === 'Chair')).toMatchObject({ compensation: 250000 });
  }, 120_000);

  it('recognises Kumu’s two sheets by themselves', async () => {
    const ws = await newWorkspace(ctx.app, me, 'Kumu workbook');
    const file = await workbook({
      Elements: [
        ['Label', 'Type', 'Power'],
        ['Mayor Ana Rivera', 'Person', 5],
        ['Meridian Health', 'Organization', 4],
        ['Dr. Lee', 'Person', ''],
      ],
      Connections: [
        ['From', 'To', 'Type', 'Strength'],
        ['Dr. Lee', 'Meridian Health', 'Board member', 4],
        ['Meridian Health', 'Mayor Ana Rivera', 'Campaign donation', ''],
      ],
    });
    const job = await importFile(ctx.app, me, ws, { format: 'xlsx' }, { name: 'kumu.xlsx', content: file });
    expect(job.state, JSON.stringify(job)).toBe('done');
    expect(job.sample.detected).toBe('kumu');
    expect(job.counts).toMatchObject({ actorsCreated: 3, relationshipsCreated: 2 });
    const ties = (await call(ctx.app, me, 'GET', `/api/workspaces/${ws}/relationships`)).body.items;
    expect(ties.map((t: { type: string }) => t.type).sort()).toEqual(['DONATION', 'POSITION']);
    expect(ties.find((t: { type: string }) => t.type === 'POSITION')).toMatchObject({ board: true, strength: 4 });
  }, 120_000);

  it('refuses a workbook with formulas, naming the cell, and writes nothing', async () => {
    const ws = await newWorkspace(ctx.app, me, 'Formulas');
    const file = await workbook({
      Sheet1: [
        ['From', 'To', 'Amount'],
        ['Ana', 'Meridian', { formula: 'SUM(1,2)' }],
      ],
    });
    const job = await importFile(ctx.app, me, ws, { format: 'xlsx' }, { name: 'formulas.xlsx', content: file });
    expect(job.state).toBe('failed');
    expect(job.failure).toMatch(/row 2, cell C2 holds a formula/);
    expect(job.errors).toEqual([{ row: 2, column: 'C2', message: 'holds a formula; paste values instead' }]);
    expect((await call(ctx.app, me, 'GET', `/api/workspaces/${ws}/actors`)).body.items).toHaveLength(0);
  }, 120_000);

  it('refuses a file over the size limit with 413 before reading it', async () => {
    const small = await appWith(ctx.app, { config: { ...ctx.app.config, IMPORT_MAX_MB: 1 } });
    try {
      const ws = await newWorkspace(small, me, 'Limits');
      const { startImport } = await import('../support/imports.js');
      const res = await startImport(small, me, ws, { format: 'csv' }, { name: 'big.csv', content: Buffer.alloc(3 * 1024 * 1024, 'a') });
      expect(res.status).toBe(413);
      expect(res.body.detail).toMatch(/takes at most/);
    } finally {
      await small.close();
    }
  }, 60_000);
});
