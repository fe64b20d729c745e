/**
 * Sharing a map with a partner organisation in Debian's Chromium, against the production
 * build and a real Neo4j: the owner offers a map, the partner's owner accepts it, sees it
 * without the owner's internal fields, and adds a tie with edit access, which the owner
 * then sees in the partner's colour. Screenshots go to test-results/sharing/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerPalette } from '../../client/src/graph/partners.js';
import { apiIn, signUp, uniqueEmail, waitSaved } from '../support/e2e-editor.js';
import { startBrowserSession, type TestServer } from '../support/server.js';

const password = 'correct horse battery';
const MARKER = 'MARKER-CONTACT-OWNER-e2e-41b7';
const desktop = { width: 1440, height: 900 };
const phone = { width: 390, height: 844 };
const shotsDir = path.join('test-results', 'sharing');

async function shot(page: Page, name: string) {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
}

/** Fits the network to its canvas, as it is on a first load at that size. */
async function fit(page: Page) {
  const button = page.getByRole('button', { name: /^Fit/ });
  if ((await page.getByRole('dialog').count()) === 0 && (await button.count())) await button.first().click();
}

/** Both sizes of one screen; the page goes back to the desktop size afterwards. */
async function shots(page: Page, name: string) {
  await shot(page, `${name}-1440`);
  await page.setViewportSize(phone);
  await page.waitForTimeout(400);
  await fit(page);
  await page.waitForTimeout(400);
  await shot(page, `${name}-390`);
  await page.setViewportSize(desktop);
  await page.waitForTimeout(200);
  await fit(page);
}

/** The legend starts folded on a laptop-sized screen; opens it when it is. */
async function openLegend(page: Page) {
  const legend = page.getByLabel('Legend');
  const toggle = legend.getByRole('button', { name: /^Legend/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return legend;
}

/** Edges of the drawn network, with their colour, by the names of their ends. */
async function drawnEdges(page: Page) {
  return page.evaluate(() => {
    const cy = (
      window as unknown as {
        __powermapCy?: {
          edges(): {
            map<T>(
              f: (e: { data(k: string): string; source(): { data(k: string): string }; target(): { data(k: string): string } }) => T,
            ): T[];
          };
        };
      }
    ).__powermapCy;
    if (!cy) return [];
    return cy.edges().map((e) => ({ from: e.source().data('label'), to: e.target().data('label'), color: e.data('color') }));
  });
}

describe('sharing a map with a partner in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let session: Awaited<ReturnType<typeof startBrowserSession>> | undefined;

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ server, browser } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  const newPage = async () => {
    const context = await browser.newContext({ viewport: desktop });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors };
  };

  it('the owner shares, the partner accepts, reads it without internal fields and adds a tie the owner sees', async () => {
    const owner = await newPage();
    const partner = await newPage();
    await signUp(owner.page, server.url, { name: 'Olga Owner', email: uniqueEmail('olga'), password });
    await signUp(partner.page, server.url, { name: 'Rosa', email: uniqueEmail('rosa'), password });

    // The owner's map, with who knows the superintendent kept internal.
    const ws = await apiIn<{ id: string }>(owner.page, 'POST', '/api/workspaces', { name: 'Nurses United' });
    const base = `/api/workspaces/${ws.id}`;
    const actor = async (body: object) => (await apiIn<{ id: string }>(owner.page, 'POST', `${base}/actors`, body)).id;
    const superintendent = await actor({
      kind: 'person',
      name: 'Superintendent Diaz',
      roles: ['decision_maker'],
      power: 5,
      alignment: -1,
      contactOwner: MARKER,
    });
    const trustee = await actor({ kind: 'person', name: 'Trustee Park', power: 3, alignment: 1 });
    const union = await actor({
      kind: 'organization',
      name: 'Nurses United Local',
      roles: ['base'],
      organized: true,
      alignment: 3,
      power: 2,
    });
    const pastor = await actor({ kind: 'person', name: 'Pastor Lim', alignment: 2 });
    await apiIn(owner.page, 'POST', `${base}/relationships`, { type: 'PROFESSIONAL', from: trustee, to: superintendent, strength: 4 });
    await apiIn(owner.page, 'POST', `${base}/relationships`, { type: 'MEMBERSHIP', from: trustee, to: union });
    const map = await apiIn<{ id: string }>(owner.page, 'POST', `${base}/maps`, { name: 'Who decides on school nurses' });
    await apiIn(owner.page, 'POST', `${base}/maps/${map.id}/members`, { actorIds: [superintendent, trustee, union, pastor] });

    // The partner finds its workspace id where the brief says a partner's owner gives it out.
    const partnerWs = await apiIn<{ id: string }>(partner.page, 'POST', '/api/workspaces', { name: 'Local 1021' });
    await partner.page.goto(`${server.url}/w/${partnerWs.id}/coalition`);
    const shownId = await partner.page.getByLabel('This workspace’s id').first().textContent();
    expect(shownId).toBe(partnerWs.id);

    // The owner offers the map from the editor, while the editor's first read of the shares
    // is still on its way (held back here): the list must show the new share, not that read.
    let held = false;
    await owner.page.route(`**/maps/${map.id}/shares`, async (route) => {
      if (route.request().method() !== 'GET' || held) return route.continue();
      held = true;
      const response = await route.fetch();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await route.fulfill({ response });
    });
    await owner.page.goto(`${server.url}/w/${ws.id}/maps/${map.id}`);
    await owner.page.getByRole('toolbar', { name: 'Map tools' }).waitFor();
    await waitSaved(owner.page);
    await owner.page.getByRole('button', { name: 'Share with a partner…' }).click();
    const dialog = owner.page.getByRole('dialog', { name: 'Share with a partner' });
    await dialog.getByLabel('Partner workspace id').fill(shownId!);
    await dialog.getByLabel('Access').selectOption('edit');
    await dialog.getByRole('button', { name: 'Offer the map' }).click();
    await dialog.getByText('waiting for their owner').waitFor();
    expect(await dialog.getByRole('list', { name: 'Partners this map is shared with' }).textContent()).toContain('Local 1021');
    await shots(owner.page, '01-owner-share-dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The partner's owner sees the offer on the workspace home and accepts it.
    await partner.page.goto(`${server.url}/w/${partnerWs.id}`);
    await partner.page.getByRole('button', { name: 'Accept “Who decides on school nurses” from Nurses United' }).waitFor();
    await shots(partner.page, '02-partner-offer');
    await partner.page.getByRole('button', { name: 'Accept “Who decides on school nurses” from Nurses United' }).click();
    const sharedLink = partner.page
      .getByRole('list', { name: 'Maps shared with us' })
      .getByRole('link', { name: 'Who decides on school nurses' });
    await sharedLink.waitFor();

    // Everything the partner's browser receives about the map, to search for the internal field.
    const received: string[] = [];
    partner.page.on('response', async (res) => {
      if (res.url().includes('/shared-maps/')) received.push(await res.text().catch(() => ''));
    });
    await sharedLink.click();
    await partner.page.getByRole('toolbar', { name: 'Shared map tools' }).waitFor();
    await expect.poll(async () => (await drawnEdges(partner.page)).length, { timeout: 30_000 }).toBe(2);
    await partner.page.getByText('Shared by Nurses United · you can add actors and ties').waitFor();
    await shots(partner.page, '03-partner-shared-map');
    await partner.page.getByRole('button', { name: 'Table', exact: true }).click();
    await partner.page.getByText('Superintendent Diaz').first().waitFor();
    expect(await partner.page.content()).not.toContain(MARKER);
    expect(received.length).toBeGreaterThan(0);
    for (const body of received) {
      expect(body).not.toContain(MARKER);
      expect(body).not.toContain('contactOwner');
    }
    await partner.page.getByRole('button', { name: 'Network', exact: true }).click();

    // With edit access the partner adds a tie between two actors of the map.
    await partner.page.getByRole('button', { name: '+ Tie' }).click();
    const form = partner.page.getByRole('form', { name: 'Add a tie to the shared map' });
    await form.getByLabel('From').selectOption({ label: 'Pastor Lim' });
    await form.getByLabel('Kind of tie').selectOption('SOCIAL');
    await form.getByLabel('To').selectOption({ label: 'Superintendent Diaz' });
    await form.getByLabel('Strength (1 weak … 5 strong)').fill('5');
    await form.getByLabel('Source URL').fill('https://example.org/church-bulletin');
    await form.getByRole('button', { name: 'Add the tie' }).click();
    await form.getByText('The tie is on the map.').waitFor();
    await expect
      .poll(() => drawnEdges(partner.page), { timeout: 30_000 })
      .toContainEqual({ from: 'Pastor Lim', to: 'Superintendent Diaz', color: partnerPalette[0] });
    const partnerLegend = await openLegend(partner.page);
    await partnerLegend.getByText('Ties added by partners').waitFor();
    expect(await partnerLegend.textContent()).toContain('Local 1021');
    await shots(partner.page, '04-partner-added-tie');

    // The owner sees the partner's tie in the partner's colour, and who added it in the history.
    await owner.page.reload();
    await owner.page.getByRole('toolbar', { name: 'Map tools' }).waitFor();
    await expect
      .poll(() => drawnEdges(owner.page), { timeout: 30_000 })
      .toContainEqual({ from: 'Pastor Lim', to: 'Superintendent Diaz', color: partnerPalette[0] });
    const legend = await openLegend(owner.page);
    await legend.getByText('Ties added by partners').waitFor();
    await legend.getByText('Local 1021').waitFor();
    await shots(owner.page, '05-owner-sees-partner-tie');
    await owner.page.goto(`${server.url}/w/${ws.id}/history`);
    await owner.page.getByText('Rosa (Local 1021, via shared map)').first().waitFor();
    await shot(owner.page, '06-owner-history-1440');

    // Combined reach: which partner can reach the superintendent.
    await owner.page.getByRole('link', { name: 'Coalition' }).click();
    await owner.page.getByLabel('Who do we want to reach?').selectOption({ label: 'Superintendent Diaz' });
    await owner.page.getByRole('button', { name: 'Find who can reach them' }).click();
    const reach = owner.page.getByLabel('Who can reach the target');
    await reach.getByText('Through Local 1021').waitFor();
    expect(await reach.textContent()).toContain('Pastor Lim — Social, strength 5');
    await shots(owner.page, '07-owner-coalition-reach');

    // The partner's home now lists the map under "Shared with us".
    await partner.page.goto(`${server.url}/w/${partnerWs.id}/maps`);
    await partner.page
      .getByRole('list', { name: 'Maps shared with us' })
      .getByRole('link', { name: 'Who decides on school nurses' })
      .waitFor();
    await partner.page.getByText('None of this workspace’s maps is shared.').waitFor();
    await shots(partner.page, '08-partner-home');
    expect([...owner.errors, ...partner.errors]).toEqual([]);
  }, 240_000);
});
