import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Answer, type Caller } from '../support/api.js';

describe('sources as first-class work', () => {
  let ctx: TestContext;
  let owner: Caller;
  let ws: string;
  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown) =>
    call(ctx.app, owner, method, `/api/workspaces/${ws}${path}`, body);

  beforeAll(async () => {
    ctx = await testApp();
    owner = await signUp(ctx.app, 'Source owner');
    ws = await newWorkspace(ctx.app, owner, 'Sources');
  });
  afterAll(() => ctx.close());

  it('lets an actor cite sources of its own workspace only, and keeps them through edits', async () => {
    const src = (await api('POST', '/sources', { url: 'https://example.org/board-minutes', title: 'Board minutes' })).body;
    const actor = await api('POST', '/actors', { kind: 'person', name: 'Maria Delgado', sourceIds: [src.id] });
    expect(actor.status).toBe(201);
    expect(actor.body.sourceIds).toEqual([src.id]);

    const plain = (await api('POST', '/actors', { kind: 'person', name: 'No Sources' })).body;
    expect(plain.sourceIds).toEqual([]);

    const otherWs = await newWorkspace(ctx.app, owner, 'Elsewhere');
    const foreign = (await call(ctx.app, owner, 'POST', `/api/workspaces/${otherWs}/sources`, { url: 'https://example.org/other' })).body;
    const refused = await api('PATCH', `/actors/${plain.id}`, { sourceIds: [foreign.id], version: plain.version });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('sourceIds');

    const edited = await api('PATCH', `/actors/${actor.body.id}`, { description: 'Chair', version: actor.body.version });
    expect(edited.body.sourceIds).toEqual([src.id]);
    const detail = await api('GET', `/actors/${actor.body.id}`);
    expect(detail.body.sourceIds).toEqual([src.id]);

    // A cited source is not deleted from under the actor that cites it.
    expect((await api('DELETE', `/sources/${src.id}`)).status).toBe(409);
  });

  it('lists every source with what cites it, and the uncited work, paged', async () => {
    const ws2 = await newWorkspace(ctx.app, owner, 'Index');
    const at = (path: string) => `/api/workspaces/${ws2}${path}`;
    const post = async (path: string, body: unknown) => {
      const res = await call(ctx.app, owner, 'POST', at(path), body);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      return res.body;
    };
    const minutes = await post('/sources', { url: 'https://example.org/minutes', title: 'Minutes' });
    const filing = await post('/sources', { url: 'https://example.org/filing', title: 'Filing' });
    const unused = await post('/sources', { url: 'https://example.org/unused', title: 'Unused' });
    const maria = await post('/actors', {
      kind: 'person',
      name: 'Maria',
      sourceIds: [minutes.id],
      contactOwner: 'Rosa',
      privateNotes: 'secret',
    });
    const harbor = await post('/actors', { kind: 'organization', name: 'Harbor Point', privateNotes: 'secret' });
    const ana = await post('/actors', { kind: 'person', name: 'Ana' });
    const bea = await post('/actors', { kind: 'person', name: 'Bea' });
    const donation = await post('/relationships', { type: 'DONATION', from: harbor.id, to: maria.id, sourceIds: [filing.id, minutes.id] });
    const uncitedTie = await post('/relationships', { type: 'SOCIAL', from: ana.id, to: bea.id, privateNotes: 'secret' });
    const reading = await post(`/actors/${harbor.id}/assessments`, { power: 4, alignment: -2, sourceId: filing.id });
    expect(reading.sourceId).toBe(filing.id);
    const badReading = await call(ctx.app, owner, 'POST', at(`/actors/${harbor.id}/assessments`), {
      power: 4,
      alignment: -2,
      sourceId: maria.id,
    });
    expect(badReading.status).toBe(400);

    const index = await call(ctx.app, owner, 'GET', at('/sources/index'));
    expect(index.status).toBe(200);
    const entry = (id: string) => index.body.sources.find((s: { source: { id: string } }) => s.source.id === id);
    expect(entry(minutes.id).counts).toEqual({ actors: 1, relationships: 1, readings: 0, total: 2 });
    expect(entry(minutes.id).actors.map((a: { name: string }) => a.name)).toEqual(['Maria']);
    expect(entry(minutes.id).relationships[0]).toMatchObject({
      id: donation.id,
      type: 'DONATION',
      from: { name: 'Harbor Point' },
      to: { name: 'Maria' },
    });
    expect(entry(filing.id).counts).toEqual({ actors: 0, relationships: 1, readings: 1, total: 2 });
    expect(entry(filing.id).readings[0]).toMatchObject({ id: reading.id, actor: { name: 'Harbor Point' }, power: 4, alignment: -2 });
    expect(entry(unused.id).counts.total).toBe(0);
    expect(index.body.totals).toEqual({ sources: 3, uncitedSources: 1 });

    // Uncited: the three actors without a source by name, then the uncited tie.
    expect(index.body.uncited.actors).toBe(3);
    expect(index.body.uncited.relationships).toBe(1);
    const names = index.body.uncited.items.map((i: { kind: string; actor?: { name: string }; relationship?: { id: string } }) =>
      i.kind === 'actor' ? i.actor!.name : i.relationship!.id,
    );
    expect(names).toEqual(['Ana', 'Bea', 'Harbor Point', uncitedTie.id]);

    // Paged two at a time, the pages join up to the whole list with nothing twice.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `?uncitedLimit=2&limit=1${cursor ? `&uncitedCursor=${cursor}` : ''}`;
      const res = await call(ctx.app, owner, 'GET', at(`/sources/index${q}`));
      expect(res.status).toBe(200);
      expect(res.body.sources).toHaveLength(1);
      expect(res.body.uncited.items.length).toBeLessThanOrEqual(2);
      for (const i of res.body.uncited.items) seen.push(i.kind === 'actor' ? i.actor.name : i.relationship.id);
      cursor = res.body.uncited.nextCursor;
    } while (cursor);
    expect(seen).toEqual(names);

    // Sources page on too: newest first, all three over three pages.
    const pages: string[] = [];
    let sc: string | null = null;
    do {
      const res: Answer = await call(ctx.app, owner, 'GET', at(`/sources/index?limit=1${sc ? `&cursor=${sc}` : ''}`));
      pages.push(res.body.sources[0].source.title);
      sc = res.body.nextCursor;
    } while (sc);
    expect(pages).toEqual(['Unused', 'Filing', 'Minutes']);

    // Citing a source from the list takes the work off it.
    await call(ctx.app, owner, 'PATCH', at(`/actors/${ana.id}`), { sourceIds: [unused.id], version: ana.version });
    const after = await call(ctx.app, owner, 'GET', at('/sources/index'));
    expect(after.body.uncited.actors).toBe(2);
    expect(after.body.totals.uncitedSources).toBe(0);

    // The index names records, never what the workspace keeps to itself.
    const text = JSON.stringify(after.body);
    for (const key of ['privateNotes', 'contactOwner', 'secret', 'Rosa']) expect(text).not.toContain(key);

    expect((await call(ctx.app, owner, 'GET', at('/sources/index?uncitedCursor=bm9wZQ'))).status).toBe(400);
  });

  it('is for members only: viewers read it, outsiders and anonymous callers do not', async () => {
    const viewer = await signUp(ctx.app, 'Source viewer');
    const outsider = await signUp(ctx.app, 'Source outsider');
    await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/members`, { email: viewer.email, role: 'viewer' });
    expect((await call(ctx.app, viewer, 'GET', `/api/workspaces/${ws}/sources/index`)).status).toBe(200);
    expect((await call(ctx.app, outsider, 'GET', `/api/workspaces/${ws}/sources/index`)).status).toBe(404);
    expect((await call(ctx.app, null, 'GET', `/api/workspaces/${ws}/sources/index`)).status).toBe(401);
  });

  it('keeps actors’ citations through a backup and its restore', async () => {
    const src = (await api('POST', '/sources', { url: 'https://example.org/backup-proof', title: 'Proof' })).body;
    await api('POST', '/actors', { kind: 'person', name: 'Backed Up', sourceIds: [src.id] });
    const backup = await api('GET', '/export?format=backup');
    expect(backup.status).toBe(200);
    const restored = await call(ctx.app, owner, 'POST', '/api/workspaces/restore', backup.body);
    expect(restored.status, JSON.stringify(restored.body).slice(0, 300)).toBe(201);
    const restoredWs = restored.body.workspaceId as string;
    const actors = (await call(ctx.app, owner, 'GET', `/api/workspaces/${restoredWs}/actors?limit=500`)).body.items;
    const backed = actors.find((a: { name: string }) => a.name === 'Backed Up');
    const sources = (await call(ctx.app, owner, 'GET', `/api/workspaces/${restoredWs}/sources`)).body.items;
    const proof = sources.find((s: { title: string }) => s.title === 'Proof');
    expect(backed.sourceIds).toEqual([proof.id]);
  });
});
