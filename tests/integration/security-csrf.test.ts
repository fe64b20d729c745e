/**
 * Writes that another origin's page makes a signed-in person's browser send: refused before
 * anything changes, including from same-site origins (another port, a sibling subdomain),
 * to which SameSite=Lax cookies still travel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/app.js';
import { appWith, call, newWorkspace, signUp, type Caller } from '../support/api.js';
import { testApp, type TestContext } from '../support/app.js';

/** What Chromium sends for a form on http://127.0.0.1:9999 posting to the app on another port. */
const sameSiteForm = {
  origin: 'http://127.0.0.1:9999',
  'sec-fetch-site': 'same-site',
  'sec-fetch-mode': 'navigate',
  'sec-fetch-dest': 'document',
};

describe('cross-origin writes', () => {
  let ctx: TestContext;
  let me: Caller;
  let ws: string;
  let actorId: string;
  let changeId: string;

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Researcher');
    ws = await newWorkspace(ctx.app, me, 'Hospital campaign');
    const actor = await call(ctx.app, me, 'POST', `/api/workspaces/${ws}/actors`, { kind: 'organization', name: 'Acme Health' });
    expect(actor.status).toBe(201);
    actorId = actor.body.id;
    changeId = (await call(ctx.app, me, 'GET', `/api/workspaces/${ws}/history?limit=1`)).body.items[0].id;
  });
  afterAll(() => ctx.close());

  const history = async () => (await call(ctx.app, me, 'GET', `/api/workspaces/${ws}/history`)).body.items as { id: string }[];

  it('refuses a same-site form posting a revert, with or without a form body, and nothing changes', async () => {
    const before = await history();
    const url = `/api/workspaces/${ws}/history/${changeId}/revert`;
    const bare = await ctx.app.inject({ method: 'POST', url, headers: { cookie: me.cookie, ...sameSiteForm } });
    const form = await ctx.app.inject({
      method: 'POST',
      url,
      headers: { cookie: me.cookie, ...sameSiteForm, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'confirm=yes',
    });
    for (const res of [bare, form]) {
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().detail).toMatch(/same-site, not same-origin.*refused/);
    }
    expect((await call(ctx.app, me, 'GET', `/api/workspaces/${ws}/actors/${actorId}`)).status).toBe(200);
    expect(await history()).toEqual(before);
  });

  it('refuses by Origin alone when the browser sends no Sec-Fetch-Site, including another port of the same host', async () => {
    for (const origin of ['http://127.0.0.1:9999', 'http://localhost:9999', 'https://localhost', 'http://evil.localhost', 'null']) {
      const res = await call(ctx.app, me, 'POST', '/api/workspaces', { name: 'Forged' }, { origin });
      expect(res.status, origin).toBe(403);
      expect(res.body.detail, origin).toMatch(/refused/);
    }
    expect((await call(ctx.app, me, 'GET', '/api/workspaces')).body.items.map((w: { name: string }) => w.name)).not.toContain('Forged');
  });

  it('guards every state-changing route, body-less ones too, before the caller is even looked at', async () => {
    const writes = ctx.app.routeTable.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method));
    expect(writes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'POST /api/auth/logout',
        'POST /api/workspaces/:ws/history/:changeId/revert',
        'POST /api/workspaces/:ws/actors/:id/restore',
      ]),
    );
    for (const route of writes) {
      const url = route.url.replace(':ws', ws).replace(/:[A-Za-z]+|\*/g, '00000000-0000-4000-8000-000000000000');
      const res = await ctx.app.inject({
        method: route.method as 'POST',
        url,
        headers: { cookie: me.cookie, 'sec-fetch-site': 'cross-site' },
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
    // Sign-out was among them: the session still works.
    expect((await call(ctx.app, me, 'GET', '/api/auth/me')).status).toBe(200);
  });

  it('accepts the app’s own pages, scripts without those headers, and bearer tokens', async () => {
    const own = await call(
      ctx.app,
      me,
      'POST',
      '/api/workspaces',
      { name: 'Own page' },
      { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' },
    );
    expect(own.status).toBe(201);
    // Older browsers send only Origin; inject's Host is localhost:80.
    expect((await call(ctx.app, me, 'POST', '/api/workspaces', { name: 'Old browser' }, { origin: 'http://localhost' })).status).toBe(201);
    const token = (await call(ctx.app, me, 'POST', '/api/auth/tokens', { name: 'script' })).body.token as string;
    const bearer = await call(
      ctx.app,
      null,
      'POST',
      '/api/workspaces',
      { name: 'Scripted' },
      { authorization: `Bearer ${token}`, origin: 'http://127.0.0.1:9999' },
    );
    expect(bearer.status).toBe(201);
    // curl and server-side callers send neither header.
    const revert = await call(ctx.app, me, 'POST', `/api/workspaces/${ws}/history/${changeId}/revert`);
    expect(revert.status).toBe(200);
    expect((await call(ctx.app, me, 'GET', `/api/workspaces/${ws}/actors/${actorId}`)).status).toBe(404);
  });

  it('takes its own origin from the proxy’s forwarded host and protocol when told to trust the proxy', async () => {
    const proxied = await appWith(ctx.app, { config: { ...ctx.app.config, TRUST_PROXY: true } });
    try {
      const behindProxy = { host: '10.0.0.5:3000', 'x-forwarded-host': 'powermap.example.org', 'x-forwarded-proto': 'https' };
      const ok = await call(
        proxied,
        me,
        'POST',
        '/api/workspaces',
        { name: 'Via proxy' },
        { ...behindProxy, origin: 'https://powermap.example.org' },
      );
      expect(ok.status).toBe(201);
      const wrongScheme = await call(
        proxied,
        me,
        'POST',
        '/api/workspaces',
        { name: 'Via proxy' },
        { ...behindProxy, origin: 'http://powermap.example.org' },
      );
      expect(wrongScheme.status).toBe(403);
      expect(wrongScheme.body.detail).toContain('not https://powermap.example.org');
      // Without TRUST_PROXY a caller's X-Forwarded-Host is not believed.
      const untrusted = await call(
        ctx.app,
        me,
        'POST',
        '/api/workspaces',
        { name: 'Via proxy' },
        { ...behindProxy, origin: 'https://powermap.example.org' },
      );
      expect(untrusted.status).toBe(403);
    } finally {
      await proxied.close();
    }
  });

  describe('with PUBLIC_URL set', () => {
    let app: App;
    beforeAll(async () => {
      app = await appWith(ctx.app, { config: { ...ctx.app.config, PUBLIC_URL: 'https://map.union.example' } });
    });
    afterAll(() => app.close());

    it('compares Origin with PUBLIC_URL, whatever Host the proxy passes on', async () => {
      const internal = { host: 'app-3:3000' };
      expect(
        (await call(app, me, 'POST', '/api/workspaces', { name: 'Public' }, { ...internal, origin: 'https://map.union.example' })).status,
      ).toBe(201);
      expect(
        (await call(app, me, 'POST', '/api/workspaces', { name: 'Internal' }, { ...internal, origin: 'http://app-3:3000' })).status,
      ).toBe(403);
    });
  });
});
