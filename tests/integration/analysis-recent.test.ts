/**
 * Whole-workspace power brokers on a large workspace after an edit: the last measures are
 * given at once, saying how many changes old they are, while fresh ones are computed in the
 * background; the next question after that gets the fresh ones. (ANALYSIS_REUSE_ABOVE=0
 * makes this small workspace count as large.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, type Answer, type Caller } from '../support/api.js';
import { analysisSession, ask, seedGraph } from '../support/analysis-session.js';

interface Broker {
  actorId: string;
  betweenness: number;
}

// The first answer starts a worker thread, which on a loaded machine takes a while.
const SLOW = 300_000;

/** Polls (never a fixed sleep) until the brokers answer is fresh. */
async function freshBrokers(ctx: TestContext, who: Caller, ws: string): Promise<Answer> {
  for (let i = 0; i < 3_000; i++) {
    const res = await ask(ctx, who, ws, 'brokers?limit=10');
    expect(res.status).toBe(200);
    if (res.body.basis.changesSince === 0) return res;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the brokers answer never became fresh');
}

describe('whole-workspace brokers right after an edit', () => {
  let ctx: TestContext;
  let who: Caller;
  let ws: string;
  let id: Record<string, string>;
  beforeAll(async () => {
    ctx = await testApp({ env: { ANALYSIS_REUSE_ABOVE: '0' } });
    ({ who, ws } = await analysisSession(ctx, 'Recent'));
    // Two triangles that reach each other only through the Bridge.
    const names = ['Ana', 'Ben', 'Cy', 'Dee', 'Eli', 'Fay', 'Bridge'];
    const ties = [
      ['Ana', 'Ben'],
      ['Ben', 'Cy'],
      ['Ana', 'Cy'],
      ['Dee', 'Eli'],
      ['Eli', 'Fay'],
      ['Dee', 'Fay'],
      ['Ana', 'Bridge'],
      ['Bridge', 'Dee'],
    ];
    id = await seedGraph(
      ctx,
      ws,
      names.map((name) => ({ name })),
      ties.map(([from, to]) => ({ from: from!, to: to!, type: 'SOCIAL', mutual: true })),
    );
  });
  afterAll(() => ctx.close());

  it(
    'answers from the last measures, saying so, then with fresh ones',
    async () => {
      const first = await ask(ctx, who, ws, 'brokers?limit=10');
      expect(first.status).toBe(200);
      expect(first.body.basis).toEqual({ version: first.body.dataVersion, changesSince: 0, refreshing: false });
      const bridge = first.body.items.find((i: Broker) => i.actorId === id.Bridge);
      expect(bridge.betweenness).toBeGreaterThan(0);

      // Someone deletes the Bridge.
      const removed = await call(ctx.app, who, 'DELETE', `/api/workspaces/${ws}/actors/${id.Bridge}?version=1`);
      expect(removed.status).toBe(204);

      const recent = await ask(ctx, who, ws, 'brokers?limit=10');
      expect(recent.status).toBe(200);
      // The measures from before the edit, stated as one change behind, with a refresh under way.
      expect(recent.body.basis).toEqual({ version: first.body.dataVersion, changesSince: 1, refreshing: true });
      expect(recent.body.dataVersion).toBe(first.body.dataVersion);
      expect(recent.body.items.map((i: Broker) => i.actorId)).toContain(id.Bridge);

      const fresh = await freshBrokers(ctx, who, ws);
      expect(fresh.body.dataVersion).toBe(first.body.dataVersion + 1);
      expect(fresh.body.basis).toEqual({ version: fresh.body.dataVersion, changesSince: 0, refreshing: false });
      expect(fresh.body.items.map((i: Broker) => i.actorId)).not.toContain(id.Bridge);
      expect(fresh.body.actorCount).toBe(6);
      // Without the Bridge the two triangles have no one between them.
      for (const item of fresh.body.items as Broker[]) expect(item.betweenness).toBe(0);
    },
    SLOW,
  );

  it(
    'computes afresh at once when the last measures are more than 50 changes old',
    async () => {
      const before = await freshBrokers(ctx, who, ws);
      for (let i = 0; i < 51; i++) {
        const res = await call(ctx.app, who, 'POST', `/api/workspaces/${ws}/actors`, { kind: 'person', name: `Newcomer ${i}` });
        expect(res.status).toBe(201);
      }
      const after = await ask(ctx, who, ws, 'brokers?limit=10');
      expect(after.status).toBe(200);
      expect(after.body.basis).toMatchObject({ changesSince: 0, refreshing: false });
      expect(after.body.dataVersion).toBe(before.body.dataVersion + 51);
      expect(after.body.actorCount).toBe(6 + 51);
    },
    SLOW,
  );
});
