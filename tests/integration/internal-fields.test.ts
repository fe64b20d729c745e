/**
 * What a workspace keeps to itself: private notes on actors and ties, the default internal
 * fields, and the owner's choice of further fields from a fixed list.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../server/io/csv-parse.js';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

describe('internal fields', () => {
  let ctx: TestContext;
  let owner: Caller, editor: Caller, viewer: Caller, outsider: Caller;
  let ws: string;
  const api = (
    who: Caller | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => call(ctx.app, who, method, `/api/workspaces/${ws}${url}`, body, headers);

  beforeAll(async () => {
    ctx = await testApp();
    [owner, editor, viewer, outsider] = (await Promise.all(['Owner', 'Editor', 'Viewer', 'Outsider'].map((n) => signUp(ctx.app, n)))) as [
      Caller,
      Caller,
      Caller,
      Caller,
    ];
    ws = await newWorkspace(ctx.app, owner, 'Internal fields');
    for (const [who, role] of [
      [editor, 'editor'],
      [viewer, 'viewer'],
    ] as const) {
      expect((await api(owner, 'POST', '/members', { email: who.email, role })).status).toBe(201);
    }
  });
  afterAll(() => ctx.close());

  describe('private notes', () => {
    it('are kept on actors and relationships, and members read and change them', async () => {
      const a = await api(editor, 'POST', '/actors', {
        kind: 'person',
        name: 'Dana',
        privateNotes: 'Owes Sam a favour',
        contactOwner: 'Sam',
      });
      expect(a.status).toBe(201);
      expect(a.body).toMatchObject({ privateNotes: 'Owes Sam a favour', contactOwner: 'Sam' });
      const b = await api(editor, 'POST', '/actors', { kind: 'person', name: 'Eli' });
      expect(b.body.privateNotes).toBe('');
      const r = await api(editor, 'POST', '/relationships', {
        type: 'SOCIAL',
        from: a.body.id,
        to: b.body.id,
        privateNotes: 'Met at the gala',
      });
      expect(r.status).toBe(201);
      expect(r.body.privateNotes).toBe('Met at the gala');
      const patched = await api(editor, 'PATCH', `/relationships/${r.body.id}`, {
        privateNotes: 'Met at the 2025 gala',
        version: r.body.version,
      });
      expect(patched.body.privateNotes).toBe('Met at the 2025 gala');
      const read = await api(viewer, 'GET', `/actors/${a.body.id}`);
      expect(read.body.privateNotes).toBe('Owes Sam a favour');
      const tooLong = await api(editor, 'PATCH', `/actors/${a.body.id}`, { privateNotes: 'x'.repeat(20_001), version: a.body.version });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.errors[0].path).toBe('body.privateNotes');
    });

    it('read as empty on actors stored before the field existed', async () => {
      const a = await api(editor, 'POST', '/actors', { kind: 'organization', name: 'Old record' });
      const session = ctx.driver.session();
      try {
        await session.run('MATCH (a:Actor {id: $id}) REMOVE a.privateNotes', { id: a.body.id });
      } finally {
        await session.close();
      }
      const read = await api(viewer, 'GET', `/actors/${a.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body.privateNotes).toBe('');
    });

    it('are in the exports for the workspace’s own members', async () => {
      const a = await api(editor, 'POST', '/actors', {
        kind: 'person',
        name: 'Exported',
        privateNotes: 'export-note',
        contactOwner: 'export-contact',
      });
      const b = await api(editor, 'POST', '/actors', { kind: 'person', name: 'Other' });
      await api(editor, 'POST', '/relationships', { type: 'SOCIAL', from: a.body.id, to: b.body.id, privateNotes: 'export-tie-note' });
      const json = await api(viewer, 'GET', '/export?format=json');
      expect(json.status).toBe(200);
      expect(JSON.stringify(json.body)).toContain('export-note');
      expect(JSON.stringify(json.body)).toContain('export-tie-note');
      const actors = parseCsv((await api(viewer, 'GET', '/export?format=actors-csv')).body as unknown as string);
      expect(actors.find((r) => r.Label === 'Exported')).toMatchObject({
        'Private notes (internal)': 'export-note',
        'Contact owner (internal)': 'export-contact',
      });
      const ties = parseCsv((await api(viewer, 'GET', '/export?format=relationships-csv')).body as unknown as string);
      expect(ties.map((t) => t['Private notes (internal)'])).toContain('export-tie-note');
    });
  });

  describe('the settings', () => {
    it('start with contact owners and private notes, and list what an owner may add', async () => {
      const res = await api(viewer, 'GET', '/internal-fields');
      expect(res.status).toBe(200);
      expect(res.body.always).toEqual({ actor: ['contactOwner', 'privateNotes'], relationship: ['privateNotes'], assessment: [] });
      expect(res.body.added).toEqual({ actor: [], relationship: [], assessment: [] });
      expect(res.body.allowed.actor).toEqual(expect.arrayContaining(['interests', 'powerSources', 'description']));
      expect(res.body.allowed.relationship).toContain('description');
      expect(res.body.allowed.assessment).toContain('note');
      expect(res.body.version).toBe(1);
    });

    it('are read by every member and nobody else', async () => {
      expect((await api(null, 'GET', '/internal-fields')).status).toBe(401);
      const hidden = await api(outsider, 'GET', '/internal-fields');
      expect(hidden.status).toBe(404);
      expect(hidden.body.detail).toBe('Workspace was not found.');
      for (const who of [owner, editor, viewer]) expect((await api(who, 'GET', '/internal-fields')).status).toBe(200);
    });

    it('are changed by owners only', async () => {
      const body = { actor: ['interests'] };
      expect((await api(null, 'PUT', '/internal-fields', body)).status).toBe(401);
      expect((await api(outsider, 'PUT', '/internal-fields', body)).status).toBe(404);
      for (const who of [editor, viewer]) {
        const res = await api(who, 'PUT', '/internal-fields', body);
        expect(res.status).toBe(403);
        expect(res.body.detail).toMatch(/owner/);
      }
      expect((await api(viewer, 'GET', '/internal-fields')).body.added.actor).toEqual([]);
    });

    it('take the owner’s full list per kind of record, sorted and without repeats', async () => {
      const before = (await api(owner, 'GET', '/internal-fields')).body;
      const res = await api(owner, 'PUT', '/internal-fields', {
        actor: ['powerSources', 'interests', 'interests', 'contactOwner'],
        relationship: ['description'],
        assessment: ['note'],
        version: before.version,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.added).toEqual({ actor: ['interests', 'powerSources'], relationship: ['description'], assessment: ['note'] });
      expect(res.body.version).toBe(before.version + 1);
      expect((await api(viewer, 'GET', '/internal-fields')).body).toEqual(res.body);
      // A list left out means none of that kind.
      const cleared = await api(owner, 'PUT', '/internal-fields', { actor: ['interests'] });
      expect(cleared.body.added).toEqual({ actor: ['interests'], relationship: [], assessment: [] });
    });

    it('refuse a field that is not on the list, naming it', async () => {
      const version = (await api(owner, 'GET', '/internal-fields')).body.version;
      const res = await api(owner, 'PUT', '/internal-fields', { actor: ['interests', 'salary'], version });
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0].path).toBe('body.actor.1');
      expect(res.body.errors[0].message).toContain('"salary"');
      expect(res.body.detail).toContain('salary');
      // Identity fields are never internal: a link always says who and what it shows.
      for (const [kind, field] of [
        ['actor', 'name'],
        ['actor', 'id'],
        ['relationship', 'type'],
        ['relationship', 'from'],
        ['assessment', 'power'],
        ['unknownKind', 'x'],
      ] as const) {
        const refused = await api(owner, 'PUT', '/internal-fields', { [kind]: [field] });
        expect(refused.status, `${kind}.${field}`).toBe(400);
        expect(refused.body.errors[0].path, `${kind}.${field}`).toMatch(new RegExp(`^body(\\.${kind})?`));
      }
      expect((await api(owner, 'GET', '/internal-fields')).body.version).toBe(version);
    });

    it('refuse a change based on settings someone else has changed since', async () => {
      const { version } = (await api(owner, 'GET', '/internal-fields')).body;
      expect((await api(owner, 'PUT', '/internal-fields', { actor: ['tags'], version })).status).toBe(200);
      const stale = await api(owner, 'PUT', '/internal-fields', { actor: ['links'], version });
      expect(stale.status).toBe(409);
      expect(stale.body.current.added.actor).toEqual(['tags']);
      const viaHeader = await api(owner, 'PUT', '/internal-fields', { actor: ['links'] }, { 'if-match': `"${version}"` });
      expect(viaHeader.status).toBe(409);
      expect((await api(owner, 'PUT', '/internal-fields', { actor: ['links'] }, { 'if-match': `"${version + 1}"` })).status).toBe(200);
    });

    it('answer 404 for a workspace that does not exist', async () => {
      expect((await call(ctx.app, owner, 'GET', `/api/workspaces/${randomUUID()}/internal-fields`)).status).toBe(404);
    });
  });
});
