/**
 * The production build under the server's real security headers, in Debian's Chromium: a
 * person signs up, signs out, signs in, opens the demo map in each view, and reads the API
 * docs, and the browser blocks nothing and reports no policy violation on the way.
 * Screenshots go to test-results/csp/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seed.js';
import { signUp, uniqueEmail } from '../support/e2e-editor.js';
import { startBrowserSession, type TestServer } from '../support/server.js';

const shotsDir = path.join('test-results', 'csp');
const password = 'correct horse battery';

interface Watch {
  violations: string[];
  failed: string[];
  console: string[];
}

/** Everything the browser says went wrong: CSP reports from the page, failed loads, console errors. */
async function watch(context: BrowserContext, page: Page): Promise<Watch> {
  const seen: Watch = { violations: [], failed: [], console: [] };
  await context.exposeFunction('__reportViolation', (line: string) => seen.violations.push(line));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation(line: string): void }).__reportViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    // Cancelled by the page itself when the person moves on (a live stream, a status poll in
    // flight during navigation): not a blocked load, which fails as ERR_BLOCKED_BY_CSP.
    if (error === 'net::ERR_ABORTED') return;
    seen.failed.push(`${request.method()} ${request.url()}: ${error}`);
  });
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() !== 'error' && !/Content.Security.Policy|Refused to/i.test(text)) return;
    // Asking who is signed in before anyone is: the 401 is the answer, not a fault.
    if (/status of 401/.test(text) && message.location().url.endsWith('/api/auth/me')) return;
    seen.console.push(`${message.type()}: ${text}`);
  });
  page.on('pageerror', (error) => seen.console.push(`pageerror: ${error.message}`));
  return seen;
}

async function shot(page: Page, name: string) {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
}

describe('the built client under its content security policy', () => {
  let server: TestServer;
  let browser: Browser;
  let demo: { ws: string; map: string };
  let session: Awaited<ReturnType<typeof startBrowserSession>> | undefined;

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ server, browser } = session);
    const seeded = await seedDemo(server.db);
    const maps = await server.db.read((tx) =>
      tx.query<{ id: string }>('MATCH (m:Map {workspaceId: $ws}) RETURN m.id AS id', { ws: seeded.workspaceId }),
    );
    demo = { ws: seeded.workspaceId, map: maps[0]!.id };
  }, 240_000);
  afterAll(async () => {
    await session?.close();
  });

  it('signs up, signs in and opens the demo map in every view with nothing blocked', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 820 } });
    const page = await context.newPage();
    const seen = await watch(context, page);
    const email = uniqueEmail('csp');

    await signUp(page, server.url, { name: 'Policy Tester', email, password });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Workspaces' }).waitFor();

    const me = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()) as { user: { id: string } });
    await server.db.write((tx) =>
      tx.query("MATCH (u:User {id: $user}), (w:Workspace {id: $ws}) CREATE (u)-[:MEMBER_OF {role: 'editor', since: datetime()}]->(w)", {
        user: me.user.id,
        ws: demo.ws,
      }),
    );
    await page.goto(`${server.url}/w/${demo.ws}/maps/${demo.map}`);
    await page.getByRole('toolbar', { name: 'Map tools' }).waitFor({ timeout: 120_000 });
    await page.waitForFunction(
      () => ((window as unknown as { __powermapCy?: { nodes(): { length: number } } }).__powermapCy?.nodes().length ?? 0) > 10,
      null,
      { timeout: 120_000 },
    );
    await shot(page, 'demo-network');
    for (const view of ['Power grid', 'Table', 'Network']) {
      await page.getByRole('group', { name: 'View' }).getByRole('button', { name: view }).click();
      await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => {});
    }
    await shot(page, 'demo-after-views');
    expect(seen).toEqual({ violations: [], failed: [], console: [] });
    await context.close();
  }, 300_000);

  it('shows the interactive API docs', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const seen = await watch(context, page);
    await page.goto(`${server.url}/api/docs`);
    await page.getByText('powermap API', { exact: false }).first().waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 30_000 }).toBeGreaterThan(40);
    // Opening an operation renders its schemas and the "Try it out" form.
    await page.locator('.opblock-summary').first().click();
    await page.getByRole('button', { name: 'Try it out' }).first().waitFor();
    await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => {});
    await shot(page, 'api-docs');
    expect(seen).toEqual({ violations: [], failed: [], console: [] });
    await context.close();
  }, 240_000);

  it('makes, lists and revokes API tokens and changes the password on the account page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    const seen = await watch(context, page);
    page.on('dialog', (dialog) => void dialog.accept());
    await signUp(page, server.url, { name: 'Token Keeper', email: uniqueEmail('tokens'), password });
    await page.getByLabel('Name').fill('Nurses campaign');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('heading', { name: 'Nurses campaign' }).waitFor();

    await page.getByRole('banner').getByRole('link', { name: 'Token Keeper' }).click();
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await page.getByText('You have no API tokens.').waitFor();
    await page.getByLabel('Token name').fill('nightly FEC import');
    await page.getByLabel('Workspace').selectOption({ label: 'Nurses campaign' });
    await page.getByLabel('Expires after').selectOption({ label: '30 days' });
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByLabel('Your new token').inputValue();
    expect(secret).toMatch(/^pm_/);
    const row = page.getByRole('table', { name: 'Your API tokens' }).getByRole('row', { name: /nightly FEC import/ });
    await expect.poll(() => row.textContent()).toMatch(/nightly FEC import\s*Read\s*Nurses campaign/);
    // The token works as a bearer, for reading only.
    const status = (method: string) =>
      page.evaluate(
        async ({ secret, method }) =>
          (
            await fetch('/api/workspaces', {
              method,
              headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
              ...(method === 'POST' ? { body: '{"name":"x"}' } : {}),
            })
          ).status,
        { secret, method },
      );
    expect(await status('GET')).toBe(200);
    expect(await status('POST')).toBe(403);
    await shot(page, 'account-tokens');

    await page.getByRole('button', { name: 'Revoke nightly FEC import' }).click();
    await page.getByText('You have no API tokens.').waitFor();
    expect(await status('GET')).toBe(401);

    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill('an even better passphrase');
    await page.getByLabel('New password again').fill('an even better passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Is not your current password').waitFor();
    await page.getByLabel('Current password').fill(password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed.').waitFor();
    await shot(page, 'account-password-changed');
    // Still signed in here, with the fresh session.
    await page.reload();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    // The wrong current password was refused with a 400, which the console reports as a failed load.
    expect(seen.violations).toEqual([]);
    expect(seen.failed).toEqual([]);
    expect(seen.console.filter((line) => !/status of 40[013]/.test(line))).toEqual([]);
    await context.close();
  }, 240_000);
});
