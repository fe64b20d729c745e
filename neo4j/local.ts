import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveClasspath, launcherPath } from './classpath.js';
import { LocalNeo4jError } from './errors.js';
import { checkJava } from './java.js';
import { isPortFree } from './port.js';

export interface LocalNeo4jOptions {
  /** Folder that holds the store, the launcher log and the pid file. */
  dataDir: string;
  port: number;
  /** Folder for the cached classpath; shared between stores. */
  cacheDir: string;
  heap?: string;
  pageCache?: string;
  startTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

const READY = 'powermap-neo4j ready';

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? (() => {});
  const java = checkJava();
  if (!(await isPortFree(options.port))) {
    throw new LocalNeo4jError(
      `Port ${options.port} is already in use, so the local Neo4j cannot listen on it: stop what uses it or set NEO4J_PORT to a free port.`,
    );
  }
  const classpath = await resolveClasspath(options.cacheDir, log);
  const storeDir = path.join(options.dataDir, 'store');
  mkdirSync(storeDir, { recursive: true });
  const logFile = path.join(options.dataDir, 'launcher.log');
  const pidFile = path.join(options.dataDir, 'launcher.pid');
  const argFile = path.join(options.dataDir, 'launcher.args');
  // An argument file keeps the 200-jar classpath out of `ps` output and command-line limits.
  writeFileSync(argFile, `-cp\n${classpath}\n`);
  const args = [
    `-Xmx${options.heap ?? '1g'}`,
    `-Dpowermap.pagecache=${options.pageCache ?? '512m'}`,
    '-XX:+UseG1GC',
    `@${argFile}`,
    launcherPath,
    storeDir,
    String(options.port),
  ];
  // Its own process group: Ctrl-C reaches Node only, which then closes the driver before the
  // database. If Node dies instead, the launcher sees its stdin close and shuts down.
  const child = spawn(java, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const logStream = createWriteStream(logFile, { flags: 'w' });
  const recent: string[] = [];
  const remember = (chunk: Buffer) => {
    logStream.write(chunk);
    recent.push(...chunk.toString().split('\n').filter(Boolean));
    recent.splice(0, Math.max(0, recent.length - 40));
  };
  child.stdout.on('data', remember);
  child.stderr.on('data', remember);

  await waitForReady(child, recent, options.startTimeoutMs ?? 120_000, logFile, options.port, storeDir);
  writeFileSync(pidFile, String(child.pid));
  log(`Local Neo4j is listening on bolt://127.0.0.1:${options.port} (store ${storeDir})`);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= stopChild(child).finally(() => {
      rmSync(pidFile, { force: true });
      logStream.end();
    });
    return stopping;
  };
  return { uri: `bolt://127.0.0.1:${options.port}`, pid: child.pid ?? -1, logFile, stop };
}

function waitForReady(
  child: ChildProcess,
  recent: string[],
  timeoutMs: number,
  logFile: string,
  port: number,
  storeDir: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new LocalNeo4jError(`${why}\n--- last lines of ${logFile} ---\n${recent.join('\n')}`));
    };
    const timer = setTimeout(
      () => fail(`The local Neo4j did not answer within ${Math.round(timeoutMs / 1000)} s: read its log below, or set NEO4J_URI.`),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(READY)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      const text = recent.join('\n');
      if (text.includes('PORT_IN_USE')) {
        fail(`Port ${port} is already in use, so the local Neo4j cannot listen on it: stop what uses it or set NEO4J_PORT to a free port.`);
      } else if (/FileLockException|locked by another|Lock file has been locked/i.test(text)) {
        fail(`The store ${storeDir} is in use by another Neo4j process: stop the other powermap ("npm run db -- stop") or set POWERMAP_DATA_DIR.`);
      } else {
        fail(`The local Neo4j exited during start-up (code ${code}): read its log below.`);
      }
    });
  });
}

/** Closing stdin asks the launcher to shut down cleanly; SIGKILL only if it hangs. */
function stopChild(child: ChildProcess, graceMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.stdin?.end();
  });
}
