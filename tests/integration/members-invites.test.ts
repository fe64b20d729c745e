/**
 * Invite links are secrets: only owners see them, a link works once, for the invited email
 * only, until it expires, and an owner can withdraw or replace it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

const password = 'a long enough passphrase';
let n = 0;
const freshEmail = (who: string) => `${who}.${Date.now().toString(36)}.${n++}@example.org`;
const tokenOf = (url: string) => new URL(url).searchParams.get('invite')!;

describe('invites', () => {
  let ctx: TestContext;
  let owner: Caller;
  let editor: Caller;
  let viewer: Caller;
  let ws: string;

  const signUpWith = async (email: string, invite?: string, name = 'Invitee') => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email, password, name, ...(invite ? { invite } : {}) },
    });
    const cookie = res.cookies.find((c) => c.name === 'pm_session');
    const body = res.json();
    return {
      status: res.statusCode,
      body,
      caller: cookie ? ({ email, name, cookie: `pm_session=${cookie.value}`, userId: body.user.id } as Caller) : null,
    };
  };
  const invite = async (email: string, role: 'owner' | 'editor' | 'viewer', by = owner, extra: Record<string, unknown> = {}) => {
    const res = await call(ctx.app, by, 'POST', `/api/workspaces/${ws}/members`, { email, role, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { inviteUrl: string; invite: { expiresAt: string; expired: boolean } };
  };
  const workspacesOf = async (who: Caller) =>
    (await call(ctx.app, who, 'GET', '/api/workspaces')).body.items as { id: string; role: string }[];
  const membersAs = async (who: Caller) =>
    (await call(ctx.app, who, 'GET', `/api/workspaces/${ws}/members`)).body.items as Record<string, unknown>[];

  beforeAll(async () => {
    ctx = await testApp();
    owner = await signUp(ctx.app, 'Owner');
    editor = await signUp(ctx.app, 'Editor');
    viewer = await signUp(ctx.app, 'Viewer');
    ws = await newWorkspace(ctx.app, owner, 'Hospital campaign');
    await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/members`, { email: editor.email, role: 'editor' });
    await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/members`, { email: viewer.email, role: 'viewer' });
  });
  afterAll(() => ctx.close());

  it('shows a pending invite’s link to owners only: editors and viewers see that it is pending', async () => {
    const email = freshEmail('pending');
    const { inviteUrl } = await invite(email, 'owner');
    const token = tokenOf(inviteUrl);
    expect(inviteUrl).toMatch(/\/signup\?invite=[A-Za-z0-9_-]+$/);
    expect((await membersAs(owner)).find((m) => m.email === email)).toMatchObject({ status: 'invited', role: 'owner', inviteUrl });
    for (const who of [editor, viewer]) {
      const res = await call(ctx.app, who, 'GET', `/api/workspaces/${ws}/members`);
      expect(JSON.stringify(res.body)).not.toContain(token);
      const pending = (res.body.items as Record<string, unknown>[]).filter((m) => m.status === 'invited');
      expect(pending.length).toBeGreaterThan(0);
      for (const m of pending) expect(m.inviteUrl).toBeNull();
    }
  });

  it('does not let a viewer who got hold of an owner invite’s link sign up with it and become an owner', async () => {
    const { inviteUrl } = await invite(freshEmail('boss'), 'owner');
    const attacker = await signUpWith(freshEmail('attacker'), tokenOf(inviteUrl));
    expect(attacker.status).toBe(403);
    expect(attacker.body.detail).toMatch(/is for .+@example\.org/);
    // All or nothing: the refused sign-up made no account.
    expect(attacker.caller).toBeNull();
  });

  it('claims nothing when someone signs up with the invited email but without the link', async () => {
    const email = freshEmail('squatter');
    await invite(email, 'editor');
    const res = await signUpWith(email);
    expect(res.status).toBe(201);
    expect(await workspacesOf(res.caller!)).toEqual([]);
    expect((await membersAs(owner)).find((m) => m.email === email)).toMatchObject({ status: 'invited' });
  });

  it('joins with the link and the invited email, in the role the owner chose, and the link works once', async () => {
    const email = freshEmail('newcomer');
    const { inviteUrl } = await invite(email, 'editor');
    const token = tokenOf(inviteUrl);

    const details = await call(ctx.app, null, 'GET', `/api/invites/${token}`);
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({ email, workspaceName: 'Hospital campaign', role: 'editor', invitedBy: 'Owner' });
    expect(details.headers['cache-control']).toBe('no-store');

    const joined = await signUpWith(email.toUpperCase(), token);
    expect(joined.status).toBe(201);
    expect(await workspacesOf(joined.caller!)).toEqual([expect.objectContaining({ id: ws, role: 'editor' })]);
    expect((await membersAs(owner)).find((m) => m.email === email)).toMatchObject({ status: 'active', role: 'editor', inviteUrl: null });

    expect((await call(ctx.app, null, 'GET', `/api/invites/${token}`)).status).toBe(404);
    const again = await call(ctx.app, joined.caller, 'POST', `/api/invites/${token}/accept`);
    expect(again.status).toBe(410);
    expect(again.body.detail).toMatch(/already been used/);
  });

  it('answers one and the same 404 for a link that is unknown, expired, used or withdrawn', async () => {
    const expired = tokenOf((await invite(freshEmail('late'), 'viewer')).inviteUrl);
    await ctx.db.write((tx) =>
      tx.query('MATCH (i:Invite {token: $token}) SET i.expiresAt = datetime() - duration({minutes: 1})', { token: expired }),
    );
    const withdrawnEmail = freshEmail('withdrawn');
    const withdrawn = tokenOf((await invite(withdrawnEmail, 'viewer')).inviteUrl);
    expect((await call(ctx.app, owner, 'DELETE', `/api/workspaces/${ws}/members/${withdrawnEmail}`)).status).toBe(204);
    const usedEmail = freshEmail('used');
    const used = tokenOf((await invite(usedEmail, 'viewer')).inviteUrl);
    expect((await signUpWith(usedEmail, used)).status).toBe(201);

    const answers = await Promise.all(
      ['NoSuchInviteToken0123456789abcdef', expired, withdrawn, used].map((t) => call(ctx.app, null, 'GET', `/api/invites/${t}`)),
    );
    for (const a of answers) expect(a.status).toBe(404);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers[0]!.body.detail).toMatch(/ask the person who invited you for a new link/i);
    expect((await call(ctx.app, null, 'GET', `/api/invites/${encodeURIComponent('../../etc')}`)).status).toBe(400);
  });

  it('expires after 7 days by default, and says so to whoever tries an expired link', async () => {
    const email = freshEmail('slow');
    const { inviteUrl, invite: pending } = await invite(email, 'editor');
    const days = (Date.parse(pending.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const short = await invite(freshEmail('short'), 'viewer', owner, { expiresInDays: 1 });
    expect((Date.parse(short.invite.expiresAt) - Date.now()) / 86_400_000).toBeLessThanOrEqual(1);
    expect(
      (
        await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/members`, {
          email: freshEmail('long'),
          role: 'viewer',
          expiresInDays: 365,
        })
      ).status,
    ).toBe(400);

    await ctx.db.write((tx) =>
      tx.query('MATCH (i:Invite {token: $token}) SET i.expiresAt = datetime() - duration({hours: 1})', { token: tokenOf(inviteUrl) }),
    );
    expect((await membersAs(owner)).find((m) => m.email === email)!.invite).toMatchObject({ expired: true });
    const late = await signUpWith(email, tokenOf(inviteUrl));
    expect(late.status).toBe(410);
    expect(late.body.detail).toMatch(/expired on \d{4}-\d{2}-\d{2}\. Ask the person who invited you for a new link/);
    expect(late.caller).toBeNull();
  });

  it('lets an owner resend an invite: a new link and a new expiry, and the old link stops working', async () => {
    const email = freshEmail('resent');
    const first = await invite(email, 'viewer');
    await ctx.db.write((tx) =>
      tx.query('MATCH (i:Invite {token: $token}) SET i.expiresAt = datetime() - duration({hours: 1})', { token: tokenOf(first.inviteUrl) }),
    );
    expect((await call(ctx.app, editor, 'POST', `/api/workspaces/${ws}/members/${email}/resend`, {})).status).toBe(403);
    const resent = await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/members/${email}/resend`, {});
    expect(resent.status).toBe(200);
    expect(resent.body.inviteUrl).not.toBe(first.inviteUrl);
    expect(resent.body.invite).toMatchObject({ expired: false });
    expect(Date.parse(resent.body.invite.expiresAt)).toBeGreaterThan(Date.now() + 6 * 86_400_000);

    const old = await signUpWith(email, tokenOf(first.inviteUrl));
    expect(old.status).toBe(404);
    expect(old.body.detail).toMatch(/not valid/);
    const joined = await signUpWith(email, tokenOf(resent.body.inviteUrl));
    expect(joined.status).toBe(201);
    expect(await workspacesOf(joined.caller!)).toEqual([expect.objectContaining({ id: ws, role: 'viewer' })]);
    expect((await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/members/${email}/resend`, {})).status).toBe(404);
  });

  it('lets an owner withdraw an invite, after which its link says so', async () => {
    const email = freshEmail('revoked');
    const { inviteUrl } = await invite(email, 'editor');
    expect((await call(ctx.app, viewer, 'DELETE', `/api/workspaces/${ws}/members/${email}`)).status).toBe(403);
    expect((await call(ctx.app, owner, 'DELETE', `/api/workspaces/${ws}/members/${email}`)).status).toBe(204);
    expect((await membersAs(owner)).some((m) => m.email === email)).toBe(false);
    const res = await signUpWith(email, tokenOf(inviteUrl));
    expect(res.status).toBe(410);
    expect(res.body.detail).toMatch(/withdrawn/);
    // Invited again later, the same email gets a fresh link that works.
    const again = await invite(email, 'viewer');
    expect(again.inviteUrl).not.toBe(inviteUrl);
    expect((await signUpWith(email, tokenOf(again.inviteUrl))).status).toBe(201);
  });

  it('lets a signed-in account with the invited email accept, and refuses any other account', async () => {
    const email = freshEmail('existing');
    const { inviteUrl } = await invite(email, 'editor');
    const token = tokenOf(inviteUrl);
    const account = (await signUpWith(email)).caller!;
    const other = await signUp(ctx.app, 'Other');

    const wrong = await call(ctx.app, other, 'POST', `/api/invites/${token}/accept`);
    expect(wrong.status).toBe(403);
    expect(wrong.body.detail).toContain(email);
    expect((await call(ctx.app, null, 'POST', `/api/invites/${token}/accept`)).status).toBe(401);

    const accepted = await call(ctx.app, account, 'POST', `/api/invites/${token}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id: ws, role: 'editor', name: 'Hospital campaign' });
    expect((await call(ctx.app, account, 'GET', `/api/workspaces/${ws}/actors`)).status).toBe(200);
  });

  it('never grants more than the inviter holds when the link is used, nor anything once the inviter has left', async () => {
    const second = await signUp(ctx.app, 'Second owner');
    await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/members`, { email: second.email, role: 'owner' });
    const capped = freshEmail('capped');
    const orphan = freshEmail('orphan');
    const cappedLink = (await invite(capped, 'owner', second)).inviteUrl;
    const orphanLink = (await invite(orphan, 'editor', second)).inviteUrl;
    expect((await call(ctx.app, owner, 'PATCH', `/api/workspaces/${ws}/members/${second.email}`, { role: 'editor' })).status).toBe(200);

    expect((await call(ctx.app, null, 'GET', `/api/invites/${tokenOf(cappedLink)}`)).body.role).toBe('editor');
    const joined = await signUpWith(capped, tokenOf(cappedLink));
    expect(joined.status).toBe(201);
    expect(await workspacesOf(joined.caller!)).toEqual([expect.objectContaining({ id: ws, role: 'editor' })]);

    expect((await call(ctx.app, owner, 'DELETE', `/api/workspaces/${ws}/members/${second.email}`)).status).toBe(204);
    const refused = await signUpWith(orphan, tokenOf(orphanLink));
    expect(refused.status).toBe(410);
    expect(refused.body.detail).toMatch(/no longer a member/);
  });

  it('refuses a second invite to the same email while one is pending, and lets the owner change its role', async () => {
    const email = freshEmail('twice');
    const { inviteUrl } = await invite(email, 'viewer');
    const dup = await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/members`, { email, role: 'editor' });
    expect(dup.status).toBe(409);
    expect(dup.body.detail).toMatch(/pending invite/);
    const changed = await call(ctx.app, owner, 'PATCH', `/api/workspaces/${ws}/members/${email}`, { role: 'editor' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ status: 'invited', role: 'editor', inviteUrl });
  });
});
