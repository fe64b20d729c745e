/**
 * The import wizard in Chromium against the production build: a researcher drops a CSV
 * whose columns are not ours, maps them beside the first rows, sees the preview name the
 * failing row, drops the corrected file (the mapping is remembered for files of that
 * shape), imports it with a progress bar and opens the result as a map.
 * Screenshots go to test-results/import/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, signUp, uniqueEmail } from '../support/e2e-editor.js';
import { startBrowserSession, type TestServer } from '../support/server.js';

const shotsDir = path.join('test-results', 'import');
const shot = async (page: Page, name: string) => {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
};

const header = 'Person;Organisation;Relationship;Since\n';
const broken = `${header}Ana Rivera;Meridian Health;Board member;2019-03-01\nBen Okafor;;Investor;\nCara Lind;City Hospital Trust;Donor;2021\n`;
const fixed = broken.replace('Ben Okafor;;', 'Ben Okafor;Meridian Health;');

describe('the import wizard in Chromium', () => {
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

  it('maps a CSV, previews it with its failing row, imports it with a progress bar and opens the map', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await signUp(page, server.url, { name: 'Iris Importer', email: uniqueEmail('iris'), password: 'correct horse battery' });
      await createWorkspace(page, 'Hospital research');
      await page.getByRole('link', { name: 'Import', exact: true }).click();
      const file = page.locator('input[type=file]');
      await file.setInputFiles({ name: 'board.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });

      // The first rows are shown and the columns guessed from their names.
      const rows = page.getByRole('table', { name: 'First rows' });
      await rows.getByRole('cell', { name: 'City Hospital Trust' }).waitFor({ timeout: 120_000 });
      await expect.poll(() => page.getByLabel('First actor', { exact: true }).inputValue()).toBe('Person');
      await expect.poll(() => page.getByLabel('Second actor', { exact: true }).inputValue()).toBe('Organisation');
      await page.getByLabel('Relationship type').selectOption('Relationship');
      await page.getByLabel('Start date').selectOption('Since');
      await shot(page, '01-mapped');

      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      const failing = page.getByRole('table', { name: 'Failing rows' });
      await failing.getByRole('row').filter({ hasText: 'Organisation' }).filter({ hasText: 'is empty' }).waitFor({ timeout: 120_000 });
      expect(await failing.getByRole('cell', { name: '3', exact: true }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
      await page.getByLabel('Type for Board member').waitFor();
      await shot(page, '02-preview-failing-row');

      // The corrected file has the same shape: its mapping is the one just used.
      await file.setInputFiles({ name: 'board-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
      await page.getByText('using the mapping saved for files of this shape').waitFor({ timeout: 120_000 });
      await expect.poll(() => page.getByLabel('Relationship type').inputValue()).toBe('Relationship');
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      const preview = page.getByRole('region', { name: 'Preview' });
      await preview.getByText('Relationships created').waitFor({ timeout: 120_000 });
      expect(await page.getByRole('table', { name: 'Failing rows' }).count()).toBe(0);

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('progressbar', { name: 'Import progress' }).waitFor({ timeout: 120_000 });
      await page.getByText('Imported: 5 actors and 3 relationships created.').waitFor({ timeout: 120_000 });
      await shot(page, '03-imported');

      await page.getByRole('button', { name: 'Open the map' }).click();
      await page.getByRole('toolbar', { name: 'Map tools' }).waitFor({ timeout: 60_000 });
      await shot(page, '04-map');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  it('recognises a 13F filing, and shows the totals its summary page gets wrong before and after the import', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await signUp(page, server.url, { name: 'Theo Thirteen', email: uniqueEmail('theo'), password: 'correct horse battery' });
      await createWorkspace(page, 'Money tree');
      await page.getByRole('link', { name: 'Import', exact: true }).click();
      const sample = readFileSync(new URL('../fixtures/sec13f/Sample_13F-HR.xml', import.meta.url));
      await page.locator('input[type=file]').setInputFiles({ name: 'Sample_13F-HR.xml', mimeType: 'application/xml', buffer: sample });
      await expect.poll(() => page.getByLabel('Format', { exact: true }).inputValue()).toBe('sec13f');
      await page.getByText('An institutional manager’s quarterly US holdings from EDGAR').waitFor();

      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      const preview = page.getByRole('region', { name: 'Preview' });
      await preview.getByText('The summary page declares 111 entries; the information table has 169.').waitFor({ timeout: 120_000 });
      await shot(page, '05-13f-preview-warnings');

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const progress = page.getByRole('region', { name: 'Progress' });
      await progress.getByText('Imported: 130 actors and 169 relationships created.').waitFor({ timeout: 120_000 });
      await progress
        .getByRole('list', { name: 'Warnings' })
        .getByText(/declares a total value of \$111,000/)
        .waitFor();
      await shot(page, '06-13f-imported');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
