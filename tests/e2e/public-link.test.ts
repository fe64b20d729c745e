/**
 * A public link in Debian's Chromium: an owner shares a map with its story, someone without
 * an account opens it, looks at it and steps through the story; once revoked, the page says
 * the link is no longer valid. Screenshots go to test-results/public-link/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiIn, signUp, uniqueEmail } from '../support/e2e-editor.js';
import { startBrowserSession, type TestServer } from '../support/server.js';

const shotsDir = path.join('test-results', 'public-link');
const shot = async (page: Page, name: string) => {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
};

const SECRET = 'Sam from Local 12 knows her';
const NOTES = 'Do not quote the chair';

/** Node labels Cytoscape draws (the canvas has no text to read). */
const drawnLabels = (page: Page) =>
  page.evaluate(() => {
    const cy = (window as unknown as { __powermapCy?: { nodes(): { map(f: (n: { data(k: string): unknown }) => unknown): unknown[] } } })
      .__powermapCy;
    return cy ? (cy.nodes().map((n) => n.data('label')) as string[]).sort() : [];
  });

describe('a public link to a map', () => {
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

  it('is made with the story by an owner, opened and stepped through without an account, and dead once revoked', async () => {
    const ownerContext = await browser.newContext({ viewport: { width: 1366, height: 820 } });
    // A loaded machine can take its time; every wait below is for a condition, not a clock.
    ownerContext.setDefaultTimeout(90_000);
    const owner = await ownerContext.newPage();
    const errors: string[] = [];
    owner.on('pageerror', (e) => errors.push(e.message));
    await signUp(owner, server.url, { name: 'Olga Owner', email: uniqueEmail('olga'), password: 'correct horse battery' });

    // The scene, set through the API with the owner's own session.
    const ws = await apiIn<{ id: string }>(owner, 'POST', '/api/workspaces', { name: 'School nurses campaign' });
    const base = `/api/workspaces/${ws.id}`;
    const actor = async (body: object) => (await apiIn<{ id: string }>(owner, 'POST', `${base}/actors`, body)).id;
    const mayor = await actor({
      kind: 'person',
      name: 'Mayor Ana Rivera',
      roles: ['decision_maker'],
      power: 5,
      alignment: 0,
      contactOwner: SECRET,
      privateNotes: NOTES,
    });
    const union = await actor({
      kind: 'organization',
      name: 'Nurses Union Local 12',
      roles: ['base'],
      organized: true,
      power: 2,
      alignment: 3,
    });
    const chamber = await actor({ kind: 'organization', name: 'Chamber of Commerce', roles: ['bad_actor'], power: 3, alignment: -2 });
    const tie = (
      await apiIn<{ id: string }>(owner, 'POST', `${base}/relationships`, {
        type: 'INFLUENCE',
        from: union,
        to: mayor,
        how: 'Turnout in her ward',
      })
    ).id;
    await apiIn(owner, 'POST', `${base}/relationships`, { type: 'DONATION', from: chamber, to: mayor, amount: 25000, currency: 'USD' });
    const map = await apiIn<{ id: string }>(owner, 'POST', `${base}/maps`, {
      name: 'Who decides on school nurses',
      members: [
        { actorId: mayor, x: 0, y: 0 },
        { actorId: union, x: -260, y: 160 },
        { actorId: chamber, x: 260, y: 160 },
      ],
      annotations: [
        {
          id: crypto.randomUUID(),
          title: 'The mayor decides',
          text: 'Only the mayor can fund school nurses.',
          actorIds: [mayor],
          relationshipIds: [],
        },
        {
          id: crypto.randomUUID(),
          title: 'Our route to her',
          text: 'The union turns out her ward.',
          actorIds: [union, mayor],
          relationshipIds: [tie],
        },
      ],
    });

    await owner.goto(`${server.url}/w/${ws.id}/maps/${map.id}`);
    await owner.getByRole('toolbar', { name: 'Map tools' }).waitFor();
    await owner.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = owner.getByRole('dialog', { name: 'Share this map' });
    await dialog.waitFor();
    // A map with a story shares it unless the owner says otherwise.
    await dialog.getByText('Include the story (2 steps)').waitFor();
    await expect.poll(() => dialog.getByLabel(/Include the story/).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Create public link' }).click();
    const urlField = dialog.getByLabel('Public link');
    await urlField.waitFor();
    const url = await urlField.inputValue();
    expect(url).toMatch(/\/p\/[A-Za-z0-9_-]{32}$/);
    const token = url.split('/p/')[1]!;
    expect(await dialog.getByLabel('Embed code for a web page').inputValue()).toContain(`/embed/${token}`);
    await expect.poll(() => dialog.getByRole('list', { name: 'Live links' }).getByRole('listitem').count()).toBe(1);
    await shot(owner, '01-share-dialog');

    // Someone without an account: a fresh context, no cookies.
    const visitorContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    visitorContext.setDefaultTimeout(90_000);
    const visitor = await visitorContext.newPage();
    visitor.on('pageerror', (e) => errors.push(e.message));
    const apiCalls: string[] = [];
    visitor.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls.push(new URL(r.url()).pathname);
    });
    await visitor.goto(url);
    await visitor.getByRole('heading', { name: 'Who decides on school nurses', level: 1 }).waitFor();
    await expect.poll(() => drawnLabels(visitor)).toEqual(['Chamber of Commerce', 'Mayor Ana Rivera', 'Nurses Union Local 12']);
    expect(await visitor.getByRole('button', { name: '+ Actor' }).count()).toBe(0);
    expect(await visitor.getByRole('button', { name: /Undo/ }).count()).toBe(0);
    expect(await visitor.getByRole('button', { name: 'Share' }).count()).toBe(0);
    expect(apiCalls.every((p) => p.startsWith('/api/public/'))).toBe(true);
    await shot(visitor, '02-shared-1440x900');

    // Step through the story.
    await visitor.getByRole('button', { name: /Story · 2 steps/ }).click();
    const presenter = visitor.getByRole('region', { name: 'Story' });
    await presenter.getByText('Step 1 of 2').waitFor();
    await presenter.getByRole('heading', { name: 'The mayor decides' }).waitFor();
    await shot(visitor, '03-story-step-1');
    await presenter.getByRole('button', { name: 'Next →' }).click();
    await presenter.getByText('Step 2 of 2').waitFor();
    await presenter.getByRole('heading', { name: 'Our route to her' }).waitFor();
    expect(await presenter.getByRole('button', { name: 'Next →' }).isDisabled()).toBe(true);
    await shot(visitor, '04-story-step-2');
    await presenter.getByRole('button', { name: '← Previous' }).click();
    await presenter.getByText('Step 1 of 2').waitFor();
    await presenter.getByRole('button', { name: 'End' }).click();
    await presenter.waitFor({ state: 'detached' });

    // The grid and the table, read-only; nothing the workspace keeps to itself anywhere.
    await visitor.getByRole('button', { name: 'Power grid', exact: true }).click();
    await visitor.locator('g.grid-actor[data-actor="Mayor Ana Rivera"]').waitFor();
    await shot(visitor, '05-shared-grid');
    await visitor.getByRole('button', { name: 'Table', exact: true }).click();
    await visitor.getByRole('gridcell', { name: 'Nurses Union Local 12', exact: true }).waitFor();
    expect(await visitor.getByLabel('Power of Mayor Ana Rivera').isDisabled()).toBe(true);
    await visitor.getByRole('button', { name: 'Network', exact: true }).click();
    const html = await visitor.content();
    expect(html).not.toContain(SECRET);
    expect(html).not.toContain(NOTES);

    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 390, height: 844 },
    ]) {
      await visitor.setViewportSize(viewport);
      await visitor.getByRole('button', { name: 'Fit' }).click();
      await visitor.waitForTimeout(300);
      await shot(visitor, `06-shared-${viewport.width}x${viewport.height}`);
    }
    await visitor.setViewportSize({ width: 390, height: 844 });
    await visitor.getByRole('button', { name: /Story · 2 steps/ }).click();
    await visitor.getByRole('region', { name: 'Story' }).getByText('Step 1 of 2').waitFor();
    await visitor.waitForTimeout(600); // the step glides into view; only the picture waits for it
    await shot(visitor, '07-story-390x844');

    const embed = await visitorContext.newPage();
    await embed.setViewportSize({ width: 640, height: 420 });
    await embed.goto(`${server.url}/embed/${token}`);
    await embed.getByRole('link', { name: /powermap/ }).waitFor();
    await expect.poll(() => drawnLabels(embed)).toHaveLength(3);
    expect(await embed.getByRole('banner').count()).toBe(0);
    await shot(embed, '08-embed-640x420');

    // The owner revokes it; the visitor's next look finds it gone.
    const row = dialog.getByRole('list', { name: 'Live links' }).getByRole('listitem').first();
    await row.getByRole('button', { name: /^Revoke/ }).click();
    await row.getByRole('button', { name: 'Revoke now' }).click();
    await dialog.getByText('No public links to this map.').waitFor();
    await visitor.setViewportSize({ width: 1366, height: 768 });
    await visitor.reload();
    await visitor.getByRole('heading', { name: 'This link is no longer valid' }).waitFor();
    await shot(visitor, '09-link-revoked');
    await embed.reload();
    await embed.getByRole('heading', { name: 'This link is no longer valid' }).waitFor();

    expect(errors).toEqual([]);
    await ownerContext.close();
    await visitorContext.close();
  }, 480_000);
});
