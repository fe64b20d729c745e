import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { florentineMarriages, florentinePublished } from '../fixtures/florentine-families.js';
import { karatePublished, karateTies } from '../fixtures/karate-club.js';
import { testApp, type TestContext } from '../support/app.js';
import type { Caller } from '../support/api.js';
import { analysisSession, ask, bumpVersion, seedGraph } from '../support/analysis-session.js';

interface Broker {
  actorId: string;
  degree: number;
  betweenness: number;
  closeness: number;
  pagerank: number;
  brokerScore: number;
}

/** Centrality and communities through the API, against published values for classic networks. */
describe('power brokers and communities on classic networks', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await testApp();
  });
  afterAll(() => ctx.close());

  describe("Padgett's Florentine families", () => {
    let who: Caller;
    let ws: string;
    let id: Record<string, string>;
    beforeAll(async () => {
      ({ who, ws } = await analysisSession(ctx, 'Florence'));
      const families = [...new Set(florentineMarriages.flat())];
      id = await seedGraph(
        ctx,
        ws,
        families.map((name) => ({ name, kind: 'organization' as const })),
        florentineMarriages.map(([from, to]) => ({ from, to, type: 'FAMILY', mutual: true })),
      );
    });

    it('gives the published betweenness, closeness and degree, the Medici first', async () => {
      const res = await ask(ctx, who, ws, 'brokers?limit=15');
      expect(res.status).toBe(200);
      expect(res.body.betweenness).toMatchObject({ mode: 'exact', sampleSize: 15 });
      const byName = new Map(res.body.items.map((i: Broker) => [Object.keys(id).find((k) => id[k] === i.actorId), i]));
      for (const [family, value] of Object.entries(florentinePublished.betweenness))
        expect((byName.get(family) as Broker).betweenness).toBeCloseTo(value, 3);
      for (const [family, value] of Object.entries(florentinePublished.closeness))
        expect((byName.get(family) as Broker).closeness).toBeCloseTo(value, 3);
      for (const [family, value] of Object.entries(florentinePublished.degree)) expect((byName.get(family) as Broker).degree).toBe(value);
      expect(res.body.items[0].actorId).toBe(id.Medici);
      expect(res.body.relationships).toHaveLength(20);
      expect(res.body.method).toContain('brokerScore');
    });

    it('lifts an actor whose assessed power is high, and recomputes after a change', async () => {
      const before = await ask(ctx, who, ws, 'brokers?limit=15');
      const again = await ask(ctx, who, ws, 'brokers?limit=15');
      expect(again.body).toEqual(before.body);
      const rank = (body: { items: Broker[] }) => body.items.findIndex((i) => i.actorId === id.Pazzi);
      await ctx.db.write((tx) => tx.query('MATCH (a:Actor {id: $id}) SET a.power = 5', { id: id.Pazzi }));
      await bumpVersion(ctx, ws);
      const after = await ask(ctx, who, ws, 'brokers?limit=15');
      expect(after.body.dataVersion).toBe(before.body.dataVersion + 1);
      expect(rank(after.body)).toBeLessThan(rank(before.body));
    });

    it('scopes to a map and to a neighbourhood', async () => {
      const mapId = crypto.randomUUID();
      await ctx.db.write((tx) =>
        tx.query(
          `CREATE (m:Map {id: $mapId, workspaceId: $ws, name: 'Medici circle', version: 1})
           WITH m UNWIND $ids AS actorId MATCH (a:Actor {id: actorId}) CREATE (m)-[:SHOWS {x: 0, y: 0}]->(a)`,
          { mapId, ws, ids: [id.Medici, id.Ridolfi, id.Tornabuoni, id.Acciaiuoli] },
        ),
      );
      const onMap = await ask(ctx, who, ws, `brokers?map=${mapId}`);
      expect(onMap.body.actorCount).toBe(4);
      // Medici–Ridolfi–Tornabuoni is a triangle and Acciaiuoli hangs off the Medici: the
      // Medici lie on both of Acciaiuoli's shortest paths: 2 of 3 pairs → 2 / 3.
      expect(onMap.body.items[0]).toMatchObject({ actorId: id.Medici, degree: 3 });
      expect(onMap.body.items[0].betweenness).toBeCloseTo(2 / 3, 6);
      const around = await ask(ctx, who, ws, `brokers?around=${id.Pazzi}&depth=2`);
      // Pazzi–Salviati–Medici: three actors within two steps of the Pazzi.
      expect(around.body.actorCount).toBe(3);
      expect(around.body.items[0].actorId).toBe(id.Salviati);
    });
  });

  describe("Zachary's karate club", () => {
    let who: Caller;
    let ws: string;
    let id: Record<string, string>;
    beforeAll(async () => {
      ({ who, ws } = await analysisSession(ctx, 'Karate'));
      const members = Array.from({ length: 34 }, (_, i) => ({ name: `Member ${i}` }));
      id = await seedGraph(
        ctx,
        ws,
        members,
        karateTies.map(([a, b]) => ({ from: `Member ${a}`, to: `Member ${b}`, type: 'SOCIAL', mutual: true })),
      );
    });

    it('finds the instructor and the president as the brokers, with published values', async () => {
      const res = await ask(ctx, who, ws, 'brokers?limit=34');
      const get = (m: number) => res.body.items.find((i: Broker) => i.actorId === id[`Member ${m}`]) as Broker;
      for (const [m, value] of Object.entries(karatePublished.betweenness)) expect(get(Number(m)).betweenness).toBeCloseTo(value, 4);
      for (const [m, value] of Object.entries(karatePublished.pagerank)) expect(get(Number(m)).pagerank).toBeCloseTo(value, 3);
      for (const [m, value] of Object.entries(karatePublished.degree)) expect(get(Number(m)).degree).toBe(value);
      expect(new Set(res.body.items.slice(0, 2).map((i: Broker) => i.actorId))).toEqual(new Set([id['Member 0'], id['Member 33']]));
    });

    it('splits the club into communities close to the best modularity known, the two leaders apart', async () => {
      const res = await ask(ctx, who, ws, 'communities');
      expect(res.status).toBe(200);
      expect(res.body.modularity).toBeGreaterThan(0.41);
      expect(res.body.modularity).toBeLessThanOrEqual(karatePublished.maxModularity + 1e-4);
      expect(res.body.communities.length).toBeGreaterThanOrEqual(3);
      expect(res.body.communities.length).toBeLessThanOrEqual(5);
      const home = (m: number) => res.body.communities.find((c: { actorIds: string[] }) => c.actorIds.includes(id[`Member ${m}`]!)).id;
      expect(home(0)).not.toBe(home(33));
      // Named after the best-tied member: the leaders name their own clusters.
      const names = res.body.communities.map((c: { name: string }) => c.name);
      expect(names).toContain('Member 0');
      expect(names).toContain('Member 33');
      // Nearly every cluster sits inside one side of Zachary's observed split.
      const hi = new Set(karatePublished.mrHi.map((m) => id[`Member ${m}`]));
      const mixed = res.body.communities.filter((c: { actorIds: string[] }) => {
        const onHi = c.actorIds.filter((a) => hi.has(a)).length;
        return Math.min(onHi, c.actorIds.length - onHi) > 1;
      });
      expect(mixed).toEqual([]);
      expect(res.body.actors).toHaveLength(34);
      expect(res.body.relationships).toHaveLength(78);
    });

    it('a higher resolution gives more, smaller communities', async () => {
      const coarse = await ask(ctx, who, ws, 'communities?resolution=0.5');
      const fine = await ask(ctx, who, ws, 'communities?resolution=2');
      expect(fine.body.communities.length).toBeGreaterThan(coarse.body.communities.length);
      expect((await ask(ctx, who, ws, 'communities?resolution=0')).status).toBe(400);
    });
  });
});
