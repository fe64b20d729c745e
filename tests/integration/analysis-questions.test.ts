import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signUp, type Caller } from '../support/api.js';
import { testApp, type TestContext } from '../support/app.js';
import { analysisSession, ask, seedGraph } from '../support/analysis-session.js';

/**
 * A small campaign map whose answers are worked out by hand in each test.
 *
 *   Ana (base) ─MEMBERSHIP 4→ Union (+2) ─DONATION 5→ Sen (target)
 *   Ana ─SOCIAL 5→ Carl (−3) ←PROFESSIONAL 5─ Sen
 *   Ben (base) ─SOCIAL 2→ Dora (stance unknown) ─FAMILY 4→ Sen
 *   Acme ─OPPOSITION 3→ Sen;   Eve alone
 *   Board interlocks: Fay → Acme, Bank, Council (POSITION, board); Gus → Acme, Bank;
 *   Hal → Acme; Ivy ─DONATION→ Acme, Bank; Jo ─DONATION→ Acme, Jo ─OWNERSHIP→ Bank.
 *   Weighted detour: X ─1─ Z ─1─ Y (two weak steps) and X ─5─ P ─5─ Q ─5─ Y.
 */
describe('analysis answers on a hand-built campaign map', () => {
  let ctx: TestContext;
  let who: Caller;
  let ws: string;
  let id: Record<string, string>;

  beforeAll(async () => {
    ctx = await testApp();
    ({ who, ws } = await analysisSession(ctx, 'Organiser'));
    id = await seedGraph(
      ctx,
      ws,
      [
        { name: 'Ana', roles: ['base'] },
        { name: 'Ben', roles: ['base'] },
        { name: 'Union', kind: 'organization', alignment: 2, power: 4 },
        { name: 'Carl', alignment: -3 },
        { name: 'Dora', power: 2 },
        { name: 'Sen', roles: ['decision_maker'], power: 5, alignment: 0 },
        { name: 'Acme', kind: 'organization' },
        { name: 'Bank', kind: 'organization' },
        { name: 'Council', kind: 'organization' },
        { name: 'Eve' },
        ...['Fay', 'Gus', 'Hal', 'Ivy', 'Jo', 'X', 'Y', 'Z', 'P', 'Q'].map((name) => ({ name })),
      ],
      [
        { from: 'Ana', to: 'Union', type: 'MEMBERSHIP', strength: 4 },
        { from: 'Union', to: 'Sen', type: 'DONATION', strength: 5 },
        { from: 'Ana', to: 'Carl', type: 'SOCIAL', strength: 5, mutual: true },
        { from: 'Sen', to: 'Carl', type: 'PROFESSIONAL', strength: 5, mutual: true },
        { from: 'Ben', to: 'Dora', type: 'SOCIAL', strength: 2, mutual: true },
        { from: 'Dora', to: 'Sen', type: 'FAMILY', strength: 4, mutual: true },
        { from: 'Acme', to: 'Sen', type: 'OPPOSITION', strength: 3, mutual: true },
        { from: 'Fay', to: 'Acme', type: 'POSITION', board: true },
        { from: 'Fay', to: 'Bank', type: 'POSITION', board: true },
        { from: 'Fay', to: 'Council', type: 'POSITION', board: true },
        { from: 'Gus', to: 'Acme', type: 'POSITION', board: true },
        { from: 'Gus', to: 'Bank', type: 'POSITION', board: true },
        { from: 'Hal', to: 'Acme', type: 'POSITION', board: true },
        { from: 'Ivy', to: 'Acme', type: 'DONATION' },
        { from: 'Ivy', to: 'Bank', type: 'DONATION' },
        { from: 'Jo', to: 'Acme', type: 'DONATION' },
        { from: 'Jo', to: 'Bank', type: 'OWNERSHIP' },
        { from: 'X', to: 'Z', type: 'SOCIAL', strength: 1 },
        { from: 'Z', to: 'Y', type: 'SOCIAL', strength: 1 },
        { from: 'X', to: 'P', type: 'SOCIAL', strength: 5 },
        { from: 'P', to: 'Q', type: 'SOCIAL', strength: 5 },
        { from: 'Q', to: 'Y', type: 'SOCIAL', strength: 5 },
      ],
    );
  });
  afterAll(() => ctx.close());

  const names = (ids: string[]) => ids.map((x) => Object.keys(id).find((k) => id[k] === x));

  describe('neighbourhood', () => {
    it('lists the actors around Sen, nearest first, and says when the limit cut it', async () => {
      const all = await ask(ctx, who, ws, `neighborhood?actor=${id.Sen}`);
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(4);
      expect(all.body.truncated).toBe(false);
      expect(new Set(names(all.body.actors.map((a: { id: string }) => a.id)))).toEqual(new Set(['Sen', 'Union', 'Carl', 'Dora', 'Acme']));
      expect(all.body.relationships).toHaveLength(4);
      const cut = await ask(ctx, who, ws, `neighborhood?actor=${id.Sen}&limit=2`);
      expect(cut.body).toMatchObject({ total: 4, truncated: true });
      expect(cut.body.actors).toHaveLength(3);
    });

    it('follows direction, type and depth', async () => {
      const incoming = await ask(ctx, who, ws, `neighborhood?actor=${id.Sen}&direction=in`);
      expect(new Set(names(Object.keys(incoming.body.depths)))).toEqual(new Set(['Union', 'Dora', 'Acme']));
      const outgoing = await ask(ctx, who, ws, `neighborhood?actor=${id.Sen}&direction=out`);
      expect(names(Object.keys(outgoing.body.depths))).toEqual(['Carl']);
      const money = await ask(ctx, who, ws, `neighborhood?actor=${id.Sen}&types=DONATION`);
      expect(names(Object.keys(money.body.depths))).toEqual(['Union']);
      const two = await ask(ctx, who, ws, `neighborhood?actor=${id.Ana}&depth=2`);
      expect(two.body.depths).toEqual({ [id.Union!]: 1, [id.Carl!]: 1, [id.Sen!]: 2 });
    });
  });

  describe('find connections', () => {
    it('gives both three-hop paths from Ana to Dora, and only one when Carl is excluded', async () => {
      const res = await ask(ctx, who, ws, `paths?from=${id.Ana}&to=${id.Dora}&k=5`);
      expect(res.status).toBe(200);
      expect(res.body.paths.map((p: { actorIds: string[] }) => names(p.actorIds).join('-')).sort()).toEqual([
        'Ana-Carl-Sen-Dora',
        'Ana-Union-Sen-Dora',
      ]);
      expect(res.body.paths.every((p: { hops: number }) => p.hops === 3)).toBe(true);
      expect(res.body.actors).toHaveLength(5);
      expect(res.body.relationships).toHaveLength(5);
      const without = await ask(ctx, who, ws, `paths?from=${id.Ana}&to=${id.Dora}&exclude=${id.Carl}`);
      expect(without.body.paths.map((p: { actorIds: string[] }) => names(p.actorIds).join('-'))).toEqual(['Ana-Union-Sen-Dora']);
    });

    it('answers "no path within N hops" plainly', async () => {
      const short = await ask(ctx, who, ws, `paths?from=${id.Ana}&to=${id.Dora}&maxHops=2`);
      expect(short.body).toMatchObject({ paths: [], complete: true, note: 'No path within 2 hops.' });
      const none = await ask(ctx, who, ws, `paths?from=${id.Ana}&to=${id.Eve}`);
      expect(none.body).toMatchObject({ paths: [], complete: true, note: 'No path within 6 hops.' });
    });

    it('weighted mode prefers three strong ties to two weak ones', async () => {
      const plain = await ask(ctx, who, ws, `paths?from=${id.X}&to=${id.Y}&k=1`);
      expect(names(plain.body.paths[0].actorIds)).toEqual(['X', 'Z', 'Y']);
      const weighted = await ask(ctx, who, ws, `paths?from=${id.X}&to=${id.Y}&k=2&weighted=true`);
      // X-P-Q-Y: three strength-5 steps cost 1 each = 3; X-Z-Y: two strength-1 steps cost 2 each = 4.
      expect(weighted.body.paths.map((p: { actorIds: string[]; cost: number }) => [names(p.actorIds).join('-'), p.cost])).toEqual([
        ['X-P-Q-Y', 3],
        ['X-Z-Y', 4],
      ]);
    });
  });

  describe('interlocks', () => {
    it('groups shared board members, shared donors and mixed ties of Acme and Bank', async () => {
      const res = await ask(ctx, who, ws, `interlocks?actors=${id.Acme},${id.Bank}`);
      expect(res.status).toBe(200);
      const group = (type: string) =>
        res.body.groups.find((g: { type: string }) => g.type === type)?.items.map((i: { actorId: string }) => names([i.actorId])[0]);
      expect(group('POSITION')).toEqual(['Fay', 'Gus']);
      expect(group('DONATION')).toEqual(['Ivy']);
      expect(res.body.mixed.map((i: { actorId: string }) => names([i.actorId])[0])).toEqual(['Jo']);
      expect(res.body.relationships).toHaveLength(8);
      expect(names(res.body.actors.map((a: { id: string }) => a.id)).sort()).toEqual(['Acme', 'Bank', 'Fay', 'Gus', 'Ivy', 'Jo']);
    });

    it('with three boards, min=2 keeps actors on any two; the default asks for all three', async () => {
      const all = await ask(ctx, who, ws, `interlocks?actors=${id.Acme},${id.Bank},${id.Council}`);
      expect(all.body.groups).toHaveLength(1);
      expect(all.body.groups[0].items.map((i: { actorId: string }) => names([i.actorId])[0])).toEqual(['Fay']);
      const two = await ask(ctx, who, ws, `interlocks?actors=${id.Acme},${id.Bank},${id.Council}&min=2`);
      const board = two.body.groups.find((g: { type: string }) => g.type === 'POSITION');
      expect(board.items.map((i: { actorId: string; connectedTo: string[] }) => [names([i.actorId])[0], i.connectedTo.length])).toEqual([
        ['Fay', 3],
        ['Gus', 2],
      ]);
    });
  });

  describe('leverage routes', () => {
    it('ranks routes from our base through the ally first, and explains each step', async () => {
      const res = await ask(ctx, who, ws, `leverage?target=${id.Sen}`);
      expect(res.status).toBe(200);
      // Ana→Union→Sen: 100 × 0.8 (strength 4) × 0.9 (ally +2) × 1.0 (strength 5) = 72
      // Ben→Dora→Sen: 100 × 0.4 (strength 2) × 0.55 (unknown) × 0.8 (strength 4) = 17.6
      // Ana→Carl→Sen: 100 × 1.0 × 0.15 (opponent −3) × 1.0 = 15
      expect(res.body.routes.map((r: { actorIds: string[]; score: number }) => [names(r.actorIds).join('-'), r.score])).toEqual([
        ['Ana-Union-Sen', 72],
        ['Ben-Dora-Sen', 17.6],
        ['Ana-Carl-Sen', 15],
      ]);
      const best = res.body.routes[0];
      expect(best.summary).toBe('Ana → is a member of → Union (+2) → donates to → Sen (the target)');
      expect(best.explanation.join('\n')).toContain('Union stands in between: an ally (+2): ×0.90');
      expect(best.explanation.at(-1)).toBe('Score: 100 × 0.80 × 0.90 × 1.00 = 72.');
      expect(res.body.routes[2].summary).toBe('Ana → knows → Carl (-3) → works with → Sen (the target)');
      expect(new Set(names(res.body.fromActorIds))).toEqual(new Set(['Ana', 'Ben']));
    });

    it('starts from chosen actors when asked', async () => {
      const res = await ask(ctx, who, ws, `leverage?target=${id.Sen}&from=${id.Ben}&k=1`);
      expect(res.body.routes.map((r: { actorIds: string[] }) => names(r.actorIds).join('-'))).toEqual(['Ben-Dora-Sen']);
    });
  });

  describe('target circle', () => {
    it('ranks who has power over the primary target', async () => {
      const demandId = crypto.randomUUID();
      await ctx.db.write((tx) =>
        tx.query(
          `CREATE (d:Demand {id: $id, workspaceId: $ws, title: 'More school nurses', status: 'active', version: 1})
           WITH d MATCH (t:Actor {id: $sen}) CREATE (d)-[:TARGETS {primary: true}]->(t)`,
          { id: demandId, ws, sen: id.Sen },
        ),
      );
      const res = await ask(ctx, who, ws, `demands/${demandId}/circle`);
      expect(res.status).toBe(200);
      // Union: donation 0.9 × 5/5 × (0.5 + 4/10) = 0.81; Dora: family 1.0 × 4/5 × (0.5 + 2/10) = 0.56;
      // Carl: professional 0.6 × 5/5 × 0.6 (power unassessed) = 0.36; Acme's opposition gives no power.
      expect(res.body.items.map((i: { actorId: string; score: number }) => [names([i.actorId])[0], i.score])).toEqual([
        ['Union', 0.81],
        ['Dora', 0.56],
        ['Carl', 0.36],
      ]);
      expect(res.body.items[0].reasons).toEqual(['Union donates to Sen (funds them, strength 5/5)']);
      expect(res.body.items[2].reasons).toEqual(['Carl works with Sen (works with them, strength 5/5)']);
    });
  });

  describe('bad requests get a clear 4xx', () => {
    it.each([
      ['depth = 9', () => `neighborhood?actor=${id.Sen}&depth=9`, 400],
      ['k = 1000', () => `paths?from=${id.Ana}&to=${id.Sen}&k=1000`, 400],
      ['maxHops = 7', () => `paths?from=${id.Ana}&to=${id.Sen}&maxHops=7`, 400],
      ['the same actor twice', () => `paths?from=${id.Ana}&to=${id.Ana}`, 400],
      ['an interlock naming one actor twice', () => `interlocks?actors=${id.Acme},${id.Acme}`, 400],
      ['an unknown relationship type', () => `neighborhood?actor=${id.Sen}&types=FRIENDS`, 400],
      ['a map and a centre at once', () => `brokers?map=${crypto.randomUUID()}&around=${id.Sen}`, 400],
      ['a min above the count', () => `interlocks?actors=${id.Acme},${id.Bank}&min=3`, 400],
      ['an unknown actor', () => `paths?from=${id.Ana}&to=${crypto.randomUUID()}`, 404],
      ['an unknown map', () => `brokers?map=${crypto.randomUUID()}`, 404],
      ['an unknown demand', () => `demands/${crypto.randomUUID()}/circle`, 404],
      ['an unknown leverage target', () => `leverage?target=${crypto.randomUUID()}`, 404],
    ])('%s', async (_what, url, status) => {
      const res = await ask(ctx, who, ws, url());
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.detail).toBeTruthy();
    });

    it('does not see an actor of another workspace', async () => {
      const other = await analysisSession(ctx, 'Rival');
      const theirs = await seedGraph(ctx, other.ws, [{ name: 'Secret' }], []);
      const res = await ask(ctx, who, ws, `neighborhood?actor=${theirs.Secret}`);
      expect(res.status).toBe(404);
      const interlock = await ask(ctx, who, ws, `interlocks?actors=${id.Acme},${theirs.Secret}`);
      expect(interlock.status).toBe(404);
      expect(interlock.body.detail).toContain(theirs.Secret);
    });

    it('is closed to the signed-out and to non-members', async () => {
      expect((await call(ctx.app, null, 'GET', `/api/workspaces/${ws}/analysis/brokers`)).status).toBe(401);
      const stranger = await signUp(ctx.app, 'Stranger');
      expect((await ask(ctx, stranger, ws, 'brokers')).status).toBe(404);
    });
  });

  it('an empty workspace gets empty answers', async () => {
    const empty = await analysisSession(ctx, 'Newcomer');
    const b = await ask(ctx, empty.who, empty.ws, 'brokers');
    expect(b.status).toBe(200);
    expect(b.body).toMatchObject({ items: [], actors: [], relationships: [], actorCount: 0 });
    const c = await ask(ctx, empty.who, empty.ws, 'communities');
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ communities: [], modularity: 0 });
    const lonely = await seedGraph(ctx, empty.ws, [{ name: 'Target' }], []);
    const l = await ask(ctx, empty.who, empty.ws, `leverage?target=${lonely.Target}`);
    expect(l.status).toBe(200);
    expect(l.body.routes).toEqual([]);
    expect(l.body.method).toContain('role "base"');
  });
});
