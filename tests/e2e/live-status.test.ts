/**
 * Live updates as a reader sees them, in Debian's Chromium against the production build and
 * a real Neo4j: the editor's toolbar says it is live; a partner's page of a shared map shows
 * the owner's edit without a reload, and says plainly when the owner stops sharing the map.
 * Screenshots go to test-results/live/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiIn, signUp, uniqueEmail } from '../support/e2e-editor.js';
import { browserSuite } from '../support/server.js';

const password = 'correct horse battery';
const desktop = { width: 1440, height: 900 };
const phone = { width: 390, height: 844 };
const shotsDir = path.join('test-results', 'live');
/** A loaded machine takes its time: every wait is for a condition. */
const patient = { timeout: 60_000, interval: 200 };

async function shot(page: Page, name: string) {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
}

const liveStatus = (page: Page) => page.getByRole('status', { name: 'Live updates' });

/** Names of the actors the network draws. */
const drawnActors = (page: Page) =>
  page.evaluate(() => {
    type Nodes = { map<T>(f: (n: { data(k: string): string }) => T): T[] };
    const cy = (window as unknown as { __powermapCy?: { nodes(): Nodes } }).__powermapCy;
    return cy
      ? cy
          .nodes()
          .map((n) => n.data('label'))
          .sort()
      : [];
  });

/** Whether the page is still the one loaded at first (a reload forgets the mark). */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { __firstLoad?: boolean }).__firstLoad = true));
const samePage = (page: Page) => page.evaluate(() => (window as unknown as { __firstLoad?: boolean }).__firstLoad === true);

describe('live updates in Chromium', { timeout: 240_000 }, () => {
  const suite = browserSuite();

  for (const viewport of [desktop, { width: 1366, height: 768 }, phone]) {
    it(`the editor's toolbar says it is live at ${viewport.width}×${viewport.height}`, async () => {
      const { page, errors } = await suite.page(viewport);
      await signUp(page, suite.server.url, { name: 'Lena Live', email: uniqueEmail('lena'), password });
      const ws = await apiIn<{ id: string }>(page, 'POST', '/api/workspaces', { name: 'Transit riders' });
      const base = `/api/workspaces/${ws.id}`;
      const mayor = await apiIn<{ id: string }>(page, 'POST', `${base}/actors`, { kind: 'person', name: 'Mayor Ortiz' });
      const map = await apiIn<{ id: string }>(page, 'POST', `${base}/maps`, { name: 'Who runs the buses' });
      await apiIn(page, 'POST', `${base}/maps/${map.id}/members`, { actorIds: [mayor.id] });

      await page.goto(`${suite.server.url}/w/${ws.id}/maps/${map.id}`);
      const toolbar = page.getByRole('toolbar', { name: 'Map tools' });
      await toolbar.waitFor();
      const status = toolbar.getByRole('status', { name: 'Live updates' });
      await expect.poll(() => status.textContent(), patient).toBe('Live');
      expect(await status.isVisible()).toBe(true);
      await shot(page, `01-editor-live-${viewport.width}`);

      // The dot stays on the toolbar's first row, beside the saving state, and leaves room for "More".
      const boxes = await page.evaluate(() => {
        const box = (selector: string) => {
          const r = document.querySelector(selector)!.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        };
        return {
          dot: box('.toolbar .live-status'),
          saved: box('.toolbar .save-state'),
          toolbar: box('.toolbar'),
          search: box('.toolbar .searchbox'),
        };
      });
      expect(boxes.dot.right).toBeLessThanOrEqual(boxes.toolbar.right);
      expect(Math.abs(boxes.dot.top - boxes.saved.top)).toBeLessThan(boxes.saved.bottom - boxes.saved.top);
      expect(boxes.dot.left).toBeGreaterThanOrEqual(boxes.saved.right - 1);
      // On a wider screen every tool, search included, stays on the one row.
      if (viewport.width >= 900) expect(Math.abs(boxes.search.top - boxes.dot.top)).toBeLessThan(boxes.search.bottom - boxes.search.top);
      if (viewport === phone) {
        const more = await page.getByRole('button', { name: '⋯ More' }).boundingBox();
        expect(more).not.toBeNull();
        expect(more!.x).toBeGreaterThanOrEqual(boxes.dot.right - 1);
      }
      expect(errors).toEqual([]);
    });
  }

  it("a partner's shared map shows the owner's edit without reloading, then says when it is no longer shared", async () => {
    const owner = await suite.page(desktop);
    const partner = await suite.page(desktop);
    await signUp(owner.page, suite.server.url, { name: 'Olga Owner', email: uniqueEmail('olga'), password });
    await signUp(partner.page, suite.server.url, { name: 'Rosa Partner', email: uniqueEmail('rosa'), password });

    const ws = await apiIn<{ id: string }>(owner.page, 'POST', '/api/workspaces', { name: 'Nurses United' });
    const base = `/api/workspaces/${ws.id}`;
    const actor = async (name: string) => (await apiIn<{ id: string }>(owner.page, 'POST', `${base}/actors`, { kind: 'person', name })).id;
    const superintendent = await actor('Superintendent Diaz');
    const trustee = await actor('Trustee Park');
    await apiIn(owner.page, 'POST', `${base}/relationships`, { type: 'PROFESSIONAL', from: trustee, to: superintendent });
    const map = await apiIn<{ id: string }>(owner.page, 'POST', `${base}/maps`, { name: 'Who decides on school nurses' });
    await apiIn(owner.page, 'POST', `${base}/maps/${map.id}/members`, { actorIds: [superintendent, trustee] });

    const partnerWs = await apiIn<{ id: string }>(partner.page, 'POST', '/api/workspaces', { name: 'Local 1021' });
    const share = await apiIn<{ id: string }>(owner.page, 'POST', `${base}/maps/${map.id}/shares`, {
      partnerWorkspaceId: partnerWs.id,
      access: 'read',
    });
    await apiIn(partner.page, 'POST', `/api/workspaces/${partnerWs.id}/incoming-shares/${share.id}/accept`, {});

    await partner.page.goto(`${suite.server.url}/w/${partnerWs.id}/shared/${share.id}`);
    const toolbar = partner.page.getByRole('toolbar', { name: 'Shared map tools' });
    await toolbar.waitFor();
    await expect.poll(() => drawnActors(partner.page), patient).toEqual(['Superintendent Diaz', 'Trustee Park']);
    const status = liveStatus(partner.page);
    await expect.poll(() => status.textContent(), patient).toBe('Live');
    await markPage(partner.page);
    await shot(partner.page, '02-partner-live-1440');

    // The owner puts a new actor on the map through the API; the partner's page draws it by itself.
    const pastor = await actor('Pastor Lim');
    await apiIn(owner.page, 'POST', `${base}/maps/${map.id}/members`, { actorIds: [pastor] });
    await expect.poll(() => drawnActors(partner.page), patient).toEqual(['Pastor Lim', 'Superintendent Diaz', 'Trustee Park']);
    expect(await samePage(partner.page)).toBe(true);
    expect(await status.textContent()).toBe('Live');
    // It arrives with no saved place: it is drawn clear of the others, not on top of one.
    const gaps = await partner.page.evaluate(() => {
      const cy = (window as unknown as { __powermapCy: import('cytoscape').Core }).__powermapCy;
      const [p, ...rest] = ['Pastor Lim', 'Superintendent Diaz', 'Trustee Park'].map((name) =>
        cy
          .nodes()
          .filter((n) => n.data('label') === name)[0]!
          .position(),
      );
      return rest.map((q) => Math.hypot(p!.x - q!.x, p!.y - q!.y));
    });
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(100);
    await shot(partner.page, '03-partner-sees-edit-1440');
    await partner.page.setViewportSize(phone);
    await partner.page.getByRole('button', { name: 'Fit', exact: true }).click();
    await expect.poll(() => status.isVisible(), patient).toBe(true);
    await shot(partner.page, '03-partner-sees-edit-390');
    await partner.page.setViewportSize(desktop);

    // The owner stops sharing: the partner's page says so, in words, without a reload.
    await apiIn(owner.page, 'DELETE', `${base}/maps/${map.id}/shares/${share.id}`);
    const gone = partner.page.getByRole('heading', { name: 'This map is no longer shared with you' });
    await gone.waitFor();
    expect(await samePage(partner.page)).toBe(true);
    expect(await partner.page.getByText('Superintendent Diaz').count()).toBe(0);
    expect(await partner.page.getByRole('link', { name: 'Back to the workspace' }).isVisible()).toBe(true);
    await shot(partner.page, '04-partner-revoked-1440');
    await partner.page.setViewportSize(phone);
    await shot(partner.page, '04-partner-revoked-390');

    // Opened afresh, the revoked share says the same thing rather than an error.
    await partner.page.reload();
    await gone.waitFor();
    expect(owner.errors).toEqual([]);
    expect(partner.errors).toEqual([]);
  });
});
