/**
 * What an API token may do: never make tokens or change the password, only read when it is
 * a read token, only its workspace when it has one, nothing once expired, and nothing at
 * all after its owner changes their password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../server/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';
import { testApp, type TestContext } from '../support/app.js';

const SCOPE = '/api/workspaces/:ws';

describe('API token scopes', () => {
  let ctx: TestContext;
  let me: Caller;
  let wsA: string;
  let wsB: string;

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Scripter');
    wsA = await newWorkspace(ctx.app, me, 'Campaign A');
    wsB = await newWorkspace(ctx.app, me, 'Campaign B');
  });
  afterAll(() => ctx.close());

  const mint = async (body: Record<string, unknown>) => {
    const res = await call(ctx.app, me, 'POST', '/api/auth/tokens', { name: 'script', ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { ...res.body, bearer: { authorization: `Bearer ${res.body.token}` } } as {
      id: string;
      token: string;
      bearer: Record<string, string>;
    };
  };
  const asToken = (bearer: Record<string, string>, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    call(ctx.app, null, method, url, payload, bearer);
  const fill = (url: string, ws: string) =>
    url
      .replace(':ws', ws)
      .replace(':email', 'nobody@example.org')
      .replace(/:[A-Za-z]+|\*/g, '00000000-0000-4000-8000-000000000000');

  it('cannot make, list or revoke tokens, nor change the password', async () => {
    const token = await mint({});
    const minted = await asToken(token.bearer, 'POST', '/api/auth/tokens', { name: 'offspring' });
    expect(minted.status).toBe(403);
    expect(minted.body.detail).toMatch(/API token cannot do this: sign in with your password/);
    expect((await asToken(token.bearer, 'DELETE', `/api/auth/tokens/${token.id}`)).status).toBe(403);
    expect(
      (
        await asToken(token.bearer, 'POST', '/api/auth/password', {
          currentPassword: 'correct horse battery',
          newPassword: 'a brand new passphrase',
        })
      ).status,
    ).toBe(403);
    expect((await asToken(token.bearer, 'GET', '/api/auth/tokens')).status).toBe(403);
    expect((await call(ctx.app, me, 'GET', '/api/auth/tokens')).body.items).toHaveLength(1);
  });

  it('shows scope and expiry in the listing, and refuses a past expiry or a workspace that is not yours', async () => {
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const token = await mint({ access: 'read', workspaceId: wsA, expiresAt });
    const listed = (await call(ctx.app, me, 'GET', '/api/auth/tokens')).body.items.find((t: { id: string }) => t.id === token.id);
    expect(listed).toMatchObject({ access: 'read', workspaceId: wsA, lastUsedAt: null });
    expect(Date.parse(listed.expiresAt)).toBe(Date.parse(expiresAt));

    const past = await call(ctx.app, me, 'POST', '/api/auth/tokens', { name: 'late', expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([{ path: 'body.expiresAt', message: 'must be in the future' }]);
    const stranger = await signUp(ctx.app, 'Stranger');
    const foreign = await call(ctx.app, stranger, 'POST', '/api/auth/tokens', { name: 'peek', workspaceId: wsA });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([{ path: 'body.workspaceId', message: 'is not a workspace of yours' }]);
  });

  it('stops an expired token with a 401 that says so', async () => {
    const token = await mint({ expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    // Time passes in the database rather than in the test: the token's day is over.
    await ctx.db.write((tx) =>
      tx.query('MATCH (t:ApiToken {id: $id}) SET t.expiresAt = datetime() - duration({seconds: 1})', { id: token.id }),
    );
    const res = await asToken(token.bearer, 'GET', '/api/workspaces');
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/expired/);
    const fresh = await mint({ expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect((await asToken(fresh.bearer, 'GET', '/api/workspaces')).status).toBe(200);
  });

  it('lets a read token read but not write, anywhere', async () => {
    const token = await mint({ access: 'read' });
    expect((await asToken(token.bearer, 'GET', `/api/workspaces/${wsA}/actors`)).status).toBe(200);
    const write = await asToken(token.bearer, 'POST', `/api/workspaces/${wsA}/actors`, { kind: 'person', name: 'Nope' });
    expect(write.status).toBe(403);
    expect(write.body.detail).toMatch(/can only read/);
    expect((await asToken(token.bearer, 'POST', '/api/workspaces', { name: 'Nope' })).status).toBe(403);
    expect((await call(ctx.app, me, 'GET', `/api/workspaces/${wsA}/actors`)).body.items).toEqual([]);
  });

  it('confines a workspace token to its workspace, as if the others did not exist', async () => {
    const token = await mint({ workspaceId: wsA });
    expect((await asToken(token.bearer, 'POST', `/api/workspaces/${wsA}/actors`, { kind: 'person', name: 'Allowed' })).status).toBe(201);
    const other = await asToken(token.bearer, 'GET', `/api/workspaces/${wsB}/actors`);
    expect(other.status).toBe(404);
    expect(other.body.detail).toBe('Workspace was not found.');
    expect((await asToken(token.bearer, 'GET', '/api/workspaces')).body.items.map((w: { id: string }) => w.id)).toEqual([wsA]);
    expect((await asToken(token.bearer, 'POST', '/api/workspaces', { name: 'Sprawl' })).status).toBe(403);
  });

  it('holds on every route: a read token writes nowhere, a workspace token reaches no other workspace', async () => {
    const read = await mint({ access: 'read' });
    const confined = await mint({ workspaceId: wsA });
    const table = ctx.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.hidden);
    const needsWrite = (r: RouteEntry) => (r.access ?? (r.method === 'GET' ? 'read' : 'write')) !== 'read';
    const writes = table.filter(needsWrite);
    expect(writes.length).toBeGreaterThan(30);
    for (const route of writes) {
      const res = await asToken(read.bearer, route.method as 'POST', fill(route.url, wsA), route.method === 'GET' ? undefined : {});
      expect(res.status, `${route.method} ${route.url}`).toBe(403);
    }
    for (const route of table.filter((r) => r.url.startsWith(SCOPE))) {
      const res = await asToken(confined.bearer, route.method as 'GET', fill(route.url, wsB), route.method === 'GET' ? undefined : {});
      expect(res.status, `${route.method} ${route.url}`).toBe(404);
      expect(res.body.detail).toBe('Workspace was not found.');
    }
    // Workspace B survived all of it.
    expect((await call(ctx.app, me, 'GET', `/api/workspaces/${wsB}`)).status).toBe(200);
  });

  it('keeps tokens made before scopes existed as they were: write access everywhere', async () => {
    const token = await mint({});
    await ctx.db.write((tx) => tx.query('MATCH (t:ApiToken {id: $id}) REMOVE t.access, t.workspaceId, t.expiresAt', { id: token.id }));
    expect((await asToken(token.bearer, 'POST', `/api/workspaces/${wsB}/actors`, { kind: 'person', name: 'Legacy' })).status).toBe(201);
    const listed = (await call(ctx.app, me, 'GET', '/api/auth/tokens')).body.items.find((t: { id: string }) => t.id === token.id);
    expect(listed).toMatchObject({ access: 'write', workspaceId: null, expiresAt: null });
  });
});

describe('changing the password', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await testApp();
  });
  afterAll(() => ctx.close());

  it('checks the current password, ends the other sessions and revokes every token', async () => {
    const me = await signUp(ctx.app, 'Mover');
    const laptop = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: me.email, password: 'correct horse battery' },
    });
    const laptopCookie = `pm_session=${laptop.cookies.find((c) => c.name === 'pm_session')!.value}`;
    const token = (await call(ctx.app, me, 'POST', '/api/auth/tokens', { name: 'nightly import' })).body.token as string;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await call(ctx.app, null, 'GET', '/api/auth/me', undefined, bearer)).status).toBe(200);

    const wrong = await call(ctx.app, me, 'POST', '/api/auth/password', {
      currentPassword: 'not it at all',
      newPassword: 'a brand new passphrase',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: 'body.currentPassword', message: 'is not your current password' }]);
    const same = await call(ctx.app, me, 'POST', '/api/auth/password', {
      currentPassword: 'correct horse battery',
      newPassword: 'correct horse battery',
    });
    expect(same.status).toBe(400);
    expect(same.body.errors[0].path).toBe('body.newPassword');
    // Nothing changed so far: the laptop and the token still work.
    expect((await call(ctx.app, null, 'GET', '/api/auth/me', undefined, { cookie: laptopCookie })).status).toBe(200);

    const changed = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'correct horse battery', newPassword: 'a brand new passphrase' },
      headers: { cookie: me.cookie },
    });
    expect(changed.statusCode).toBe(204);
    const fresh = `pm_session=${changed.cookies.find((c) => c.name === 'pm_session')!.value}`;
    expect(fresh).not.toBe(me.cookie);
    expect((await call(ctx.app, null, 'GET', '/api/auth/me', undefined, { cookie: fresh })).status).toBe(200);
    expect((await call(ctx.app, null, 'GET', '/api/auth/me', undefined, { cookie: laptopCookie })).status).toBe(401);
    expect((await call(ctx.app, null, 'GET', '/api/auth/me', undefined, { cookie: me.cookie })).status).toBe(401);
    const dead = await call(ctx.app, null, 'GET', '/api/auth/me', undefined, bearer);
    expect(dead.status).toBe(401);
    expect(dead.body.detail).toMatch(/not valid/);
    expect((await call(ctx.app, null, 'GET', '/api/auth/tokens', undefined, { cookie: fresh })).body.items).toEqual([]);

    const oldPassword = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: me.email, password: 'correct horse battery' },
    });
    expect(oldPassword.statusCode).toBe(401);
    const newPassword = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: me.email, password: 'a brand new passphrase' },
    });
    expect(newPassword.statusCode).toBe(200);
  });

  it('counts wrong current passwords as failed sign-ins, so an open session is no way to guess', async () => {
    const me = await signUp(ctx.app, 'Left signed in');
    let last = await call(ctx.app, me, 'POST', '/api/auth/password', { currentPassword: 'guess 0', newPassword: 'a brand new passphrase' });
    for (let i = 1; i < 12; i++)
      last = await call(ctx.app, me, 'POST', '/api/auth/password', {
        currentPassword: `guess ${i}`,
        newPassword: 'a brand new passphrase',
      });
    expect(last.status).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});
