/**
 * Pictures of a map worth putting on a slide, in Debian's Chromium: the network and the power
 * grid exported as SVG and PNG carry the map's title, the view, the date and the workspace,
 * and a legend; the grid's on-screen hints stay behind. The files go to test-results/pictures/.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiIn, signUp, uniqueEmail } from '../support/e2e-editor.js';
import { browserSuite } from '../support/server.js';

const outDir = path.join('test-results', 'pictures');

async function download(page: Page, button: string, keep: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  mkdirSync(outDir, { recursive: true });
  const kept = path.join(outDir, keep);
  copyFileSync((await file.path())!, kept);
  return { name: file.suggestedFilename(), path: kept };
}

/** The PNG's size in pixels, from its header. */
const pngSize = (file: string) => {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};

describe('exported pictures of a map', () => {
  const suite = browserSuite();

  it('title the network and the grid, date them, name the workspace and show the legend', async () => {
    const { context, page, errors } = await suite.page({ width: 1440, height: 900 });
    await signUp(page, suite.server.url, { name: 'Pat Pictures', email: uniqueEmail('pat'), password: 'correct horse battery' });
    const ws = await apiIn<{ id: string }>(page, 'POST', '/api/workspaces', { name: 'Care workers coalition' });
    const base = `/api/workspaces/${ws.id}`;
    const actor = async (body: object) => (await apiIn<{ id: string }>(page, 'POST', `${base}/actors`, body)).id;
    const ids = [
      await actor({ kind: 'person', name: 'Governor Hale', roles: ['decision_maker'], power: 5, alignment: -1 }),
      await actor({ kind: 'organization', name: 'Care Workers Union', organized: true, roles: ['base'], power: 3, alignment: 3 }),
      await actor({ kind: 'organization', name: 'Sunrise Homes LLC', roles: ['bad_actor'], power: 4, alignment: -3 }),
    ];
    await apiIn(page, 'POST', `${base}/relationships`, { type: 'DONATION', from: ids[2], to: ids[0], amount: 10000, currency: 'USD' });
    const map = await apiIn<{ id: string }>(page, 'POST', `${base}/maps`, {
      name: 'Who decides on care wages',
      members: ids.map((actorId, i) => ({ actorId, x: i * 250, y: (i % 2) * 150 })),
    });
    await page.goto(`${suite.server.url}/w/${ws.id}/maps/${map.id}`);
    await page.getByRole('toolbar', { name: 'Map tools' }).waitFor();
    await page.getByText('Saved', { exact: true }).waitFor();
    // The caption names the workspace the page shows in its path.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Care workers coalition' }).waitFor();

    const svg = await download(page, 'SVG', 'network.svg');
    expect(svg.name).toMatch(/network\.svg$/);
    const text = readFileSync(svg.path, 'utf8');
    for (const words of [
      'Who decides on care wages',
      'Care workers coalition',
      'Decision-maker',
      'Die-hard opposed',
      'Governor Hale',
      'No source yet',
    ])
      expect(text).toContain(words);
    expect(text).toMatch(/Network · \d{1,2} \w+ \d{4} · Care workers coalition/);

    const png = await download(page, 'PNG', 'network.png');
    const size = pngSize(png.path);
    expect(size.width).toBeGreaterThanOrEqual(1280);

    // The grid, in the same frame and without its on-screen hints.
    await page.getByRole('button', { name: 'Power grid' }).click();
    await page.getByRole('group', { name: 'Power grid' }).waitFor();
    const grid = readFileSync((await download(page, 'SVG', 'grid.svg')).path, 'utf8');
    expect(grid).toContain('Who decides on care wages');
    expect(grid).toMatch(/Power grid · \d{1,2} \w+ \d{4} · Care workers coalition/);
    expect(grid).toContain('Not assessed');
    expect(grid).not.toMatch(/select one to bring it here/);
    const gridPng = pngSize((await download(page, 'PNG', 'grid.png')).path);
    expect(gridPng.height).toBeGreaterThan(400);

    // Looked at as a person would: each picture opened on its own.
    for (const name of ['network.png', 'grid.png']) {
      const viewer = await context.newPage();
      await viewer.setContent(
        `<img src="data:image/png;base64,${readFileSync(path.join(outDir, name)).toString('base64')}" style="max-width:100%">`,
      );
      await viewer.screenshot({ path: path.join(outDir, `seen-${name}`), fullPage: true });
      await viewer.close();
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
