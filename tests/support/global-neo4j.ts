/**
 * One real Neo4j for the whole test run, on a free port with a throw-away store, migrated
 * once. Tests reach it through `inject('neo4jUri')` and keep to their own workspaces.
 * With NEO4J_URI set, that database is used instead and nothing is started.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j } from '../../neo4j/local.js';
import { freePort } from '../../neo4j/port.js';
import { createDriver, Gateway } from '../../server/db/gateway.js';
import { migrate } from '../../server/db/migrations.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
  }
}

export default async function setup(project: TestProject) {
  let stop = async () => {};
  let uri = process.env.NEO4J_URI;
  let user = process.env.NEO4J_USER ?? 'neo4j';
  let password = process.env.NEO4J_PASSWORD ?? '';
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'powermap-test-neo4j-'));
  if (!uri) {
    // With its own generated password, like every local database.
    const db = await startLocalNeo4j({
      dataDir,
      cacheDir: path.resolve('.data'),
      port: await freePort(),
      heap: '1g',
      pageCache: '256m',
    });
    ({ uri, user, password } = db);
    stop = db.stop;
  }
  const driver = createDriver(uri, user, password || undefined);
  const gateway = new Gateway(driver, process.env.NEO4J_DATABASE ?? 'neo4j');
  await migrate(gateway);
  gateway.close();
  await driver.close();
  project.provide('neo4jUri', uri);
  project.provide('neo4jUser', user);
  project.provide('neo4jPassword', password);
  return async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
