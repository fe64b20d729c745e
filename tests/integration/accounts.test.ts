import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

describe('accounts, tokens and members', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await testApp();
  });
  afterAll(() => ctx.close());

  it('signs up, signs in with a fresh session, and signs out', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'Ada.Organiser@Example.org', password: 'short', name: 'Ada' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ path: 'body.password' });

    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'Ada.Organiser@Example.org', password: 'a long enough passphrase', name: 'Ada' },
    });
    expect(ok.statusCode).toBe(201);
    const cookie = ok.cookies.find((c) => c.name === 'pm_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(ok.json().user.email).toBe('ada.organiser@example.org');

    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'ada.organiser@example.org', password: 'a long enough passphrase', name: 'Ada' },
    });
    expect(again.statusCode).toBe(409);

    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ada.organiser@example.org', password: 'not the passphrase' },
    });
    expect(wrong.statusCode).toBe(401);
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ada.organiser@example.org', password: 'a long enough passphrase' },
      headers: { cookie: `pm_session=${cookie.value}` },
    });
    expect(login.statusCode).toBe(200);
    const rotated = login.cookies.find((c) => c.name === 'pm_session')!;
    expect(rotated.value).not.toBe(cookie.value);
    // The session that was replaced no longer works.
    expect((await ctx.app.inject({ url: '/api/auth/me', headers: { cookie: `pm_session=${cookie.value}` } })).statusCode).toBe(401);
    expect((await ctx.app.inject({ url: '/api/auth/me', headers: { cookie: `pm_session=${rotated.value}` } })).json().user.name).toBe(
      'Ada',
    );

    await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: `pm_session=${rotated.value}` } });
    expect((await ctx.app.inject({ url: '/api/auth/me', headers: { cookie: `pm_session=${rotated.value}` } })).statusCode).toBe(401);
  });

  it('gives a script an API token once, accepts it as a bearer, and stops accepting it when revoked', async () => {
    const me = await signUp(ctx.app, 'Scripter');
    const created = await call(ctx.app, me, 'POST', '/api/auth/tokens', { name: 'import script' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^pm_/);
    const listed = await call(ctx.app, me, 'GET', '/api/auth/tokens');
    expect(listed.body.items).toEqual([
      expect.objectContaining({ name: 'import script', access: 'write', workspaceId: null, expiresAt: null }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);

    const bearer = { authorization: `Bearer ${created.body.token}` };
    const ws = await ctx.app.inject({ method: 'POST', url: '/api/workspaces', payload: { name: 'Scripted' }, headers: bearer });
    expect(ws.statusCode).toBe(201);
    expect((await call(ctx.app, me, 'DELETE', `/api/auth/tokens/${created.body.id}`)).status).toBe(204);
    const refused = await ctx.app.inject({ url: '/api/workspaces', headers: bearer });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().detail).toMatch(/token is not valid/);
  });

  describe('members', () => {
    let owner: Caller;
    let ws: string;
    beforeAll(async () => {
      owner = await signUp(ctx.app, 'Owner');
      ws = await newWorkspace(ctx.app, owner, 'Coalition');
    });

    it('invites an email without an account, shows the link, and a sign-up from the link claims it', async () => {
      const invite = await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/members`, { email: 'newcomer@example.org', role: 'editor' });
      expect(invite.status).toBe(201);
      expect(invite.body).toMatchObject({ status: 'invited', role: 'editor', userId: null });
      expect(invite.body.inviteUrl).toMatch(/\/signup\?invite=[A-Za-z0-9_-]+$/);
      const token = new URL(invite.body.inviteUrl).searchParams.get('invite');

      const signup = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        payload: { email: 'newcomer@example.org', password: 'a long enough passphrase', name: 'Newcomer', invite: token },
      });
      expect(signup.statusCode).toBe(201);
      const cookie = `pm_session=${signup.cookies.find((c) => c.name === 'pm_session')!.value}`;
      const mine = await ctx.app.inject({ url: '/api/workspaces', headers: { cookie } });
      expect(mine.json().items).toEqual([expect.objectContaining({ id: ws, role: 'editor' })]);
      const members = await call(ctx.app, owner, 'GET', `/api/workspaces/${ws}/members`);
      expect(members.body.items.find((m: { email: string }) => m.email === 'newcomer@example.org')).toMatchObject({ status: 'active' });
    });

    it('never leaves a workspace without an owner', async () => {
      const demote = await call(ctx.app, owner, 'PATCH', `/api/workspaces/${ws}/members/${owner.email}`, { role: 'editor' });
      expect(demote.status).toBe(409);
      expect(demote.body.detail).toMatch(/last owner/);
      const leave = await call(ctx.app, owner, 'DELETE', `/api/workspaces/${ws}/members/${owner.email}`);
      expect(leave.status).toBe(409);
    });

    it('lets an editor leave but not remove others, and a viewer read but not write', async () => {
      const editor = await signUp(ctx.app, 'Editor');
      const viewer = await signUp(ctx.app, 'Viewer');
      await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/members`, { email: editor.email, role: 'editor' });
      await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/members`, { email: viewer.email, role: 'viewer' });
      expect((await call(ctx.app, viewer, 'GET', `/api/workspaces/${ws}/actors`)).status).toBe(200);
      const write = await call(ctx.app, viewer, 'POST', `/api/workspaces/${ws}/actors`, { kind: 'person', name: 'Nope' });
      expect(write.status).toBe(403);
      expect(write.body.detail).toMatch(/view this workspace but not change it/);
      expect((await call(ctx.app, editor, 'DELETE', `/api/workspaces/${ws}/members/${viewer.email}`)).status).toBe(403);
      expect((await call(ctx.app, editor, 'DELETE', `/api/workspaces/${ws}/members/${editor.email}`)).status).toBe(204);
      expect((await call(ctx.app, editor, 'GET', `/api/workspaces/${ws}/actors`)).status).toBe(404);
    });
  });
});
