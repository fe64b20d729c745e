/**
 * Runs powermap: validates the environment, starts the local Neo4j unless NEO4J_URI names
 * another, applies migrations, seeds the demo workspace on an empty database, listens,
 * and shuts everything down in order on Ctrl-C or SIGTERM.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { localNeo4jOptions } from '../neo4j/config.js';
import { startLocalNeo4j, type LocalNeo4j } from '../neo4j/local.js';
import { LocalNeo4jError } from '../neo4j/errors.js';
import { buildApp, type App } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createDriver, Gateway } from './db/gateway.js';
import { migrate } from './db/migrations.js';
import { sessionSecret } from './auth/secrets.js';
import { seedDemoIfEmpty } from './demo/seed.js';
import type { Driver } from 'neo4j-driver';

let local: LocalNeo4j | undefined;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const config = loadConfig(process.env);
  // A person at a terminal reads lines; a log collector reads JSON.
  const logger = pino({
    level: config.LOG_LEVEL,
    base: undefined,
    ...(process.stdout.isTTY
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname,reqId,req,res,responseTime', singleLine: true },
          },
        }
      : {}),
  });
  let app: App | undefined;
  let driver: Driver | undefined;
  let db: Gateway | undefined;
  let closing = false;

  const shutdown = async (code: number) => {
    if (closing) return;
    closing = true;
    logger.info('Shutting down…');
    try {
      await app?.close();
      db?.close();
      await driver?.close();
    } finally {
      await local?.stop();
      process.exit(code);
    }
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  let uri = config.NEO4J_URI;
  let user = config.NEO4J_USER;
  let password = config.NEO4J_PASSWORD;
  if (!uri) {
    // Ours to look after: started again when it dies, while requests fail fast meanwhile.
    local = await startLocalNeo4j({
      ...localNeo4jOptions(config),
      restart: true,
      onDown: () => db?.markUnreachable('the local Neo4j died'),
      log: (line) => logger.info(line),
    });
    ({ uri, user, password } = local);
  }
  driver = createDriver(uri, user, password);
  db = new Gateway(driver, config.NEO4J_DATABASE, logger);
  try {
    // The driver itself rather than the gateway: its own message says what is wrong.
    await driver.verifyConnectivity({ database: config.NEO4J_DATABASE });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new StartError(
      local
        ? `The local Neo4j at ${uri} did not accept powermap (${why}): read ${local.logFile}.`
        : `Neo4j at ${uri} did not answer (${why}): check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.`,
    );
  }
  const applied = await migrate(db);
  if (applied.length) logger.info(`Applied schema migrations ${applied.join(', ')}`);
  if (config.SEED_DEMO) await seedDemoIfEmpty(db, (line) => logger.info(line));

  app = await buildApp({
    config,
    db,
    logger,
    clientDir: path.join(root, 'dist', 'client'),
    sessionSecret: sessionSecret(config.SESSION_SECRET, config.POWERMAP_DATA_DIR),
  });
  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new StartError(`Port ${config.PORT} is already in use: stop what uses it or set PORT to a free port.`);
    }
    throw error;
  }
  const shownHost = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  console.log(`\npowermap is running at http://${shownHost}:${config.PORT}  (API docs: /api/docs; Ctrl-C stops)\n`);

  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    void shutdown(1);
  });
}

class StartError extends Error {}

main().catch(async (error: unknown) => {
  const known = error instanceof ConfigError || error instanceof LocalNeo4jError || error instanceof StartError;
  console.error(known ? `powermap could not start. ${(error as Error).message}` : error);
  await local?.stop();
  process.exit(1);
});
