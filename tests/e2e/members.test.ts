/**
 * The members screen in Chromium against the production build: an owner invites someone,
 * copies the link, the newcomer signs up from it with the email filled in, and the owner
 * changes their role and removes them. Screenshots go to test-results/members/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, signUp, uniqueEmail } from '../support/e2e-editor.js';
import { startBrowserSession, type TestServer } from '../support/server.js';

const password = 'correct horse battery';
const shotsDir = path.join('test-results', 'members');
const viewports = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };

async function shots(page: Page, name: string) {
  mkdirSync(shotsDir, { recursive: true });
  for (const [label, size] of Object.entries(viewports)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(shotsDir, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(viewports.desktop);
}

describe('the members screen in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let session: Awaited<ReturnType<typeof startBrowserSession>> | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ server, browser } = session);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await session?.close();
  });

  const person = async () => {
    const context = await browser.newContext({ viewport: viewports.desktop });
    contexts.push(context);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors };
  };

  it('invites someone by link, who signs up with the invited email; the owner changes their role and removes them', async () => {
    const owner = await person();
    await signUp(owner.page, server.url, { name: 'Olive Owner', email: uniqueEmail('olive'), password });
    await createWorkspace(owner.page, 'Hospital campaign');
    await owner.page.getByRole('link', { name: 'Members' }).click();
    const invitePanel = owner.page.locator('form', { has: owner.page.getByRole('heading', { name: 'Invite someone' }) });
    const newcomerEmail = uniqueEmail('nadia');
    await invitePanel.getByLabel('Email').fill(newcomerEmail);
    await invitePanel.getByLabel('Role').selectOption('editor');
    await invitePanel.getByRole('button', { name: 'Invite' }).click();

    // The pending invite is listed with its link; the owner copies it.
    const pending = owner.page.getByRole('list', { name: 'Pending invites' }).getByRole('listitem').filter({ hasText: newcomerEmail });
    await pending.waitFor();
    await pending.getByRole('button', { name: 'Copy link' }).click();
    await pending.getByRole('button', { name: 'Copied' }).waitFor();
    const link = await owner.page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`^${server.url}/signup\\?invite=[A-Za-z0-9_-]+$`));
    expect(await pending.getByLabel('Invite link').inputValue()).toBe(link);
    await shots(owner.page, '01-owner-invited');

    // The newcomer opens the link: the email is the invited one, and cannot be changed.
    const newcomer = await person();
    await newcomer.page.goto(link);
    await newcomer.page.getByText('Olive Owner invited you to join').waitFor();
    const email = newcomer.page.getByLabel('Email');
    await expect.poll(() => email.inputValue()).toBe(newcomerEmail);
    expect(await email.getAttribute('readonly')).not.toBeNull();
    await newcomer.page.getByLabel('Your name').fill('Nadia Newcomer');
    await newcomer.page.getByLabel('Password').fill(password);
    await shots(newcomer.page, '02-signup-from-invite');
    await newcomer.page.getByRole('button', { name: 'Create account and join' }).click();
    await newcomer.page.getByRole('heading', { name: 'Workspaces' }).waitFor();
    await newcomer.page.getByRole('link', { name: /Hospital campaign/ }).waitFor();

    // The owner sees them as an editor, makes them a viewer, then removes them.
    await owner.page.reload();
    const row = owner.page.getByRole('list', { name: 'Members' }).getByRole('listitem').filter({ hasText: 'Nadia Newcomer' });
    await row.waitFor();
    const role = row.getByLabel('Role of Nadia Newcomer');
    expect(await role.inputValue()).toBe('editor');
    await role.selectOption('viewer');
    await owner.page.getByText('Nadia Newcomer is now a viewer.').waitFor();
    expect(await owner.page.getByRole('list', { name: 'Pending invites' }).getByRole('listitem').count()).toBe(0);
    await shots(owner.page, '03-owner-members');

    await row.getByRole('button', { name: 'Remove' }).click();
    const confirm = owner.page.getByRole('dialog', { name: 'Remove Nadia Newcomer?' });
    await confirm.waitFor();
    await shots(owner.page, '04-confirm-remove');
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await owner.page.getByText('Nadia Newcomer was removed from the workspace.').waitFor();
    await expect.poll(() => row.count()).toBe(0);

    // The last owner cannot leave, and is told why.
    const leave = owner.page.getByRole('button', { name: 'Leave workspace' });
    expect(await leave.isDisabled()).toBe(true);
    await owner.page.getByText('You are the only owner: make someone else an owner before you leave.').waitFor();

    // The removed newcomer no longer gets in.
    await newcomer.page.reload();
    await newcomer.page.getByRole('heading', { name: 'Workspaces' }).waitFor();
    await expect.poll(() => newcomer.page.getByRole('link', { name: /Hospital campaign/ }).count()).toBe(0);

    expect(owner.errors).toEqual([]);
    expect(newcomer.errors).toEqual([]);
  }, 180_000);

  it('lets an account that already exists join from the link while signed in, and shows a viewer names, not emails', async () => {
    const owner = await person();
    const ownerEmail = uniqueEmail('otto');
    await signUp(owner.page, server.url, { name: 'Otto Owner', email: ownerEmail, password });
    const ws = (await (await owner.page.request.post(`${server.url}/api/workspaces`, { data: { name: 'Coalition table' } })).json())
      .id as string;

    const guest = await person();
    const guestEmail = uniqueEmail('vic');
    await signUp(guest.page, server.url, { name: 'Vic Viewer', email: guestEmail, password });
    const invited = await (
      await owner.page.request.post(`${server.url}/api/workspaces/${ws}/members`, {
        data: { email: uniqueEmail('pending'), role: 'editor' },
      })
    ).json();
    expect(invited.status).toBe('invited');
    // Vic had an account already, so the owner adds them at once; a link is for someone new.
    const added = await (
      await owner.page.request.post(`${server.url}/api/workspaces/${ws}/members`, { data: { email: guestEmail, role: 'viewer' } })
    ).json();
    expect(added.status).toBe('active');

    // A second invite, for an email whose account is made after the invite, is accepted while signed in.
    const lateEmail = uniqueEmail('lena');
    const late = await (
      await owner.page.request.post(`${server.url}/api/workspaces/${ws}/members`, { data: { email: lateEmail, role: 'editor' } })
    ).json();
    const lena = await person();
    await signUp(lena.page, server.url, { name: 'Lena Late', email: lateEmail, password });
    await lena.page.goto(late.inviteUrl);
    const join = lena.page.getByRole('button', { name: 'Join Coalition table' });
    await join.waitFor();
    await shots(lena.page, '05-accept-signed-in');
    await join.click();
    await lena.page.getByRole('heading', { name: 'Coalition table' }).waitFor();

    // Once used, the link tells anyone who opens it that it no longer works.
    await guest.page.goto(late.inviteUrl);
    await guest.page.getByRole('alert').filter({ hasText: 'not valid' }).waitFor();

    await guest.page.goto(`${server.url}/w/${ws}/members`);
    const list = guest.page.getByRole('list', { name: 'Members' });
    await list.getByText('Otto Owner').waitFor();
    await list.getByText('Lena Late').waitFor();
    expect(await guest.page.getByText(ownerEmail).count()).toBe(0);
    expect(await guest.page.getByText(lateEmail).count()).toBe(0);
    expect(await guest.page.getByText(guestEmail).count()).toBe(1);
    expect(await guest.page.getByRole('button', { name: 'Remove' }).count()).toBe(0);
    expect(await guest.page.getByRole('button', { name: 'Copy link' }).count()).toBe(0);
    await guest.page.getByRole('list', { name: 'Pending invites' }).getByText('Someone invited').waitFor();
    await shots(guest.page, '06-viewer-members');

    await guest.page.getByRole('button', { name: 'Leave workspace' }).click();
    await guest.page.getByRole('dialog', { name: 'Leave this workspace?' }).getByRole('button', { name: 'Leave workspace' }).click();
    await guest.page.getByRole('heading', { name: 'Workspaces' }).waitFor();
    await expect.poll(() => guest.page.getByRole('link', { name: /Coalition table/ }).count()).toBe(0);

    for (const p of [owner, guest, lena]) expect(p.errors).toEqual([]);
  }, 180_000);
});
