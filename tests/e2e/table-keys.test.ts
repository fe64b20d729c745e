/**
 * The actor table by keyboard alone, in Debian's Chromium (the ARIA grid pattern): arrows and
 * Home/End move between cells, Enter sorts a column or goes into a cell's field, Esc comes
 * back out, and a letter typed on a cell searches.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiIn, signUp, uniqueEmail } from '../support/e2e-editor.js';
import { browserSuite } from '../support/server.js';

const focusedCell = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cell ?? null);
const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

describe('the actor table by keyboard', () => {
  const suite = browserSuite();

  it('moves between cells, sorts, edits and searches without a mouse', async () => {
    const { context, page, errors } = await suite.page({ width: 1440, height: 900 });
    await signUp(page, suite.server.url, { name: 'Kay Keys', email: uniqueEmail('kay'), password: 'correct horse battery' });
    const ws = await apiIn<{ id: string }>(page, 'POST', '/api/workspaces', { name: 'Hospital campaign' });
    const base = `/api/workspaces/${ws.id}`;
    const actor = async (name: string, power: number) =>
      (await apiIn<{ id: string }>(page, 'POST', `${base}/actors`, { kind: 'person', name, power, alignment: 0 })).id;
    const ids = [await actor('Ana Board', 4), await actor('Ben Trustee', 1), await actor('Cy Director', 3)];
    const map = await apiIn<{ id: string }>(page, 'POST', `${base}/maps`, {
      name: 'Hospital board',
      members: ids.map((actorId, i) => ({ actorId, x: i * 200, y: 0 })),
    });
    await page.goto(`${suite.server.url}/w/${ws.id}/maps/${map.id}`);
    await page.getByRole('toolbar', { name: 'Map tools' }).waitFor();
    await page.getByRole('button', { name: 'Table' }).click();
    const grid = page.getByRole('grid', { name: 'Actors' });
    await grid.waitFor();

    // The grid is one tab stop: its active cell, the first actor's name.
    await grid.locator('[data-cell="1,1"]').focus();
    await page.keyboard.press('ArrowDown');
    expect(await focusedCell(page)).toBe('2,1');
    await page.keyboard.press('End');
    expect(await focusedCell(page)).toBe('2,7');
    await page.keyboard.press('Control+Home');
    expect(await focusedCell(page)).toBe('0,0');

    // Along the header to Power, and Enter sorts by it.
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    expect(await focusedCell(page)).toBe('0,5');
    await page.keyboard.press('Enter');
    const powerHeader = grid.getByRole('columnheader', { name: /Power/ });
    await expect.poll(() => powerHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await grid.locator('tbody tr').first().innerText()).toContain('Ben Trustee');
    // The keys go on from the cell that had them, even though the sort redrew the rows.
    await page.keyboard.press('ArrowDown');
    expect(await focusedCell(page)).toBe('1,5');

    // Enter goes into the cell's field, Esc comes back out to the cell.
    await page.keyboard.press('Enter');
    expect(await focusedLabel(page)).toBe('Power of Ben Trustee');
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedCell(page)).toBe('1,5');

    // Enter on a name opens it for typing; Enter saves and leaves the keys on the cell.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedLabel(page)).toBe('Name of Ben Trustee');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Ben Trustee (chair)');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedCell(page)).toBe('1,1');
    await expect
      .poll(async () => (await apiIn<{ name: string }>(page, 'GET', `${base}/actors/${ids[1]}`)).name)
      .toBe('Ben Trustee (chair)');

    // A letter typed on a cell searches the table.
    await page.keyboard.press('c');
    const filter = page.getByLabel('Filter actors');
    await expect.poll(() => filter.inputValue()).toBe('c');
    expect(await focusedLabel(page)).toBe('Filter actors');
    await page.keyboard.type('y');
    await expect.poll(() => grid.locator('tbody tr').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
