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
  const url = (path: string) => `/api/workspaces/${ws}${path}`;

  beforeAll(async () => {
    ctx = await testApp();
    ws = (await seedDemo(ctx.db)).workspaceId;
    me = await signUp(ctx.app, 'Visitor');
    await ctx.db.write((tx) =>
      tx.query("MATCH (u:User {id: $user}), (w:Workspace {id: $ws}) CREATE (u)-[:MEMBER_OF {role: 'editor', since: datetime()}]->(w)", { user: me.userId, ws }),
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
    const leads = csv('committee-members.csv').filter((m) => m.committeeID === 'HSAP' && m.rank === '1').map((m) => legislators.get(m.bioguideID));
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
});
