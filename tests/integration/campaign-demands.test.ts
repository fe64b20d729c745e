/**
 * Demands as a campaign works them: several targets with why, a board that stands for its
 * members, dated status changes, edits that cannot overwrite each other, deletes that can be
 * undone, and a double click that makes one demand.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

describe('demands and their targets', () => {
  let ctx: TestContext;
  let me: Caller;
  let ws: string;
  const url = (path: string) => `/api/workspaces/${ws}${path}`;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => call(ctx.app, me, 'POST', url(path), body, headers);
  const patch = (path: string, body: unknown) => call(ctx.app, me, 'PATCH', url(path), body);
  const get = (path: string) => call(ctx.app, me, 'GET', url(path));
  const actor = async (kind: 'person' | 'organization', name: string) => (await post('/actors', { kind, name })).body as { id: string };

  let board: { id: string };
  let chair: { id: string };
  let member: { id: string };
  let superintendent: { id: string };
  let developer: { id: string };

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Organiser');
    ws = await newWorkspace(ctx.app, me, 'Healthy schools');
    board = await actor('organization', 'School Board');
    chair = await actor('person', 'Board Chair');
    member = await actor('person', 'Board Member');
    superintendent = await actor('person', 'Superintendent');
    developer = await actor('organization', 'Developer LLC');
    await post('/relationships', { type: 'POSITION', from: chair.id, to: board.id, title: 'Chair', board: true });
    await post('/relationships', { type: 'MEMBERSHIP', from: member.id, to: board.id });
  });
  afterAll(() => ctx.close());

  it('holds several primary and secondary targets, each with why, and expands a board to its members', async () => {
    const res = await post('/demands', {
      title: 'Fund healthy school buildings',
      deadline: '2099-06-30',
      status: 'presented',
      primaryTargetIds: [board.id, superintendent.id],
      secondaryTargetIds: [developer.id],
      targetWhy: { [board.id]: 'votes the budget', [developer.id]: 'funds two board campaigns' },
    });
    expect(res.status).toBe(201);
    const d = res.body;
    expect(d.primaryTargets.map((t: { id: string }) => t.id).sort()).toEqual([board.id, superintendent.id].sort());
    const boardTarget = d.primaryTargets.find((t: { id: string }) => t.id === board.id);
    expect(boardTarget.why).toBe('votes the budget');
    expect(boardTarget.members.map((m: { id: string; via: string }) => [m.id, m.via]).sort()).toEqual(
      [
        [chair.id, 'POSITION'],
        [member.id, 'MEMBERSHIP'],
      ].sort(),
    );
    expect(d.decisionMakerIds.sort()).toEqual([chair.id, member.id, superintendent.id].sort());
    expect(d.secondaryTargets).toMatchObject([{ id: developer.id, why: 'funds two board campaigns' }]);
    expect(d.statusHistory).toMatchObject([{ status: 'presented', by: 'Organiser' }]);
    expect(d.deadline).toBe('2099-06-30');
    // Listed on the target's side too.
    const aimed = await get(`/demands?target=${developer.id}`);
    expect(aimed.body.items.map((x: { id: string }) => x.id)).toEqual([d.id]);
  });

  it('dates every status change and refuses a stale edit with 409', async () => {
    const d = (await post('/demands', { title: 'Air filters in every classroom', primaryTargetIds: [superintendent.id] })).body;
    expect(d.status).toBe('drafting');
    const presented = await patch(`/demands/${d.id}`, { status: 'presented', statusAt: '2026-01-10T09:00:00Z', version: 1 });
    expect(presented.status).toBe(200);
    const won = await patch(`/demands/${d.id}`, { status: 'partly_won', version: 2, description: 'Filters funded, not the roofs' });
    // "presented" was back-dated to before the demand was drafted, so it comes first.
    expect(won.body.statusHistory.map((h: { status: string }) => h.status)).toEqual(['presented', 'drafting', 'partly_won']);
    expect(won.body.statusHistory[0].at).toBe('2026-01-10T09:00:00.000Z');
    const stale = await patch(`/demands/${d.id}`, { title: 'Something else', version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(3);
    expect((await get(`/demands/${d.id}`)).body.title).toBe('Air filters in every classroom');
  });

  it('deletes softly: the demand can be restored, and the delete is in the change log', async () => {
    const d = (
      await post('/demands', {
        title: 'Lead-free water',
        primaryTargetIds: [superintendent.id],
        targetWhy: { [superintendent.id]: 'runs facilities' },
      })
    ).body;
    expect((await call(ctx.app, me, 'DELETE', url(`/demands/${d.id}?version=1`))).status).toBe(204);
    expect((await get(`/demands/${d.id}`)).status).toBe(404);
    expect((await get('/demands')).body.items.map((x: { id: string }) => x.id)).not.toContain(d.id);
    const history = (await get(`/history?entity=${d.id}`)).body.items;
    expect(history.map((c: { action: string }) => c.action)).toEqual(['delete', 'create']);
    const restored = await post(`/demands/${d.id}/restore`, {});
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ title: 'Lead-free water', primaryTargets: [{ id: superintendent.id, why: 'runs facilities' }] });
    // Undo from history works the same way.
    expect((await call(ctx.app, me, 'DELETE', url(`/demands/${d.id}?version=${restored.body.version}`))).status).toBe(204);
    const deletion = (await get(`/history?entity=${d.id}`)).body.items[0];
    expect((await post(`/history/${deletion.id}/revert`, {})).status).toBe(200);
    expect((await get(`/demands/${d.id}`)).body.title).toBe('Lead-free water');
  });

  it('makes one demand from a double click: the same Idempotency-Key or id answers 200 with the first', async () => {
    const key = randomUUID();
    const body = { title: 'Mould survey of every school', primaryTargetIds: [superintendent.id] };
    const [first, second] = await Promise.all([
      post('/demands', body, { 'idempotency-key': key }),
      post('/demands', body, { 'idempotency-key': key }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.body.id).toBe(second.body.id);
    const id = randomUUID();
    expect((await post('/demands', { ...body, id, title: 'Roof repairs' })).status).toBe(201);
    const again = await post('/demands', { ...body, id, title: 'Roof repairs' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(id);
    const titles = (await get('/demands')).body.items.map((x: { title: string }) => x.title);
    expect(titles.filter((t: string) => t === 'Mould survey of every school')).toHaveLength(1);
    expect(titles.filter((t: string) => t === 'Roof repairs')).toHaveLength(1);
    const different = await post('/demands', { ...body, title: 'Another thing' }, { 'idempotency-key': key });
    expect(different.status).toBe(422);
  });

  it('answers bad input with 400 naming the field', async () => {
    const other = await signUp(ctx.app, 'Elsewhere');
    const otherWs = await newWorkspace(ctx.app, other, 'Other campaign');
    const foreign = (await call(ctx.app, other, 'POST', `/api/workspaces/${otherWs}/actors`, { kind: 'person', name: 'Their mayor' })).body;
    const cases: [unknown, string][] = [
      [{ title: 'Late', deadline: '2001-01-01' }, 'body.deadline'],
      [{ title: 'Foreign', primaryTargetIds: [superintendent.id, foreign.id] }, 'body.primaryTargetIds.1'],
      [{ title: 'Foreign', secondaryTargetIds: [foreign.id] }, 'body.secondaryTargetIds.0'],
      [{ title: 'Status', status: 'active' }, 'body.status'],
      [{ title: 'Why', targetWhy: { [chair.id]: 'not a target' } }, `body.targetWhy.${chair.id}`],
      [{ title: 'Memberless', primaryTargetIds: [developer.id] }, 'body.primaryTargetIds'],
    ];
    for (const [body, path] of cases) {
      const res = await post('/demands', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors[0].path, JSON.stringify(res.body)).toBe(path);
    }
    const d = (await post('/demands', { title: 'Patch me' })).body;
    const bad = await patch(`/demands/${d.id}`, { status: 'shelved', version: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('body.status');
    expect(bad.body.detail).toMatch(/drafting, presented, won, partly_won, lost, dropped/);
  });
});
