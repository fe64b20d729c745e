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
import { startTimeoutMs } from '../../neo4j/config.js';
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

interface Shared {
  uri: string;
  user: string;
  password: string;
  stop: () => Promise<void>;
}

// The integration and e2e projects each name this setup; when one run holds both, they
// share one database (vitest loads the file once per project, in one process).
const SHARED = Symbol.for('powermap.test-neo4j');
type Holder = { started: Promise<Shared>; users: number };
const holders = globalThis as { [SHARED]?: Holder };

async function start(): Promise<Shared> {
  const uri = process.env.NEO4J_URI;
  const user = process.env.NEO4J_USER ?? 'neo4j';
  const password = process.env.NEO4J_PASSWORD ?? '';
  if (uri) {
    await migrateOnce(uri, user, password);
    return { uri, user, password, stop: async () => {} };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'powermap-test-neo4j-'));
  // With its own generated password, like every local database.
  const db = await startLocalNeo4j({
    dataDir,
    cacheDir: path.resolve('.data'),
    port: await freePort(),
    heap: '1g',
    pageCache: '256m',
    startTimeoutMs: startTimeoutMs(process.env),
  });
  const stop = async () => {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await migrateOnce(db.uri, db.user, db.password);
  } catch (error) {
    await stop();
    throw error;
  }
  return { uri: db.uri, user: db.user, password: db.password, stop };
}

async function migrateOnce(uri: string, user: string, password: string) {
  const driver = createDriver(uri, user, password || undefined);
  const gateway = new Gateway(driver, process.env.NEO4J_DATABASE ?? 'neo4j');
  try {
    await migrate(gateway);
  } finally {
    gateway.close();
    await driver.close();
  }
}

export default async function setup(project: TestProject) {
  const holder = (holders[SHARED] ??= { started: start(), users: 0 });
  holder.users += 1;
  const { uri, user, password } = await holder.started;
  project.provide('neo4jUri', uri);
  project.provide('neo4jUser', user);
  project.provide('neo4jPassword', password);
  return async () => {
    holder.users -= 1;
    if (holder.users > 0) return;
    delete holders[SHARED];
    await (await holder.started).stop();
  };
}
