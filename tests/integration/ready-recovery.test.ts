/**
 * Readiness follows the database: a second, private Neo4j is stopped under a running app and
 * started again on the same store and port; the app is never rebuilt in between.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { startTimeoutMs } from '../../neo4j/config.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../neo4j/local.js';
import { freePort } from '../../neo4j/port.js';
import { buildApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createDriver, Gateway } from '../../server/db/gateway.js';
import { migrate } from '../../server/db/migrations.js';

describe('readiness while the database goes away and comes back', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'powermap-ready-'));
  let port: number;
  let neo4j: LocalNeo4j;
  let driver: Driver;
  let db: Gateway;
  let app: App;

  const start = () =>
    startLocalNeo4j({
      dataDir,
      cacheDir: path.resolve('.data'),
      port,
      heap: '512m',
      pageCache: '64m',
      startTimeoutMs: startTimeoutMs(process.env),
    });

  beforeAll(async () => {
    port = await freePort();
    neo4j = await start();
    driver = createDriver(neo4j.uri, neo4j.user, neo4j.password);
    db = new Gateway(driver, 'neo4j');
    await migrate(db);
    const config = loadConfig({ NEO4J_URI: neo4j.uri, SEED_DEMO: 'false', LOG_LEVEL: 'silent' });
    app = await buildApp({ config, db, sessionSecret: 'test-secret-test-secret-test-secret-0123' });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    db?.close();
    await driver?.close();
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ready = () => app.inject('/api/ready');

  it('is ready while the database answers', async () => {
    const res = await ready();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ready', database: 'neo4j' });
  });

  it('answers 503 with the reason once the database has stopped', { timeout: 120_000 }, async () => {
    await neo4j.stop();
    const res = await ready();
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(res.json()).toMatchObject({ status: 503, detail: expect.stringMatching(/database is not reachable/i) });
  });

  it('is ready again when the database is back on the same store and port', { timeout: 300_000 }, async () => {
    neo4j = await start();
    // The driver drops its dead connections on first use; readiness follows within a few tries.
    await expect.poll(async () => (await ready()).statusCode, { timeout: 60_000, interval: 250 }).toBe(200);
    // Ready means the migrations recorded before the stop are still there: the store was kept.
    expect((await ready()).json()).toMatchObject({ status: 'ready' });
  });
});
