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
const PUBLIC = new Set([
  'GET /api/health',
  'GET /api/ready',
  'POST /api/auth/signup',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/invites/:token',
  'GET /api/public/maps/:token',
]);
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
    url
      .replace(':ws', ws)
      .replace(':email', 'nobody@example.org')
      .replace(/:[A-Za-z]+/g, () => randomUUID());

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
    scoped = table
      .filter((r) => r.url.startsWith(SCOPE))
      .sort((a, b) => Number(a.method === 'DELETE' && a.url === SCOPE) - Number(b.method === 'DELETE' && b.url === SCOPE));
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
    }, 180_000);
  }

  it('lets the owner delete the workspace, after which it is gone for everyone', async () => {
    expect((await call(ctx.app, people.owner, 'DELETE', `/api/workspaces/${ws}`)).status).toBe(204);
    expect((await call(ctx.app, people.editor, 'GET', `/api/workspaces/${ws}/actors`)).status).toBe(404);
  });
});

/**
 * The share routes seen from partner workspaces: one given a map to read, one to edit. A
 * partner is a member of its own workspace only, so the offering side stays hidden from it;
 * on its own side, the share decides what its members may do.
 */
describe('access to the share routes for partner workspaces', () => {
  let ctx: TestContext;
  let owner: Caller;
  let ws: string;
  let mapId: string;
  let actorIds: string[];
  type Partner = { ws: string; shareId: string; access: 'read' | 'edit'; people: Record<Role, Caller> };
  const partners = {} as Record<'read' | 'edit', Partner>;
  let routes: RouteEntry[];

  const isShareRoute = (r: RouteEntry) => /\/(shares|incoming-shares|shared-maps|coalition)(\/|$)/.test(r.url);
  const partnerSide = (r: RouteEntry) => /^\/api\/workspaces\/:ws\/(incoming-shares|shared-maps|coalition)/.test(r.url);

  beforeAll(async () => {
    ctx = await testApp();
    owner = await signUp(ctx.app, 'Offering owner');
    ws = await newWorkspace(ctx.app, owner, 'Offering workspace');
    const actor = async (name: string) =>
      (await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/actors`, { kind: 'person', name })).body.id as string;
    actorIds = [await actor('Ana'), await actor('Ben')];
    mapId = (
      await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/maps`, {
        name: 'Shared',
        members: actorIds.map((actorId) => ({ actorId })),
      })
    ).body.id;
    for (const access of ['read', 'edit'] as const) {
      const people = {
        owner: await signUp(ctx.app, `${access} owner`),
        editor: await signUp(ctx.app, `${access} editor`),
        viewer: await signUp(ctx.app, `${access} viewer`),
      };
      const partnerWs = await newWorkspace(ctx.app, people.owner, `Partner with ${access}`);
      for (const role of ['editor', 'viewer'] as const)
        await call(ctx.app, people.owner, 'POST', `/api/workspaces/${partnerWs}/members`, { email: people[role].email, role });
      const offered = await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/maps/${mapId}/shares`, {
        partnerWorkspaceId: partnerWs,
        access,
      });
      expect(offered.status).toBe(201);
      expect(
        (await call(ctx.app, people.owner, 'POST', `/api/workspaces/${partnerWs}/incoming-shares/${offered.body.id}/accept`, {})).status,
      ).toBe(200);
      partners[access] = { ws: partnerWs, shareId: offered.body.id, access, people };
    }
    // Declining ends the share, so it goes last.
    routes = ctx.app.routeTable
      .filter(isShareRoute)
      .sort((a, b) => Number(a.url.endsWith('/decline')) - Number(b.url.endsWith('/decline')));
  });
  afterAll(() => ctx.close());

  /** Valid bodies, so that what answers is the access rule and not the body's shape. */
  const bodyFor = (route: RouteEntry) => {
    if (route.method === 'GET') return undefined;
    if (route.url.endsWith('/shared-maps/:shareId/actors')) return { kind: 'person', name: 'Added through the matrix' };
    if (route.url.endsWith('/shared-maps/:shareId/relationships')) return { type: 'SOCIAL', from: actorIds[0], to: actorIds[1] };
    return {};
  };
  /** Queries an analysis question needs, so that an answer past validation is possible. */
  const queryFor = (url: string) => {
    const [a, b] = actorIds as [string, string];
    if (url.endsWith('/paths')) return `?from=${a}&to=${b}`;
    if (url.endsWith('/leverage')) return `?target=${b}&from=${a}`;
    if (url.endsWith('/interlocks')) return `?actors=${a},${b}`;
    if (url.endsWith('/reach')) return `?target=${a}`;
    if (url.endsWith('/export')) return '?format=graphml';
    return '';
  };
  const fill = (url: string, p: Partner, shareId = p.shareId) =>
    url
      .replace(':ws', partnerSide({ url } as RouteEntry) ? p.ws : ws)
      .replace(':shareId', shareId)
      .replace(':id', mapId) + queryFor(url);

  it('covers every share route', () => {
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'POST /api/workspaces/:ws/maps/:id/shares',
        'GET /api/workspaces/:ws/shared-maps/:shareId',
        'POST /api/workspaces/:ws/shared-maps/:shareId/relationships',
        'POST /api/workspaces/:ws/incoming-shares/:shareId/accept',
        'GET /api/workspaces/:ws/coalition/reach',
        'GET /api/workspaces/:ws/shared-maps/:shareId/events',
      ]),
    );
  });

  for (const access of ['read', 'edit'] as const) {
    for (const role of ['viewer', 'editor', 'owner'] as const) {
      it(`lets the ${role} of a partner with a ${access} share do exactly what it may`, async () => {
        const p = partners[access];
        for (const route of routes) {
          const key = `${route.method} ${route.url}`;
          const ownerOnly = route.url.includes('/incoming-shares');
          const writes = route.method === 'POST' && route.url.includes('/shared-maps/');
          const allowed = ownerOnly ? role === 'owner' : writes ? role !== 'viewer' && access === 'edit' : true;
          // Every partner member may watch the shared map, and the stream never ends: it is tested in partner-streams.test.ts.
          if (allowed && partnerSide(route) && route.url.endsWith('/events')) continue;
          const res = await call(ctx.app, p.people[role], route.method as 'GET', fill(route.url, p), bodyFor(route));
          const label = `${access} ${role} ${key} → ${res.status} ${res.body?.detail}`;
          expect(res.status, label).toBeLessThan(500);
          if (!partnerSide(route)) {
            expect(res.status, label).toBe(404);
            expect(res.body.detail, label).toBe('Workspace was not found.');
            continue;
          }
          if (allowed) {
            expect([401, 403, 404], label).not.toContain(res.status);
          } else {
            expect(res.status, label).toBe(403);
          }
        }
      }, 120_000);
    }
  }

  it('gives a partner nothing through the other partner’s share, exactly as for an unknown one', async () => {
    for (const [mine, theirs] of [
      ['read', 'edit'],
      ['edit', 'read'],
    ] as const) {
      for (const route of routes.filter((r) => r.url.includes(':shareId') && partnerSide(r) && !r.url.endsWith('/decline'))) {
        const who = partners[mine].people.owner;
        const res = await call(
          ctx.app,
          who,
          route.method as 'GET',
          fill(route.url, partners[mine], partners[theirs].shareId),
          bodyFor(route),
        );
        const unknown = await call(ctx.app, who, route.method as 'GET', fill(route.url, partners[mine], randomUUID()), bodyFor(route));
        expect(res.status, `${mine} ${route.method} ${route.url}`).toBe(404);
        expect(res.body.detail).toBe(unknown.body.detail);
      }
    }
  }, 120_000);
});
