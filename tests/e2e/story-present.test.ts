/**
 * Presenting a story from the editor in Debian's Chromium: the editing chrome steps aside,
 * each step zooms to what it shows (its actors and the ties among them, lit), a clicker's
 * Page Down moves on and Esc brings the editor back. Screenshots go to test-results/story/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiIn, highlighted, signUp, uniqueEmail } from '../support/e2e-editor.js';
import { browserSuite } from '../support/server.js';

const shotsDir = path.join('test-results', 'story');
const shot = async (page: Page, name: string) => {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
};

/** Which lit nodes lie inside the canvas as it is drawn now. */
const litInView = (page: Page) =>
  page.evaluate(() => {
    type Node = { data(k: string): string; renderedPosition(): { x: number; y: number } };
    const cy = (
      window as unknown as { __powermapCy?: { nodes(s: string): { map<T>(f: (n: Node) => T): T[] }; width(): number; height(): number } }
    ).__powermapCy!;
    return cy
      .nodes('.lit')
      .map((n) => {
        const p = n.renderedPosition();
        return { name: n.data('label'), inside: p.x > 0 && p.y > 0 && p.x < cy.width() && p.y < cy.height() };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  });

/** Whether the lit nodes' middle lies in the middle fifth of the canvas's width. */
const litCentredAcross = (page: Page) =>
  page.evaluate(() => {
    type Node = { renderedPosition(): { x: number } };
    const cy = (window as unknown as { __powermapCy?: { nodes(s: string): { map<T>(f: (n: Node) => T): T[] }; width(): number } })
      .__powermapCy!;
    const xs = cy.nodes('.lit').map((n) => n.renderedPosition().x);
    const middle = (Math.min(...xs) + Math.max(...xs)) / 2;
    return middle > cy.width() * 0.4 && middle < cy.width() * 0.6;
  });

describe('presenting a story from the editor', () => {
  const suite = browserSuite();

  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    it(`zooms to each step without the editing chrome at ${viewport.width}×${viewport.height}`, async () => {
      const { context, page, errors } = await suite.page(viewport);
      await signUp(page, suite.server.url, { name: 'Pia Presenter', email: uniqueEmail('pia'), password: 'correct horse battery' });
      const ws = await apiIn<{ id: string }>(page, 'POST', '/api/workspaces', { name: 'Transit campaign' });
      const base = `/api/workspaces/${ws.id}`;
      const actor = async (name: string, kind = 'person') =>
        (await apiIn<{ id: string }>(page, 'POST', `${base}/actors`, { kind, name })).id;
      const chair = await actor('Board Chair Lee');
      const donor = await actor('Harbor Developers', 'organization');
      const union = await actor('Drivers Local 9', 'organization');
      const mayor = await actor('Mayor Ortiz');
      // The tie between the chair and the donor is not named by the step: it is lit all the same.
      await apiIn(page, 'POST', `${base}/relationships`, { type: 'DONATION', from: donor, to: chair, amount: 5000, currency: 'USD' });
      await apiIn(page, 'POST', `${base}/relationships`, { type: 'INFLUENCE', from: union, to: mayor, how: 'Turnout in her ward' });
      // Far apart, so a step is out of view unless the presenter brings it there.
      const map = await apiIn<{ id: string }>(page, 'POST', `${base}/maps`, {
        name: 'Who funds the board',
        members: [
          { actorId: chair, x: -3000, y: -2000 },
          { actorId: donor, x: -2700, y: -2100 },
          { actorId: union, x: 3000, y: 2000 },
          { actorId: mayor, x: 3300, y: 2100 },
        ],
        annotations: [
          {
            id: crypto.randomUUID(),
            title: 'The money behind the chair',
            text: 'Harbor gave $5,000.',
            actorIds: [chair, donor],
            relationshipIds: [],
          },
          {
            id: crypto.randomUUID(),
            title: 'Our route to the mayor',
            text: 'Drivers know her.',
            actorIds: [union, mayor],
            relationshipIds: [],
          },
        ],
      });
      await page.goto(`${suite.server.url}/w/${ws.id}/maps/${map.id}`);
      await page.getByRole('toolbar', { name: 'Map tools' }).waitFor();
      await page.getByRole('tab', { name: 'Story', exact: true }).click();
      await page.getByRole('button', { name: '▶ Present' }).click();

      const presenter = page.getByRole('region', { name: 'Story' });
      await presenter.getByText('Step 1 of 2').waitFor();
      await page.getByRole('toolbar', { name: 'Map tools' }).waitFor({ state: 'hidden' });
      expect(await page.locator('.editor-body > .sidebar').isVisible()).toBe(false);
      await expect.poll(async () => (await highlighted(page)).lit).toEqual(['Board Chair Lee', 'Harbor Developers']);
      expect((await highlighted(page)).litEdges).toBe(1);
      await expect
        .poll(() => litInView(page))
        .toEqual([
          { name: 'Board Chair Lee', inside: true },
          { name: 'Harbor Developers', inside: true },
        ]);
      // Brought to the middle of the screen, not merely somewhere on it.
      await expect.poll(() => litCentredAcross(page)).toBe(true);
      await shot(page, `01-step-one-${viewport.width}`);

      await page.keyboard.press('PageDown');
      await presenter.getByText('Step 2 of 2').waitFor();
      await expect.poll(async () => (await highlighted(page)).lit).toEqual(['Drivers Local 9', 'Mayor Ortiz']);
      await expect
        .poll(() => litInView(page))
        .toEqual([
          { name: 'Drivers Local 9', inside: true },
          { name: 'Mayor Ortiz', inside: true },
        ]);
      await shot(page, `02-step-two-${viewport.width}`);

      await page.keyboard.press('PageUp');
      await presenter.getByText('Step 1 of 2').waitFor();
      await page.keyboard.press('Escape');
      await presenter.waitFor({ state: 'detached' });
      await page.getByRole('toolbar', { name: 'Map tools' }).waitFor();
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
