/**
 * "Add from LittleSis" in Chromium against the production build, with LittleSis's API
 * replayed from recorded answers (tests/support/littlesis.ts): a researcher pastes an
 * entity URL, sees what the server fetched as a preview, says that one near name is the
 * person already in the workspace, imports the entity with its connections and opens the
 * map. A LittleSis that fails is named in the message. Screenshots go to test-results/import/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, signUp, uniqueEmail } from '../support/e2e-editor.js';
import { FAILING_ENTITY, recordedLittleSis, type RecordedLittleSis } from '../support/littlesis.js';
import { startBrowserSession, type TestServer } from '../support/server.js';

const shotsDir = path.join('test-results', 'import');
const shot = async (page: Page, name: string) => {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
};

describe('Add from LittleSis in Chromium', () => {
  let littlesis: RecordedLittleSis;
  let server: TestServer;
  let browser: Browser;
  let session: Awaited<ReturnType<typeof startBrowserSession>> | undefined;

  beforeAll(async () => {
    littlesis = await recordedLittleSis();
    session = await startBrowserSession({ env: { LITTLESIS_URL: littlesis.url } });
    ({ server, browser } = session);
  });
  afterAll(async () => {
    await session?.close();
    await littlesis?.close();
  });

  it('fetches an entity, previews it with a near name to confirm, imports it with its connections and opens the map', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await signUp(page, server.url, { name: 'Lena Mapper', email: uniqueEmail('lena'), password: 'correct horse battery' });
      await createWorkspace(page, 'Private equity in health');
      const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
      await page.waitForURL(uuid, { timeout: 60_000 });
      const ws = uuid.exec(page.url())?.[0];
      expect(ws).toBeTruthy();
      // Already in the workspace, spelled a little differently from LittleSis.
      const seeded = await page.request.post(`${server.url}/api/workspaces/${ws}/actors`, {
        data: { kind: 'person', name: 'Dana Whitfeld' },
      });
      expect(seeded.status()).toBe(201);

      await page.getByRole('link', { name: 'Import', exact: true }).click();
      const panel = page.getByRole('form', { name: 'Add from LittleSis' });
      const entity = panel.getByLabel('LittleSis entity URL or id');

      // LittleSis failing is said as such, and nothing is previewed.
      await entity.fill(String(FAILING_ENTITY));
      await panel.getByRole('button', { name: 'Fetch and preview' }).click();
      await page
        .getByRole('alert')
        .getByText(/LittleSis answered 500/)
        .waitFor({ timeout: 120_000 });
      expect(await page.getByRole('region', { name: 'Preview' }).count()).toBe(0);
      await shot(page, '11-littlesis-failing');

      await entity.fill('https://littlesis.org/org/9001-Harbor_Point_Capital');
      await panel.getByRole('button', { name: 'Fetch and preview' }).click();
      const preview = page.getByRole('region', { name: 'Preview' });
      await preview.getByText('Relationships created').waitFor({ timeout: 120_000 });
      const count = (label: string) => preview.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]').innerText();
      expect(await count('Actors created')).toBe('5');
      expect(await count('Relationships created')).toBe('6');
      expect(await count('Sources created')).toBe('6');
      expect(await page.getByRole('alert').count()).toBe(0);

      const duplicates = page.getByRole('list', { name: 'Possible duplicates' });
      const dana = duplicates.getByRole('listitem').filter({ hasText: '“Dana Whitfield”' });
      await dana.waitFor();
      expect(await dana.getByRole('radio', { name: 'Keep apart' }).isChecked()).toBe(true);
      await dana.getByRole('radio', { name: 'Same as “Dana Whitfeld”' }).check();
      await shot(page, '12-littlesis-preview');

      await page.getByRole('button', { name: 'Import from LittleSis' }).click();
      const progress = page.getByRole('region', { name: 'Progress' });
      await progress.getByText('Imported: 4 actors and 6 relationships created.').waitFor({ timeout: 120_000 });
      expect(await page.getByRole('button', { name: 'Import from LittleSis' }).isDisabled()).toBe(true);
      await shot(page, '13-littlesis-imported');

      // Dana is one actor, with the ties LittleSis records for Dana Whitfield.
      const actors = (await (await page.request.get(`${server.url}/api/workspaces/${ws}/actors`)).json()) as {
        items: { id: string; name: string }[];
      };
      expect(actors.items.map((a) => a.name).sort()).toEqual([
        'Committee to Elect Jordan Reyes',
        'Dana Whitfeld',
        'Harbor Point Capital LLC',
        'Marcus Oyelaran',
        'Meridian Health Systems, Inc.',
      ]);

      await page.getByRole('button', { name: 'Open the map' }).click();
      await page.getByRole('toolbar', { name: 'Map tools' }).waitFor({ timeout: 60_000 });
      await page.getByText('From LittleSis, entity 9001').first().waitFor();
      await page.getByText('Saved', { exact: true }).waitFor({ timeout: 60_000 });
      await shot(page, '14-littlesis-map');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
