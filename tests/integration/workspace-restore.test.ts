/**
 * A deleted workspace is not lost at once: for 30 days its owners find it under "recently
 * deleted" and bring it back with its members and records; nobody else sees or restores it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';
import { purgeExpiredWorkspaces } from '../../server/services/workspace-purge.js';

describe('restoring a deleted workspace', () => {
  let ctx: TestContext;
  let owner: Caller;
  let editor: Caller;

  beforeAll(async () => {
    ctx = await testApp();
    owner = await signUp(ctx.app, 'Restoring owner');
    editor = await signUp(ctx.app, 'Restoring editor');
  });
  afterAll(() => ctx.close());

  const workspaceWithAnActor = async (name: string) => {
    const ws = await newWorkspace(ctx.app, owner, name);
    expect((await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/members`, { email: editor.email, role: 'editor' })).status).toBe(201);
    expect(
      (await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/actors`, { kind: 'person', name: 'Kept through the delete' })).status,
    ).toBe(201);
    return ws;
  };

  it('lists a deleted workspace for its owner only, and brings it back with its members and records', async () => {
    const ws = await workspaceWithAnActor('Deleted by mistake');
    expect((await call(ctx.app, owner, 'DELETE', `/api/workspaces/${ws}`)).status).toBe(204);
    expect((await call(ctx.app, editor, 'GET', `/api/workspaces/${ws}/actors`)).status).toBe(404);
    expect((await call(ctx.app, owner, 'GET', '/api/workspaces')).body.items.map((w: { id: string }) => w.id)).not.toContain(ws);

    const listed = await call(ctx.app, owner, 'GET', '/api/workspaces/deleted');
    expect(listed.status).toBe(200);
    const entry = listed.body.items.find((w: { id: string }) => w.id === ws);
    expect(entry).toMatchObject({ name: 'Deleted by mistake' });
    const days = (Date.parse(entry.restorableUntil) - Date.parse(entry.deletedAt)) / 86_400_000;
    expect(days).toBeCloseTo(30, 5);
    // The editor was a member, not an owner: nothing to see, nothing to restore.
    expect((await call(ctx.app, editor, 'GET', '/api/workspaces/deleted')).body.items).toEqual([]);
    expect((await call(ctx.app, editor, 'POST', `/api/workspaces/deleted/${ws}/restore`)).status).toBe(404);

    const restored = await call(ctx.app, owner, 'POST', `/api/workspaces/deleted/${ws}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: ws, name: 'Deleted by mistake', role: 'owner' });
    const actors = await call(ctx.app, editor, 'GET', `/api/workspaces/${ws}/actors`);
    expect(actors.status).toBe(200);
    expect(actors.body.items.map((a: { name: string }) => a.name)).toEqual(['Kept through the delete']);
    expect((await call(ctx.app, owner, 'GET', '/api/workspaces/deleted')).body.items.map((w: { id: string }) => w.id)).not.toContain(ws);
    // Restoring what is not deleted, or was never there, answers the same 404.
    const again = await call(ctx.app, owner, 'POST', `/api/workspaces/deleted/${ws}/restore`);
    const unknown = await call(ctx.app, owner, 'POST', `/api/workspaces/deleted/${randomUUID()}/restore`);
    expect(again.status).toBe(404);
    expect(again.body.detail).toBe(unknown.body.detail);
    expect((await call(ctx.app, owner, 'POST', '/api/workspaces/deleted/not-an-id/restore')).status).toBe(400);
  });

  it('lets a workspace go once its 30 days are over', async () => {
    const ws = await workspaceWithAnActor('Deleted long ago');
    expect((await call(ctx.app, owner, 'DELETE', `/api/workspaces/${ws}`)).status).toBe(204);
    await ctx.driver.executeQuery('MATCH (w:Workspace {id: $ws}) SET w.deletedAt = datetime() - duration({days: 31})', { ws });
    expect((await call(ctx.app, owner, 'GET', '/api/workspaces/deleted')).body.items.map((w: { id: string }) => w.id)).not.toContain(ws);
    expect((await call(ctx.app, owner, 'POST', `/api/workspaces/deleted/${ws}/restore`)).status).toBe(404);
  });

  it('erases a workspace for good once its 30 days are over, and leaves a recently deleted one alone', async () => {
    const old = await workspaceWithAnActor('Erased after the month');
    const recent = await workspaceWithAnActor('Still restorable');
    const source = await call(ctx.app, owner, 'POST', `/api/workspaces/${old}/sources`, {
      title: 'A report',
      url: 'https://example.org/r',
    });
    expect(source.status).toBe(201);
    for (const ws of [old, recent]) expect((await call(ctx.app, owner, 'DELETE', `/api/workspaces/${ws}`)).status).toBe(204);
    await ctx.driver.executeQuery('MATCH (w:Workspace {id: $ws}) SET w.deletedAt = datetime() - duration({days: 31})', { ws: old });

    const purged = await purgeExpiredWorkspaces(ctx.app.db);
    expect(purged).toContain(old);
    expect(purged).not.toContain(recent);
    const left = async (ws: string) =>
      (await ctx.driver.executeQuery('MATCH (n) WHERE n.workspaceId = $ws OR n.id = $ws RETURN count(n) AS n', { ws })).records[0]!.get(
        'n',
      ).toNumber();
    expect(await left(old)).toBe(0);
    expect(await left(recent)).toBeGreaterThan(1);
    // The members are still there, and so is the workspace that was deleted only today.
    expect((await call(ctx.app, owner, 'GET', '/api/workspaces/deleted')).body.items.map((w: { id: string }) => w.id)).toContain(recent);
    expect((await call(ctx.app, editor, 'GET', '/api/workspaces')).status).toBe(200);
  });
});
