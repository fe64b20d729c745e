/**
 * The production build in a real browser: Debian's Chromium opens the app served by the
 * real server and sees the application frame. A screenshot is kept in test-results/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserSession, type TestServer } from '../support/server.js';

describe('the app in Chromium', () => {
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

  it('opens the production build and shows the powermap frame', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(server.url, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    const header = page.getByRole('banner').first();
    await header.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await header.textContent()).toContain('powermap');
    expect(await page.title()).toContain('powermap');
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
    // The server and database are up, so no "server is down" banner may show.
    expect(await page.getByRole('alert').count()).toBe(0);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: path.join('test-results', 'smoke.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);
});
