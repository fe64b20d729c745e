/**
 * Exports in Chromium against the production build: the workspace's Export menu lists
 * every format with what opens it and downloads the chosen one; the map's menu and the
 * table's CSV button do the same for a map; a downloaded backup restores from the
 * workspaces page as a new workspace. Screenshots go to test-results/export/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFormats } from '../../server/domain/export.js';
import { apiIn, createMap, createWorkspace, signUp } from '../support/e2e-editor.js';
import { startBrowserSession, type TestServer } from '../support/server.js';

const shotsDir = path.join('test-results', 'export');

async function downloadOf(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

describe('exports in Chromium', () => {
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

  it('lists the formats, downloads them for the workspace, the map and its table, and restores a backup', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signUp(page, server.url, { name: 'Esther Export', email: `esther.${Date.now()}@example.org`, password: 'correct horse battery' });
    await createWorkspace(page, 'Export campaign');
    await page.waitForURL(/\/w\/[0-9a-f-]+$/);
    // Paths are /w/:ws and /w/:ws/maps/:map (client/src/router.ts).
    const ws = new URL(page.url()).pathname.split('/')[2]!;
    await apiIn(page, 'POST', `/api/workspaces/${ws}/actors`, { kind: 'person', name: 'Ana Rivera', tags: ['city'] });

    await page.getByText('Export ▾').click();
    const list = page.getByRole('list', { name: 'Export formats' });
    await list.waitFor();
    expect(await list.getByRole('listitem').count()).toBe(exportFormats.length);
    expect(await list.textContent()).toContain('Gephi');
    mkdirSync(shotsDir, { recursive: true });
    await page.screenshot({ path: path.join(shotsDir, 'workspace-menu.png') });
    const csv = await downloadOf(page, () => list.getByRole('link', { name: 'Actors CSV' }).click());
    expect(csv.name).toBe('export-campaign.actors.csv');
    expect(csv.text).toMatch(/^Label,Type,Description,Tags/);
    expect(csv.text).toContain('Ana Rivera,Person');
    const backup = await downloadOf(page, () => list.getByRole('link', { name: 'Backup (JSON)' }).click());
    expect(JSON.parse(backup.text)).toMatchObject({ format: 'powermap-backup', actors: [{ name: 'Ana Rivera' }] });

    // The map's menu has every format but the backup; the table exports the rows it shows.
    await page.getByText('Export ▾').click();
    await createMap(page, 'Mayor');
    const actors = await apiIn<{ items: { id: string }[] }>(page, 'GET', `/api/workspaces/${ws}/actors`);
    const mapId = new URL(page.url()).pathname.split('/')[4]!;
    await apiIn(page, 'POST', `/api/workspaces/${ws}/maps/${mapId}/members`, { actorIds: actors.items.map((a) => a.id) });
    await page.reload();
    await page.getByRole('toolbar', { name: 'Map tools' }).getByText('Export ▾').click();
    expect(await page.getByRole('list', { name: 'Export formats' }).getByRole('listitem').count()).toBe(exportFormats.length - 1);
    await page.getByRole('toolbar', { name: 'Map tools' }).getByText('Export ▾').click();
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await page
      .getByRole('gridcell', { name: /Ana Rivera/ })
      .first()
      .waitFor();
    const table = await downloadOf(page, () =>
      page.getByRole('group', { name: 'Export the table' }).getByRole('button', { name: 'CSV' }).click(),
    );
    expect(table.name).toBe('mayor-actors.csv');
    expect(table.text).toContain('Ana Rivera,Person');

    // The backup restores as a new workspace of one's own.
    const file = path.join(shotsDir, backup.name);
    writeFileSync(file, backup.text);
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Workspaces' }).waitFor();
    await page.getByLabel('Backup file to restore').setInputFiles(file);
    await page.getByRole('heading', { name: 'Export campaign' }).waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).pathname).not.toContain(ws);
    await page.screenshot({ path: path.join(shotsDir, 'restored.png') });
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
