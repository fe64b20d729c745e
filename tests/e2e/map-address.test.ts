/**
 * The map's address holds where the reader is, in Debian's Chromium: the view and the camera
 * survive a reload, so a link passed on opens the same place.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiIn, nodeOnPage, sceneSettled, signUp, uniqueEmail } from '../support/e2e-editor.js';
import { browserSuite } from '../support/server.js';

/** The model point at the middle of the canvas, and the zoom. */
const camera = (page: Page) =>
  page.evaluate(() => {
    const cy = (window as unknown as { __powermapCy?: import('cytoscape').Core }).__powermapCy!;
    const zoom = cy.zoom();
    const pan = cy.pan();
    return { x: (cy.width() / 2 - pan.x) / zoom, y: (cy.height() / 2 - pan.y) / zoom, zoom };
  });

describe('the address of a place on a map', () => {
  const suite = browserSuite();

  it('opens the same view and camera after a reload', async () => {
    const { context, page, errors } = await suite.page({ width: 1366, height: 768 });
    await signUp(page, suite.server.url, { name: 'Ari Address', email: uniqueEmail('ari'), password: 'correct horse battery' });
    const ws = await apiIn<{ id: string }>(page, 'POST', '/api/workspaces', { name: 'Housing campaign' });
    const base = `/api/workspaces/${ws.id}`;
    const actor = async (name: string) => (await apiIn<{ id: string }>(page, 'POST', `${base}/actors`, { kind: 'person', name })).id;
    const ids = [await actor('Council Chair Wu'), await actor('Landlord Reyes'), await actor('Tenant Organiser Bo')];
    const map = await apiIn<{ id: string }>(page, 'POST', `${base}/maps`, {
      name: 'Who decides on rent',
      members: ids.map((actorId, i) => ({ actorId, x: i * 300, y: i * 120 })),
    });
    await page.goto(`${suite.server.url}/w/${ws.id}/maps/${map.id}`);
    await page.getByRole('toolbar', { name: 'Map tools' }).waitFor();
    await sceneSettled(page);

    // The power grid, remembered by a reload.
    await page.getByRole('button', { name: 'Power grid' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('grid');
    await page.reload();
    await page.getByRole('group', { name: 'Power grid' }).waitFor();
    expect(await page.getByRole('button', { name: 'Power grid' }).getAttribute('aria-pressed')).toBe('true');

    // Back on the network: move the camera.
    await page.getByRole('button', { name: 'Network' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBeNull();
    await sceneSettled(page);
    const landlord = await nodeOnPage(page, 'Landlord Reyes');
    await page.mouse.click(landlord.x, landlord.y);
    await page.getByRole('heading', { name: 'Landlord Reyes', level: 3 }).waitFor();
    const canvas = (await page.locator('.network-wrap canvas').first().boundingBox())!;
    // Drag the empty top edge of the canvas (the fit leaves a margin there) to pan.
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + 15);
    await page.mouse.down();
    await page.mouse.move(canvas.x + canvas.width / 2 + 200, canvas.y + 115, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => new URL(page.url()).searchParams.get('at')).not.toBeNull();
    const before = await camera(page);

    await page.reload();
    await page.getByRole('toolbar', { name: 'Map tools' }).waitFor();
    await sceneSettled(page);
    const after = await camera(page);
    expect(Math.abs(after.x - before.x)).toBeLessThan(2);
    expect(Math.abs(after.y - before.y)).toBeLessThan(2);
    expect(after.zoom).toBeCloseTo(before.zoom, 2);

    expect(errors).toEqual([]);
    await context.close();
  });
});
