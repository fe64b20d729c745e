/**
 * One user cannot freeze the server: whole-workspace measures and import parsing run on
 * worker threads (the event loop keeps answering others meanwhile, with the same answers as
 * on the request thread), each account runs at most two heavy requests at once, and the
 * import says plainly how much it takes.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankBrokers } from '../../server/analysis/brokers.js';
import { findCommunities } from '../../server/analysis/communities.js';
import { projectScope } from '../../server/analysis/scope.js';
import { allTypes } from '../../server/domain/analysis.js';
import { HEAVY_PER_ACCOUNT } from '../../server/http/heavy-limit.js';
import { IMPORT_BODY_LIMIT } from '../../server/routes/import.js';
import { seededRandom } from '../../server/analysis/graph.js';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

const ACTORS = 1_000;
const TIES = 6_000;

/** A workspace graph large enough that its exact betweenness takes the worker a while. */
async function writeGraph(ctx: TestContext, ws: string) {
  const random = seededRandom(7);
  const now = new Date().toISOString();
  const actors = Array.from({ length: ACTORS }, (_, i) => ({
    id: randomUUID(),
    name: `Actor ${String(i).padStart(4, '0')}`,
    power: i % 7 === 0 ? null : i % 6,
  }));
  const ties = Array.from({ length: TIES }, () => {
    const a = Math.floor(random() * ACTORS);
    const b = (a + 1 + Math.floor(random() * (ACTORS - 1))) % ACTORS;
    return { id: randomUUID(), from: actors[a]!.id, to: actors[b]!.id, strength: 1 + Math.floor(random() * 5) };
  });
  const session = ctx.driver.session();
  try {
    await session.run(
      `UNWIND $actors AS a
       CREATE (n:Actor:Person {id: a.id, workspaceId: $ws, kind: 'person', name: a.name, nameKey: toLower(a.name), power: a.power,
         aliases: [], aliasText: '', description: '', tags: [], roles: [], interests: [], powerSources: [], links: [],
         externalIdsJson: '{}', version: 1, createdAt: $now, updatedAt: $now})`,
      { ws, actors, now },
    );
    await session.run(
      `UNWIND $ties AS t
       MATCH (a:Actor {id: t.from}) WHERE a.workspaceId = $ws
       MATCH (b:Actor {id: t.to}) WHERE b.workspaceId = $ws
       CREATE (a)-[:SOCIAL {id: t.id, workspaceId: $ws, strength: t.strength, mutual: true, sourceIds: [], description: '',
         version: 1, createdAt: $now, updatedAt: $now}]->(b)`,
      { ws, ties, now },
    );
  } finally {
    await session.close();
  }
}

/**
 * An answer as the person reading it sees it: the store may hand rows over in another order
 * (so lists of records are compared by id, and sums may differ in their last bit).
 */
function comparable(answer: unknown): unknown {
  return JSON.parse(JSON.stringify(answer), (_key, value: unknown) => {
    if (typeof value === 'number' && !Number.isInteger(value)) return Number(value.toPrecision(10));
    if (Array.isArray(value) && value.every((v) => v && typeof v === 'object' && 'id' in v && !('actorId' in v)))
      return [...(value as { id: unknown }[])].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    return value;
  });
}

/** Polls (never a fixed sleep) until `check` holds. */
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 6_000; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting for ${what}`);
}

// Heavy by design: on a slow, shared machine each of these may take minutes.
const SLOW = 600_000;

describe('heavy work', () => {
  let ctx: TestContext;
  let owner: Caller;
  let other: Caller;
  let ws: string;
  let otherWs: string;
  let limit = 60;
  // Each request asks for a limit never asked before, so the answer cache serves none of them.
  const brokersUrl = () => `/api/workspaces/${ws}/analysis/brokers?limit=${limit++}`;

  beforeAll(async () => {
    ctx = await testApp();
    owner = await signUp(ctx.app, 'Heavy owner');
    other = await signUp(ctx.app, 'Other person');
    ws = await newWorkspace(ctx.app, owner, 'Big map');
    otherWs = await newWorkspace(ctx.app, other, 'Small map');
    await call(ctx.app, other, 'POST', `/api/workspaces/${otherWs}/actors`, { kind: 'person', name: 'Someone' });
    expect((await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/members`, { email: other.email, role: 'viewer' })).status).toBe(201);
    await writeGraph(ctx, ws);
  }, 300_000);
  afterAll(() => ctx.close());

  it(
    'marks whole-workspace analysis and the import as heavy',
    () => {
      expect(ctx.app.heavyRoutes).toEqual(
        expect.arrayContaining([
          'GET /api/workspaces/:ws/analysis/brokers',
          'GET /api/workspaces/:ws/analysis/communities',
          'POST /api/workspaces/:ws/import/kumu',
        ]),
      );
    },
    SLOW,
  );

  it(
    'answers another person’s simple request while power brokers are being computed on a worker thread',
    async () => {
      const heavy = call(ctx.app, owner, 'GET', brokersUrl());
      let heavyDone = false;
      void heavy.finally(() => (heavyDone = true));
      // Wait until the measures are on a worker thread (the scope has been read by then).
      await until(() => ctx.app.workers.pending > 0 || heavyDone, 'the brokers task to start');
      expect(heavyDone, 'the brokers request finished before its task was seen running').toBe(false);
      const cheap = await call(ctx.app, other, 'GET', `/api/workspaces/${otherWs}/actors?limit=5`);
      expect(cheap.status).toBe(200);
      // The cheap request was answered while the heavy one was still being computed.
      expect(heavyDone).toBe(false);
      expect(ctx.app.workers.pending).toBeGreaterThan(0);
      expect((await heavy).status).toBe(200);
    },
    SLOW,
  );

  it(
    'stops the measure on its worker thread when the caller hangs up, and frees the caller’s slot',
    async () => {
      if (!ctx.app.server.listening) await ctx.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = ctx.app.server.address() as { port: number };
      const before = ctx.app.workers.cancelled;
      const request = http.get({ host: '127.0.0.1', port, path: brokersUrl(), headers: { cookie: owner.cookie } });
      request.on('error', () => {});
      await until(() => ctx.app.workers.pending > 0, 'the brokers task to start');
      request.destroy();
      await until(() => ctx.app.workers.cancelled === before + 1, 'the abandoned task to be stopped');
      await until(() => ctx.app.workers.pending === 0 && ctx.app.heavyInFlight(owner.userId) === 0, 'the thread and the slot to be free');
      // The pool starts a fresh thread for the next question.
      expect((await call(ctx.app, owner, 'GET', brokersUrl())).status).toBe(200);
    },
    SLOW,
  );

  it(
    'gives the same brokers and communities as the computation on the request thread',
    async () => {
      const sub = await ctx.db.read((tx) => projectScope(tx, ws, {}, allTypes));
      const viaWorker = await call(ctx.app, owner, 'GET', `/api/workspaces/${ws}/analysis/brokers?limit=40`);
      expect(viaWorker.status).toBe(200);
      expect(comparable(viaWorker.body)).toEqual(comparable(rankBrokers(sub, 40)));
      expect(viaWorker.body.items).toHaveLength(40);
      const communities = await call(ctx.app, owner, 'GET', `/api/workspaces/${ws}/analysis/communities?resolution=1.5`);
      expect(communities.status).toBe(200);
      expect(comparable(communities.body)).toEqual(comparable(findCommunities(sub, 1.5)));
      expect(communities.body.communities.length).toBeGreaterThan(1);
    },
    SLOW,
  );

  it(
    'runs at most two heavy requests at once per account (a batch of megabytes among them); the next hears why and when to come back',
    async () => {
      const first = [call(ctx.app, owner, 'GET', brokersUrl()), call(ctx.app, owner, 'GET', brokersUrl())];
      await until(() => ctx.app.heavyInFlight(owner.userId) === HEAVY_PER_ACCOUNT, 'both requests to hold their slots');
      const refused = await call(ctx.app, owner, 'GET', `/api/workspaces/${ws}/analysis/communities?resolution=2.5`);
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.body.detail).toMatch(/previous analysis or import of yours is still running/);
      // A batch of a few edits is cheap and goes through; one of megabytes waits its turn.
      const small = await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/batch`, {
        operations: [{ op: 'create', entity: 'actor', data: { kind: 'person', name: 'Small batch' } }],
      });
      expect(small.status, JSON.stringify(small.body)).toBe(200);
      const big = await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/batch`, {
        operations: Array.from({ length: 2_000 }, (_, i) => ({
          op: 'create',
          entity: 'actor',
          data: { kind: 'person', name: `Big batch ${i}`, description: 'x'.repeat(600) },
        })),
      });
      expect(big.status).toBe(429);
      expect(big.body.detail).toMatch(/previous analysis or import of yours is still running/);
      // Someone else is not held up by the owner's limit.
      const theirs = await call(ctx.app, other, 'GET', brokersUrl());
      expect(theirs.status).toBe(200);
      for (const answer of await Promise.all(first)) expect(answer.status).toBe(200);
      expect(ctx.app.heavyInFlight(owner.userId)).toBe(0);
      expect((await call(ctx.app, owner, 'GET', brokersUrl())).status).toBe(200);
    },
    SLOW,
  );

  it(
    'frees the slot of a heavy request refused before it ran',
    async () => {
      for (let i = 0; i < HEAVY_PER_ACCOUNT + 1; i++) {
        const bad = await call(ctx.app, owner, 'GET', `/api/workspaces/${ws}/analysis/brokers?limit=0`);
        expect(bad.status).toBe(400);
        const badImport = await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/import/kumu`, { elements: 42 });
        expect(badImport.status).toBe(400);
      }
      expect(ctx.app.heavyInFlight(owner.userId)).toBe(0);
      expect((await call(ctx.app, owner, 'GET', brokersUrl())).status).toBe(200);
    },
    SLOW,
  );

  it(
    'refuses an upload larger than the import takes with a 413 that names the limit',
    async () => {
      const huge = 'x'.repeat(IMPORT_BODY_LIMIT + 1024);
      const res = await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/import/kumu`, { elements: `Label\n${huge}\n` });
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.detail).toMatch(/at most 10 MB/);
      expect(ctx.app.heavyInFlight(owner.userId)).toBe(0);
    },
    SLOW,
  );

  it(
    'refuses a sheet with more rows than one import takes, naming the sheet and the limit',
    async () => {
      const rows = Array.from({ length: 50_001 }, (_, i) => `Row ${i}`).join('\n');
      const res = await call(ctx.app, owner, 'POST', `/api/workspaces/${otherWs}/import/kumu`, { elements: `Label\n${rows}\n` }, {});
      // The owner is not a member of otherWs: the limit must not leak before the access check.
      expect(res.status).toBe(404);
      const mine = await call(ctx.app, other, 'POST', `/api/workspaces/${otherWs}/import/kumu`, {
        elements: `Label\n${rows}\n`,
        dryRun: true,
      });
      expect(mine.status).toBe(413);
      expect(mine.body.detail).toMatch(/elements sheet has 50,001 rows; one import takes at most 50,000/);
      expect((await call(ctx.app, other, 'GET', `/api/workspaces/${otherWs}/actors`)).body.items).toHaveLength(1);
    },
    SLOW,
  );

  it('imports through the worker with every check a create makes, naming the row', async () => {
    const bad = await call(ctx.app, other, 'POST', `/api/workspaces/${otherWs}/import/kumu`, {
      elements: 'Label,Type,Power\nAna,Person,9\n',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'body.elements.row 2.Power' });
    const good = await call(ctx.app, other, 'POST', `/api/workspaces/${otherWs}/import/kumu`, {
      elements: 'Label,Type\nAna,Person\nAcme,Organization\n',
      connections: 'From,To,Type\nAna,Acme,board member\nAna,Someone,friend\n',
    });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ actorsCreated: 2, relationshipsCreated: 2, matched: [] });
    const ties = (await call(ctx.app, other, 'GET', `/api/workspaces/${otherWs}/relationships`)).body.items;
    expect(ties.map((t: { type: string }) => t.type).sort()).toEqual(['POSITION', 'SOCIAL']);
  });
});

describe('the worker pool', () => {
  it('ends with the app and refuses work after that', async () => {
    const ctx = await testApp();
    const pool = ctx.app.workers;
    expect(pool.threads).toBeGreaterThan(0);
    await ctx.close();
    await expect(
      pool.run('communities', {
        scope: {
          ids: [],
          names: [],
          power: new Float64Array(0),
          from: new Int32Array(0),
          to: new Int32Array(0),
          strength: new Uint8Array(0),
        },
        resolution: 1,
      }),
    ).rejects.toMatchObject({ kind: 'unavailable' });
  });
});
