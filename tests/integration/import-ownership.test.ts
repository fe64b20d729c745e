import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';
import { importFile } from '../support/imports.js';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));

interface Tie {
  id: string;
  type: string;
  from: string;
  to: string;
  shares: number | null;
  value: number | null;
  currency: string | null;
  percent: number | null;
  basis: string;
  declared: string;
  asOf: string | null;
  sourceIds: string[];
}
interface Actor {
  id: string;
  name: string;
  version: number;
  externalIds: Record<string, string>;
}

describe('ownership imports', () => {
  let ctx: TestContext;
  let me: Caller;
  const url = (ws: string, path: string) => `/api/workspaces/${ws}${path}`;
  const all = async <T>(path: string): Promise<T[]> => {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(ctx.app, me, 'GET', `${path}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      items.push(...(res.body.items as T[]));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    return items;
  };
  const graph = async (ws: string) => ({ actors: await all<Actor>(url(ws, '/actors')), ties: await all<Tie>(url(ws, '/relationships')) });

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Money tree');
  }, 180_000);
  afterAll(() => ctx.close());

  it('imports the SEC’s sample 13F: one holding per row in dollars, its placeholder totals reported, issuers matched by CUSIP next time', async () => {
    const ws = await newWorkspace(ctx.app, me, '13F sample');
    await call(ctx.app, me, 'POST', url(ws, '/actors'), { kind: 'organization', name: 'Apple Inc.' });
    const file = { name: 'Sample_13F-HR.xml', content: fixture('sec13f/Sample_13F-HR.xml') };

    const dry = await importFile(ctx.app, me, ws, { format: 'sec13f', dryRun: 'true' }, file);
    expect(dry).toMatchObject({ state: 'done', errors: [], progress: { totalRows: 169 } });
    // The filer and 129 issuers (some with two classes of shares), one of them the Apple Inc. already there.
    expect(dry.errors).toEqual([]);
    expect(dry.counts).toEqual({
      actorsCreated: 129,
      actorsMatched: 1,
      relationshipsCreated: 169,
      relationshipsMatched: 0,
      sourcesCreated: 1,
      skipped: 0,
    });
    expect(dry.warnings.map((w: { message: string }) => w.message)).toEqual([
      'Values were filed in thousands of dollars (filed before 2023-01-03); they are stored in dollars, multiplied by 1,000.',
      'The summary page declares 111 entries; the information table has 169.',
      'The summary page declares a total value of $111,000; the rows of the information table add up to $7,454,702,899,000.',
      'ALPHABET INC has the issuer number 02079K of AT&T INC (CUSIP 02079K107): read as the same issuer; check the CUSIP',
    ]);
    expect((await graph(ws)).actors).toHaveLength(1);

    const done = await importFile(ctx.app, me, ws, { format: 'sec13f' }, file);
    expect(done).toMatchObject({ state: 'done', counts: dry.counts, warnings: dry.warnings });
    const { actors, ties } = await graph(ws);
    const fund = actors.find((a) => a.externalIds.cik === '0123456789')!;
    expect(fund.name).toBe('BIG FUND TRUST inc');
    const holdings = ties.filter((t) => t.type === 'OWNERSHIP');
    expect(holdings).toHaveLength(169);
    expect(
      holdings.every(
        (t) => t.from === fund.id && t.asOf === '2021-12-31' && t.currency === 'USD' && t.basis === 'equity' && t.sourceIds.length === 1,
      ),
    ).toBe(true);
    // The sample files AT&T under Alphabet's CUSIP (02079K107): by CUSIP, they are one issuer.
    const issuer = actors.find((a) => a.externalIds.cusip6 === '02079K')!;
    expect(holdings.filter((t) => t.to === issuer.id).map((t) => [t.shares, t.value])).toEqual(
      expect.arrayContaining([
        [79296, 7_454_547_777_000],
        [1403, 1_876_000],
        [1691, 2_265_000],
      ]),
    );
    const apple = actors.find((a) => a.name === 'Apple Inc.')!;
    expect(holdings.find((t) => t.to === apple.id)).toMatchObject({ shares: 35606, value: 10_456_000 });

    // Renamed since, the issuer is still the one with CUSIP 02079K: nothing is duplicated.
    const alphabet = actors.find((a) => a.externalIds.cusip6 === '02079K')!;
    await call(ctx.app, me, 'PATCH', url(ws, `/actors/${alphabet.id}`), { name: 'Alphabet (Google)', version: alphabet.version });
    const again = await importFile(ctx.app, me, ws, { format: 'sec13f' }, file);
    expect(again.counts).toEqual({
      actorsCreated: 0,
      actorsMatched: 130,
      relationshipsCreated: 0,
      relationshipsMatched: 169,
      sourcesCreated: 0,
      skipped: 0,
    });
    expect((await graph(ws)).ties).toHaveLength(169);
  }, 180_000);

  it('imports a real 2025 filing in dollars; its restatement replaces the holdings of that quarter', async () => {
    const ws = await newWorkspace(ctx.app, me, '13F restated');
    const text = fixture('sec13f/0001951757-25-000093.txt').toString('utf8');
    const first = await importFile(ctx.app, me, ws, { format: 'sec13f' }, { name: 'filing.txt', content: text });
    expect(first).toMatchObject({ state: 'done', warnings: [], counts: { relationshipsCreated: 77, sourcesCreated: 1 } });
    const before = await graph(ws);
    const abbvie = before.actors.find((a) => a.name === 'ABBVIE INC')!;
    expect(before.ties.find((t) => t.to === abbvie.id)).toMatchObject({ shares: 2289, value: 406_755 });

    // The manager's commitment to a fund, recorded by hand for the same date, is not the filing's.
    const manager = before.actors.find((a) => a.externalIds.cik === '0001994827')!;
    const fund = await call(ctx.app, me, 'POST', url(ws, '/actors'), { kind: 'organization', name: 'Care Homes Fund III LP' });
    const commitment = await call(ctx.app, me, 'POST', url(ws, '/relationships'), {
      type: 'OWNERSHIP',
      from: manager.id,
      to: fund.body.id,
      basis: 'lp_commitment',
      commitment: 5_000_000,
      currency: 'USD',
      asOf: '2024-12-31',
    });
    expect(commitment.status).toBe(201);

    // The same filing restated without its first row (AbbVie).
    const restated = text
      .replace('<submissionType>13F-HR</submissionType>', '<submissionType>13F-HR/A</submissionType>')
      .replace(
        '</reportCalendarOrQuarter>',
        '</reportCalendarOrQuarter><isAmendment>true</isAmendment><amendmentNo>1</amendmentNo><amendmentInfo><amendmentType>RESTATEMENT</amendmentType></amendmentInfo>',
      )
      .replace(/<ns1:infoTable>[\s\S]*?<\/ns1:infoTable>/, '')
      .replace('<tableEntryTotal>77</tableEntryTotal>', '<tableEntryTotal>76</tableEntryTotal>')
      .replace('<tableValueTotal>194611845</tableValueTotal>', `<tableValueTotal>${194611845 - 406755}</tableValueTotal>`);
    const amended = await importFile(ctx.app, me, ws, { format: 'sec13f' }, { name: 'amendment.txt', content: restated });
    expect(amended.failure).toBeNull();
    expect(amended).toMatchObject({ state: 'done', counts: { relationshipsCreated: 0, relationshipsMatched: 76 } });
    expect(amended.warnings).toEqual([
      { message: expect.stringMatching(/restates the holdings as of 2024-12-31: 1 recorded before and not in it is removed/) },
    ]);
    const after = await graph(ws);
    expect(after.ties).toHaveLength(77);
    expect(after.ties.some((t) => t.to === abbvie.id)).toBe(false);
    expect(after.ties.some((t) => t.id === commitment.body.id)).toBe(true);
  }, 180_000);

  it('fails a malformed filing naming the line, and writes nothing', async () => {
    const ws = await newWorkspace(ctx.app, me, '13F broken');
    const broken = fixture('sec13f/0001951757-25-000093.txt').toString('utf8').replace('</ns1:nameOfIssuer>', '</ns1:nameOfIsuer>');
    const job = await importFile(ctx.app, me, ws, { format: 'sec13f' }, { name: 'broken.txt', content: broken });
    expect(job.state).toBe('failed');
    expect(job.failure).toMatch(/is not well-formed XML: line \d+: unexpected close tag\. Nothing was imported\./);
    expect(job.errors).toEqual([{ row: expect.any(Number), message: expect.stringContaining('not well-formed XML') }]);
    expect((await graph(ws)).actors).toEqual([]);
  }, 180_000);

  it('imports BODS examples with the indirect interest marked declared, not computed; a second import changes nothing', async () => {
    const ws = await newWorkspace(ctx.app, me, 'BODS');
    const file = { name: 'indirect-ownership.json', content: fixture('bods/indirect-ownership.json') };
    const job = await importFile(ctx.app, me, ws, { format: 'bods' }, file);
    expect(job).toMatchObject({ state: 'done', errors: [], counts: { actorsCreated: 3, relationshipsCreated: 3 } });
    expect(job.warnings).toEqual([
      { row: 6, message: expect.stringContaining('Person 1 holds 30 % of Company A indirectly: declared, not computed') },
    ]);
    const { actors, ties } = await graph(ws);
    const byName = (name: string) => actors.find((a) => a.name === name)!;
    expect(byName('Company A').externalIds).toEqual({ bods: 'ad3f6c2fcc9e', gb_coh: 'XE9999' });
    const owns = ties
      .filter((t) => t.type === 'OWNERSHIP')
      .map((t) => [actors.find((a) => a.id === t.from)!.name, actors.find((a) => a.id === t.to)!.name, t.percent, t.declared]);
    expect(owns.sort()).toEqual([
      ['Company B', 'Company A', 60, 'direct'],
      ['Person 1', 'Company A', 30, 'indirect'],
    ]);
    expect(ties.filter((t) => t.type === 'INFLUENCE')).toHaveLength(1);

    const again = await importFile(ctx.app, me, ws, { format: 'bods' }, file);
    expect(again.counts).toMatchObject({ actorsCreated: 0, actorsMatched: 3, relationshipsCreated: 0, relationshipsMatched: 3 });

    const tecido = await importFile(ctx.app, me, ws, { format: 'bods' }, { name: 'tecido.json', content: fixture('bods/tecido.json') });
    expect(tecido).toMatchObject({ state: 'done', errors: [] });
    const later = await graph(ws);
    expect(later.ties.filter((t) => t.type === 'POSITION')).toHaveLength(1);
  }, 180_000);
});
