import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { testApp, type TestContext } from './app.js';

/** The production build of the client, made by `npm run build:client` (and by `npm test`). */
export const builtClientDir = path.resolve('dist/client');

export interface TestServer extends TestContext {
  url: string;
}

/** The real app over the test database, listening on a free loopback port like `npm start`. */
export async function startTestServer(options: { clientDir?: string; env?: Record<string, string> } = {}): Promise<TestServer> {
  const ctx = await testApp(options);
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const address = ctx.app.server.address();
  if (!address || typeof address === 'string') throw new Error('the test server has no TCP address');
  return { ...ctx, url: `http://127.0.0.1:${address.port}` };
}

/**
 * The production build served by the real app on a free port, and Chromium to open it:
 * what every browser test starts from. Call `close` in afterAll.
 */
export async function startBrowserSession(options: { env?: Record<string, string> } = {}): Promise<{
  server: TestServer;
  browser: import('playwright-core').Browser;
  close(): Promise<void>;
}> {
  const { existsSync } = await import('node:fs');
  const { launchChromium } = await import('./browser.js');
  if (!existsSync(path.join(builtClientDir, 'index.html'))) {
    throw new Error(`No production build in ${builtClientDir}: run "npm run build:client" first (npm test does).`);
  }
  const server = await startTestServer({ clientDir: builtClientDir, ...options });
  const browser = await launchChromium();
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A browser session for one describe block (started before its tests, closed after), and a
 * fresh signed-out page in it: its own context at the given size, patient waits (a loaded
 * machine takes its time; every wait is for a condition, not a clock), page errors collected.
 */
export function browserSuite() {
  let session: Awaited<ReturnType<typeof startBrowserSession>> | undefined;
  beforeAll(async () => {
    session = await startBrowserSession();
  });
  afterAll(async () => {
    await session?.close();
  });
  return {
    get server() {
      return session!.server;
    },
    async page(viewport: { width: number; height: number }) {
      const context = await session!.browser.newContext({ viewport });
      context.setDefaultTimeout(90_000);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      return { context, page, errors };
    },
  };
}
