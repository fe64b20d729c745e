import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';
import { finished, importFile, startImport } from '../support/imports.js';

const ties = `Person,Organisation,Relationship,Since,Source
Ana Rivera,"Meridian Health, Inc.",Board member,2019-03-01,https://example.org/filings/1
Ben Okafor,Meridian Health,Investor,,https://example.org/filings/2
"Cara
Lind",City Hospital Trust,Donor,2021,
`;
const mapping = JSON.stringify({
  from: { column: 'Person', kind: 'person' },
  to: { column: 'Organisation', kind: 'organization' },
  type: { column: 'Relationship' },
  startDate: 'Since',
  sourceUrl: 'Source',
});

describe('import jobs', () => {
  let ctx: TestContext;
  let me: Caller;
  let ws: string;
  const url = (path: string) => `/api/workspaces/${ws}${path}`;
  const graph = async () => ({
    actors: (await call(ctx.app, me, 'GET', url('/actors'))).body.items as {
      id: string;
      name: string;
      kind: string;
      sector: string | null;
      externalIds: Record<string, string>;
    }[],
    ties: (await call(ctx.app, me, 'GET', url('/relationships'))).body.items as {
      type: string;
      from: string;
      to: string;
      sourceIds: string[];
      startDate: string | null;
    }[],
  });

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Job importer');
    ws = await newWorkspace(ctx.app, me, 'Jobs');
    await call(ctx.app, me, 'POST', url('/actors'), { kind: 'organization', name: 'Meridian Health' });
  });
  afterAll(() => ctx.close());

  it('previews a mapped CSV, then imports it, and a second import changes nothing', async () => {
    const dry = await importFile(ctx.app, me, ws, { format: 'csv', mapping, dryRun: 'true' }, { name: 'ties.csv', content: ties });
    expect(dry).toMatchObject({ state: 'done', dryRun: true, progress: { rows: 3, totalRows: 3 }, errors: [] });
    // "Meridian Health, Inc." is the Meridian Health already there; the other names are new.
    expect(dry.counts).toEqual({
      actorsCreated: 4,
      actorsMatched: 1,
      relationshipsCreated: 3,
      relationshipsMatched: 0,
      sourcesCreated: 2,
      skipped: 0,
    });
    expect(dry.labels).toEqual(
      expect.arrayContaining([
        { label: 'Board member', type: 'POSITION', rows: 1 },
        { label: 'Investor', type: 'OWNERSHIP', rows: 1 },
        { label: 'Donor', type: 'DONATION', rows: 1 },
      ]),
    );
    expect(dry.sample.sheets[0].columns).toEqual(['Person', 'Organisation', 'Relationship', 'Since', 'Source']);
    expect((await graph()).actors).toHaveLength(1);

    const done = await importFile(ctx.app, me, ws, { format: 'csv', mapping }, { name: 'ties.csv', content: ties });
    expect(done).toMatchObject({ state: 'done', dryRun: false, changeId: expect.any(String) });
    expect(done.counts).toEqual(dry.counts);
    const after = await graph();
    expect(after.actors.map((a) => a.name).sort()).toEqual([
      'Ana Rivera',
      'Ben Okafor',
      'Cara\nLind',
      'City Hospital Trust',
      'Meridian Health',
    ]);
    const board = after.ties.find((t) => t.type === 'POSITION')!;
    expect(board).toMatchObject({ startDate: '2019-03-01', sourceIds: [expect.any(String)] });
    expect(after.ties.find((t) => t.type === 'DONATION')).toMatchObject({ startDate: '2021-01-01' });

    const again = await importFile(ctx.app, me, ws, { format: 'csv', mapping }, { name: 'ties.csv', content: ties });
    expect(again.counts).toEqual({
      actorsCreated: 0,
      actorsMatched: 5,
      relationshipsCreated: 0,
      relationshipsMatched: 3,
      sourcesCreated: 0,
      skipped: 0,
    });
    expect(again.changeId).toBeNull();
    expect(await graph()).toEqual(after);

    const list = await call(ctx.app, me, 'GET', url('/imports'));
    expect(list.body.items.map((j: { id: string }) => j.id)).toContain(again.id);
  }, 180_000);

  it('reads semicolons, tabs and a BOM, and the From/To header without a mapping', async () => {
    const other = await newWorkspace(ctx.app, me, 'Separators');
    for (const [sep, name] of [
      [';', 'semi'],
      ['\t', 'tab'],
    ] as const) {
      const text = `\uFEFFFrom${sep}To${sep}Type\nAna Rivera${sep}Nurses Union${sep}member\n`;
      const job = await importFile(ctx.app, me, other, { format: 'csv' }, { name: `${name}.csv`, content: text });
      expect(job.state, JSON.stringify(job)).toBe('done');
    }
    const actors = (await call(ctx.app, me, 'GET', `/api/workspaces/${other}/actors`)).body.items;
    expect(actors.map((a: { name: string }) => a.name).sort()).toEqual(['Ana Rivera', 'Nurses Union']);
  }, 180_000);

  it('names every bad row and writes nothing', async () => {
    const other = await newWorkspace(ctx.app, me, 'Bad rows');
    const rows = ['From,To,Type,Start'];
    for (let i = 0; i < 10_000; i++) rows.push(`Person ${i},Org ${i},member,not a date`);
    const job = await importFile(
      ctx.app,
      me,
      other,
      {
        format: 'csv',
        mapping: JSON.stringify({ from: { column: 'From' }, to: { column: 'To' }, type: { column: 'Type' }, startDate: 'Start' }),
      },
      { name: 'bad.csv', content: rows.join('\n') },
    );
    expect(job.state).toBe('failed');
    expect(job.errorCount).toBe(10_000);
    expect(job.errors[0]).toEqual({ row: 2, column: 'Start', message: 'must be a date such as 2024-03-05' });
    expect(job.failure).toMatch(/10000 rows fail \(the first at row 2\); nothing was imported/);
    expect((await call(ctx.app, me, 'GET', `/api/workspaces/${other}/actors`)).body.items).toHaveLength(0);
  }, 180_000);

  it('says which column is missing, which encoding is wrong, and that junk is not a table', async () => {
    const other = await newWorkspace(ctx.app, me, 'Bad files');
    const missing = await importFile(
      ctx.app,
      me,
      other,
      { format: 'csv', mapping },
      { name: 'x.csv', content: 'Person,Relationship\nAna,Donor\n' },
    );
    expect(missing).toMatchObject({ state: 'failed' });
    expect(missing.failure).toMatch(/The column “Organisation” \(the second actor\) is not in the file/);

    const latin1 = Buffer.concat([Buffer.from('From,To\nAna,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const encoding = await importFile(ctx.app, me, other, { format: 'csv' }, { name: 'latin1.csv', content: latin1 });
    expect(encoding.failure).toMatch(/not UTF-8 text: line 2/);

    const junk = Buffer.alloc(50 * 1024 * 1024);
    for (let i = 0; i < junk.length; i += 4) junk.writeUInt32LE((Math.imul(i, 2654435761) ^ 0xdeadbeef) >>> 0, i);
    const noise = await importFile(ctx.app, me, other, { format: 'csv' }, { name: 'junk.csv', content: junk });
    expect(noise.failure).toMatch(/not a text file/);
    expect((await call(ctx.app, me, 'GET', `/api/workspaces/${other}/actors`)).body.items).toHaveLength(0);
  }, 240_000);

  it('refuses what it cannot take with a clear 4xx', async () => {
    const noFile = await startImport(ctx.app, me, ws, { format: 'csv' });
    expect(noFile.status).toBe(400);
    expect(noFile.body.detail).toMatch(/Attach the file/);
    const badFormat = await startImport(ctx.app, me, ws, { format: 'docx' }, { name: 'a.docx', content: 'x' });
    expect(badFormat.status).toBe(400);
    const json = await call(ctx.app, me, 'POST', url('/imports'), { format: 'csv' });
    expect(json.status).toBe(415);
    const viewer = await signUp(ctx.app, 'Job viewer');
    await call(ctx.app, me, 'POST', url('/members'), { email: viewer.email, role: 'viewer' });
    expect((await startImport(ctx.app, viewer, ws, { format: 'csv' }, { name: 'a.csv', content: ties })).status).toBe(403);
    expect((await call(ctx.app, viewer, 'GET', url('/imports'))).status).toBe(403);
  }, 120_000);

  it('reports a job whose server died as failed with nothing written', async () => {
    const started = await startImport(ctx.app, me, ws, { format: 'csv', mapping, dryRun: 'true' }, { name: 'ties.csv', content: ties });
    await finished(ctx.app, me, ws, started.body.id);
    // As a killed server leaves it: running, its runner no longer beating.
    await ctx.app.db.write((tx) =>
      tx.query("MATCH (j:ImportJob {id: $id}) SET j.state = 'running', j.heartbeatAt = '2000-01-01T00:00:00.000Z'", {
        id: started.body.id,
      }),
    );
    const job = (await call(ctx.app, me, 'GET', url(`/imports/${started.body.id}`))).body;
    expect(job.state).toBe('failed');
    expect(job.failure).toMatch(/nothing of it was saved/);
  }, 120_000);
});

describe('FollowTheMoney entity streams', () => {
  let ctx: TestContext;
  let me: Caller;
  let ws: string;
  const ftm = readFileSync(new URL('../../../shared/data/de-party-donations/donations.ijson', import.meta.url));

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'FtM importer');
    ws = await newWorkspace(ctx.app, me, 'Party donations');
  });
  afterAll(() => ctx.close());

  it('imports the party donations as people, companies, organisations and donations; twice changes nothing', async () => {
    const job = await importFile(ctx.app, me, ws, { format: 'ftm' }, { name: 'donations.ijson', content: ftm });
    expect(job.state, JSON.stringify(job.errors.slice(0, 3))).toBe('done');
    expect(job.counts).toEqual({
      actorsCreated: 95,
      actorsMatched: 0,
      relationshipsCreated: 290,
      relationshipsMatched: 0,
      sourcesCreated: 0,
      skipped: 89,
    });
    const actors = (await call(ctx.app, me, 'GET', `/api/workspaces/${ws}/actors`)).body.items as {
      kind: string;
      sector: string | null;
      externalIds: Record<string, string>;
    }[];
    expect(actors.filter((a) => a.kind === 'person')).toHaveLength(22);
    expect(actors.filter((a) => a.kind === 'organization')).toHaveLength(73);
    expect(actors.filter((a) => a.sector === 'corporate')).toHaveLength(56);
    expect(actors.every((a) => /^[0-9a-f]{40}$/.test(a.externalIds.ftm ?? ''))).toBe(true);
    const ties = (await call(ctx.app, me, 'GET', `/api/workspaces/${ws}/relationships?type=DONATION&limit=500`)).body.items as {
      amount: number;
      currency: string;
      date: string;
    }[];
    expect(ties).toHaveLength(290);
    expect(ties.every((t) => t.currency === 'EUR' && t.amount > 0 && /^\d{4}-\d\d-\d\d$/.test(t.date))).toBe(true);

    const again = await importFile(ctx.app, me, ws, { format: 'ftm' }, { name: 'donations.ijson', content: ftm });
    expect(again.counts).toEqual({
      actorsCreated: 0,
      actorsMatched: 95,
      relationshipsCreated: 0,
      relationshipsMatched: 290,
      sourcesCreated: 0,
      skipped: 89,
    });
    expect(again.changeId).toBeNull();
  }, 240_000);
});
