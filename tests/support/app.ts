import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { buildApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createDriver, Gateway } from '../../server/db/gateway.js';

export interface TestContext {
  app: App;
  db: Gateway;
  driver: Driver;
  close(): Promise<void>;
}

/** The real application over the test run's Neo4j, not listening; call `close` in afterAll. */
/** `env` overrides settings as the environment would (e.g. LITTLESIS_URL for a recorded LittleSis). */
export async function testApp(options: { clientDir?: string; env?: Record<string, string> } = {}): Promise<TestContext> {
  const uri = inject('neo4jUri');
  const driver = createDriver(uri, inject('neo4jUser'), inject('neo4jPassword') || undefined);
  const db = new Gateway(driver, process.env.NEO4J_DATABASE ?? 'neo4j');
  // LittleSis at a port nothing listens on: no test reaches the internet.
  const config = loadConfig({
    NEO4J_URI: uri,
    SEED_DEMO: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LITTLESIS_URL: 'http://127.0.0.1:9',
    ...options.env,
  });
  const app = await buildApp({
    config,
    db,
    sessionSecret: 'test-secret-test-secret-test-secret-0123',
    // TEST_LOG=error shows server-side errors while debugging a test.
    ...(process.env.TEST_LOG ? { logger: { level: process.env.TEST_LOG } } : {}),
    ...(options.clientDir ? { clientDir: options.clientDir } : {}),
  });
  await app.ready();
  return {
    app,
    db,
    driver,
    close: async () => {
      await app.close();
      db.close();
      await driver.close();
    },
  };
}
