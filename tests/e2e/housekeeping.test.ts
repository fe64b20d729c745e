/**
 * Housekeeping a team expects, in Chromium against the production build: rename, duplicate
 * and delete a map from the Maps tab; rename the workspace, delete it only after typing its
 * name, and bring it back from "Recently deleted". Screenshots go to test-results/housekeeping/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMap, createWorkspace, signUp, uniqueEmail } from '../support/e2e-editor.js';
import { startBrowserSession, type TestServer } from '../support/server.js';

const shotsDir = path.join('test-results', 'housekeeping');
const viewports = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };
const shot = async (page: Page, name: string) => {
  mkdirSync(shotsDir, { recursive: true });
  for (const [label, size] of Object.entries(viewports)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(shotsDir, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(viewports.desktop);
};

describe('maps and workspaces are renamed, duplicated, deleted and restored from the UI', { timeout: 180_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let session: Awaited<ReturnType<typeof startBrowserSession>> | undefined;

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ server, browser } = session);
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await context?.close().catch(() => {});
    await session?.close();
  });

  it('renames, duplicates and deletes a map, then deletes the workspace after typing its name and restores it', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signUp(page, server.url, { name: 'Hana Housekeeper', email: uniqueEmail('hana'), password: 'correct horse battery' });
    await createWorkspace(page, 'Transit campaign');

    // A map, then back to the Maps tab.
    await page.waitForURL(/\/w\/[0-9a-f-]+$/);
    const wsUrl = page.url();
    await createMap(page, 'Who runs the transit board');
    await page.goto(wsUrl);
    const maps = page.getByRole('list', { name: 'Maps' });
    await maps.getByText('Who runs the transit board').waitFor();

    await page.getByRole('button', { name: 'Rename Who runs the transit board' }).click();
    await page.getByLabel('New name for Who runs the transit board').fill('Transit board');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await maps.getByRole('link', { name: 'Transit board', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Duplicate Transit board' }).click();
    await maps.getByRole('link', { name: 'Transit board (copy)' }).waitFor();
    await shot(page, '01-maps');

    await page.getByRole('button', { name: 'Delete Transit board (copy)' }).click();
    await page.getByRole('button', { name: 'Delete map' }).click();
    await expect.poll(() => maps.getByRole('link').allTextContents()).toEqual(['Transit board']);

    // The workspace: rename, then a delete that waits for the typed name.
    await page.getByRole('link', { name: 'Settings' }).click();
    const card = page.locator('section', { has: page.getByRole('heading', { name: 'Workspace', exact: true }) });
    await card.getByLabel('Name').fill('Transit riders campaign');
    await card.getByRole('button', { name: 'Save name and description' }).click();
    await page.getByRole('heading', { level: 1, name: 'Transit riders campaign' }).waitFor();
    const remove = card.getByRole('button', { name: 'Delete workspace' });
    expect(await remove.isDisabled()).toBe(true);
    await card.getByLabel('Type “Transit riders campaign” to confirm').fill('Transit riders');
    expect(await remove.isDisabled()).toBe(true);
    await card.getByLabel('Type “Transit riders campaign” to confirm').fill('Transit riders campaign');
    await shot(page, '02-settings');
    await remove.click();

    // Gone from the list, restorable from "Recently deleted".
    const deleted = page.getByRole('list', { name: 'Recently deleted workspaces' });
    await deleted.getByText('Transit riders campaign', { exact: true }).waitFor();
    expect(await page.getByRole('list', { name: 'Your workspaces' }).count()).toBe(0);
    await shot(page, '03-recently-deleted');
    await deleted.getByRole('button', { name: 'Restore Transit riders campaign' }).click();
    await page.getByRole('heading', { level: 1, name: 'Transit riders campaign' }).waitFor();
    await page.getByRole('list', { name: 'Maps' }).getByRole('link', { name: 'Transit board', exact: true }).waitFor();
    expect(errors).toEqual([]);
  });
});
