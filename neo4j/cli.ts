/**
 * `npm run db -- start|stop|status`: the local Neo4j on its own, for people who want the
 * database up while they run the server in a debugger or point a tool at it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadLocalEnv, localNeo4jOptions } from './config.js';
import { LocalNeo4jError } from './errors.js';
import { startLocalNeo4j } from './local.js';
import { passwordFile } from './password.js';
import { isListening } from './port.js';

const command = process.argv[2] ?? 'status';

async function main(): Promise<number> {
  const options = localNeo4jOptions(loadLocalEnv(process.env));
  const { dataDir, port } = options;
  const pidFile = path.join(dataDir, 'launcher.pid');
  const runningPid = (): number | null => {
    if (!existsSync(pidFile)) return null;
    const pid = Number(readFileSync(pidFile, 'utf8'));
    try {
      process.kill(pid, 0);
      return pid;
    } catch {
      return null;
    }
  };
  switch (command) {
    case 'start': {
      const db = await startLocalNeo4j({ ...options, restart: true, log: (line) => console.log(line) });
      console.log(`Neo4j is running at ${db.uri} (user ${db.user}, password in ${db.passwordFile}). Press Ctrl-C to stop it.`);
      // Ctrl-C here, or `npm run db -- stop` from another terminal (which stops the database itself).
      await Promise.race([
        new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        }),
        db.stopped,
      ]);
      await db.stop();
      console.log('Neo4j stopped.');
      return 0;
    }
    case 'stop': {
      const pid = runningPid();
      if (pid === null) {
        console.log('The local Neo4j is not running.');
        return 0;
      }
      process.kill(pid, 'SIGTERM');
      console.log(`Asked the local Neo4j (pid ${pid}) to stop.`);
      return 0;
    }
    case 'status': {
      const pid = runningPid();
      const answering = await isListening(port);
      console.log(
        pid === null
          ? `The local Neo4j is not running${answering ? `, but something else listens on port ${port}` : ''}.`
          : `The local Neo4j (pid ${pid}) is ${answering ? 'answering' : 'not answering'} on bolt://127.0.0.1:${port}; store ${dataDir}; user neo4j, password in ${passwordFile(dataDir)}.`,
      );
      return pid === null ? 1 : 0;
    }
    default:
      console.error(`Unknown command "${command}": use start, stop or status.`);
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof LocalNeo4jError ? error.message : error);
    process.exit(1);
  },
);
