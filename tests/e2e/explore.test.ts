/**
 * Explore tools, the keyboard table and touch, in Debian's Chromium against the production
 * build and a real Neo4j. Screenshots go to test-results/explore/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiIn, signUp, uniqueEmail, waitSaved } from '../support/e2e-editor.js';
import { buildScene, emptySpot, nodeState, viewport, type Scene } from '../support/e2e-explore.js';
import { startBrowserSession, type TestServer } from '../support/server.js';

const password = 'correct horse battery';
const shotsDir = path.join('test-results', 'explore');
const shot = async (page: Page, name: string) => {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
};

describe('exploring a map in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  let browserSession: Awaited<ReturnType<typeof startBrowserSession>> | undefined;
  beforeAll(async () => {
    browserSession = await startBrowserSession();
    ({ server, browser } = browserSession);
  });

  afterAll(async () => {
    await browserSession?.close();
  });

  const session = async (who: string, options: { touch?: boolean } = {}) => {
    const context: BrowserContext = await browser.newContext({
      viewport: { width: 1366, height: 820 },
      ...(options.touch ? { hasTouch: true } : {}),
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signUp(page, server.url, { name: who, email: uniqueEmail(who.split(' ')[0]!.toLowerCase()), password });
    return { page, context, errors };
  };

  const openMap = async (page: Page, scene: Scene) => {
    await page.goto(`${server.url}/w/${scene.ws}/maps/${scene.map}`);
    await page.getByRole('toolbar', { name: 'Map tools' }).waitFor();
    await page.waitForFunction(
      () => (window as unknown as { __powermapCy?: { nodes(): { length: number } } }).__powermapCy?.nodes().length,
    );
    await waitSaved(page);
  };

  it('lays out a map nobody arranged on its first open and keeps that picture, with nothing to undo', async () => {
    const { page, errors } = await session('Ada Analyst');
    const scene = await buildScene(page, 'First layout');
    await openMap(page, scene);
    await expect
      .poll(async () =>
        (await apiIn<{ members: { x: number | null }[] }>(page, 'GET', `/api/workspaces/${scene.ws}/maps/${scene.map}`)).members.every(
          (m) => m.x !== null,
        ),
      )
      .toBe(true);
    expect(await page.getByRole('button', { name: '↶ Undo' }).isDisabled()).toBe(true);
    await shot(page, 'first-layout');
    expect(errors).toEqual([]);
  }, 120_000);

  it('ranks the power brokers, and clicking one selects it and brings it to the middle of the map', async () => {
    const { page, errors } = await session('Bea Broker');
    const scene = await buildScene(page, 'Brokers');
    await openMap(page, scene);
    await page.getByRole('tab', { name: 'Explore' }).click();
    await page.getByRole('button', { name: 'Power brokers' }).click();
    const list = page.locator('.rank-list li');
    await list.first().waitFor();
    const names = await list.locator('button').allInnerTexts();
    // The committee that the two shared members and the chair all sit on holds the map together.
    expect(names[0]).toBe('Health Committee');
    expect(names).toContain('Senator Vance');
    await list.getByRole('button', { name: 'Senator Vance' }).click();
    await expect.poll(() => nodeState(page, scene.ids.vance)).toMatchObject({ selected: true });
    await expect.poll(async () => (await nodeState(page, scene.ids.vance)).offCentre).toBeLessThan(3);
    await shot(page, 'brokers');
    expect(errors).toEqual([]);
  }, 120_000);

  it('finds leverage routes from our base to a target and explains each step', async () => {
    const { page, errors } = await session('Cal Campaigner');
    const scene = await buildScene(page, 'Leverage');
    await openMap(page, scene);
    await page.getByRole('tab', { name: 'Explore' }).click();
    await page.getByLabel('Target').selectOption({ label: 'Senator Vance' });
    await page.getByRole('button', { name: 'Find routes' }).click();
    const best = page.locator('.route-list > li').first();
    await best.waitFor();
    expect(await best.locator('button').innerText()).toMatch(/^Nurses Union → .* Dr\. Lee .* Senator Vance \(the target\)$/);
    const steps = await best.locator('ul li').allInnerTexts();
    expect(steps[0]).toBe('Start: Nurses Union (one of ours).');
    expect(steps.some((s) => /Dr\. Lee stands in between: .*\+2/.test(s))).toBe(true);
    expect(steps.at(-1)).toMatch(/^Score: 100 × /);
    const lit = await page.evaluate(() =>
      (
        window as unknown as { __powermapCy: { nodes(s: string): { map(f: (n: { data(k: string): string }) => string): string[] } } }
      ).__powermapCy
        .nodes('.lit')
        .map((n) => n.data('label'))
        .sort(),
    );
    expect(lit).toEqual(['Dr. Lee', 'Nurses Union', 'Senator Vance']);
    await shot(page, 'leverage');
    expect(errors).toEqual([]);
  }, 120_000);

  it('shows the interlocks of two selected committees: the members they share', async () => {
    const { page, errors } = await session('Dee Digger');
    const scene = await buildScene(page, 'Interlocks');
    await openMap(page, scene);
    await page.evaluate(
      ([a, b]) => {
        const cy = (
          window as unknown as { __powermapCy: { elements(): { unselect(): void }; getElementById(id: string): { select(): void } } }
        ).__powermapCy;
        cy.elements().unselect();
        cy.getElementById(a!).select();
        cy.getElementById(b!).select();
      },
      [scene.ids.health, scene.ids.finance],
    );
    await page.getByRole('heading', { name: '2 actors selected' }).waitFor();
    await page.getByRole('tab', { name: 'Explore' }).click();
    await page.getByRole('button', { name: 'Interlocks of selection' }).click();
    const group = page.locator('.interlock').first();
    await group.waitFor();
    expect(await group.innerText()).toMatch(/Rep\. Kim, Rep\. Ortiz|Rep\. Ortiz, Rep\. Kim/);
    expect(await page.locator('.interlock').allInnerTexts()).not.toContainEqual(expect.stringContaining('Senator Vance'));
    await shot(page, 'interlocks');
    expect(errors).toEqual([]);
  }, 120_000);

  it('sorts the table and edits a name by keyboard alone', async () => {
    const { page, errors } = await session('Eli Keys');
    const scene = await buildScene(page, 'Keyboard');
    await openMap(page, scene);
    await page.keyboard.press('3');
    const filter = page.getByLabel('Filter actors');
    await filter.waitFor();
    await filter.focus();
    // Tab from the filter through the table's controls and column headers to "Power".
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    for (let i = 0; i < 12 && !(await focused()).includes('Power'); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Power');
    await page.keyboard.press('Enter');
    const powerHeader = page.locator('th', { hasText: 'Power' });
    expect(await powerHeader.getAttribute('aria-sort')).toBe('ascending');
    await page.keyboard.press('Enter');
    expect(await powerHeader.getAttribute('aria-sort')).toBe('descending');
    const firstRow = page.locator('tbody tr').first();
    expect(await firstRow.innerText()).toContain('Senator Vance');

    await page.getByRole('button', { name: /^Name of Daily Ledger/ }).focus();
    await page.keyboard.press('Enter');
    const input = page.getByRole('textbox', { name: 'Name of Daily Ledger' });
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('The Daily Ledger');
    await page.keyboard.press('Enter');
    await waitSaved(page);
    await expect
      .poll(async () => (await apiIn<{ name: string }>(page, 'GET', `/api/workspaces/${scene.ws}/actors/${scene.ids.paper}`)).name)
      .toBe('The Daily Ledger');
    // Power of a row by keyboard: the select answers the arrow keys.
    const power = page.getByLabel('Power of Rep. Kim');
    await power.focus();
    await page.keyboard.press('ArrowDown');
    await waitSaved(page);
    await expect
      .poll(async () => (await apiIn<{ power: number }>(page, 'GET', `/api/workspaces/${scene.ws}/actors/${scene.ids.kim}`)).power)
      .toBe(2);
    await shot(page, 'table-keyboard');
    expect(errors).toEqual([]);
  }, 120_000);

  it('on a touch screen, pinches to zoom and drags to pan the network, and drags an actor on the grid', async () => {
    const { page, context, errors } = await session('Fay Fingers', { touch: true });
    const scene = await buildScene(page, 'Touch');
    await openMap(page, scene);
    const cdp = await context.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[]) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ ...p, id })) });
    // Gestures start on empty canvas, as a person pinches the map rather than an actor.
    let at = await emptySpot(page);

    const before = await viewport(page);
    await touch('touchStart', [
      { x: at.x - 20, y: at.y },
      { x: at.x + 20, y: at.y },
    ]);
    for (let i = 1; i <= 10; i++)
      await touch('touchMove', [
        { x: at.x - 20 - 8 * i, y: at.y },
        { x: at.x + 20 + 8 * i, y: at.y },
      ]);
    await touch('touchEnd', []);
    const pinched = await viewport(page);
    expect(pinched.zoom).toBeGreaterThan(before.zoom * 1.2);
    at = await emptySpot(page);

    await touch('touchStart', [at]);
    for (let i = 1; i <= 10; i++) await touch('touchMove', [{ x: at.x + 12 * i, y: at.y - 6 * i }]);
    await touch('touchEnd', []);
    const panned = await viewport(page);
    expect(panned.pan.x - pinched.pan.x).toBeGreaterThan(60);
    await shot(page, 'touch-network');

    await page.keyboard.press('2');
    const marker = page.locator('g.grid-actor[data-actor="Rep. Ortiz"]');
    await marker.waitFor();
    const from = (await marker.boundingBox())!;
    const column = (await page.locator('text[data-alignment="2"]').boundingBox())!;
    const row = (await page.locator('text[data-power="4"]').boundingBox())!;
    const start = { x: from.x + from.width / 2, y: from.y + 10 };
    const end = { x: column.x + column.width / 2, y: row.y + row.height / 2 };
    await touch('touchStart', [start]);
    for (let i = 1; i <= 12; i++)
      await touch('touchMove', [{ x: start.x + ((end.x - start.x) * i) / 12, y: start.y + ((end.y - start.y) * i) / 12 }]);
    await touch('touchEnd', []);
    await waitSaved(page);
    await expect
      .poll(async () => {
        const a = await apiIn<{ power: number; alignment: number }>(page, 'GET', `/api/workspaces/${scene.ws}/actors/${scene.ids.ortiz}`);
        return [a.power, a.alignment];
      })
      .toEqual([4, 2]);
    await shot(page, 'touch-grid');
    expect(errors).toEqual([]);
  }, 120_000);
});
