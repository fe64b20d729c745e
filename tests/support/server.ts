import path from 'node:path';
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
