import path from 'node:path';
import { testApp, type TestContext } from './app.js';

/** The production build of the client, made by `npm run build:client` (and by `npm test`). */
export const builtClientDir = path.resolve('dist/client');

export interface TestServer extends TestContext {
  url: string;
}

/** The real app over the test database, listening on a free loopback port like `npm start`. */
export async function startTestServer(options: { clientDir?: string } = {}): Promise<TestServer> {
  const ctx = await testApp(options);
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const address = ctx.app.server.address();
  if (!address || typeof address === 'string') throw new Error('the test server has no TCP address');
  return { ...ctx, url: `http://127.0.0.1:${address.port}` };
}
