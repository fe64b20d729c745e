/**
 * The map editor in Debian's Chromium against the production build and a real Neo4j: the
 * flows of issue 5's "done when". Screenshots of each flow go to test-results/editor/.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addActor,
  apiIn,
  createMap,
  createWorkspace,
  dragOnGrid,
  dragTie,
  drawRelationship,
  edgeCount,
  highlighted,
  nodeOnPage,
  shot,
  signUp,
  uniqueEmail,
  waitSaved,
} from '../support/e2e-editor.js';
import { startBrowserSession, type TestServer } from '../support/server.js';

const password = 'correct horse battery';
const viewport = { width: 1366, height: 820 };

describe('the map editor in Chromium', () => {
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

  const newPage = async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors, context };
  };

  it('signs up, builds a map with a cited tie, moves an actor on the grid, undoes it, and finds it all saved after reload', async () => {
    const { page, errors } = await newPage();
    await signUp(page, server.url, { name: 'Rosa Researcher', email: uniqueEmail('rosa'), password });
    await createWorkspace(page, 'School nurses campaign');
    await createMap(page, 'Who decides on school nurses');
    await shot(page, 'flow1-01-empty-map');

    await addActor(page, { name: 'Mayor Ana Rivera', roles: ['Decision-maker'], power: '5 · Decisive', alignment: '0 · Neutral' });
    await addActor(page, {
      name: 'Chamber of Commerce',
      organisation: true,
      organized: true,
      roles: ['Bad actor'],
      power: '3 · Major influence',
      alignment: '-2 · Actively opposed',
    });
    await addActor(page, {
      name: 'Nurses Union Local 12',
      organisation: true,
      organized: true,
      roles: ['Our base'],
      power: '2 · Taken into account',
      alignment: '+3 · Die-hard with us',
    });
    await page.keyboard.press('l');
    await waitSaved(page);
    // Fit after the layout: on a fresh map the view has been seen to stay off the actors after one.
    await page.getByRole('button', { name: 'Fit', exact: true }).click();

    await drawRelationship(page, 'Chamber of Commerce', 'Mayor Ana Rivera');
    const dialog = page.getByRole('dialog', { name: 'New relationship' });
    await dialog.getByLabel('Type').selectOption('DONATION');
    await dialog.getByRole('button', { name: 'Create relationship' }).click();
    await expect.poll(() => dialog.getByText('Must be an http(s) URL').count()).toBe(1);
    await dialog.getByLabel('URL').fill('https://example.org/filings/chamber-pac-2025');
    await dialog.getByLabel('Amount').fill('25000');
    await dialog.getByLabel('Currency').fill('USD');
    await shot(page, 'flow1-02-relationship-form');
    await dialog.getByRole('button', { name: 'Create relationship' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitSaved(page);
    await shot(page, 'flow1-03-network');

    await page.getByRole('button', { name: 'Power grid', exact: true }).click();
    await dragOnGrid(page, 'Mayor Ana Rivera', 1, 4);
    await expect.poll(() => page.getByLabel('Power', { exact: true }).inputValue()).toBe('4');
    await shot(page, 'flow1-04-grid-moved');
    await page.getByRole('button', { name: '↶ Undo' }).click();
    await waitSaved(page);
    await expect.poll(() => page.getByLabel('Power', { exact: true }).inputValue()).toBe('5');
    await shot(page, 'flow1-05-grid-undone');

    await page.reload();
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await expect.poll(() => page.getByLabel('Power of Mayor Ana Rivera').inputValue()).toBe('5');
    expect(await page.getByLabel('Alignment of Mayor Ana Rivera').inputValue()).toBe('0');
    expect(await page.getByLabel('Power of Chamber of Commerce').inputValue()).toBe('3');
    await page.getByRole('tab', { name: 'Relationships' }).click();
    const row = page.getByRole('row', { name: /Chamber of Commerce\s+Donation\s+Mayor Ana Rivera/ });
    await row.waitFor();
    expect(await row.getByRole('cell').last().textContent()).toBe('1');
    await shot(page, 'flow1-06-after-reload');
    expect(errors).toEqual([]);
  }, 180_000);

  it('D starts drawing, ties are drawn one after another without leaving it, the tie inspector deletes one, and Esc ends drawing', async () => {
    const { page, errors } = await newPage();
    await signUp(page, server.url, { name: 'Dana Drawer', email: uniqueEmail('dana'), password });
    const ws = await apiIn<{ id: string }>(page, 'POST', '/api/workspaces', { name: 'Port authority' });
    const base = `/api/workspaces/${ws.id}`;
    const actor = async (name: string, kind: 'person' | 'organization', extra: object = {}) =>
      (await apiIn<{ id: string }>(page, 'POST', `${base}/actors`, { kind, name, ...extra })).id;
    const chair = await actor('Port Chair Ellis', 'person', { roles: ['decision_maker'] });
    const shipper = await actor('Harbor Shipping Co', 'organization');
    const local = await actor('Dockworkers Local 9', 'organization', { roles: ['base'], organized: true });
    const map = await apiIn<{ id: string }>(page, 'POST', `${base}/maps`, { name: 'Who runs the port' });
    const positions = { [chair]: { x: 0, y: 0 }, [shipper]: { x: 340, y: 0 }, [local]: { x: 170, y: 280 } };
    await apiIn(page, 'POST', `${base}/maps/${map.id}/members`, { actorIds: [chair, shipper, local], positions });

    await page.goto(`${server.url}/w/${ws.id}/maps/${map.id}`);
    await page.getByRole('toolbar', { name: 'Map tools' }).waitFor();
    await nodeOnPage(page, 'Port Chair Ellis');
    const drawing = page.getByRole('button', { name: '⤳ Relationship' });
    expect(await drawing.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('d');
    await expect.poll(() => drawing.getAttribute('aria-pressed')).toBe('true');

    for (const from of ['Harbor Shipping Co', 'Dockworkers Local 9']) {
      await dragTie(page, from, 'Port Chair Ellis');
      const dialog = page.getByRole('dialog', { name: 'New relationship' });
      await dialog.getByLabel('No source yet').check();
      await dialog.getByRole('button', { name: 'Create relationship' }).click();
      await dialog.waitFor({ state: 'detached' });
      await waitSaved(page);
      // Still drawing: the next tie needs no click on the toolbar.
      expect(await drawing.getAttribute('aria-pressed')).toBe('true');
    }
    await expect.poll(() => edgeCount(page)).toBe(2);
    await shot(page, 'flow4-two-ties-drawn');

    // The tie just drawn is selected and its inspector deletes it.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await waitSaved(page);
    await expect.poll(() => edgeCount(page)).toBe(1);

    await page.keyboard.press('Escape');
    await expect.poll(() => drawing.getAttribute('aria-pressed')).toBe('false');
    // Out of drawing mode a drag from an actor moves it; no tie, no form.
    const start = await nodeOnPage(page, 'Dockworkers Local 9');
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 90, start.y + 40, { steps: 10 });
    await page.mouse.up();
    await waitSaved(page);
    await expect.poll(async () => (await nodeOnPage(page, 'Dockworkers Local 9')).x).toBeGreaterThan(start.x + 40);
    expect(await page.getByRole('dialog', { name: 'New relationship' }).count()).toBe(0);
    expect(await edgeCount(page)).toBe(1);

    await page.reload();
    await nodeOnPage(page, 'Port Chair Ellis');
    await expect.poll(() => edgeCount(page)).toBe(1);
    await shot(page, 'flow4-after-reload');
    expect(errors).toEqual([]);
  }, 180_000);

  it('a click selects one actor, a click on it again keeps it, Ctrl- or Shift-click adds one or takes it out', async () => {
    const { page, errors } = await newPage();
    await signUp(page, server.url, { name: 'Sam Selector', email: uniqueEmail('sam'), password });
    const ws = await apiIn<{ id: string }>(page, 'POST', '/api/workspaces', { name: 'Selection' });
    const base = `/api/workspaces/${ws.id}`;
    const actor = async (name: string) => (await apiIn<{ id: string }>(page, 'POST', `${base}/actors`, { kind: 'person', name })).id;
    const [ana, ben] = [await actor('Ana First'), await actor('Ben Second')];
    const map = await apiIn<{ id: string }>(page, 'POST', `${base}/maps`, { name: 'Two people' });
    await apiIn(page, 'POST', `${base}/maps/${map.id}/members`, {
      actorIds: [ana, ben],
      positions: { [ana]: { x: 0, y: 0 }, [ben]: { x: 300, y: 0 } },
    });
    await page.goto(`${server.url}/w/${ws.id}/maps/${map.id}`);
    await page.getByRole('toolbar', { name: 'Map tools' }).waitFor();
    const selected = () =>
      page.evaluate(() => {
        const cy = (window as unknown as { __powermapCy: import('cytoscape').Core }).__powermapCy;
        return cy
          .nodes(':selected')
          .map((n) => n.data('label') as string)
          .sort();
      });
    const click = async (name: string, modifiers: ('Control' | 'Shift')[] = []) => {
      // Each click a moment after the last: two in quick succession are a double click, which expands.
      await page.waitForTimeout(700);
      const p = await nodeOnPage(page, name);
      await page.mouse.move(p.x, p.y);
      for (const m of modifiers) await page.keyboard.down(m);
      await page.mouse.down();
      await page.mouse.up();
      for (const m of modifiers) await page.keyboard.up(m);
    };
    await click('Ana First');
    await expect.poll(selected).toEqual(['Ana First']);
    await click('Ben Second');
    await expect.poll(selected).toEqual(['Ben Second']);
    // A second click on the selected actor (to drag it, or to look again) does not drop it.
    await click('Ben Second');
    await page.getByRole('heading', { name: 'Ben Second' }).first().waitFor();
    expect(await selected()).toEqual(['Ben Second']);
    await click('Ana First', ['Control']);
    await expect.poll(selected).toEqual(['Ana First', 'Ben Second']);
    await page.getByRole('heading', { name: '2 actors selected' }).waitFor();
    await click('Ana First', ['Shift']);
    await expect.poll(selected).toEqual(['Ben Second']);
    expect(errors).toEqual([]);
  }, 120_000);

  it('find connections highlights the path between two actors and fades everything else', async () => {
    const { page, errors } = await newPage();
    await signUp(page, server.url, { name: 'Paul Pathfinder', email: uniqueEmail('paul'), password });
    const ws = await apiIn<{ id: string }>(page, 'POST', '/api/workspaces', { name: 'Hospital sale' });
    const base = `/api/workspaces/${ws.id}`;
    const actor = async (name: string, kind: 'person' | 'organization', extra: object = {}) =>
      (await apiIn<{ id: string }>(page, 'POST', `${base}/actors`, { kind, name, ...extra })).id;
    const union = await actor('Nurses Union', 'organization', { roles: ['base'], organized: true });
    const trustee = await actor('Dr. Lee, trustee', 'person');
    const board = await actor('Hospital Board', 'organization');
    const ceo = await actor('CEO Marsh', 'person', { roles: ['decision_maker'] });
    const bystander = await actor('Local Newspaper', 'organization');
    const tie = (type: string, from: string, to: string) => apiIn(page, 'POST', `${base}/relationships`, { type, from, to });
    await tie('MEMBERSHIP', trustee, union);
    await tie('POSITION', trustee, board);
    await tie('POSITION', ceo, board);
    await tie('GENERIC', bystander, union);
    const map = await apiIn<{ id: string }>(page, 'POST', `${base}/maps`, { name: 'Who sold the hospital' });
    await apiIn(page, 'POST', `${base}/maps/${map.id}/members`, { actorIds: [union, trustee, board, ceo, bystander] });

    await page.goto(`${server.url}/w/${ws.id}/maps/${map.id}`);
    await page.getByRole('toolbar', { name: 'Map tools' }).waitFor();
    await page.getByRole('tab', { name: 'Explore' }).click();
    await page.getByLabel('From', { exact: true }).selectOption({ label: 'Nurses Union' });
    await page.getByLabel('To', { exact: true }).selectOption({ label: 'CEO Marsh' });
    await page.getByRole('button', { name: 'Find connections' }).click();
    await page.getByRole('button', { name: 'Nurses Union → Dr. Lee, trustee → Hospital Board → CEO Marsh' }).waitFor();
    await expect
      .poll(() => highlighted(page))
      .toEqual({
        lit: ['CEO Marsh', 'Dr. Lee, trustee', 'Hospital Board', 'Nurses Union'],
        faded: ['Local Newspaper'],
        litEdges: 3,
      });
    await shot(page, 'flow2-paths');
    expect(errors).toEqual([]);
  }, 120_000);

  it('a second member sees the first one’s edit live, without reloading', async () => {
    const first = await newPage();
    const second = await newPage();
    const secondEmail = uniqueEmail('sam');
    await signUp(second.page, server.url, { name: 'Sam Second', email: secondEmail, password });
    await signUp(first.page, server.url, { name: 'Fran First', email: uniqueEmail('fran'), password });
    const ws = await apiIn<{ id: string }>(first.page, 'POST', '/api/workspaces', { name: 'Shared campaign' });
    await apiIn(first.page, 'POST', `/api/workspaces/${ws.id}/members`, { email: secondEmail, role: 'editor' });
    const map = await apiIn<{ id: string }>(first.page, 'POST', `/api/workspaces/${ws.id}/maps`, { name: 'Targets' });
    const url = `${server.url}/w/${ws.id}/maps/${map.id}`;

    await second.page.goto(url);
    await second.page.getByRole('button', { name: 'Table', exact: true }).click();
    await second.page.getByText('No actors on this map yet.').waitFor();
    await first.page.goto(url);
    await first.page.getByRole('toolbar', { name: 'Map tools' }).waitFor();

    await addActor(first.page, {
      name: 'Councillor Okafor',
      roles: ['Decision-maker'],
      power: '4 · Active in the decision',
      alignment: '-1 · Inclined against',
    });
    // No reload on the second page: the change arrives over the live feed.
    await second.page.getByRole('button', { name: /Name of Councillor Okafor/ }).waitFor({ timeout: 10_000 });
    expect(await second.page.getByLabel('Power of Councillor Okafor').inputValue()).toBe('4');
    await shot(first.page, 'flow3-first');
    await shot(second.page, 'flow3-second-live');
    expect([...first.errors, ...second.errors]).toEqual([]);
  }, 120_000);
});
