/**
 * A database outage as a user of the API meets it: answers come at once as 503 with
 * Retry-After instead of after the driver's timeouts, /api/health says the database is
 * down, and everything works again as soon as the database is back. The outage is a relay
 * between the app and the run's Neo4j whose link is cut, so the database itself stays up.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { buildApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createDriver, DatabaseUnavailableError, Gateway } from '../../server/db/gateway.js';
import { call, signUp, type Caller } from '../support/api.js';
import { flakyProxy, type FlakyProxy } from '../support/flaky-proxy.js';

describe('while the database is unreachable', () => {
  let proxy: FlakyProxy;
  let driver: Driver;
  let db: Gateway;
  let app: App;
  let researcher: Caller;

  beforeAll(async () => {
    proxy = await flakyProxy(inject('neo4jUri'));
    driver = createDriver(proxy.uri, inject('neo4jUser'), inject('neo4jPassword') || undefined);
    db = new Gateway(driver, process.env.NEO4J_DATABASE ?? 'neo4j');
    const config = loadConfig({ NEO4J_URI: proxy.uri, SEED_DEMO: 'false', LOG_LEVEL: 'silent' });
    app = await buildApp({ config, db, sessionSecret: 'test-secret-test-secret-test-secret-0123' });
    await app.ready();
    researcher = await signUp(app, 'Outage Researcher');
  });

  afterAll(async () => {
    await app?.close();
    db?.close();
    await driver?.close();
    await proxy?.close();
  });

  const health = async () => (await app.inject('/api/health')).json() as { status: string; database: string };

  it('says so on /api/health, to anyone, with no other request having failed first', { timeout: 120_000 }, async () => {
    expect(await health()).toEqual({ status: 'ok', database: 'up' });
    proxy.down();
    // Health checks the database at most once a second, so it may take that long to notice.
    await expect.poll(health, { timeout: 60_000, interval: 200 }).toEqual({ status: 'degraded', database: 'down' });
    expect((await app.inject('/api/health')).statusCode).toBe(200);
  });

  it('answers every request with 503 and Retry-After, without trying the database for each', { timeout: 120_000 }, async () => {
    const before = proxy.attempts;
    const answers = [];
    for (let i = 0; i < 30; i++) {
      answers.push(await call(app, researcher, 'GET', '/api/workspaces'));
      answers.push(await call(app, null, 'GET', '/api/ready'));
    }
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(answer.body).toMatchObject({ status: 503, detail: expect.stringMatching(/database is not reachable/i) });
    }
    // Only the one background probe knocked, a handful of times at most: not 60 requests' worth.
    expect(proxy.attempts - before).toBeLessThan(10);
  });

  it('fails a unit of work with the typed error, without running it', async () => {
    let ran = false;
    const outcome = db.read(async () => {
      ran = true;
    });
    await expect(outcome).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(outcome).rejects.toMatchObject({ kind: 'unavailable', extra: { retryAfter: expect.any(Number) } });
    expect(ran).toBe(false);
  });

  it('works again as soon as the database is reachable, with no request needed to notice', { timeout: 120_000 }, async () => {
    proxy.up();
    await expect.poll(health, { timeout: 60_000, interval: 200 }).toEqual({ status: 'ok', database: 'up' });
    const list = await call(app, researcher, 'GET', '/api/workspaces');
    expect(list.status).toBe(200);
    expect((await app.inject('/api/ready')).statusCode).toBe(200);
  });
});
