/**
 * The campaign over time: actions that escalate and the targets' answers, key dates in any
 * calendar app, and research tasks that make sure every claim gets a source.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

describe('actions, key dates and research tasks', () => {
  let ctx: TestContext;
  let me: Caller;
  let ws: string;
  const url = (path: string) => `/api/workspaces/${ws}${path}`;
  const post = (path: string, body: unknown) => call(ctx.app, me, 'POST', url(path), body);
  const patch = (path: string, body: unknown) => call(ctx.app, me, 'PATCH', url(path), body);
  const get = (path: string) => call(ctx.app, me, 'GET', url(path));
  let superintendent: { id: string };
  let chair: { id: string };
  let demand: { id: string };

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Organiser');
    ws = await newWorkspace(ctx.app, me, 'Healthy buildings');
    superintendent = (
      await post('/actors', { kind: 'person', name: 'Superintendent Ruiz', power: 4, alignment: -1, assessedAt: '2026-01-10' })
    ).body;
    chair = (await post('/actors', { kind: 'person', name: 'Board Chair Okafor', power: 5, alignment: 0 })).body;
    demand = (await post('/demands', { title: 'Fund healthy buildings', primaryTargetIds: [superintendent.id, chair.id] })).body;
  });
  afterAll(() => ctx.close());

  it('records escalating actions, and a response that moves the target in the same request', async () => {
    const letter = await post(`/demands/${demand.id}/actions`, {
      title: 'Letter from 40 parents',
      date: '2026-02-01',
      kind: 'letter',
      escalation: 1,
      targetIds: [superintendent.id],
      lead: 'Parents for Healthy Schools',
    });
    expect(letter.status).toBe(201);
    const rally = await post(`/demands/${demand.id}/actions`, {
      title: 'Rally at the board meeting',
      date: '2026-03-15',
      kind: 'rally',
      escalation: 3,
      targetIds: [superintendent.id, chair.id],
      lead: 'Local 101',
      outcome: '300 people, two TV crews',
      response: 'The superintendent promised an air-quality survey',
      responseMove: { actorId: superintendent.id, alignment: 1 },
    });
    expect(rally.status).toBe(201);
    expect(rally.body.responseAssessmentIds).toHaveLength(1);
    const now = (await get(`/actors/${superintendent.id}`)).body;
    expect(now).toMatchObject({ power: 4, alignment: 1 });
    const readings = (await get(`/actors/${superintendent.id}/assessments`)).body.items;
    expect(readings.map((r: { alignment: number; at: string }) => [r.alignment, r.at.slice(0, 10)])).toEqual([
      [-1, '2026-01-10'],
      [1, '2026-03-15'],
    ]);
    expect(readings[1].note).toMatch(/promised an air-quality survey/);

    const timeline = (await get(`/actions?demand=${demand.id}`)).body.items;
    expect(timeline.map((a: { escalation: number }) => a.escalation)).toEqual([1, 3]);
    expect((await get(`/actions?target=${chair.id}`)).body.items.map((a: { title: string }) => a.title)).toEqual([
      'Rally at the board meeting',
    ]);

    const later = await patch(`/actions/${letter.body.id}`, {
      version: 1,
      response: 'No answer',
      responseMove: { actorId: chair.id, power: 5 },
    });
    expect(later.status).toBe(400);
    expect(later.body.errors[0].path).toBe('body.responseMove.actorId');
    const stale = await patch(`/actions/${rally.body.id}`, { version: 9, outcome: 'x' });
    expect(stale.status).toBe(409);
  });

  it('answers bad actions with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ title: 'x', date: '2026-02-30', kind: 'rally' }, 'body.date'],
      [{ title: 'x', date: '2026-02-01', kind: 'riot' }, 'body.kind'],
      [{ title: 'x', date: '2026-02-01', kind: 'rally', escalation: 6 }, 'body.escalation'],
      [{ title: 'x', date: '2026-02-01', kind: 'rally', targetIds: [crypto.randomUUID()] }, 'body.targetIds.0'],
    ];
    for (const [body, path] of cases) {
      const res = await post(`/demands/${demand.id}/actions`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors[0].path).toBe(path);
    }
    expect((await post(`/demands/${crypto.randomUUID()}/actions`, { title: 'x', date: '2026-02-01', kind: 'rally' })).status).toBe(404);
  });

  it('keeps key dates for actors and demands, and exports them as an iCalendar file', async () => {
    const vote = await post('/key-dates', {
      title: 'Budget vote; "final", with a comma',
      kind: 'budget_vote',
      date: '2026-06-12',
      actorIds: [chair.id],
      demandIds: [demand.id],
      note: 'The board votes the capital plan. '.repeat(6),
    });
    expect(vote.status).toBe(201);
    await post('/key-dates', {
      title: 'Teachers’ contract expires',
      kind: 'contract_expiration',
      date: '2026-08-31',
      demandIds: [demand.id],
    });
    expect((await get(`/key-dates?actor=${chair.id}`)).body.items.map((k: { title: string }) => k.title)).toEqual([
      'Budget vote; "final", with a comma',
    ]);
    expect((await get(`/key-dates?demand=${demand.id}`)).body.items).toHaveLength(2);
    expect((await post('/key-dates', { title: 'x', kind: 'party', date: '2026-01-01' })).body.errors[0].path).toBe('body.kind');
    expect(
      (await post('/key-dates', { title: 'x', kind: 'election', date: '2026-01-01', demandIds: [crypto.randomUUID()] })).body.errors[0]
        .path,
    ).toBe('body.demandIds.0');

    const res = await ctx.app.inject({ method: 'GET', url: url('/key-dates.ics'), headers: { cookie: me.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    // RFC 5545: every line ends in CRLF and none is longer than 75 octets.
    const lines = res.body.split('\r\n');
    expect(res.body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l)))).toBeLessThanOrEqual(75);
    const events = new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.summary)).toEqual(['Budget vote; "final", with a comma', 'Teachers’ contract expires']);
    expect(events[0]!.startDate.toString()).toBe('2026-06-12');
    expect(events[0]!.startDate.isDate).toBe(true);
    expect(events[0]!.description).toContain('The board votes the capital plan. The board votes');
    expect(events[0]!.uid).toBe(`${vote.body.id}@${ws}.powermap`);
  });

  it('assigns research tasks to members, turns an uncited tie into a task, and lists open tasks per member', async () => {
    const partner = await signUp(ctx.app, 'Researcher');
    await call(ctx.app, me, 'POST', url('/members'), { email: partner.email, role: 'editor' });
    const developer = (await post('/actors', { kind: 'organization', name: 'Harbor Developers' })).body;
    const tie = (await post('/relationships', { type: 'DONATION', from: developer.id, to: chair.id })).body;

    const task = await post(`/relationships/${tie.id}/task`, { assigneeId: partner.userId, due: '2026-04-01' });
    expect(task.status).toBe(201);
    expect(task.body).toMatchObject({
      status: 'open',
      assigneeId: partner.userId,
      relationshipIds: [tie.id],
      actorIds: [developer.id, chair.id],
    });
    expect(task.body.title).toMatch(/Harbor Developers – Board Chair Okafor/);
    // A second click finds the task already open instead of making another.
    const again = await post(`/relationships/${tie.id}/task`, {});
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/is already open for this relationship/);
    expect(again.body.current.id).toBe(task.body.id);
    const mine = await post('/tasks', { title: 'Find who funds the developer', assigneeId: me.userId, actorIds: [developer.id] });
    await post('/tasks', { title: 'Unassigned: cite the board seat' });
    const done = (await post('/tasks', { title: 'Already done', assigneeId: me.userId })).body;
    await patch(`/tasks/${done.id}`, { status: 'done', version: 1 });

    const groups = (await get('/tasks/open-by-member')).body.items;
    expect(groups.map((g: { name: string | null; tasks: unknown[] }) => [g.name, g.tasks.length])).toEqual([
      ['Organiser', 1],
      ['Researcher', 1],
      [null, 1],
    ]);
    expect((await get(`/tasks?assignee=${me.userId}&open=true`)).body.items.map((t: { id: string }) => t.id)).toEqual([mine.body.id]);

    const outsider = await signUp(ctx.app, 'Outsider');
    const bad = await post('/tasks', { title: 'x', assigneeId: outsider.userId });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('body.assigneeId');
    expect((await post('/tasks', { title: 'x', status: 'someday' })).body.errors[0].path).toBe('body.status');
    const source = (await post('/sources', { title: 'FEC filing', url: 'https://example.org/fec' })).body;
    const cited = (await post('/relationships', { type: 'DONATION', from: developer.id, to: superintendent.id, sourceIds: [source.id] }))
      .body;
    expect((await post(`/relationships/${cited.id}/task`, {})).status).toBe(409);
  });
});
