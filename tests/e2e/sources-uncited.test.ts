/**
 * The uncited work as a list to work through, in Chromium against the production build: one
 * actor or tie at a time, cited by keyboard (Enter, type-ahead, Enter) or skipped (S), the
 * skipped ones coming back at the end. Screenshots of the mode go to test-results/sources/
 * at phone (390×844) and desktop (1440×900) sizes.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createWorkspace, signUp, uniqueEmail } from '../support/e2e-editor.js';
import { browserSuite } from '../support/server.js';

const shotsDir = path.join('test-results', 'sources');
const viewports = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };
const shot = async (page: Page, name: string) => {
  mkdirSync(shotsDir, { recursive: true });
  for (const [label, size] of Object.entries(viewports)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(shotsDir, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(viewports.desktop);
};

const MINUTES = 'https://example.org/riverside/school-board-minutes-2024-03-01';
const FILING = 'https://example.org/filings/harbor-point-10k-2023';

describe('working through the uncited records', { timeout: 300_000 }, () => {
  const suite = browserSuite();

  it('shows one uncited record at a time, cites by keyboard, skips, and brings the skipped back at the end', async () => {
    const { page, context, errors } = await suite.page(viewports.desktop);
    const url = suite.server.url;
    await signUp(page, url, { name: 'Uma Researcher', email: uniqueEmail('uma'), password: 'correct horse battery' });
    await createWorkspace(page, 'Riverside research');
    await page.waitForURL(/\/w\/[0-9a-f-]+$/);
    const ws = /\/w\/([0-9a-f-]+)$/.exec(page.url())![1]!;
    const api = async (method: 'post' | 'get' | 'patch', p: string, data?: unknown) => {
      const res = await page.request[method](`${url}/api/workspaces/${ws}${p}`, data === undefined ? {} : { data });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return (await res.json()) as Record<string, unknown> & { id: string; version: number; sourceIds: string[] };
    };
    const minutes = await api('post', '/sources', { url: MINUTES, title: 'School board minutes, 1 March 2024' });
    await api('post', '/actors', { kind: 'person', name: 'Cited Already', sourceIds: [minutes.id] });
    const ana = await api('post', '/actors', { kind: 'person', name: 'Ana Alvarez' });
    const ben = await api('post', '/actors', { kind: 'person', name: 'Ben Brooks' });
    const cora = await api('post', '/actors', { kind: 'organization', name: 'Cora Capital' });
    const tie = await api('post', '/relationships', { type: 'DONATION', from: cora.id, to: ana.id });

    await page.goto(`${url}/w/${ws}/sources`);
    const uncited = page.getByRole('region', { name: 'Uncited work' });
    await uncited.getByText('3 actors and 1 tie cite no source yet.').waitFor();
    await uncited.getByRole('button', { name: 'Work through uncited' }).click();

    const walk = page.getByRole('region', { name: 'Work through uncited' });
    const counter = walk.locator('.walk-counter');
    const record = walk.locator('.walk-record h3');
    await counter.filter({ hasText: '1 of 4' }).waitFor();
    expect(await record.textContent()).toBe('Ana Alvarez');

    // Enter opens the type-ahead; a few letters find the known source; Enter cites it and moves on.
    await page.keyboard.press('Enter');
    const picker = walk.getByLabel('Source for Ana Alvarez', { exact: true });
    await expect.poll(() => picker.evaluate((el) => el === document.activeElement), { timeout: 30_000 }).toBe(true);
    await page.keyboard.type('board min');
    await walk.getByRole('option', { name: /School board minutes/ }).waitFor();
    await page.keyboard.press('Enter');
    await counter.filter({ hasText: '2 of 4' }).waitFor();
    expect(await record.textContent()).toBe('Ben Brooks');
    expect(await counter.textContent()).toContain('1 cited');
    await shot(page, '10-work-through');

    // S skips Ben; Cora is cited with a new URL through the Cite button.
    await page.keyboard.press('s');
    await counter.filter({ hasText: '3 of 4' }).waitFor();
    expect(await record.textContent()).toBe('Cora Capital');
    await walk.getByRole('button', { name: /^Cite/ }).click();
    await walk.getByLabel('Source for Cora Capital', { exact: true }).fill(FILING);
    await walk.getByRole('option', { name: /Add as a new source/ }).waitFor();
    await shot(page, '11-work-through-citing');
    await page.keyboard.press('Enter');
    await counter.filter({ hasText: '4 of 4' }).waitFor();
    expect(await record.textContent()).toBe('Cora Capital → Ana Alvarez (Donation)');

    // Skipping the tie ends the pass: the skipped ones come back, Ben first.
    await page.keyboard.press('S');
    await counter.filter({ hasText: '1 of 2' }).waitFor();
    expect(await counter.textContent()).toContain('the ones you skipped');
    expect(await record.textContent()).toBe('Ben Brooks');
    await shot(page, '12-work-through-skipped');
    await page.keyboard.press('Enter');
    await walk.getByLabel('Source for Ben Brooks', { exact: true }).fill('harbor-point-10k');
    await walk.getByRole('option', { name: /harbor-point-10k-2023/ }).waitFor();
    await page.keyboard.press('Enter');
    await counter.filter({ hasText: '2 of 2' }).waitFor();
    expect(await record.textContent()).toBe('Cora Capital → Ana Alvarez (Donation)');
    await walk.getByRole('button', { name: 'Done' }).click();

    // Back in the tab: only the tie is left uncited, and each source lists who cites it now.
    await uncited.getByText('0 actors and 1 tie cite no source yet.').waitFor();
    const sources = page.getByRole('region', { name: 'Sources' });
    const minutesEntry = sources.getByRole('listitem', { name: 'School board minutes, 1 March 2024' });
    await minutesEntry.getByRole('link', { name: 'Ana Alvarez' }).waitFor();
    const filingEntry = sources.getByRole('listitem', { name: FILING });
    await filingEntry.getByRole('link', { name: 'Cora Capital' }).waitFor();
    await filingEntry.getByRole('link', { name: 'Ben Brooks' }).waitFor();
    const filingId = (await api('get', `/actors/${cora.id}`)).sourceIds[0];
    expect((await api('get', `/actors/${ben.id}`)).sourceIds).toEqual([filingId]);
    expect((await api('get', `/actors/${ana.id}`)).sourceIds).toEqual([minutes.id]);
    expect((await api('get', `/relationships/${tie.id}`)).sourceIds).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('does not overwrite a newer edit: a record changed meanwhile is not cited, and says so', async () => {
    const { page, context, errors } = await suite.page(viewports.desktop);
    const url = suite.server.url;
    await signUp(page, url, { name: 'Vic Researcher', email: uniqueEmail('vic'), password: 'correct horse battery' });
    await createWorkspace(page, 'Stale versions');
    await page.waitForURL(/\/w\/[0-9a-f-]+$/);
    const ws = /\/w\/([0-9a-f-]+)$/.exec(page.url())![1]!;
    const at = (p: string) => `${url}/api/workspaces/${ws}${p}`;
    const dee = (await (await page.request.post(at('/actors'), { data: { kind: 'person', name: 'Dee Dawson' } })).json()) as {
      id: string;
      version: number;
    };
    await page.goto(`${url}/w/${ws}/sources`);
    await page.getByRole('button', { name: 'Work through uncited' }).click();
    const walk = page.getByRole('region', { name: 'Work through uncited' });
    await walk.getByRole('heading', { name: 'Dee Dawson' }).waitFor();
    // A colleague edits Dee meanwhile.
    const edited = await page.request.patch(at(`/actors/${dee.id}`), { data: { description: 'Chair since May', version: dee.version } });
    expect(edited.status()).toBe(200);
    await page.keyboard.press('Enter');
    await walk.getByLabel('Source for Dee Dawson', { exact: true }).fill(MINUTES);
    await walk.getByRole('option', { name: /Add as a new source/ }).waitFor();
    await page.keyboard.press('Enter');
    await walk
      .getByRole('alert')
      .getByText(/Dee Dawson was not cited: someone changed it meanwhile/)
      .waitFor();
    const read = async () =>
      (await (await page.request.get(at(`/actors/${dee.id}`))).json()) as { description: string; sourceIds: string[] };
    expect(await read()).toMatchObject({ description: 'Chair since May', sourceIds: [] });
    // Citing again adds the source to the colleague's version, keeping their edit.
    await walk.getByLabel('Source for Dee Dawson', { exact: true }).fill('school-board-minutes');
    await walk.getByRole('option', { name: /school-board-minutes-2024-03-01/ }).waitFor();
    await page.keyboard.press('Enter');
    await walk.getByRole('status').getByText('You cited 1 record.').waitFor();
    const after = await read();
    expect(after.description).toBe('Chair since May');
    expect(after.sourceIds).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('cites a source for an assessment made in the details, and lists the reading with a link to it', async () => {
    const { page, context, errors } = await suite.page(viewports.desktop);
    const url = suite.server.url;
    await signUp(page, url, { name: 'Wen Researcher', email: uniqueEmail('wen'), password: 'correct horse battery' });
    await createWorkspace(page, 'Assessed with sources');
    await page.waitForURL(/\/w\/[0-9a-f-]+$/);
    const ws = /\/w\/([0-9a-f-]+)$/.exec(page.url())![1]!;
    const at = (p: string) => `${url}/api/workspaces/${ws}${p}`;
    const GAZETTE = 'https://example.org/riverside-gazette/2024/03/board-vote-preview';
    expect(
      (await page.request.post(at('/sources'), { data: { url: GAZETTE, title: 'Riverside Gazette: board vote preview' } })).status(),
    ).toBe(201);
    const maria = (await (
      await page.request.post(at('/actors'), { data: { kind: 'person', name: 'Maria Delgado', power: 2, alignment: 0 } })
    ).json()) as { id: string };

    await page.goto(`${url}/w/${ws}/actors/${maria.id}`);
    await page.getByRole('button', { name: 'Edit details' }).click();
    const form = page.getByRole('region', { name: 'Edit details' });
    // The assessment's own source is asked for once power or alignment changes.
    expect(await form.getByLabel('Source for this assessment', { exact: true }).count()).toBe(0);
    await form.locator('select[name=power]').selectOption('4');
    await form.locator('select[name=alignment]').selectOption('-1');
    const picker = form.getByLabel('Source for this assessment', { exact: true });
    await picker.fill('gazette');
    await form.getByRole('option', { name: /Riverside Gazette/ }).waitFor();
    await picker.press('Enter');
    await form.getByRole('link', { name: GAZETTE }).waitFor();
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved Maria Delgado.').waitFor();

    // The newest reading names its source as a link; the first one, made without, says it is uncited.
    const readings = page.getByRole('list', { name: 'Assessments' });
    const newest = readings.getByRole('listitem').filter({ hasText: 'power 4, alignment -1' });
    const link = newest.getByRole('link', { name: 'Riverside Gazette: board vote preview' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(GAZETTE);
    await page.locator('.stats').getByText('4 · ', { exact: false }).waitFor();
    expect(await readings.getByRole('listitem').filter({ hasText: 'power 2, alignment 0' }).textContent()).toContain('uncited');
    await page.screenshot({ path: path.join(shotsDir, '13-assessment-source-desktop.png'), fullPage: true });

    // The Sources tab counts the assessment among what cites the source.
    await page.goto(`${url}/w/${ws}/sources`);
    const entry = page.getByRole('region', { name: 'Sources' }).getByRole('listitem', { name: 'Riverside Gazette: board vote preview' });
    await entry.getByText('Cited by 0 actors, 0 ties and 1 assessment.').waitFor();
    await entry.getByRole('link', { name: 'Maria Delgado' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
