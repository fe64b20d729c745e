/**
 * Sources as first-class work, in Chromium against the production build: a source created
 * from an actor's details on the map, then found in the workspace's Sources tab with the actor
 * citing it; the uncited work listed there and cited in one step. Screenshots go to
 * test-results/sources/ at phone (390×844) and desktop (1440×900) sizes.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addActor, createMap, createWorkspace, nodeOnPage, sceneSettled, signUp, uniqueEmail, waitSaved } from '../support/e2e-editor.js';
import { startBrowserSession, type TestServer } from '../support/server.js';

const shotsDir = path.join('test-results', 'sources');
const viewports = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };
const shot = async (page: Page, name: string) => {
  mkdirSync(shotsDir, { recursive: true });
  for (const [label, size] of Object.entries(viewports)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(shotsDir, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(viewports.desktop);
};

const URL_CITED = 'https://example.org/riverside/school-board-minutes-2024-03-01?page=2';

describe('sources are first-class work', { timeout: 240_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let session: Awaited<ReturnType<typeof startBrowserSession>> | undefined;

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ server, browser } = session);
    context = await browser.newContext({ viewport: viewports.desktop });
  });
  afterAll(async () => {
    await context?.close().catch(() => {});
    await session?.close();
  });

  it('creates a source from an actor, shows it in the Sources tab with what cites it, and works through the uncited list', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signUp(page, server.url, { name: 'Sol Researcher', email: uniqueEmail('sol'), password: 'correct horse battery' });
    await createWorkspace(page, 'Healthy schools');
    await page.waitForURL(/\/w\/[0-9a-f-]+$/);
    const wsUrl = page.url();
    await createMap(page, 'School board');
    await addActor(page, { name: 'Maria Delgado' });
    await addActor(page, { name: 'Harbor Point Bank', organisation: true });

    // Select Maria on the map once the new actors' placement has finished moving the scene.
    await sceneSettled(page);
    const at = await nodeOnPage(page, 'Maria Delgado');
    // The new actor stays selected; Esc clears that first.
    await page.keyboard.press('Escape');
    await page.mouse.click(at.x, at.y);
    const form = page.locator('form.inspector-form', { has: page.getByRole('heading', { name: 'Maria Delgado' }) });
    await form.waitFor();
    await expect.poll(() => form.getByText('No source cited yet.').count()).toBe(1);
    const picker = form.getByLabel('Sources', { exact: true });
    await picker.fill(URL_CITED);
    // The URL is shown in full before it becomes a source.
    const option = form.getByRole('option', { name: /Add as a new source/ });
    await expect.poll(() => option.textContent()).toContain(URL_CITED);
    await picker.press('Enter');
    await form.getByRole('link', { name: URL_CITED }).waitFor();
    await form.getByRole('button', { name: 'Save' }).click();
    await waitSaved(page);
    await page.getByText('Saved Maria Delgado.').waitFor();

    // The Sources tab: the source, with Maria citing it; the bank still uncited.
    await page.goto(`${wsUrl}/sources`);
    const sources = page.getByRole('region', { name: 'Sources' });
    const entry = sources.getByRole('listitem', { name: URL_CITED });
    await entry.waitFor();
    await expect.poll(() => entry.textContent()).toContain('Cited by 1 actor, 0 ties and 0 assessments.');
    await entry.getByRole('link', { name: 'Maria Delgado' }).waitFor();
    const uncited = page.getByRole('region', { name: 'Uncited work' });
    await uncited.getByText('Harbor Point Bank').waitFor();
    expect(await uncited.getByText('Maria Delgado').count()).toBe(0);
    await shot(page, '01-sources-tab');

    // Cite the bank from the uncited list: it leaves the list, and its source joins the index.
    await uncited.getByRole('button', { name: 'Add a source for Harbor Point Bank' }).click();
    await uncited.getByLabel('Source URL').fill('https://example.org/harbor-point/annual-report');
    await uncited.getByLabel('Source title').fill('Harbor Point annual report');
    await shot(page, '02-citing');
    await uncited.getByRole('button', { name: 'Cite', exact: true }).click();
    await uncited.getByText('Everything cites a source.').waitFor();
    const report = sources.getByRole('listitem', { name: 'Harbor Point annual report' });
    await report.getByRole('link', { name: 'Harbor Point Bank' }).waitFor();
    await shot(page, '03-all-cited');

    // Back on the map, the bank's details list the source it now cites.
    await page.goto(wsUrl);
    await page.getByRole('link', { name: 'School board' }).first().click();
    await page.getByRole('toolbar', { name: 'Map tools' }).waitFor();
    await sceneSettled(page);
    const bank = await nodeOnPage(page, 'Harbor Point Bank');
    await page.mouse.click(bank.x, bank.y);
    const bankForm = page.locator('form.inspector-form', { has: page.getByRole('heading', { name: 'Harbor Point Bank' }) });
    await bankForm.getByRole('link', { name: 'https://example.org/harbor-point/annual-report' }).waitFor();
    await shot(page, '04-inspector');
    expect(errors).toEqual([]);
  });
});
