/**
 * Who runs a workspace: owners change roles and remove people, a workspace always keeps an
 * owner even when two of them leave at the same moment, and viewers see names, not emails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

describe('owners and members', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await testApp();
  });
  afterAll(() => ctx.close());

  const owners = async (ws: string) =>
    (await ctx.db.read((tx) =>
      tx.one<{ n: number }>("MATCH (:User)-[m:MEMBER_OF {role: 'owner'}]->(:Workspace {id: $ws}) RETURN count(m) AS n", { ws }),
    ))!.n;

  it('keeps an owner when two owners leave or step down at the same moment, every time', async () => {
    const moves = [
      (ws: string, who: Caller) => call(ctx.app, who, 'DELETE', `/api/workspaces/${ws}/members/${who.email}`),
      (ws: string, who: Caller) => call(ctx.app, who, 'PATCH', `/api/workspaces/${ws}/members/${who.email}`, { role: 'editor' }),
    ];
    const races = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const a = await signUp(ctx.app, `Owner A${i}`);
        const b = await signUp(ctx.app, `Owner B${i}`);
        const ws = await newWorkspace(ctx.app, a, `Race ${i}`);
        expect((await call(ctx.app, a, 'POST', `/api/workspaces/${ws}/members`, { email: b.email, role: 'owner' })).status).toBe(201);
        return { ws, a, b, moveA: moves[i % 2]!, moveB: moves[Math.floor(i / 2) % 2]! };
      }),
    );
    const results = await Promise.all(
      races.map(async (r) => {
        const [x, y] = await Promise.all([r.moveA(r.ws, r.a), r.moveB(r.ws, r.b)]);
        return { ws: r.ws, statuses: [x.status, y.status].sort(), details: [x.body?.detail, y.body?.detail] };
      }),
    );
    for (const r of results) {
      expect(await owners(r.ws), `race in ${r.ws}: ${JSON.stringify(r)}`).toBe(1);
      // One of the two went through; the other was told why not.
      expect(r.statuses[0]).toBeLessThan(300);
      expect(r.statuses[1]).toBe(409);
      expect(r.details.join(' ')).toMatch(/last owner/);
    }
  });

  it('lets an owner change a member’s role and remove them, who then loses access at once', async () => {
    const owner = await signUp(ctx.app, 'Owner');
    const member = await signUp(ctx.app, 'Member');
    const ws = await newWorkspace(ctx.app, owner, 'Roles');
    await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/members`, { email: member.email, role: 'viewer' });
    expect((await call(ctx.app, member, 'POST', `/api/workspaces/${ws}/actors`, { kind: 'person', name: 'Too early' })).status).toBe(403);

    const promoted = await call(ctx.app, owner, 'PATCH', `/api/workspaces/${ws}/members/${member.email}`, { role: 'editor' });
    expect(promoted.body).toMatchObject({ email: member.email, role: 'editor', status: 'active' });
    expect((await call(ctx.app, member, 'POST', `/api/workspaces/${ws}/actors`, { kind: 'person', name: 'Now allowed' })).status).toBe(201);
    expect((await call(ctx.app, member, 'PATCH', `/api/workspaces/${ws}/members/${owner.email}`, { role: 'viewer' })).status).toBe(403);

    expect((await call(ctx.app, owner, 'DELETE', `/api/workspaces/${ws}/members/${member.email}`)).status).toBe(204);
    expect((await call(ctx.app, member, 'GET', `/api/workspaces/${ws}/actors`)).status).toBe(404);
    expect((await call(ctx.app, owner, 'DELETE', `/api/workspaces/${ws}/members/${member.email}`)).status).toBe(404);
  });

  it('shows viewers the members’ names but not their emails; editors and owners see emails', async () => {
    const owner = await signUp(ctx.app, 'Olive Owner');
    const editor = await signUp(ctx.app, 'Eddie Editor');
    const viewer = await signUp(ctx.app, 'Vera Viewer');
    const ws = await newWorkspace(ctx.app, owner, 'Private emails');
    await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/members`, { email: editor.email, role: 'editor' });
    await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/members`, { email: viewer.email, role: 'viewer' });
    await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/members`, { email: 'invited.partner@example.org', role: 'viewer' });

    const seenBy = async (who: Caller) => (await call(ctx.app, who, 'GET', `/api/workspaces/${ws}/members`)).body;
    const asViewer = await seenBy(viewer);
    for (const email of [owner.email, editor.email, 'invited.partner@example.org']) expect(JSON.stringify(asViewer)).not.toContain(email);
    expect(asViewer.items.map((m: { name: string | null }) => m.name ?? '(invited)').sort()).toEqual([
      '(invited)',
      'Eddie Editor',
      'Olive Owner',
      'Vera Viewer',
    ]);
    // Their own email, which they know, stays: it is how they leave.
    expect(asViewer.items.find((m: { userId: string }) => m.userId === viewer.userId).email).toBe(viewer.email);

    for (const who of [owner, editor]) {
      const emails = (await seenBy(who)).items.map((m: { email: string }) => m.email);
      expect(emails).toEqual(expect.arrayContaining([owner.email, editor.email, viewer.email, 'invited.partner@example.org']));
    }
  });
});
