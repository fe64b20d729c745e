/**
 * The analysis projection kept fresh from the change log, checked against the database:
 * after edits made through the API (create, edit strength, delete, restore, merge, revert,
 * batch), the projection a question uses equals one loaded afresh from Neo4j.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotOf } from '../../server/analysis/projection/graph.js';
import { loadProjection } from '../../server/analysis/projection/load.js';
import { projectionsFor } from '../../server/analysis/projection/registry.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';
import { testApp, type TestContext } from '../support/app.js';
import { bumpVersion } from '../support/analysis-session.js';

const SLOW = 240_000;

describe('the analysis projection follows every edit', () => {
  let ctx: TestContext;
  let me: Caller;

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Analyst');
  });
  afterAll(() => ctx.close());

  const api = (ws: string) => {
    const url = (path: string) => `/api/workspaces/${ws}${path}`;
    return {
      post: (path: string, body: unknown) => call(ctx.app, me, 'POST', url(path), body),
      patch: (path: string, body: unknown) => call(ctx.app, me, 'PATCH', url(path), body),
      del: (path: string) => call(ctx.app, me, 'DELETE', url(path)),
      get: (path: string) => call(ctx.app, me, 'GET', url(path)),
    };
  };

  const fresh = async (ws: string) => snapshotOf(await ctx.db.read((tx) => loadProjection(tx, ws)));
  const kept = async (ws: string) => snapshotOf(await projectionsFor(ctx.db).get(ws));

  it(
    'answers from the latest edit at once, and equals a fresh load after random edit sequences',
    async () => {
      const op = fc.record({
        kind: fc.integer({ min: 0, max: 9 }),
        a: fc.nat(40),
        b: fc.nat(40),
        s: fc.integer({ min: 1, max: 5 }),
        ask: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 8, maxLength: 16 }), async (ops) => {
          const ws = await newWorkspace(ctx.app, me, 'Projection');
          const w = api(ws);
          const live: string[] = [];
          const gone: string[] = [];
          const ties: string[] = [];
          for (const name of ['Ana', 'Ben', 'Cy']) live.push((await w.post('/actors', { kind: 'person', name })).body.id);
          ties.push((await w.post('/relationships', { type: 'SOCIAL', from: live[0], to: live[1], strength: 2, mutual: true })).body.id);
          // The first question loads the projection; every later one replays the changes since.
          expect((await w.get(`/analysis/paths?from=${live[0]}&to=${live[1]}`)).body.paths).toHaveLength(1);
          const loads = projectionsFor(ctx.db).figures().loads;
          const pick = (list: string[], i: number) => list[i % list.length]!;
          for (const o of ops) {
            if (o.kind === 0 || live.length < 2) {
              live.push((await w.post('/actors', { kind: 'person', name: `P${o.a}`, power: o.s, roles: o.b % 2 ? ['base'] : [] })).body.id);
            } else if (o.kind === 1) {
              const [from, to] = [pick(live, o.a), pick(live, o.a + 1 + (o.b % (live.length - 1)))];
              const res = await w.post('/relationships', { type: o.b % 3 ? 'SOCIAL' : 'GENERIC', from, to, strength: o.s, mutual: true });
              if (res.status === 201) ties.push(res.body.id);
            } else if (o.kind === 2 && ties.length) {
              const id = pick(ties, o.a);
              const current = await w.get(`/relationships/${id}`);
              if (current.status === 200) await w.patch(`/relationships/${id}`, { strength: o.s, version: current.body.version });
            } else if (o.kind === 3 && ties.length) {
              const id = pick(ties, o.a);
              const current = await w.get(`/relationships/${id}`);
              if (current.status === 200) await w.del(`/relationships/${id}?version=${current.body.version}`);
            } else if (o.kind === 4) {
              const id = pick(live, o.a);
              const current = await w.get(`/actors/${id}`);
              if ((await w.del(`/actors/${id}?version=${current.body.version}`)).status === 204) {
                live.splice(live.indexOf(id), 1);
                gone.push(id);
              }
            } else if (o.kind === 5 && gone.length) {
              const id = pick(gone, o.a);
              if ((await w.post(`/actors/${id}/restore`, {})).status === 200) {
                gone.splice(gone.indexOf(id), 1);
                live.push(id);
              }
            } else if (o.kind === 6) {
              const dup = pick(live, o.a);
              const into = pick(
                live.filter((x) => x !== dup),
                o.b,
              );
              const current = await w.get(`/actors/${dup}`);
              if ((await w.post(`/actors/${dup}/merge`, { into, version: current.body.version })).status === 200) {
                live.splice(live.indexOf(dup), 1);
                gone.push(dup);
              }
            } else if (o.kind === 7) {
              const last = (await w.get('/history?limit=1')).body.items[0];
              if (last) await w.post(`/history/${last.id}/revert`, {});
              // A revert may bring back or remove anyone: re-read who is alive.
              for (const id of [...live, ...gone]) {
                const alive = (await w.get(`/actors/${id}`)).status === 200;
                const list = alive ? live : gone;
                if (!list.includes(id)) {
                  (alive ? gone : live).splice((alive ? gone : live).indexOf(id), 1);
                  list.push(id);
                }
              }
            } else if (o.kind === 8 && ties.length) {
              const id = pick(ties, o.b);
              const current = await w.get(`/relationships/${id}`);
              const created = crypto.randomUUID();
              const operations = [
                { op: 'create', entity: 'actor', data: { id: created, kind: 'person', name: `Batch ${o.a}` } },
                {
                  op: 'create',
                  entity: 'relationship',
                  data: { type: 'SOCIAL', from: created, to: pick(live, o.a), strength: o.s, mutual: true },
                },
                ...(current.status === 200
                  ? [{ op: 'update', entity: 'relationship', id, data: { strength: o.s, version: current.body.version } }]
                  : []),
              ];
              if ((await w.post('/batch', { operations })).status === 200) live.push(created);
            } else if (o.kind === 9) {
              // A new tie is used by the very next answer.
              const [from, to] = [pick(live, o.a), pick(live, o.a + 1 + (o.b % (live.length - 1)))];
              const res = await w.post('/relationships', { type: 'FAMILY', from, to, strength: 5, mutual: true });
              if (res.status === 201) {
                ties.push(res.body.id);
                const answer = await w.get(`/analysis/paths?from=${from}&to=${to}&types=FAMILY&k=10`);
                expect(
                  answer.body.paths.some(
                    (p: { steps: { relationshipId: string }[] }) => p.steps.length === 1 && p.steps[0]!.relationshipId === res.body.id,
                  ),
                ).toBe(true);
              }
            }
            if (o.ask) expect((await w.get('/analysis/brokers?limit=5')).status).toBe(200);
          }
          expect(await kept(ws)).toEqual(await fresh(ws));
          // Every edit above was replayed from the change log, none needed a fresh load.
          expect(projectionsFor(ctx.db).figures().loads).toBe(loads);
        }),
        { numRuns: 2, endOnFailure: true },
      );
    },
    SLOW,
  );

  it(
    'loads afresh when the change log cannot explain a new change number (a write straight into the database)',
    async () => {
      const ws = await newWorkspace(ctx.app, me, 'Direct writes');
      const w = api(ws);
      const a = (await w.post('/actors', { kind: 'person', name: 'Ada' })).body.id;
      const b = (await w.post('/actors', { kind: 'person', name: 'Bo' })).body.id;
      expect((await w.get(`/analysis/paths?from=${a}&to=${b}`)).body).toMatchObject({ paths: [], complete: true });
      await ctx.db.write((tx) =>
        tx.query(
          `MATCH (x:Actor {id: $a}), (y:Actor {id: $b})
         CREATE (x)-[:SOCIAL {id: randomUUID(), workspaceId: $ws, strength: 4, mutual: true, version: 1, sourceIds: []}]->(y)`,
          { ws, a, b },
        ),
      );
      await bumpVersion(ctx, ws);
      expect((await w.get(`/analysis/paths?from=${a}&to=${b}`)).body.paths).toHaveLength(1);
      expect(await kept(ws)).toEqual(await fresh(ws));
    },
    SLOW,
  );

  it(
    'compresses large graph and analysis answers for clients that accept it',
    async () => {
      const ws = await newWorkspace(ctx.app, me, 'Compressed');
      const operations = Array.from({ length: 40 }, (_, i) => ({
        op: 'create',
        entity: 'actor',
        data: { kind: 'person', name: `Member ${i}` },
      }));
      expect((await api(ws).post('/batch', { operations })).status).toBe(200);
      const graph = await call(ctx.app, me, 'GET', `/api/workspaces/${ws}/graph`, undefined, { 'accept-encoding': 'gzip' });
      expect(graph.status).toBe(200);
      expect(graph.headers['content-encoding']).toBe('gzip');
      const communities = await call(ctx.app, me, 'GET', `/api/workspaces/${ws}/analysis/communities`, undefined, {
        'accept-encoding': 'br',
      });
      expect(communities.status).toBe(200);
      expect(communities.headers['content-encoding']).toBe('br');
      // Without the header, the same answer comes as plain JSON.
      const plain = await call(ctx.app, me, 'GET', `/api/workspaces/${ws}/analysis/communities`);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.communities).toHaveLength(40);
    },
    SLOW,
  );
});
