/**
 * CSV and FollowTheMoney files are read from disk a piece at a time (64 KB), a row or a line
 * at a time into the plan. These files are many pieces long, with what a reader can get wrong
 * at the seams: a quoted field with a newline, and accented letters (two UTF-8 bytes) on every
 * row, so that pieces end inside them; a bad byte or a bad row deep in the file; FtM links
 * that come before the entities they join.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';
import { importFile } from '../support/imports.js';

const ROWS = 6_000;
const mapping = JSON.stringify({
  from: { column: 'Person', kind: 'person' },
  to: { column: 'Organisation', kind: 'organization' },
  type: { column: 'Relationship' },
  startDate: 'Since',
  notes: 'Notes',
});

/** Row i + 2 of the file: a person on the board of one of 40 organisations, with two lines of notes. */
const person = (i: number) => `Zoë Müller-Ångström ${i}`;
const notesOf = (i: number) => `Seat ${i} — appointed by the “Régie”,\nconfirmed ${'é'.repeat(1 + (i % 97))}`;
function bigCsv(bad?: { row: number; since: string }) {
  const lines = ['Person,Organisation,Relationship,Since,Notes'];
  for (let i = 0; i < ROWS; i++) {
    const since = bad && bad.row === i + 2 ? bad.since : `20${String(10 + (i % 15))}-0${1 + (i % 9)}-1${i % 10}`;
    lines.push(`${person(i)},Société ${i % 40},Board member,${since},"${notesOf(i).replace(/"/g, '""')}"`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('streamed imports', () => {
  let ctx: TestContext;
  let me: Caller;

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Stream importer');
  });
  afterAll(() => ctx.close());

  const backupOf = async (ws: string) => {
    const res = await call(ctx.app, me, 'GET', `/api/workspaces/${ws}/export?format=backup`);
    expect(res.status).toBe(200);
    return res.body as {
      actors: { id: string; name: string; kind: string; externalIds: Record<string, string> }[];
      relationships: { type: string; from: string; to: string; description: string; startDate: string; amount?: number }[];
    };
  };

  it('imports a CSV of many pieces with every row, accent and quoted newline intact; again changes nothing', async () => {
    const ws = await newWorkspace(ctx.app, me, 'Streamed CSV');
    const file = bigCsv();
    expect(Buffer.byteLength(file)).toBeGreaterThan(8 * 64 * 1024);
    const job = await importFile(ctx.app, me, ws, { format: 'csv', mapping }, { name: 'boards.csv', content: file });
    expect(job, JSON.stringify(job.failure)).toMatchObject({ state: 'done', progress: { rows: ROWS, totalRows: ROWS }, errors: [] });
    expect(job.counts).toEqual({
      actorsCreated: ROWS + 40,
      actorsMatched: 0,
      relationshipsCreated: ROWS,
      relationshipsMatched: 0,
      sourcesCreated: 0,
      skipped: 0,
    });
    expect(job.sample.sheets[0].columns).toEqual(['Person', 'Organisation', 'Relationship', 'Since', 'Notes']);
    expect(job.sample.sheets[0].rows).toHaveLength(5);

    const saved = await backupOf(ws);
    const names = new Map(saved.actors.map((a) => [a.id, a.name]));
    expect(saved.actors).toHaveLength(ROWS + 40);
    expect(saved.relationships).toHaveLength(ROWS);
    const byPerson = new Map(saved.relationships.map((r) => [names.get(r.from)!, r]));
    for (const i of [0, 1, 777, 2_345, ROWS - 1]) {
      const tie = byPerson.get(person(i));
      expect(tie, person(i)).toMatchObject({ type: 'POSITION', description: notesOf(i) });
      expect(names.get(tie!.to)).toBe(`Société ${i % 40}`);
    }
    // Every row's text came through whole, whichever piece boundary it straddled.
    expect(saved.relationships.every((r) => r.description === notesOf(Number(/ (\d+)$/.exec(names.get(r.from)!)![1])))).toBe(true);

    const again = await importFile(ctx.app, me, ws, { format: 'csv', mapping }, { name: 'boards.csv', content: file });
    expect(again.counts).toMatchObject({ actorsCreated: 0, actorsMatched: ROWS + 40, relationshipsCreated: 0, relationshipsMatched: ROWS });
    expect((await backupOf(ws)).relationships).toHaveLength(ROWS);
  }, 600_000);

  it('fails a CSV whose last row is bad, naming it, and writes none of the rows before it', async () => {
    const ws = await newWorkspace(ctx.app, me, 'Streamed CSV, bad last row');
    const job = await importFile(
      ctx.app,
      me,
      ws,
      { format: 'csv', mapping },
      { name: 'boards.csv', content: bigCsv({ row: ROWS + 1, since: 'sometime' }) },
    );
    expect(job.state).toBe('failed');
    expect(job.errors).toEqual([{ row: ROWS + 1, column: 'Since', message: 'must be a date such as 2024-03-05' }]);
    expect(job.failure).toMatch(new RegExp(`1 row fails \\(the first at row ${ROWS + 1}\\); nothing was imported`));
    const saved = await backupOf(ws);
    expect(saved.actors).toEqual([]);
    expect(saved.relationships).toEqual([]);
  }, 600_000);

  it('names the line of a Latin-1 byte far into the file, and writes nothing', async () => {
    const ws = await newWorkspace(ctx.app, me, 'Streamed CSV, Latin-1');
    const lines = ['From,To,Type'];
    for (let i = 0; i < 20_000; i++) lines.push(`Person ${i},Organisation ${i % 30},member`);
    const utf8 = Buffer.from(`${lines.join('\n')}\n`);
    // Line 15,001 (person 14,999) spelled in Latin-1: "Jos\xe9".
    const at = utf8.indexOf('Person 14999,');
    const file = Buffer.concat([utf8.subarray(0, at), Buffer.from([0x4a, 0x6f, 0x73, 0xe9, 0x20]), utf8.subarray(at)]);
    expect(at).toBeGreaterThan(4 * 64 * 1024);
    const job = await importFile(ctx.app, me, ws, { format: 'csv' }, { name: 'latin1.csv', content: file });
    expect(job.state).toBe('failed');
    expect(job.failure).toMatch(/not UTF-8 text: line 15001 holds a byte/);
    expect((await backupOf(ws)).actors).toEqual([]);
  }, 600_000);

  it('reads an FtM stream whose payments come before the entities they join', async () => {
    const ws = await newWorkspace(ctx.app, me, 'Streamed FtM');
    const donors = 3_000;
    const lines: string[] = [];
    for (let i = 0; i < donors; i++)
      lines.push(
        JSON.stringify({
          id: `pay-${i}`,
          schema: 'Payment',
          properties: {
            payer: [`donor-${i}`],
            beneficiary: [`party-${i % 7}`],
            amount: [String(1000 + i)],
            currency: ['EUR'],
            date: ['2023-05-01'],
          },
        }),
      );
    for (let i = 0; i < donors; i++)
      lines.push(
        JSON.stringify({ id: `donor-${i}`, schema: 'Person', properties: { name: [`Spender ${i} Ünal`], notes: ['x'.repeat(200)] } }),
      );
    for (let p = 0; p < 7; p++)
      lines.push(JSON.stringify({ id: `party-${p}`, schema: 'Organization', properties: { name: [`Partei ${p}`] } }));
    lines.push(JSON.stringify({ id: 'addr-1', schema: 'Address', properties: { full: ['Somewhere 1'] } }));
    const file = `${lines.join('\n')}\n`;
    expect(Buffer.byteLength(file)).toBeGreaterThan(8 * 64 * 1024);

    const job = await importFile(ctx.app, me, ws, { format: 'ftm' }, { name: 'donations.ijson', content: file });
    expect(job, JSON.stringify(job.errors?.slice(0, 3))).toMatchObject({ state: 'done', errors: [] });
    expect(job.counts).toEqual({
      actorsCreated: donors + 7,
      actorsMatched: 0,
      relationshipsCreated: donors,
      relationshipsMatched: 0,
      sourcesCreated: 0,
      skipped: 1,
    });
    const saved = await backupOf(ws);
    const byFtm = new Map(saved.actors.map((a) => [a.id, a.externalIds.ftm]));
    const tie = saved.relationships.find((r) => byFtm.get(r.from) === 'donor-2999')!;
    expect(tie).toMatchObject({ type: 'DONATION', amount: 3999 });
    expect(byFtm.get(tie.to)).toBe('party-3');

    const again = await importFile(ctx.app, me, ws, { format: 'ftm' }, { name: 'donations.ijson', content: file });
    expect(again.counts).toMatchObject({ actorsCreated: 0, relationshipsCreated: 0, relationshipsMatched: donors });
  }, 600_000);
});
