import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportMapping } from '../../server/domain/import-job.js';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';
import { importFile } from '../support/imports.js';

/**
 * legis-graph's committee seats (MIT, William Lyon and George Lesica): one row a seat,
 * committee and legislator by their ids. Imported as a plain table through a column mapping
 * saved as JSON and used again for the second import, which must change nothing.
 */
const file = readFileSync(path.resolve(process.cwd(), '../shared/data/legis-graph/committee-members.csv'));

/** The mapping as a researcher saves it for the next file of this shape. */
const savedMapping = JSON.stringify({
  from: { column: 'legislatorID', kind: 'person', idColumn: 'legislatorID', idKey: 'bioguide' },
  to: { column: 'committeeID', kind: 'organization', idColumn: 'committeeID', idKey: 'thomas' },
  type: { value: 'MEMBERSHIP' },
} satisfies ImportMapping);

/** What the file holds, counted from its rows. */
function expected() {
  const [header, ...lines] = file.toString('utf8').trim().split(/\r?\n/);
  expect(header).toBe('committeeID,legislatorID,rank');
  const rows = lines.map((l) => l.split(',')).filter((r) => r[0] && r[1]);
  return {
    rows: rows.length,
    committees: new Set(rows.map((r) => r[0])).size,
    legislators: new Set(rows.map((r) => r[1])).size,
    seats: new Set(rows.map((r) => `${r[0]}|${r[1]}`)).size,
  };
}

describe('legis-graph committees and members', () => {
  let ctx: TestContext;
  let me: Caller;
  let ws: string;
  const url = (p: string) => `/api/workspaces/${ws}${p}`;
  const count = async (p: string) => {
    const items: unknown[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: Record<string, unknown> } = await call(
        ctx.app,
        me,
        'GET',
        url(`${p}?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
      );
      expect(res.status).toBe(200);
      items.push(...(res.body.items as unknown[]));
      cursor = (res.body.nextCursor as string | null | undefined) ?? null;
    } while (cursor);
    return items;
  };

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Congress watcher');
    ws = await newWorkspace(ctx.app, me, '114th Congress committees');
  });
  afterAll(() => ctx.close());

  it('imports every seat through the saved mapping, and a second import changes nothing', async () => {
    const want = expected();
    const fields = { format: 'csv', mapping: savedMapping };
    const first = await importFile(ctx.app, me, ws, fields, { name: 'committee-members.csv', content: file });
    expect(first.state, JSON.stringify(first.failure ?? first.errors)).toBe('done');
    expect(first.counts).toEqual({
      actorsCreated: want.committees + want.legislators,
      actorsMatched: 0,
      relationshipsCreated: want.seats,
      relationshipsMatched: want.rows - want.seats,
      sourcesCreated: 0,
      skipped: 0,
    });
    const actors = (await count('/actors')) as { name: string; kind: string; externalIds: Record<string, string> }[];
    const ties = (await count('/relationships')) as { type: string }[];
    expect(actors.length).toBe(want.committees + want.legislators);
    expect(actors.filter((a) => a.kind === 'person').length).toBe(want.legislators);
    expect(actors.find((a) => a.name === 'N000181')).toMatchObject({ kind: 'person', externalIds: { bioguide: 'N000181' } });
    expect(actors.find((a) => a.name === 'HLIG')).toMatchObject({ kind: 'organization', externalIds: { thomas: 'HLIG' } });
    expect(ties.length).toBe(want.seats);
    expect(new Set(ties.map((t) => t.type))).toEqual(new Set(['MEMBERSHIP']));

    const second = await importFile(ctx.app, me, ws, fields, { name: 'committee-members.csv', content: file });
    expect(second.state).toBe('done');
    expect(second.counts).toEqual({
      actorsCreated: 0,
      actorsMatched: want.committees + want.legislators,
      relationshipsCreated: 0,
      relationshipsMatched: want.rows,
      sourcesCreated: 0,
      skipped: 0,
    });
    expect((await count('/actors')).length).toBe(actors.length);
    expect((await count('/relationships')).length).toBe(ties.length);
  }, 300_000);

  it('refuses a file of the same shape with no seat in it, naming the problem, and writes nothing', async () => {
    const before = { actors: (await count('/actors')).length, ties: (await count('/relationships')).length };
    const empty = await importFile(
      ctx.app,
      me,
      ws,
      { format: 'csv', mapping: savedMapping },
      {
        name: 'committee-members.csv',
        content: 'committeeID,legislatorID,rank\n,,\n,,\n',
      },
    );
    expect(empty.state).toBe('failed');
    expect(empty.failure).toMatch(
      /2 rows under its header, and every one is empty.*“legislatorID” and “committeeID”.*Nothing was imported/,
    );
    const headerOnly = await importFile(
      ctx.app,
      me,
      ws,
      { format: 'csv', mapping: savedMapping },
      {
        name: 'committee-members.csv',
        content: 'committeeID,legislatorID,rank\n',
      },
    );
    expect(headerOnly.failure).toMatch(/a header and no rows/);
    expect({ actors: (await count('/actors')).length, ties: (await count('/relationships')).length }).toEqual(before);
  }, 120_000);
});
