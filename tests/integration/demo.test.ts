/**
 * The demo a newcomer explores first: checked against the legis-graph CSVs it comes from,
 * and for the questions it is there to show off.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seed.js';
import { parseCsv } from '../../server/io/csv-parse.js';
import { testApp, type TestContext } from '../support/app.js';
import { call, signUp, type Caller } from '../support/api.js';

const csv = (file: string) => parseCsv(readFileSync(new URL(`../../server/demo/data/${file}`, import.meta.url), 'utf8'));

describe('the demo workspace', () => {
  let ctx: TestContext;
  let me: Caller;
  let ws: string;
  let campaign: string;
  const url = (path: string) => `/api/workspaces/${ws}${path}`;

  beforeAll(async () => {
    ctx = await testApp();
    ({ workspaceId: ws, campaignWorkspaceId: campaign } = await seedDemo(ctx.db));
    me = await signUp(ctx.app, 'Visitor');
    await ctx.db.write((tx) =>
      tx.query(
        "UNWIND [$ws, $campaign] AS id MATCH (u:User {id: $user}), (w:Workspace {id: id}) CREATE (u)-[:MEMBER_OF {role: 'editor', since: datetime()}]->(w)",
        { user: me.userId, ws, campaign },
      ),
    );
  }, 180_000);
  afterAll(() => ctx.close());

  it('holds every committee and every seat of the extract', async () => {
    const committees = csv('committees.csv');
    const seats = csv('committee-members.csv');
    const graph = (await call(ctx.app, me, 'GET', url('/graph'))).body;
    const names = new Set(graph.actors.map((a: { name: string }) => a.name));
    for (const c of committees) expect(names.has(c.name)).toBe(true);
    const positions = graph.relationships.filter((r: { type: string }) => r.type === 'POSITION');
    expect(positions).toHaveLength(seats.length);
  });

  it('makes the chair and ranking member of Appropriations the decision-makers, and targets them', async () => {
    const legislators = new Map(csv('legislators.csv').map((l) => [l.bioguideID, `${l.firstName} ${l.lastName}`]));
    const leads = csv('committee-members.csv')
      .filter((m) => m.committeeID === 'HSAP' && m.rank === '1')
      .map((m) => legislators.get(m.bioguideID));
    const demand = (await call(ctx.app, me, 'GET', url('/demands'))).body.items[0];
    const targets = demand.primaryTargets.map((t: { name: string; kind: string }) => t);
    expect(targets.every((t: { kind: string }) => t.kind === 'person')).toBe(true);
    for (const name of leads) expect(targets.map((t: { name: string }) => t.name)).toContain(name);
    const chair = (await call(ctx.app, me, 'GET', url(`/search?q=${encodeURIComponent(leads[0]!)}`))).body.items[0];
    expect(chair.roles).toContain('decision_maker');
  });

  it('finds a leverage route from our coalition to a target', async () => {
    const demand = (await call(ctx.app, me, 'GET', url('/demands'))).body.items[0];
    const target = demand.primaryTargetIds[0];
    const res = await call(ctx.app, me, 'GET', url(`/analysis/leverage?target=${target}&from=base&k=3`));
    expect(res.status).toBe(200);
    expect(res.body.routes.length).toBeGreaterThan(0);
  });

  it('opens its saved map with the appropriations committees on it', async () => {
    const maps = (await call(ctx.app, me, 'GET', url('/maps'))).body.items;
    expect(maps.map((m: { name: string }) => m.name)).toEqual(['Appropriations committees']);
    const detail = (await call(ctx.app, me, 'GET', url(`/maps/${maps[0].id}`))).body;
    expect(detail.actors.map((a: { name: string }) => a.name)).toEqual(
      expect.arrayContaining(['House Committee on Appropriations', 'Senate Committee on Appropriations', 'Our coalition (example)']),
    );
    expect(detail.relationships.length).toBeGreaterThan(80);
  });

  describe('the fictional campaign beside it', () => {
    const at = (path: string) => `/api/workspaces/${campaign}${path}`;
    const get = async (path: string) => (await call(ctx.app, me, 'GET', at(path))).body;

    it('is clearly labelled fictional, and the demo sign-in sees it', async () => {
      const mine = (await call(ctx.app, me, 'GET', '/api/workspaces')).body;
      const listed = (mine.items ?? mine).find((w: { id: string }) => w.id === campaign);
      expect(listed.name).toMatch(/FICTIONAL/);
      const owner = await ctx.db.read((tx) =>
        tx.one<{ email: string }>("MATCH (u:User)-[:MEMBER_OF {role: 'owner'}]->(:Workspace {id: $id}) RETURN u.email AS email", {
          id: campaign,
        }),
      );
      expect(owner?.email).toBe('demo@powermap.local');
      const sources = (await get('/sources')).items;
      expect(sources.length).toBeGreaterThan(0);
      for (const s of sources) expect(`${s.title} ${s.url}`).toMatch(/FICTIONAL.*example\.org/);
    });

    it('has every actor assessed, with three months of readings that move', async () => {
      const graph = await get('/graph');
      expect(graph.actors.length).toBeGreaterThanOrEqual(18);
      expect(
        graph.actors.filter((a: { power: number | null; alignment: number | null }) => a.power === null || a.alignment === null),
      ).toEqual([]);
      const roles = new Set(graph.actors.flatMap((a: { roles: string[] }) => a.roles));
      for (const role of ['decision_maker', 'bad_actor', 'ally', 'opponent', 'base', 'influencer']) expect(roles).toContain(role);
      expect(new Set(graph.relationships.map((r: { type: string }) => r.type)).size).toBeGreaterThanOrEqual(8);
      const range = await get('/assessments/range');
      expect(Date.now() - new Date(range.earliest).getTime()).toBeGreaterThan(80 * 86_400_000);
      const sixWeeksAgo = new Date(Date.now() - 42 * 86_400_000).toISOString().slice(0, 10);
      const moved = (await get(`/assessments/changes?since=${sixWeeksAgo}`)).items;
      expect(moved.length).toBeGreaterThanOrEqual(5);
      const kickOff = new Date(Date.now() - 85 * 86_400_000).toISOString().slice(0, 10);
      const then = (await get(`/assessments?at=${kickOff}`)).items;
      expect(then.length).toBe(graph.actors.length);
    });

    it('has a demand with a board, a superintendent and secondary targets, escalating actions, key dates and open tasks', async () => {
      const demand = (await get('/demands')).items[0];
      expect(demand.status).toBe('presented');
      expect(demand.statusHistory.map((h: { status: string }) => h.status)).toEqual(['drafting', 'presented']);
      expect(demand.decisionMakerIds.length).toBe(6);
      expect(demand.secondaryTargets.length).toBeGreaterThanOrEqual(4);
      const actions = (await get(`/actions?demand=${demand.id}`)).items;
      const levels = actions.map((a: { escalation: number }) => a.escalation);
      expect(levels).toEqual([...levels].sort((a, b) => a - b));
      expect(levels[levels.length - 1]).toBe(5);
      expect((await get(`/key-dates?demand=${demand.id}`)).items.length).toBeGreaterThanOrEqual(4);
      const open = (await get('/tasks?open=true')).items;
      expect(open.some((t: { relationshipIds: string[] }) => t.relationshipIds.length === 1)).toBe(true);
      const maps = (await get('/maps')).items;
      expect(maps[0].defaultView).toBe('grid');
    });
  });
});
