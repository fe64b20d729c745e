/**
 * Up the money tree in Chromium: ownership ties seeded through the API, then the company's
 * profile shows its owners with explained chains and the pension funds exposed to it, and
 * "Show on map" opens the map with that chain highlighted. Screenshots go to test-results/ownership/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiIn, highlighted, signUp, uniqueEmail } from '../support/e2e-editor.js';
import { startBrowserSession, type TestServer } from '../support/server.js';

const shotsDir = path.join('test-results', 'ownership');
const shot = async (page: Page, name: string) => {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
};

describe('owners on a company profile', () => {
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

  it('lists the ultimate owner with its chain, the pension fund with our trustee, and draws the chain on the map', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signUp(page, server.url, { name: 'Rae Researcher', email: uniqueEmail('rae'), password: 'correct horse battery' });
    const ws = (await apiIn<{ id: string }>(page, 'POST', '/api/workspaces', { name: 'Money tree' })).id;
    const base = `/api/workspaces/${ws}`;
    const org = async (name: string, extra: Record<string, unknown> = {}) =>
      (await apiIn<{ id: string }>(page, 'POST', `${base}/actors`, { kind: 'organization', name, ...extra })).id;
    const hospital = await org('Riverside Hospitals');
    const fund = await org('Buyout Fund IV');
    const firm = await org('Granite Partners');
    const pension = await org('Teachers Pension', { tags: ['pension fund'] });
    const trustee = (await apiIn<{ id: string }>(page, 'POST', `${base}/actors`, { kind: 'person', name: 'Tess Trustee', roles: ['base'] }))
      .id;
    const tie = (body: Record<string, unknown>) => apiIn(page, 'POST', `${base}/relationships`, body);
    await tie({ type: 'OWNERSHIP', from: fund, to: hospital, percent: 80, asOf: '2024-03-31' });
    await tie({ type: 'OWNERSHIP', from: firm, to: fund, percent: 2, generalPartner: true });
    await tie({
      type: 'OWNERSHIP',
      from: pension,
      to: fund,
      basis: 'lp_commitment',
      commitment: 50_000_000,
      currency: 'USD',
      percentMin: 10,
      percentMax: 25,
    });
    await tie({ type: 'POSITION', from: trustee, to: pension, board: true });
    const map = (await apiIn<{ id: string }>(page, 'POST', `${base}/maps`, { name: 'Hospital owners' })).id;
    await apiIn(page, 'POST', `${base}/maps/${map}/members`, { actorIds: [hospital, fund, firm, pension, trustee] });

    await page.goto(`${server.url}/w/${ws}/actors/${hospital}`);
    const owners = page.getByTestId('actor-owners');
    await owners.getByRole('link', { name: 'Granite Partners' }).waitFor();
    const firmRow = owners.getByTestId('owner').filter({ hasText: 'Granite Partners' });
    await expect.poll(() => firmRow.innerText()).toContain('controls');
    expect(await firmRow.innerText()).toContain(
      'Granite Partners owns 2 % of Buyout Fund IV; Buyout Fund IV owns 80 % of Riverside Hospitals (as of 2024-03-31)',
    );
    const pensionList = page.getByTestId('pension-funds');
    await pensionList.waitFor();
    const pensionText = await pensionList.innerText();
    expect(pensionText).toContain('Teachers Pension');
    expect(pensionText).toContain('our trustee');
    expect(pensionText).toContain('Tess Trustee (ours)');
    expect(pensionText).toContain('40,000,000 USD of its 50,000,000 commitment');
    await shot(page, 'profile-owners');

    await firmRow.getByRole('link', { name: 'Show on map' }).click();
    await page.getByRole('toolbar', { name: 'Map tools' }).waitFor();
    await page.waitForFunction(
      () => (window as unknown as { __powermapCy?: { nodes(s: string): { length: number } } }).__powermapCy?.nodes('.lit').length,
    );
    const lit = await highlighted(page);
    expect(lit.lit).toEqual(['Buyout Fund IV', 'Granite Partners', 'Riverside Hospitals']);
    expect(lit.litEdges).toBe(2);
    await shot(page, 'chain-on-map');

    // The campaign brief of a demand on the hospital goes up the same money tree.
    const demand = await apiIn<{ id: string }>(page, 'POST', `${base}/demands`, {
      title: 'Safe staffing at Riverside',
      primaryTargetIds: [trustee],
      secondaryTargetIds: [hospital],
    });
    await page.goto(`${server.url}/w/${ws}/demands/${demand.id}/brief`);
    const money = page.getByRole('region', { name: 'Up the money tree' });
    await money.waitFor();
    const granite = money.getByRole('row').filter({ hasText: 'Granite Partners' });
    expect(await granite.innerText()).toContain('Controls');
    expect(await money.getByRole('row').filter({ hasText: 'Buyout Fund IV' }).innerText()).toContain('80 %');
    const moneyText = await money.innerText();
    expect(moneyText).toContain('Teachers Pension');
    expect(moneyText).toContain('Tess Trustee (ours)');
    await shot(page, 'brief-money-tree');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: path.join(shotsDir, 'brief.pdf'), format: 'A4' });
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
