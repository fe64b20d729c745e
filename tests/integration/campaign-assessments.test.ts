/**
 * Every stance dated: whichever way power or alignment changes (a new actor, an edit, a
 * batch, a spreadsheet import) it leaves a dated reading, and the weekly meeting can ask
 * what moved since last time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

interface Reading {
  power: number | null;
  alignment: number | null;
  at: string;
  note: string;
  source: string;
  authorName: string | null;
}

describe('every stance dated', () => {
  let ctx: TestContext;
  let me: Caller;
  let ws: string;
  const url = (path: string) => `/api/workspaces/${ws}${path}`;
  const post = (path: string, body: unknown) => call(ctx.app, me, 'POST', url(path), body);
  const patch = (path: string, body: unknown) => call(ctx.app, me, 'PATCH', url(path), body);
  const get = (path: string) => call(ctx.app, me, 'GET', url(path));
  const readings = async (id: string) => (await get(`/actors/${id}/assessments`)).body.items as Reading[];
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Researcher');
    ws = await newWorkspace(ctx.app, me, 'Stances');
  });
  afterAll(() => ctx.close());

  it('records an actor created with power as an assessment, dated today or when it says', async () => {
    const now = (await post('/actors', { kind: 'person', name: 'Trustee Now', power: 4, alignment: -1 })).body;
    const [first] = await readings(now.id);
    expect(first).toMatchObject({ power: 4, alignment: -1, authorName: 'Researcher' });
    expect(first!.at.slice(0, 10)).toBe(today);

    const old = (
      await post('/actors', {
        kind: 'person',
        name: 'Trustee Then',
        power: 2,
        assessedAt: '2026-03-01',
        assessmentNote: 'From the March minutes',
        assessmentSource: 'Board minutes, 1 March',
      })
    ).body;
    expect(await readings(old.id)).toMatchObject([
      { power: 2, alignment: null, at: '2026-03-01T12:00:00.000Z', note: 'From the March minutes', source: 'Board minutes, 1 March' },
    ]);

    const unassessed = (await post('/actors', { kind: 'person', name: 'Nobody Yet' })).body;
    expect(await readings(unassessed.id)).toEqual([]);
  });

  it('records an edit of power or alignment, and only such an edit', async () => {
    const a = (await post('/actors', { kind: 'person', name: 'Councillor Edit', power: 3, alignment: 0 })).body;
    const moved = await patch(`/actors/${a.id}`, { alignment: 2, version: 1, assessmentNote: 'Spoke for us at the hearing' });
    expect(moved.status).toBe(200);
    await patch(`/actors/${a.id}`, { description: 'Second term', version: 2 });
    const items = await readings(a.id);
    expect(items.map((r) => [r.power, r.alignment, r.note])).toEqual([
      [3, 0, ''],
      [3, 2, 'Spoke for us at the hearing'],
    ]);
    // The edit and its reading are one change: reverting it takes both back.
    const history = (await get(`/actors/${a.id}/history`)).body.items;
    const edit = history.find(
      (c: { action: string; diffs: { entityType: string }[] }) =>
        c.diffs.some((d) => d.entityType === 'assessment') && c.action === 'update',
    );
    expect(edit.diffs.map((d: { entityType: string }) => d.entityType)).toEqual(['actor', 'assessment']);
  });

  it('records readings from a batch (one create, a run of creates, an update) and from an import', async () => {
    const target = (await post('/actors', { kind: 'person', name: 'Batch Target' })).body;
    const batch = await post('/batch', {
      operations: [
        { op: 'create', entity: 'actor', data: { kind: 'person', name: 'Run One', power: 1, alignment: 1 } },
        { op: 'create', entity: 'actor', data: { kind: 'person', name: 'Run Two', power: 5, alignment: -3, assessedAt: '2026-02-02' } },
        { op: 'update', entity: 'actor', id: target.id, data: { power: 2, alignment: -1, version: 1 } },
      ],
    });
    expect(batch.status).toBe(200);
    const [one, two] = batch.body.results;
    expect(await readings(one.id)).toMatchObject([{ power: 1, alignment: 1 }]);
    expect(await readings(two.id)).toMatchObject([{ power: 5, alignment: -3, at: '2026-02-02T12:00:00.000Z' }]);
    expect(await readings(target.id)).toMatchObject([{ power: 2, alignment: -1 }]);

    const imported = await post('/import/kumu', {
      elements: 'Label,Type,Power,Alignment\nImported Mayor,Person,5,-2\nImported Nobody,Person,,\n',
      connections: '',
    });
    expect(imported.status).toBe(200);
    const found = (await get('/search?q=Imported Mayor')).body.items[0];
    expect(await readings(found.id)).toMatchObject([{ power: 5, alignment: -2 }]);
  });

  it('lists what moved since a date, from → to with the notes, optionally for one map', async () => {
    const moved = (await post('/actors', { kind: 'person', name: 'Aa Moved', power: 2, alignment: -2, assessedAt: '2026-01-05' })).body;
    await patch(`/actors/${moved.id}`, {
      power: 4,
      alignment: 1,
      version: 1,
      assessmentNote: 'Met the delegation',
      assessmentSource: 'Our notes',
    });
    const still = (await post('/actors', { kind: 'person', name: 'Ab Still', power: 3, alignment: 0, assessedAt: '2026-01-05' })).body;
    const fresh = (await post('/actors', { kind: 'person', name: 'Ac Fresh', power: 1, alignment: 3 })).body;
    const since = '2026-02-01';
    const all = await get(`/assessments/changes?since=${since}`);
    expect(all.status).toBe(200);
    const byId = new Map(all.body.items.map((c: { actorId: string }) => [c.actorId, c]));
    expect(byId.get(moved.id)).toMatchObject({
      name: 'Aa Moved',
      from: { power: 2, alignment: -2 },
      to: { power: 4, alignment: 1 },
      powerDelta: 2,
      alignmentDelta: 3,
      readings: [{ note: 'Met the delegation', source: 'Our notes' }],
    });
    expect(byId.get(fresh.id)).toMatchObject({ from: null, to: { power: 1, alignment: 3 }, powerDelta: null });
    expect(byId.has(still.id)).toBe(false);

    const map = (await post('/maps', { name: 'Only the mover', members: [{ actorId: moved.id, x: null, y: null, style: {} }] })).body;
    const onMap = await get(`/assessments/changes?since=${since}&map=${map.id}`);
    expect(onMap.body.items.map((c: { actorId: string }) => c.actorId)).toEqual([moved.id]);

    const range = (await get('/assessments/range')).body;
    expect(range.earliest).toBe('2026-01-05T12:00:00.000Z');
  });

  it('answers bad dates with 400 naming the field', async () => {
    expect((await get('/assessments/changes?since=last-week')).status).toBe(400);
    expect((await get('/assessments/changes')).status).toBe(400);
    const future = await post('/actors', { kind: 'person', name: 'Tomorrow', power: 1, assessedAt: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].path).toBe('body.assessedAt');
    const missingMap = await get(`/assessments/changes?since=2026-01-01&map=${crypto.randomUUID()}`);
    expect(missingMap.status).toBe(404);
  });
});
