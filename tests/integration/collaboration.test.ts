/**
 * Safe team editing, told as what a user sees after each step: history, revert, deletes
 * that can be undone, merging duplicates, and batches that apply whole or not at all.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

describe('collaborating on a map', () => {
  let ctx: TestContext;
  let me: Caller;
  let ws: string;
  const url = (path: string) => `/api/workspaces/${ws}${path}`;
  const post = (path: string, body: unknown) => call(ctx.app, me, 'POST', url(path), body);
  const get = (path: string) => call(ctx.app, me, 'GET', url(path));
  const person = async (name: string, extra: object = {}) => (await post('/actors', { kind: 'person', name, ...extra })).body;
  const org = async (name: string, extra: object = {}) => (await post('/actors', { kind: 'organization', name, ...extra })).body;

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Organiser');
    ws = await newWorkspace(ctx.app, me, 'Collaboration');
  });
  afterAll(() => ctx.close());

  it('reverts an edit, and refuses to revert one that was edited again since', async () => {
    const a = await person('Lee Mayor', { power: 3 });
    const edit = await call(ctx.app, me, 'PATCH', url(`/actors/${a.id}`), { power: 5, version: 1 });
    expect(edit.body.power).toBe(5);
    const history = await get(`/actors/${a.id}/history`);
    expect(history.body.items.map((c: { action: string }) => c.action)).toEqual(['update', 'create']);
    const editChange = history.body.items[0];
    expect(editChange.diffs[0].before.power).toBe(3);
    expect(editChange.diffs[0].after.power).toBe(5);

    await call(ctx.app, me, 'PATCH', url(`/actors/${a.id}`), { description: 'Re-elected', version: 2 });
    const refused = await post(`/history/${editChange.id}/revert`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/edited since/);
    expect((await get(`/actors/${a.id}`)).body).toMatchObject({ power: 5, description: 'Re-elected' });

    const latest = (await get(`/actors/${a.id}/history`)).body.items[0];
    expect((await post(`/history/${latest.id}/revert`, {})).status).toBe(200);
    expect((await post(`/history/${editChange.id}/revert`, {})).status).toBe(200);
    const now = (await get(`/actors/${a.id}`)).body;
    expect(now).toMatchObject({ power: 3, description: '' });
    expect((await post(`/history/${editChange.id}/revert`, {})).status).toBe(409);
  });

  it('deletes an actor with its relationships and restores both', async () => {
    const chair = await person('Chair Person');
    const board = await org('School Board');
    const seat = (await post('/relationships', { type: 'POSITION', from: chair.id, to: board.id, title: 'Chair', board: true })).body;
    expect((await call(ctx.app, me, 'DELETE', url(`/actors/${chair.id}?version=1`))).status).toBe(204);
    expect((await get(`/actors/${chair.id}`)).status).toBe(404);
    expect((await get(`/relationships/${seat.id}`)).status).toBe(404);
    expect((await get(`/actors/${board.id}`)).body.relationships).toEqual({});
    expect((await get('/search?q=Chair Person')).body.items).toEqual([]);

    const restored = await post(`/actors/${chair.id}/restore`, {});
    expect(restored.status).toBe(200);
    expect(restored.body.version).toBe(2);
    expect((await get(`/relationships/${seat.id}`)).body).toMatchObject({ title: 'Chair', from: chair.id });
    expect((await post(`/actors/${chair.id}/restore`, {})).status).toBe(409);
  });

  it('merges a duplicate: ties, aliases, map places, targets and readings move; one revert undoes it all', async () => {
    const real = await person('Jordan Smith', { tags: ['council'] });
    const dupe = await person('J. Smith', { tags: ['donor'], aliases: ['Jordy'] });
    const firm = await org('Smith Holdings');
    const union = await org('Teachers Union');
    const owns = (await post('/relationships', { type: 'OWNERSHIP', from: dupe.id, to: firm.id, percent: 60 })).body;
    const knows = (await post('/relationships', { type: 'SOCIAL', from: dupe.id, to: real.id })).body;
    await post(`/actors/${dupe.id}/assessments`, { power: 4, alignment: -1, note: 'hostile at the hearing' });
    const dupeNow = (await get(`/actors/${dupe.id}`)).body;
    const map = (
      await post('/maps', {
        name: 'Council',
        members: [
          { actorId: dupe.id, x: 10, y: 20 },
          { actorId: union.id, x: 0, y: 0 },
        ],
      })
    ).body;
    const demand = (await post('/demands', { title: 'Nurses', primaryTargetIds: [dupe.id] })).body;

    const merged = await post(`/actors/${dupe.id}/merge`, { into: real.id, version: dupeNow.version });
    expect(merged.status).toBe(200);
    expect(merged.body.aliases).toEqual(expect.arrayContaining(['J. Smith', 'Jordy']));
    expect(merged.body.tags).toEqual(['council', 'donor']);
    const after = (await get(`/actors/${real.id}`)).body;
    expect(after.relationships.OWNERSHIP[0].relationship).toMatchObject({ id: owns.id, from: real.id, percent: 60 });
    expect(after.relationships.SOCIAL).toBeUndefined();
    expect((await get(`/maps/${map.id}`)).body.members).toEqual(
      expect.arrayContaining([expect.objectContaining({ actorId: real.id, x: 10, y: 20 })]),
    );
    expect((await get(`/demands/${demand.id}`)).body.primaryTargetIds).toEqual([real.id]);
    expect((await get(`/actors/${real.id}/assessments`)).body.items).toHaveLength(1);
    expect((await get(`/actors/${dupe.id}`)).status).toBe(404);

    const mergeChange = (await get('/history?limit=1')).body.items[0];
    expect(mergeChange.action).toBe('merge');
    expect((await post(`/history/${mergeChange.id}/revert`, {})).status).toBe(200);
    const back = (await get(`/actors/${dupe.id}`)).body;
    expect(back.relationships.OWNERSHIP[0].relationship.id).toBe(owns.id);
    expect(back.relationships.SOCIAL[0].relationship.id).toBe(knows.id);
    expect((await get(`/demands/${demand.id}`)).body.primaryTargetIds).toEqual([dupe.id]);
    expect((await get(`/actors/${real.id}`)).body.aliases).toEqual([]);
    expect((await get(`/actors/${dupe.id}/assessments`)).body.items).toHaveLength(1);
  });

  it('creates an actor and places it on a map in one batch, or does neither', async () => {
    const map = (await post('/maps', { name: 'Batch placement' })).body;
    const c = randomUUID();
    const refused = await post('/batch', {
      operations: [
        { op: 'create', entity: 'actor', data: { id: c, kind: 'person', name: 'Placed in one go' } },
        { op: 'addMembers', entity: 'map', id: randomUUID(), data: { actorIds: [c] } },
      ],
    });
    // The map does not exist: the actor is not left behind without one.
    expect(refused.status).toBe(404);
    expect((await get(`/actors/${c}`)).status).toBe(404);

    const placed = await post('/batch', {
      operations: [
        { op: 'create', entity: 'actor', data: { id: c, kind: 'person', name: 'Placed in one go' } },
        { op: 'addMembers', entity: 'map', id: map.id, data: { actorIds: [c], positions: { [c]: { x: 40, y: -20 } } } },
      ],
    });
    expect(placed.status).toBe(200);
    expect(placed.body.results[1]).toMatchObject({ op: 'addMembers', entity: 'map', id: map.id, version: map.version + 1 });
    const shown = (await get(`/maps/${map.id}`)).body;
    expect(shown.actors.map((x: { id: string }) => x.id)).toEqual([c]);
    expect(shown.members).toMatchObject([{ actorId: c, x: 40, y: -20 }]);

    const removed = await post('/batch', { operations: [{ op: 'removeMembers', entity: 'map', id: map.id, data: { actorIds: [c] } }] });
    expect(removed.status).toBe(200);
    expect((await get(`/maps/${map.id}`)).body.actors).toEqual([]);
    // Taken off the map, not deleted.
    expect((await get(`/actors/${c}`)).status).toBe(200);
  });

  it('refuses a batch that would walk neighbours or place more actors than one transaction should hold', async () => {
    const map = (await post('/maps', { name: 'Batch limits' })).body;
    const a = (await post('/actors', { kind: 'person', name: 'Limit tester' })).body;
    const walking = await post('/batch', {
      operations: [{ op: 'addMembers', entity: 'map', id: map.id, data: { actorIds: [a.id], withNeighbours: true } }],
    });
    expect(walking.status).toBe(400);
    expect(walking.body.detail).toMatch(/withNeighbours is not allowed in a batch/);

    const many = Array.from({ length: 3 }, () => ({
      op: 'addMembers',
      entity: 'map',
      id: map.id,
      data: { actorIds: Array.from({ length: 4000 }, () => randomUUID()) },
    }));
    const huge = await post('/batch', { operations: many });
    expect(huge.status).toBe(400);
    expect(huge.body.detail).toMatch(/at most 10000 actors on maps in all/);
    expect((await get(`/maps/${map.id}`)).body.actors).toEqual([]);

    // A typo is named where it is, not as "invalid input" for the whole batch.
    const typo = await post('/batch', {
      operations: [
        { op: 'create', entity: 'actor', data: { kind: 'person', name: 'Fine' } },
        { op: 'create', entity: 'actor', data: { kind: 'persn', name: 'Typo' } },
      ],
    });
    expect(typo.status).toBe(400);
    expect(typo.body.detail).toMatch(/operations\.1\.data\.kind/);
  });

  it('applies a batch whole, or not at all when one operation fails', async () => {
    const before = (await get('/actors?limit=500')).body.items.length;
    const a = randomUUID();
    const b = randomUUID();
    const failed = await post('/batch', {
      operations: [
        { op: 'create', entity: 'actor', data: { id: a, kind: 'person', name: 'Batch A' } },
        { op: 'create', entity: 'actor', data: { id: b, kind: 'organization', name: 'Batch B' } },
        { op: 'create', entity: 'relationship', data: { type: 'FAMILY', from: a, to: b } },
      ],
    });
    expect(failed.status).toBe(400);
    expect(failed.body.detail).toMatch(/Operation 3 .*FAMILY relationship must end at a person.*Nothing in the batch was saved/);
    expect((await get('/actors?limit=500')).body.items.length).toBe(before);

    const ok = await post('/batch', {
      summary: 'Add the Batch family',
      operations: [
        { op: 'create', entity: 'actor', data: { id: a, kind: 'person', name: 'Batch A' } },
        { op: 'create', entity: 'actor', data: { id: b, kind: 'person', name: 'Batch B' } },
        { op: 'create', entity: 'relationship', data: { type: 'FAMILY', from: a, to: b, relation: 'siblings' } },
        { op: 'update', entity: 'actor', id: a, data: { power: 2, version: 1 } },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.results.map((r: { op: string }) => r.op)).toEqual(['create', 'create', 'create', 'update']);
    expect((await get(`/actors/${a}`)).body).toMatchObject({ power: 2, version: 2 });
    const change = (await get('/history?limit=1')).body.items[0];
    expect(change).toMatchObject({ action: 'batch', summary: 'Add the Batch family' });
    // The four operations, and the assessment that setting power records.
    expect(change.diffs).toHaveLength(5);
    expect(change.diffs.filter((d: { entityType: string }) => d.entityType === 'assessment')).toHaveLength(1);

    const stale = await post('/batch', { operations: [{ op: 'update', entity: 'actor', id: a, data: { power: 1, version: 1 } }] });
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(2);

    expect((await post(`/history/${change.id}/revert`, {})).status).toBe(200);
    expect((await get(`/actors/${a}`)).status).toBe(404);
  });

  it('keeps the timeline of readings and answers the time slider', async () => {
    const t = await person('Timeline Senator');
    await post(`/actors/${t.id}/assessments`, { power: 2, alignment: -2, note: 'September', at: '2026-09-01T12:00:00Z' });
    await post(`/actors/${t.id}/assessments`, { power: 4, alignment: 1, note: 'November', at: '2026-11-01T12:00:00Z' });
    await post(`/actors/${t.id}/assessments`, { power: 3, alignment: 0, note: 'back-dated October', at: '2026-10-01T12:00:00Z' });
    const actor = (await get(`/actors/${t.id}`)).body;
    expect(actor).toMatchObject({ power: 4, alignment: 1 });
    const readings = (await get(`/actors/${t.id}/assessments`)).body.items;
    expect(readings.map((r: { note: string }) => r.note)).toEqual(['September', 'back-dated October', 'November']);
    const october = (await get('/assessments?at=2026-10-15')).body.items.find((r: { actorId: string }) => r.actorId === t.id);
    expect(october).toMatchObject({ power: 3, alignment: 0 });
    const september = (await get('/assessments?at=2026-09-01')).body.items.find((r: { actorId: string }) => r.actorId === t.id);
    expect(september).toMatchObject({ power: 2, alignment: -2 });
  });

  it('rejects an organisation as a primary target and says why', async () => {
    const council = await org('City Council');
    const res = await post('/demands', { title: 'Paid sick days', primaryTargetIds: [council.id] });
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/City Council is an organization. A primary target is a person who can grant the demand/);
    expect(res.body.errors[0].path).toBe('body.primaryTargetIds');
  });

  it('lists uncited claims so they can be sourced', async () => {
    const x = await person('Uncited X');
    const y = await person('Uncited Y');
    const tie = (await post('/relationships', { type: 'PROFESSIONAL', from: x.id, to: y.id })).body;
    const uncited = (await get(`/relationships?uncited=true&actor=${x.id}`)).body.items;
    expect(uncited.map((r: { id: string }) => r.id)).toEqual([tie.id]);
    const src = (await post('/sources', { url: 'https://news.example.org/a' })).body;
    await call(ctx.app, me, 'PATCH', url(`/relationships/${tie.id}`), { sourceIds: [src.id], version: 1 });
    expect((await get(`/relationships?uncited=true&actor=${x.id}`)).body.items).toEqual([]);
    expect((await call(ctx.app, me, 'DELETE', url(`/sources/${src.id}?version=1`))).status).toBe(409);
  });

  it('pages through a long list with a cursor', async () => {
    const names = Array.from({ length: 7 }, (_, i) => `Pager ${String.fromCharCode(65 + i)}`);
    await post('/batch', {
      operations: names.map((name) => ({ op: 'create', entity: 'actor', data: { kind: 'person', name, tags: ['pager'] } })),
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { name: string }[]; nextCursor: string | null } } = await get(
        `/actors?tag=pager&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((i) => i.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(names);
    expect((await get('/actors?cursor=not-a-cursor')).status).toBe(400);

    // Every list pages the same way, each item once.
    for (let i = 0; i < 5; i++) {
      await post('/sources', { url: `https://pager.example.org/${i}` });
      await post('/demands', { title: `Pager demand ${i}` });
      await post('/maps', { name: `Pager map ${i}` });
    }
    for (const list of ['/sources', '/demands', '/maps', '/relationships']) {
      const all = (await get(`${list}?limit=500`)).body.items.map((i: { id: string }) => i.id);
      const paged: string[] = [];
      let next: string | null = null;
      do {
        const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await get(
          `${list}?limit=2${next ? `&cursor=${next}` : ''}`,
        );
        paged.push(...res.body.items.map((i) => i.id));
        next = res.body.nextCursor;
      } while (next);
      expect(paged, list).toEqual(all);
    }
    expect((await get('/actors?limit=100000')).status).toBe(400);
  });
});
