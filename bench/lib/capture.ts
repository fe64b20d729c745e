/**
 * Records the Cypher the API runs for a request, so the floor can replay exactly the same
 * statements with neo4j-driver. The app is built in-process over the bench database with a
 * gateway whose debug log (every statement with its parameters) is captured.
 */
import type { FastifyBaseLogger } from 'fastify';
import neo4j, { type Driver, type SessionConfig } from 'neo4j-driver';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { Gateway } from '../../server/db/gateway.js';
import { isAuthStatement, type Plan, type Unit } from './plan.js';

export interface Captured {
  plan: Plan;
  /** Path → status and body of the first failing answer, for paths that did not answer 200. */
  failures: Record<string, { status: number; body: string }>;
}

export async function captureCypher(driver: Driver, neo4jUri: string, paths: string[], token: string): Promise<Captured> {
  let recording: Unit[] | null = null;
  const noop = () => {};
  const logger = {
    level: 'debug',
    debug: (obj: { cypher?: string; params?: Record<string, unknown> }) => {
      const unit = recording?.at(-1);
      if (unit && obj?.cypher) unit.statements.push({ cypher: obj.cypher, params: obj.params ?? {} });
    },
    info: noop,
    warn: noop,
    error: noop,
    fatal: noop,
    trace: noop,
    silent: noop,
    child() {
      return logger;
    },
  } as unknown as FastifyBaseLogger;
  // Each session the gateway opens is one unit of work; the floor opens one per unit too.
  const sessions = new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop !== 'session') return Reflect.get(target, prop, receiver);
      return (config: SessionConfig = {}) => {
        recording?.push({ mode: config.defaultAccessMode === neo4j.session.READ ? 'READ' : 'WRITE', statements: [] });
        return target.session(config);
      };
    },
  });
  const db = new Gateway(sessions, 'neo4j', logger);
  const config = loadConfig({ NEO4J_URI: neo4jUri, SEED_DEMO: 'false', LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, db, sessionSecret: 'bench-secret-bench-secret-bench-secret-0' });
  await app.ready();
  const plan: Plan = {};
  const failures: Captured['failures'] = {};
  try {
    for (const path of paths) {
      const headers = { authorization: `Bearer ${token}` };
      // The first call fills the token and membership caches; the second is what a warm API runs.
      await app.inject({ url: path, headers });
      recording = [];
      const res = await app.inject({ url: path, headers });
      const units = recording
        .map((u) => ({ ...u, statements: u.statements.filter((s) => !isAuthStatement(s.cypher)) }))
        .filter((u) => u.statements.length > 0);
      recording = null;
      if (res.statusCode !== 200) failures[path] = { status: res.statusCode, body: res.body };
      else plan[path] = units;
    }
  } finally {
    await app.close();
  }
  return { plan, failures };
}
