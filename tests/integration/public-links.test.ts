/**
 * Public read-only links to a map: who may make, list and revoke them, what a link holder
 * sees (the map, and nothing the workspace keeps to itself or that lies outside the map),
 * and that a dead link cannot be told from one that never existed.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

const MARKERS = {
  contactOwner: 'MARKER-contact-owner-Sam',
  actorNotes: 'MARKER-actor-private-notes',
  relNotes: 'MARKER-relationship-private-notes',
  interests: 'MARKER-interest-school-budget',
  relDescription: 'MARKER-relationship-description',
  assessmentNote: 'MARKER-assessment-note',
  offMap: 'MARKER-actor-not-on-the-map',
  offMapTie: 'MARKER-tie-to-an-actor-off-the-map',
  otherMap: 'MARKER-other-map',
};

describe('public links to a map', () => {
  let ctx: TestContext;
  let owner: Caller, editor: Caller, viewer: Caller, outsider: Caller;
  let ws: string;
  let mapId: string;
  let otherMapId: string;
  let ids: { chair: string; union: string; offMap: string; tie: string; offTie: string };
  const api = (who: Caller | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
    call(ctx.app, who, method, `/api/workspaces/${ws}${url}`, body);
  const open = (token: string) => call(ctx.app, null, 'GET', `/api/public/maps/${token}`);
  const newLink = async (body: Record<string, unknown> = {}, who: Caller = owner, map = mapId) => {
    const res = await api(who, 'POST', `/maps/${map}/links`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; token: string; url: string; embedUrl: string; story: boolean; expiresAt: string | null };
  };

  beforeAll(async () => {
    ctx = await testApp();
    [owner, editor, viewer, outsider] = (await Promise.all(['Owner', 'Editor', 'Viewer', 'Outsider'].map((n) => signUp(ctx.app, n)))) as [
      Caller,
      Caller,
      Caller,
      Caller,
    ];
    ws = await newWorkspace(ctx.app, owner, 'Hospital campaign');
    for (const [who, role] of [
      [editor, 'editor'],
      [viewer, 'viewer'],
    ] as const) {
      expect((await api(owner, 'POST', '/members', { email: who.email, role })).status).toBe(201);
    }
    const actor = async (body: Record<string, unknown>) => {
      const res = await api(owner, 'POST', '/actors', body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const chair = await actor({
      kind: 'person',
      name: 'Dana Díaz',
      roles: ['decision_maker'],
      power: 5,
      alignment: -1,
      contactOwner: MARKERS.contactOwner,
      privateNotes: MARKERS.actorNotes,
      interests: [MARKERS.interests],
    });
    const union = await actor({ kind: 'organization', name: 'Nurses Union', roles: ['base'], organized: true });
    const offMap = await actor({ kind: 'person', name: MARKERS.offMap });
    const rel = async (body: Record<string, unknown>) => {
      const res = await api(owner, 'POST', '/relationships', body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const tie = await rel({
      type: 'INFLUENCE',
      from: union,
      to: chair,
      how: 'Turnout at her ward',
      description: MARKERS.relDescription,
      privateNotes: MARKERS.relNotes,
    });
    const offTie = await rel({ type: 'SOCIAL', from: chair, to: offMap, description: MARKERS.offMapTie });
    expect(
      (await api(owner, 'POST', `/actors/${chair}/assessments`, { power: 5, alignment: -1, note: MARKERS.assessmentNote })).status,
    ).toBe(201);
    const map = await api(owner, 'POST', '/maps', {
      name: 'Who decides on school nurses',
      members: [
        { actorId: chair, x: 10, y: 20, style: { color: '#1f77b4' } },
        { actorId: union, x: 200, y: 40 },
      ],
      annotations: [
        { id: randomUUID(), title: 'The decision-maker', text: 'The chair decides.', actorIds: [chair, offMap], relationshipIds: [offTie] },
        { id: randomUUID(), title: 'Our route to her', text: 'The union moves her.', actorIds: [union, chair], relationshipIds: [tie] },
      ],
    });
    expect(map.status, JSON.stringify(map.body)).toBe(201);
    mapId = map.body.id;
    const other = await api(owner, 'POST', '/maps', { name: MARKERS.otherMap, members: [{ actorId: offMap, x: 0, y: 0 }] });
    otherMapId = other.body.id;
    ids = { chair, union, offMap, tie, offTie };
  });
  afterAll(() => ctx.close());

  describe('who may make, list and revoke links', () => {
    it('asks anonymous callers to sign in', async () => {
      expect((await api(null, 'POST', `/maps/${mapId}/links`, {})).status).toBe(401);
      expect((await api(null, 'GET', `/maps/${mapId}/links`)).status).toBe(401);
      expect((await api(null, 'DELETE', `/maps/${mapId}/links/${randomUUID()}`)).status).toBe(401);
    });

    it('does not reveal the workspace to people outside it', async () => {
      for (const res of [
        await api(outsider, 'POST', `/maps/${mapId}/links`, {}),
        await api(outsider, 'GET', `/maps/${mapId}/links`),
        await api(outsider, 'DELETE', `/maps/${mapId}/links/${randomUUID()}`),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.detail).toBe('Workspace was not found.');
      }
    });

    it('refuses viewers: a link publishes the map', async () => {
      const link = await newLink();
      expect((await api(viewer, 'POST', `/maps/${mapId}/links`, {})).status).toBe(403);
      expect((await api(viewer, 'GET', `/maps/${mapId}/links`)).status).toBe(403);
      expect((await api(viewer, 'DELETE', `/maps/${mapId}/links/${link.id}`)).status).toBe(403);
      expect((await open(link.token)).status).toBe(200);
    });

    it('lets editors and owners make, list and revoke links', async () => {
      const byEditor = await newLink({ story: true }, editor);
      const byOwner = await newLink({}, owner);
      const list = await api(editor, 'GET', `/maps/${mapId}/links`);
      expect(list.status).toBe(200);
      const listed = list.body.items.map((l: { id: string }) => l.id);
      expect(listed).toEqual(expect.arrayContaining([byEditor.id, byOwner.id]));
      expect(list.body.items.find((l: { id: string }) => l.id === byEditor.id)).toMatchObject({
        story: true,
        expired: false,
        createdBy: 'Editor',
      });
      expect((await api(editor, 'DELETE', `/maps/${mapId}/links/${byOwner.id}`)).status).toBe(204);
      expect((await api(owner, 'DELETE', `/maps/${mapId}/links/${byEditor.id}`)).status).toBe(204);
      const after = (await api(owner, 'GET', `/maps/${mapId}/links`)).body.items.map((l: { id: string }) => l.id);
      expect(after).not.toContain(byOwner.id);
      expect(after).not.toContain(byEditor.id);
      // Revoking twice, or a link of another map, is a plain 404.
      expect((await api(owner, 'DELETE', `/maps/${mapId}/links/${byOwner.id}`)).status).toBe(404);
      const elsewhere = await newLink({}, owner, otherMapId);
      expect((await api(owner, 'DELETE', `/maps/${mapId}/links/${elsewhere.id}`)).status).toBe(404);
    });

    it('answers 404 for links to a map that does not exist', async () => {
      const missing = randomUUID();
      expect((await api(owner, 'POST', `/maps/${missing}/links`, {})).body.detail).toBe('Map was not found.');
      expect((await api(owner, 'GET', `/maps/${missing}/links`)).status).toBe(404);
    });

    it('refuses an expiry in the past, naming the field', async () => {
      const res = await api(owner, 'POST', `/maps/${mapId}/links`, { expiresAt: '2001-01-01T00:00:00Z' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ path: 'body.expiresAt', message: 'must be in the future' }]);
      const bad = await api(owner, 'POST', `/maps/${mapId}/links`, { expiresAt: 'next week' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].path).toBe('body.expiresAt');
    });
  });

  describe('the token', () => {
    it('carries at least 128 random bits, is shown once, and only as a URL to pass on', async () => {
      const a = await newLink();
      const b = await newLink();
      expect(a.token).not.toBe(b.token);
      expect(a.token).toMatch(/^[A-Za-z0-9_-]+$/);
      // base64url: six bits a character.
      expect(a.token.length * 6).toBeGreaterThanOrEqual(128);
      expect(a.url).toMatch(new RegExp(`^https?://[^/]+/p/${a.token}$`));
      expect(a.embedUrl).toMatch(new RegExp(`/embed/${a.token}$`));
      const list = await api(owner, 'GET', `/maps/${mapId}/links`);
      expect(JSON.stringify(list.body)).not.toContain(a.token);
      expect(list.body.items[0]).not.toHaveProperty('token');
    });

    it('is not stored in clear: only its SHA-256 is', async () => {
      const link = await newLink();
      const session = ctx.driver.session();
      try {
        const stored = await session.run('MATCH (l:MapLink {id: $id}) RETURN properties(l) AS p', { id: link.id });
        const props = stored.records[0]!.get('p') as Record<string, unknown>;
        expect(props.hash).toBe(createHash('sha256').update(link.token).digest('hex'));
        expect(JSON.stringify(props)).not.toContain(link.token);
        const anywhere = await session.run(
          'MATCH (n) WHERE any(k IN keys(n) WHERE n[k] = $token OR (n[k] IS :: STRING AND n[k] CONTAINS $token)) RETURN count(n) AS n',
          { token: link.token },
        );
        expect(anywhere.records[0]!.get('n').toNumber()).toBe(0);
      } finally {
        await session.close();
      }
    });
  });

  describe('what a link holder sees', () => {
    it('opens the map without signing in: its actors, the tie among them, positions and styling', async () => {
      const link = await newLink();
      const res = await open(link.token);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      const map = res.body;
      expect(map.name).toBe('Who decides on school nurses');
      expect(map.actors.map((a: { name: string }) => a.name).sort()).toEqual(['Dana Díaz', 'Nurses Union']);
      expect(map.relationships).toHaveLength(1);
      expect(map.relationships[0]).toMatchObject({
        id: ids.tie,
        type: 'INFLUENCE',
        from: ids.union,
        to: ids.chair,
        how: 'Turnout at her ward',
      });
      expect(map.members).toEqual(
        expect.arrayContaining([
          { actorId: ids.chair, x: 10, y: 20, style: { color: '#1f77b4' } },
          { actorId: ids.union, x: 200, y: 40, style: {} },
        ]),
      );
      expect(map.actors.find((a: { id: string }) => a.id === ids.chair)).toMatchObject({
        power: 5,
        alignment: -1,
        roles: ['decision_maker'],
      });
      // Without the story unless the link shares it.
      expect(map.story).toBe(false);
      expect(map.annotations).toEqual([]);
    });

    it('never carries contact owners or private notes, nor anything outside the map', async () => {
      const link = await newLink({ story: true });
      const text = JSON.stringify((await open(link.token)).body);
      for (const secret of [
        MARKERS.contactOwner,
        MARKERS.actorNotes,
        MARKERS.relNotes,
        MARKERS.assessmentNote,
        MARKERS.offMap,
        MARKERS.offMapTie,
        MARKERS.otherMap,
      ]) {
        expect(text, secret).not.toContain(secret);
      }
      for (const id of [ws, mapId, ids.offMap, ids.offTie, owner.userId, editor.userId]) expect(text).not.toContain(id);
      for (const who of [owner, editor, viewer]) {
        expect(text).not.toContain(who.email);
        expect(text).not.toContain(who.name);
      }
      expect(text).not.toContain('contactOwner');
      expect(text).not.toContain('privateNotes');
      expect(text).not.toContain('"version"');
    });

    it('shows the story when the link shares it, with only what is on the map', async () => {
      const link = await newLink({ story: true });
      const map = (await open(link.token)).body;
      expect(map.story).toBe(true);
      expect(map.annotations.map((s: { title: string }) => s.title)).toEqual(['The decision-maker', 'Our route to her']);
      expect(map.annotations[0]).toMatchObject({ actorIds: [ids.chair], relationshipIds: [] });
      expect(map.annotations[1]).toMatchObject({ actorIds: [ids.union, ids.chair], relationshipIds: [ids.tie] });
    });

    it('leaves out the fields an owner made internal, and shows them again when the owner stops', async () => {
      const link = await newLink();
      const before = JSON.stringify((await open(link.token)).body);
      expect(before).toContain(MARKERS.interests);
      expect(before).toContain(MARKERS.relDescription);
      const set = await api(owner, 'PUT', '/internal-fields', { actor: ['interests', 'power'], relationship: ['description'] });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      const during = (await open(link.token)).body;
      const text = JSON.stringify(during);
      expect(text).not.toContain(MARKERS.interests);
      expect(text).not.toContain(MARKERS.relDescription);
      expect(during.actors.find((a: { id: string }) => a.id === ids.chair)).not.toHaveProperty('power');
      expect(during.actors.find((a: { id: string }) => a.id === ids.chair)).toHaveProperty('alignment', -1);
      // Members still see everything.
      const own = JSON.stringify((await api(viewer, 'GET', `/maps/${mapId}`)).body);
      for (const value of [MARKERS.interests, MARKERS.relDescription, MARKERS.contactOwner, MARKERS.actorNotes, MARKERS.relNotes])
        expect(own).toContain(value);
      expect((await api(owner, 'PUT', '/internal-fields', { actor: [], relationship: [] })).status).toBe(200);
      expect(JSON.stringify((await open(link.token)).body)).toContain(MARKERS.interests);
    });

    it('follows the map as it changes: a link shows the map, not a copy of it', async () => {
      const link = await newLink();
      const current = (await api(owner, 'GET', `/maps/${mapId}`)).body;
      const renamed = await call(ctx.app, owner, 'PATCH', `/api/workspaces/${ws}/maps/${mapId}`, {
        name: 'School nurses: who decides',
        version: current.version,
      });
      expect(renamed.status).toBe(200);
      expect((await open(link.token)).body.name).toBe('School nurses: who decides');
    });
  });

  describe('dead links', () => {
    const expectDead = async (token: string, reference: { body: unknown; headers: Record<string, unknown> }) => {
      const res = await open(token);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(reference.body);
      expect(res.headers['content-type']).toBe(reference.headers['content-type']);
      expect(res.headers['cache-control']).toBe('no-store');
    };
    let never: { status: number; body: unknown; headers: Record<string, unknown> };
    beforeAll(async () => {
      // A well-formed token nobody was ever given.
      never = await open('A'.repeat(32));
      expect(never.status).toBe(404);
      expect(never.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('answers malformed tokens exactly like unknown ones', async () => {
      for (const token of ['x', 'not a token', '%00', 'A'.repeat(33), randomUUID(), '..%2F..%2Fapi']) await expectDead(token, never);
    });

    it('answers a revoked link exactly like one that never existed, at once', async () => {
      const link = await newLink({ story: true });
      expect((await open(link.token)).status).toBe(200);
      expect((await api(owner, 'DELETE', `/maps/${mapId}/links/${link.id}`)).status).toBe(204);
      await expectDead(link.token, never);
    });

    it('answers an expired link exactly like one that never existed', async () => {
      const soon = new Date(Date.now() + 60 * 60_000).toISOString();
      const link = await newLink({ expiresAt: soon });
      expect((await open(link.token)).body.expiresAt).toBe(soon);
      expect((await api(owner, 'GET', `/maps/${mapId}/links`)).body.items.find((l: { id: string }) => l.id === link.id)).toMatchObject({
        expired: false,
        expiresAt: soon,
      });
      // Let the hour pass in the database rather than on the clock.
      const session = ctx.driver.session();
      try {
        await session.run('MATCH (l:MapLink {id: $id}) SET l.expiresAt = $past', {
          id: link.id,
          past: new Date(Date.now() - 1000).toISOString(),
        });
      } finally {
        await session.close();
      }
      await expectDead(link.token, never);
      expect((await api(owner, 'GET', `/maps/${mapId}/links`)).body.items.find((l: { id: string }) => l.id === link.id)).toMatchObject({
        expired: true,
      });
    });

    it('dies with its map, and stays dead if the map is brought back', async () => {
      const map = await api(owner, 'POST', '/maps', { name: 'Short-lived', members: [{ actorId: ids.union, x: 0, y: 0 }] });
      const link = await newLink({}, owner, map.body.id);
      expect((await open(link.token)).status).toBe(200);
      const deleted = await call(ctx.app, owner, 'DELETE', `/api/workspaces/${ws}/maps/${map.body.id}?version=${map.body.version}`);
      expect(deleted.status).toBe(204);
      await expectDead(link.token, never);
      const change = (await api(owner, 'GET', '/history?limit=1')).body.items[0];
      expect(change.summary).toContain('Short-lived');
      expect((await api(owner, 'POST', `/history/${change.id}/revert`, {})).status).toBeLessThan(300);
      expect((await api(owner, 'GET', `/maps/${map.body.id}`)).status).toBe(200);
      await expectDead(link.token, never);
    });

    it('dies with its workspace', async () => {
      const other = await newWorkspace(ctx.app, owner, 'Soon deleted');
      const actor = await call(ctx.app, owner, 'POST', `/api/workspaces/${other}/actors`, { kind: 'person', name: 'Someone' });
      const map = await call(ctx.app, owner, 'POST', `/api/workspaces/${other}/maps`, {
        name: 'Doomed',
        members: [{ actorId: actor.body.id, x: 0, y: 0 }],
      });
      const link = await call(ctx.app, owner, 'POST', `/api/workspaces/${other}/maps/${map.body.id}/links`, {});
      expect((await open(link.body.token)).status).toBe(200);
      expect((await call(ctx.app, owner, 'DELETE', `/api/workspaces/${other}`)).status).toBe(204);
      await expectDead(link.body.token, never);
    });
  });

  it('serves the app shell for the public pages, so they open without signing in', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'powermap-shell-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>powermap shell</title><div id="root"></div>');
    const shell = await testApp({ clientDir: dir });
    try {
      for (const url of ['/p/some-token', '/embed/some-token']) {
        const res = await shell.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.body).toContain('powermap shell');
      }
    } finally {
      await shell.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
