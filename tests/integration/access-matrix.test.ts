/**
 * Who may call what, for every route the app registers: the table is read from the app
 * itself, so a route added tomorrow is checked tomorrow without anyone editing this file.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../server/app.js';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

const SCOPE = '/api/workspaces/:ws';
const PUBLIC = new Set(['GET /api/health', 'GET /api/ready', 'POST /api/auth/signup', 'POST /api/auth/login', 'POST /api/auth/logout', 'GET /api/invites/:token', 'GET /api/public/maps/:token']);
type Role = 'viewer' | 'editor' | 'owner';
const rank: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };

/** Who a route is for: its declared access, or read for GET and write otherwise. */
function needs(route: RouteEntry): Role {
  // Removing someone else is for owners, though anyone may remove themselves.
  if (route.method === 'DELETE' && route.url === `${SCOPE}/members/:email`) return 'owner';
  if (route.access === 'owner') return 'owner';
  if (route.access === 'read') return 'viewer';
  // Reads that are for editors (a map's public links publish it, so viewers do not see them).
  if (route.access === 'write') return 'editor';
  return route.method === 'GET' ? 'viewer' : 'editor';
}

describe('access to every route', () => {
  let ctx: TestContext;
  let ws: string;
  const people = {} as Record<Role | 'outsider', Caller>;
  let scoped: RouteEntry[];
  let outside: RouteEntry[];

  const fill = (url: string) =>
    url.replace(':ws', ws).replace(':email', 'nobody@example.org').replace(/:[A-Za-z]+/g, () => randomUUID());

  beforeAll(async () => {
    ctx = await testApp();
    people.owner = await signUp(ctx.app, 'Owner');
    people.editor = await signUp(ctx.app, 'Editor');
    people.viewer = await signUp(ctx.app, 'Viewer');
    people.outsider = await signUp(ctx.app, 'Outsider');
    ws = await newWorkspace(ctx.app, people.owner, 'Access matrix');
    for (const role of ['editor', 'viewer'] as const) {
      const res = await call(ctx.app, people.owner, 'POST', `/api/workspaces/${ws}/members`, { email: people[role].email, role });
      expect(res.status).toBe(201);
    }
    const table = ctx.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.hidden && !r.url.startsWith('/api/docs'));
    // Deleting the workspace goes last, so the other checks still have a workspace.
    scoped = table.filter((r) => r.url.startsWith(SCOPE)).sort((a, b) => Number(a.method === 'DELETE' && a.url === SCOPE) - Number(b.method === 'DELETE' && b.url === SCOPE));
    outside = table.filter((r) => !r.url.startsWith(SCOPE));
  });
  afterAll(() => ctx.close());

  it('covers the whole API', () => {
    expect(scoped.length).toBeGreaterThan(40);
    expect(scoped.map((r) => `${r.method} ${r.url}`)).toContain(`POST ${SCOPE}/actors`);
  });

  it('asks anonymous callers to sign in everywhere but the public routes', async () => {
    for (const route of [...scoped, ...outside]) {
      const key = `${route.method} ${route.url}`;
      if (PUBLIC.has(key)) continue;
      const res = await call(ctx.app, null, route.method as 'GET', fill(route.url), route.method === 'GET' ? undefined : {});
      expect(res.status, key).toBe(401);
    }
  });

  it('does not reveal a workspace to people outside it', async () => {
    for (const route of scoped) {
      const res = await call(ctx.app, people.outsider, route.method as 'GET', fill(route.url), route.method === 'GET' ? undefined : {});
      expect(res.status, `${route.method} ${route.url}`).toBe(404);
      expect(res.body.detail).toBe('Workspace was not found.');
    }
  });

  for (const role of ['viewer', 'editor', 'owner'] as const) {
    it(`lets a ${role} do exactly what a ${role} may`, async () => {
      for (const route of scoped) {
        const key = `${route.method} ${route.url}`;
        const allowed = rank[role] >= rank[needs(route)];
        // A live event stream never ends; its access is covered by the refusals above.
        if (allowed && route.url.endsWith('/events')) continue;
        if (role !== 'owner' && key === `DELETE ${SCOPE}`) {
          expect((await call(ctx.app, people[role], 'DELETE', fill(route.url))).status, key).toBe(403);
          continue;
        }
        if (role === 'owner' && key === `DELETE ${SCOPE}`) continue;
        const res = await call(ctx.app, people[role], route.method as 'GET', fill(route.url), route.method === 'GET' ? undefined : {});
        if (allowed) {
          expect([401, 403], `${role} ${key} → ${res.status} ${res.body?.detail}`).not.toContain(res.status);
          expect(res.body?.detail, `${role} ${key}`).not.toBe('Workspace was not found.');
          expect(res.status, `${role} ${key}`).toBeLessThan(500);
        } else {
          expect(res.status, `${role} ${key}`).toBe(403);
        }
      }
    });
  }

  it('lets the owner delete the workspace, after which it is gone for everyone', async () => {
    expect((await call(ctx.app, people.owner, 'DELETE', `/api/workspaces/${ws}`)).status).toBe(204);
    expect((await call(ctx.app, people.editor, 'GET', `/api/workspaces/${ws}/actors`)).status).toBe(404);
  });
});
