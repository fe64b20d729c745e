import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';
import { testApp, type TestContext } from '../support/app.js';

/**
 * Ownership questions on a workspace built through the API:
 *   the regulator's example (A owns 100 % of Provider; B 40 %, C 60 % of A; X 5 % of C; Y 30 % of B),
 *   a circle (Ann and Bo each own 50 % of Circ, Circ owns 50 % of Ann),
 *   a buy-out fund (GP is its general partner, Pension a limited partner committing $1M;
 *   the fund owns 60 % of Hospital; a trustee of Pension is in our base).
 */
describe('ownership, control and pension exposure', () => {
  let ctx: TestContext;
  let me: Caller;
  let ws: string;
  const id: Record<string, string> = {};
  const rel: Record<string, string> = {};
  const url = (path: string) => `/api/workspaces/${ws}${path}`;

  async function actor(name: string, extra: Record<string, unknown> = {}) {
    const res = await call(ctx.app, me, 'POST', url('/actors'), { kind: 'organization', name, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    id[name] = res.body.id;
  }
  async function owns(from: string, to: string, fields: Record<string, unknown>, key = `${from}>${to}`) {
    const res = await call(ctx.app, me, 'POST', url('/relationships'), { type: 'OWNERSHIP', from: id[from], to: id[to], ...fields });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    rel[key] = res.body.id;
  }
  const ask = (path: string) => call(ctx.app, me, 'GET', url(path));

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Researcher');
    ws = await newWorkspace(ctx.app, me, 'Money tree');
    for (const name of ['Provider', 'A', 'B', 'C', 'X', 'Y', 'Ann', 'Bo', 'Circ', 'Hospital', 'Fund', 'GP']) await actor(name);
    await actor('Pension', { tags: ['Pension fund'] });
    await actor('Tess', { kind: 'person', roles: ['base'] });
    await actor('Tom', { kind: 'person' });
    await owns('A', 'Provider', { percent: 100, asOf: '2024-03-31' });
    await owns('B', 'A', { percent: 40 });
    await owns('C', 'A', { percent: 60 });
    await owns('X', 'C', { percentMin: 5 });
    await owns('Y', 'B', { percent: 30 });
    await owns('Y', 'Provider', { percent: 50, declared: 'indirect' }, 'Y>Provider declared');
    await owns('Ann', 'Circ', { percent: 50 });
    await owns('Bo', 'Circ', { percent: 50 });
    await owns('Circ', 'Ann', { percent: 50 });
    await owns('GP', 'Fund', { percent: 1, generalPartner: true });
    await owns('Pension', 'Fund', { basis: 'lp_commitment', commitment: 1_000_000, currency: 'USD', percentMin: 25, percentMax: 50 });
    await owns('Fund', 'Hospital', { percent: 60, asOf: '2001-06-30' });
    for (const [who, board, title] of [
      ['Tess', true, null],
      ['Tom', false, 'Trustee'],
    ] as const) {
      const res = await call(ctx.app, me, 'POST', url('/relationships'), {
        type: 'POSITION',
        from: id[who],
        to: id.Pension,
        board,
        title,
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => ctx.close());

  it("answers the regulator's example: A 100 %, C 60 %, B 40 %, X at least 3 %, Y 12 %, with explained chains", async () => {
    const res = await ask(`/analysis/ownership?target=${id.Provider}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const byName = Object.fromEntries(res.body.owners.map((o: { name: string }) => [o.name, o]));
    expect(byName.A.share).toEqual({ min: 100, max: 100 });
    expect(byName.C.share).toEqual({ min: 60, max: 60 });
    expect(byName.B.share).toEqual({ min: 40, max: 40 });
    expect(byName.Y.share).toEqual({ min: 12, max: 12 });
    // "At least 5 %" of C, which has no other recorded owner: 5–100 % of C, so 3–60 % of Provider.
    expect(byName.X.share).toEqual({ min: 3, max: 60 });
    expect(byName.X.ultimate).toBe(true);
    expect(byName.A.ultimate).toBe(false);
    expect(byName.A.controls).toBe(true);
    expect(byName.C.controls).toBe(true);
    expect(byName.B.controls).toBe(false);
    expect(byName.X.controls).toBe(false);
    const chain = byName.X.chains[0];
    expect(chain.steps.map((s: { sentence: string }) => s.sentence)).toEqual([
      'X owns at least 5 % of C',
      'C owns 60 % of A',
      'A owns 100 % of Provider (as of 2024-03-31)',
    ]);
    expect(chain.steps[2].relationshipId).toBe(rel['A>Provider']);
    expect(chain.steps[2].asOf).toBe('2024-03-31');
    expect(res.body.unrecorded.max).toBe(85);
    expect(res.body.complete).toBe(false);
    expect(res.body.declared).toEqual([
      expect.objectContaining({ relationshipId: rel['Y>Provider declared'], stated: { min: 50, max: 50 }, agrees: false }),
    ]);
    // The chains come with what the map needs to highlight them.
    expect(res.body.relationships.map((r: { id: string }) => r.id)).toContain(rel['X>C']);
  });

  it('handles the circle: Bo 2/3, owners of Ann off the map 1/3', async () => {
    const res = await ask(`/analysis/ownership?target=${id.Circ}`);
    const bo = res.body.owners.find((o: { name: string }) => o.name === 'Bo');
    expect(bo.share.min).toBeCloseTo(200 / 3, 6);
    expect(res.body.unrecorded.min).toBeCloseTo(100 / 3, 6);
    expect(res.body.cyclic).toBe(true);
  });

  it('says "controls" for a general partner and with the threshold, and lists the pension fund with our trustee', async () => {
    const owners = (await ask(`/analysis/ownership?target=${id.Hospital}`)).body.owners;
    const byName = Object.fromEntries(owners.map((o: { name: string }) => [o.name, o]));
    expect(byName.GP.controls).toBe(true);
    expect(byName.Fund.controls).toBe(true);
    expect(byName.Pension.controls).toBe(false);
    expect(
      (await ask(`/analysis/ownership?target=${id.Hospital}&controlThreshold=60`)).body.owners.some(
        (o: { controls: boolean }) => o.controls,
      ),
    ).toBe(false);

    const res = await ask(`/analysis/pension-exposure?target=${id.Hospital}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.funds).toHaveLength(1);
    const fund = res.body.funds[0];
    expect(fund.name).toBe('Pension');
    expect(fund.share).toEqual({ min: 15, max: 30 });
    expect(fund.limitedPartner).toEqual([
      expect.objectContaining({
        fundName: 'Fund',
        commitment: 1_000_000,
        currency: 'USD',
        fundShare: { min: 60, max: 60 },
        exposure: { min: 600_000, max: 600_000 },
      }),
    ]);
    expect(fund.trustees.map((t: { name: string; ours: boolean }) => [t.name, t.ours])).toEqual([
      ['Tess', true],
      ['Tom', false],
    ]);
    expect(fund.ours).toBe(true);
  });

  it('lets a parent control its subsidiary and whoever controls the parent too; a 13F position counts by its latest quarter', async () => {
    for (const name of ['Parent', 'Sub', 'Holdco', 'Manager']) await actor(name);
    const h = await call(ctx.app, me, 'POST', url('/relationships'), {
      type: 'HIERARCHY',
      from: id.Parent,
      to: id.Sub,
      relation: 'subsidiary',
    });
    expect(h.status, JSON.stringify(h.body)).toBe(201);
    await owns('Holdco', 'Parent', { percent: 70 });
    await owns('Manager', 'Sub', { shares: 1000, asOf: '2024-03-31' }, 'Manager>Sub Q1');
    await owns('Manager', 'Sub', { shares: 3000, asOf: '2024-06-30' }, 'Manager>Sub Q2');
    const res = await ask(`/analysis/ownership?target=${id.Sub}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const byName = Object.fromEntries(res.body.owners.map((o: { name: string }) => [o.name, o]));
    expect(byName.Parent.controls).toBe(true);
    expect(byName.Parent.share).toEqual({ min: 0, max: 0 });
    expect(byName.Holdco.controls).toBe(true);
    expect(byName.Manager.controls).toBe(false);
    expect(byName.Manager.chains.map((c: { steps: { asOf: string }[] }) => c.steps[0]!.asOf)).toEqual(['2024-06-30']);
    expect(res.body.history).toEqual([
      {
        relationshipId: rel['Manager>Sub Q1'],
        holderId: id.Manager,
        companyId: id.Sub,
        shares: 1000,
        asOf: '2024-03-31',
        latestAsOf: '2024-06-30',
      },
    ]);
    expect(res.body.relationships.some((r: { type: string; from: string }) => r.type === 'HIERARCHY' && r.from === id.Parent)).toBe(true);
  });

  it('turns a 13F count of shares into a percent once the company’s shares outstanding are recorded, and says so', async () => {
    await actor('Issuer', { sharesOutstanding: 40_000 });
    await actor('Asset manager');
    await owns('Asset manager', 'Issuer', { shares: 6_000, asOf: '2024-06-30' });
    const res = await ask(`/analysis/ownership?target=${id.Issuer}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [manager] = res.body.owners;
    expect(manager).toMatchObject({ name: 'Asset manager', share: { min: 15, max: 15 } });
    expect(manager.chains[0].steps[0]).toMatchObject({ stated: 'derived', share: { min: 15, max: 15 } });
    expect(manager.chains[0].steps[0].sentence).toBe('Asset manager owns 15 % (6,000 of 40,000 shares) of Issuer (as of 2024-06-30)');
    expect(res.body.unrecorded).toEqual({ min: 85, max: 85 });

    // Until the shares outstanding are known, the same holding is of unstated size.
    const issuer = (await ask(`/actors/${id.Issuer}`)).body;
    const cleared = await call(ctx.app, me, 'PATCH', url(`/actors/${id.Issuer}`), { sharesOutstanding: null, version: issuer.version });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    const unknown = (await ask(`/analysis/ownership?target=${id.Issuer}`)).body;
    expect(unknown.owners[0]).toMatchObject({ share: { min: 0, max: 100 } });
    expect(unknown.owners[0].chains[0].steps[0].stated).toBe('unknown');
  });

  it('lists the anomalies: the circle, the declared total that disagrees, a stale stake, stakes over 100 %', async () => {
    await actor('Overfull');
    await owns('A', 'Overfull', { percent: 80 });
    await owns('B', 'Overfull', { percent: 40 });
    const res = await ask('/analysis/ownership/anomalies?staleMonths=120');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const kinds = res.body.anomalies.map((a: { kind: string }) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(['cycle', 'declared_mismatch', 'stale', 'overfull']));
    const mismatch = res.body.anomalies.find((a: { kind: string }) => a.kind === 'declared_mismatch');
    expect(mismatch.sentence).toBe('A source declares that Y holds 50 % of Provider indirectly; the chains on the map give 12 %.');
    expect(res.body.anomalies.find((a: { kind: string }) => a.kind === 'stale').relationshipIds).toEqual([rel['Fund>Hospital']]);
  });

  it('refuses a stake whose figures contradict each other, naming the field', async () => {
    const post = (fields: Record<string, unknown>) =>
      call(ctx.app, me, 'POST', url('/relationships'), { type: 'OWNERSHIP', from: id.X, to: id.Circ, ...fields });
    const range = await post({ percentMin: 50, percentMax: 25 });
    expect(range.status).toBe(400);
    expect(range.body.errors[0].path).toBe('body.percentMax');
    expect((await post({ percent: 60, percentMin: 25, percentMax: 50 })).body.errors[0].path).toBe('body.percent');
    expect((await post({ commitment: 5000 })).body.errors[0].path).toBe('body.commitment');
  });

  it('answers 400 for a target that is not an id and 404 for another workspace’s actor', async () => {
    const bad = await ask('/analysis/ownership?target=not-an-id');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toContain('target');
    expect((await ask(`/analysis/ownership?target=${id.Provider}&controlThreshold=150`)).status).toBe(400);
    const other = await newWorkspace(ctx.app, me, 'Elsewhere');
    const theirs = await call(ctx.app, me, 'POST', `/api/workspaces/${other}/actors`, { kind: 'organization', name: 'Theirs' });
    for (const path of ['/analysis/ownership', '/analysis/pension-exposure']) {
      const res = await ask(`${path}?target=${theirs.body.id}`);
      expect(res.status).toBe(404);
    }
    const stranger = await signUp(ctx.app, 'Stranger');
    expect((await call(ctx.app, stranger, 'GET', url(`/analysis/ownership?target=${id.Provider}`))).status).toBe(404);
  });
});
