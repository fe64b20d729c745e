/**
 * Steps of the editor's end-to-end flows, written the way a person uses the app: through
 * labels, roles and the mouse. Shared by tests/e2e/editor*.test.ts.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export const shotsDir = path.join('test-results', 'editor');

export async function shot(page: Page, name: string) {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
}

export async function signUp(page: Page, baseUrl: string, who: { name: string; email: string; password: string }) {
  await page.goto(`${baseUrl}/signup`);
  await page.getByLabel('Your name').fill(who.name);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Workspaces' }).waitFor();
}

export async function createWorkspace(page: Page, name: string) {
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('heading', { name }).waitFor();
}

export async function createMap(page: Page, name: string) {
  await page.getByLabel('Map name').fill(name);
  await page.getByRole('button', { name: 'Create map' }).click();
  await page.getByRole('toolbar', { name: 'Map tools' }).waitFor();
  await page.getByText('Saved', { exact: true }).waitFor();
}

export interface NewActor {
  name: string;
  organisation?: boolean;
  organized?: boolean;
  roles?: string[];
  power?: string;
  alignment?: string;
}

export async function addActor(page: Page, actor: NewActor) {
  await page.getByRole('button', { name: '+ Actor' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an actor' });
  await dialog.getByLabel('Name').fill(actor.name);
  if (actor.organisation) await dialog.getByLabel('Organisation').check();
  if (actor.organized) await dialog.getByLabel(/Organised group/).check();
  for (const role of actor.roles ?? []) await dialog.getByLabel(role, { exact: true }).check();
  if (actor.power) await dialog.getByLabel('Power over the decision').selectOption({ label: actor.power });
  if (actor.alignment) await dialog.getByLabel('Alignment with us').selectOption({ label: actor.alignment });
  await dialog.getByRole('button', { name: /^Create/ }).click();
  await dialog.waitFor({ state: 'detached' });
  await waitSaved(page);
}

export async function waitSaved(page: Page) {
  await page.getByText('Saved', { exact: true }).waitFor();
}

/** Where a node of the network is on the page (Cytoscape draws on a canvas, so ask it). */
export async function nodeOnPage(page: Page, name: string): Promise<{ x: number; y: number }> {
  const handle = await page.waitForFunction((label) => {
    const cy = (
      window as unknown as {
        __powermapCy?: {
          nodes(): {
            filter(f: (n: { data(k: string): unknown }) => boolean): { length: number; renderedPosition(): { x: number; y: number } };
          };
          container(): HTMLElement;
        };
      }
    ).__powermapCy;
    if (!cy) return null;
    const found = cy.nodes().filter((n) => n.data('label') === label);
    if (!found.length) return null;
    const p = found.renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, name);
  return (await handle.jsonValue()) as { x: number; y: number };
}

/** Every node's place on screen and the viewport, rounded: equal twice means nothing moved in between. */
function sceneOnPage(page: Page) {
  return page.evaluate(() => {
    const cy = (window as unknown as { __powermapCy?: import('cytoscape').Core }).__powermapCy;
    if (!cy) return '';
    const nodes = cy.nodes().map((n) => `${n.id()}:${Math.round(n.renderedPosition().x)},${Math.round(n.renderedPosition().y)}`);
    return `${Math.round(cy.zoom() * 100)}|${Math.round(cy.pan().x)},${Math.round(cy.pan().y)}|${nodes.join(';')}`;
  });
}

/** Waits until a layout, a fit or a placement has finished: the whole scene still for three looks in a row. */
export async function sceneSettled(page: Page) {
  let last = await sceneOnPage(page);
  for (let i = 0, still = 0; i < 100 && still < 3; i++) {
    await page.waitForTimeout(200);
    const now = await sceneOnPage(page);
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

/** Turns drawing on with the toolbar button unless it is on already (it stays on until Esc). */
export async function startDrawing(page: Page) {
  const button = page.getByRole('button', { name: '⤳ Relationship' });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
}

/** In drawing mode, drags from one actor to another as a person draws a tie; the form opens. */
export async function dragTie(page: Page, from: string, to: string) {
  const dialog = page.getByRole('dialog', { name: 'New relationship' });
  await dragOnce(page, from, to);
  // A person whose drag landed while the map was still settling simply drags again.
  if (
    !(await dialog.waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    ))
  )
    await dragOnce(page, from, to);
  if (!(await dialog.isVisible())) await page.screenshot({ path: 'test-results/drag-failed.png' });
  await dialog.waitFor();
}

async function dragOnce(page: Page, from: string, to: string) {
  await sceneSettled(page);
  const a = await nodeOnPage(page, from);
  const b = await nodeOnPage(page, to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 8 });
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.waitForTimeout(300);
  await page.mouse.move(b.x + 1, b.y + 1);
  await page.mouse.up();
}

/** Drags from one actor to another in drawing mode, as a person draws a tie. */
export async function drawRelationship(page: Page, from: string, to: string) {
  await startDrawing(page);
  await dragTie(page, from, to);
}

/** How many ties the network draws. */
export async function edgeCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __powermapCy?: { edges(): { length: number } } }).__powermapCy?.edges().length ?? -1);
}

/** Drags an actor on the power grid into the cell of an alignment (−3…+3) and a power (0…5). */
export async function dragOnGrid(page: Page, actor: string, alignment: number, power: number) {
  const marker = page.locator(`g.grid-actor[data-actor="${actor}"]`);
  const from = await marker.boundingBox();
  const column = await page.locator(`text[data-alignment="${alignment}"]`).boundingBox();
  const row = await page.locator(`text[data-power="${power}"]`).boundingBox();
  if (!from || !column || !row) throw new Error(`cannot find ${actor} or the cell ${alignment} / ${power} on the grid`);
  await page.mouse.move(from.x + from.width / 2, from.y + 10);
  await page.mouse.down();
  await page.mouse.move(column.x + column.width / 2, row.y + row.height / 2, { steps: 12 });
  await page.mouse.up();
  await waitSaved(page);
}

/** Calls the API from inside the page, with the page's own session (for setting the scene fast). */
export async function apiIn<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const res = await fetch(url, {
        method,
        credentials: 'same-origin',
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
    { method, url, body },
  ) as Promise<T>;
}

/** Names of the nodes the network shows lit (kept bright) and faded by a highlight. */
export async function highlighted(page: Page) {
  return page.evaluate(() => {
    const cy = (
      window as unknown as {
        __powermapCy?: {
          nodes(s?: string): { map<T>(f: (n: { data(k: string): string }) => T): T[] };
          edges(s?: string): { length: number };
        };
      }
    ).__powermapCy!;
    return {
      lit: cy
        .nodes('.lit')
        .map((n) => n.data('label'))
        .sort(),
      faded: cy
        .nodes('.faded')
        .map((n) => n.data('label'))
        .sort(),
      litEdges: cy.edges('.lit').length,
    };
  });
}

export const uniqueEmail = (who: string) => `${who}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
