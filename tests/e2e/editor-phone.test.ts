/**
 * The editor on phones, tablets and laptops, in Chromium against the production build and a
 * real Neo4j: a 20-actor map at 390×844, 768×1024, 1366×768 and 1440×900, the map's share of
 * the screen measured from the DOM, the sheet, the grid and the table, and a long-press.
 * Screenshots go to test-results/editor/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiIn, nodeOnPage, shot, signUp, uniqueEmail } from '../support/e2e-editor.js';
import { startBrowserSession, type TestServer } from '../support/server.js';

const password = 'correct horse battery';

/** What share of the window the network's canvas covers, from its bounding box. */
function mapShare(page: Page) {
  return page.evaluate(() => {
    const cy = (window as unknown as { __powermapCy?: import('cytoscape').Core }).__powermapCy;
    if (!cy) return 0;
    const r = cy.container()!.getBoundingClientRect();
    const w = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
    const h = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
    return (w * h) / (innerWidth * innerHeight);
  });
}

/** Whether the page itself scrolls sideways (it must not: wide content scrolls in its own box). */
const pageOverflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > innerWidth + 1);

describe('the editor on small and large screens', () => {
  let server: TestServer;
  let browser: Browser;
  let session: Awaited<ReturnType<typeof startBrowserSession>> | undefined;
  let url = '';
  let storage: Awaited<ReturnType<import('playwright-core').BrowserContext['storageState']>>;

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ server, browser } = session);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signUp(page, server.url, { name: 'Tess Tablet', email: uniqueEmail('tess'), password });
    const ws = await apiIn<{ id: string }>(page, 'POST', '/api/workspaces', { name: 'Riverside schools' });
    const base = `/api/workspaces/${ws.id}`;
    const people = [
      'Maria Delgado',
      'Councillor Okafor',
      'Superintendent Hale',
      'Rosa Diaz',
      'Trustee Lin',
      'Mayor Rivera',
      'Pastor Green',
    ];
    const orgs = [
      'Harbor Point Developers',
      'First Coastal Bank',
      'Riverside Parents United',
      'Teachers Union Local 5',
      'Chamber of Commerce',
      'Riverside Gazette',
      'School Board',
      'City Council',
      'Youth Coalition',
      'Faith Leaders Network',
      'Builders Association',
      'Community Foundation',
      'Tenants Alliance',
    ];
    const ids: string[] = [];
    for (const [i, name] of people.entries())
      ids.push(
        (
          await apiIn<{ id: string }>(page, 'POST', `${base}/actors`, {
            kind: 'person',
            name,
            roles: i < 3 ? ['decision_maker'] : [],
            power: (i * 2) % 6,
            alignment: (i % 7) - 3,
          })
        ).id,
      );
    for (const [i, name] of orgs.entries())
      ids.push(
        (
          await apiIn<{ id: string }>(page, 'POST', `${base}/actors`, {
            kind: 'organization',
            name,
            organized: i % 3 === 0,
            power: (i + 1) % 6,
            alignment: ((i * 3) % 7) - 3,
          })
        ).id,
      );
    for (let i = 0; i < 24; i++) {
      const from = ids[(i * 7) % ids.length]!;
      const to = ids[(i * 3 + 5) % ids.length]!;
      if (from !== to) await apiIn(page, 'POST', `${base}/relationships`, { type: i % 2 ? 'INFLUENCE' : 'DONATION', from, to });
    }
    const map = await apiIn<{ id: string }>(page, 'POST', `${base}/maps`, { name: 'Who decides on school funding' });
    await apiIn(page, 'POST', `${base}/maps/${map.id}/members`, { actorIds: ids });
    url = `${server.url}/w/${ws.id}/maps/${map.id}`;
    storage = await context.storageState();
    await context.close();
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  const open = async (width: number, height: number) => {
    const touch = width < 900;
    const context = await browser.newContext({ viewport: { width, height }, storageState: storage, hasTouch: touch, isMobile: touch });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.getByRole('toolbar', { name: 'Map tools' }).waitFor();
    await nodeOnPage(page, 'Maria Delgado');
    await page.getByText('Saved', { exact: true }).waitFor();
    return { page, errors, context };
  };

  for (const [width, height] of [
    [390, 844],
    [768, 1024],
  ] as const) {
    it(`at ${width}×${height} the map keeps at least 60 % of the screen, with the details in a sheet`, async () => {
      const { page, errors, context } = await open(width, height);
      await shot(page, `screen-${width}x${height}-01-map`);
      const closed = await mapShare(page);
      expect(closed).toBeGreaterThanOrEqual(0.6);
      expect(await pageOverflows(page)).toBe(false);

      // Tapping an actor opens its details in the sheet; the map still has most of the screen.
      const at = await nodeOnPage(page, 'Maria Delgado');
      await page.touchscreen.tap(at.x, at.y);
      await page.getByRole('heading', { name: 'Maria Delgado' }).waitFor();
      await expect.poll(() => mapShare(page)).toBeGreaterThanOrEqual(0.6);
      console.log(
        `${width}×${height}: map ${Math.round(closed * 100)} % of the screen, ${Math.round((await mapShare(page)) * 100)} % with the details open`,
      );
      await shot(page, `screen-${width}x${height}-02-details`);

      // The folded tools open from "More".
      await page.getByRole('button', { name: '⋯ More' }).click();
      await page.getByRole('button', { name: 'Layout', exact: true }).waitFor();
      await shot(page, `screen-${width}x${height}-03-more`);
      await page.getByRole('button', { name: '⋯ More' }).click();

      // A long press on an actor opens its menu, as a right-click does.
      await page.getByRole('button', { name: 'Close the panel' }).click();
      const held = await nodeOnPage(page, 'Councillor Okafor');
      const cdp = await context.newCDPSession(page);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: held.x, y: held.y }] });
      await page.waitForTimeout(900);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await page.getByRole('menu').waitFor();
      await shot(page, `screen-${width}x${height}-04-long-press`);
      await page.keyboard.press('Escape');

      // The grid and the table scroll inside their own box, not the page.
      await page.getByRole('button', { name: 'Power grid', exact: true }).click();
      await page.locator('g.grid-actor').first().waitFor();
      expect(await pageOverflows(page)).toBe(false);
      await shot(page, `screen-${width}x${height}-05-grid`);
      await page.getByRole('button', { name: 'Table', exact: true }).click();
      await page.getByLabel('Power of Maria Delgado').waitFor();
      expect(await pageOverflows(page)).toBe(false);
      await shot(page, `screen-${width}x${height}-06-table`);
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);
  }

  for (const [width, height] of [
    [1366, 768],
    [1440, 900],
  ] as const) {
    it(`at ${width}×${height} the sidebar sits beside the map and every tool is in one toolbar`, async () => {
      const { page, errors, context } = await open(width, height);
      await page.getByRole('button', { name: 'Layout', exact: true }).waitFor();
      expect(await page.getByRole('button', { name: '⋯ More' }).isVisible()).toBe(false);
      expect(await mapShare(page)).toBeGreaterThanOrEqual(0.6);
      await shot(page, `screen-${width}x${height}-01-map`);
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);
  }
});
