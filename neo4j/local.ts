import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { resolveClasspath, launcherPath } from './classpath.js';
import { LOCAL_DEFAULTS } from './config.js';
import { LocalNeo4jError } from './errors.js';
import { checkJava } from './java.js';
import { ensurePassword } from './password.js';
import { isPortFree } from './port.js';

export interface RestartPolicy {
  /** Wait before the first restart; doubled for each further one in a row. */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

export interface LocalNeo4jOptions {
  /** Folder that holds the store, the password, the launcher log and the pid file. */
  dataDir: string;
  port: number;
  /** Folder for the cached classpath; shared between stores. */
  cacheDir: string;
  heap?: string;
  pageCache?: string;
  startTimeoutMs?: number;
  /** The database's password; default: the one generated into `<dataDir>/password`. */
  password?: string;
  /** Start the database again when it dies (not when it is stopped); off by default. */
  restart?: boolean | RestartPolicy;
  /** Told as soon as the database has died, before any restart. */
  onDown?: () => void;
  log?: (line: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  user: string;
  password: string;
  /** Where the password is kept, for people who point another tool at the database. */
  passwordFile: string;
  /** The launcher JVM's pid: a restart changes it. */
  readonly pid: number;
  logFile: string;
  /** Settles once the database has stopped for good (stop(), or an exit that is not restarted). */
  stopped: Promise<void>;
  stop(): Promise<void>;
}

const READY = 'powermap-neo4j ready';
const USER = 'neo4j';
/** A database that ran this long before dying starts its back-off again from the first delay. */
const STABLE_MS = 60_000;

/** How long to wait before restart number `attempts + 1`: doubling from the first delay, capped. */
export function restartDelay(attempts: number, policy: { firstDelayMs: number; maxDelayMs: number }): number {
  return Math.min(policy.firstDelayMs * 2 ** attempts, policy.maxDelayMs);
}

interface Launch {
  child: ChildProcess;
  recent: string[];
  /** When it said it was ready: how long it then lasted decides whether back-off starts over. */
  readyAt?: number;
}

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
  const { password, file: passwordFile } = ensurePassword(options.dataDir, options.password);
  const logFile = path.join(options.dataDir, 'launcher.log');
  const pidFile = path.join(options.dataDir, 'launcher.pid');
  const argFile = path.join(options.dataDir, 'launcher.args');
  // An argument file keeps the 200-jar classpath out of `ps` output and command-line limits;
  // the password travels in its own file, named here, never as a value on a command line.
  writeFileSync(argFile, `-cp\n${classpath}\n`);
  const args = [
    `-Xmx${options.heap ?? LOCAL_DEFAULTS.heap}`,
    `-Dpowermap.pagecache=${options.pageCache ?? LOCAL_DEFAULTS.pageCache}`,
    '-XX:+UseG1GC',
    `@${argFile}`,
    launcherPath,
    storeDir,
    String(options.port),
    passwordFile,
  ];
  const uri = `bolt://127.0.0.1:${options.port}`;
  const timeoutMs = options.startTimeoutMs ?? LOCAL_DEFAULTS.startTimeout * 1000;
  // One log for the handle's whole life, so a crash and the restart after it read in order.
  const logStream = createWriteStream(logFile, { flags: 'w' });
  const describe = { logFile, port: options.port, storeDir, timeoutMs };

  let current = spawnLauncher(java, args, logStream);
  await waitForReady(current, describe);
  writeFileSync(pidFile, String(current.child.pid));
  log(`Local Neo4j is listening on ${uri} (store ${storeDir}; user ${USER}, password in ${passwordFile})`);

  const policy = restartPolicy(options.restart);
  let stopping: Promise<void> | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let attempts = 0;
  let finish!: () => void;
  const stopped = new Promise<void>((resolve) => (finish = resolve));

  const scheduleRestart = (why: string) => {
    const delay = restartDelay(attempts, policy!);
    attempts++;
    log(`The local Neo4j ${why}; starting it again in ${formatSeconds(delay)} (attempt ${attempts}).`);
    restartTimer = setTimeout(() => void restart(), delay);
  };

  const restart = async () => {
    if (stopping) return;
    const next = spawnLauncher(java, args, logStream);
    current = next;
    // At once, not once ready: Bolt answers a moment before the launcher says so.
    writeFileSync(pidFile, String(next.child.pid));
    try {
      await waitForReady(next, describe);
    } catch (error) {
      if (stopping) return;
      scheduleRestart(`did not start again (${(error as Error).message.split('\n')[0]})`);
      return;
    }
    if (stopping) return;
    log(`The local Neo4j is answering again on ${uri} (pid ${next.child.pid}).`);
    watch(next);
  };

  const watch = (launch: Launch) => {
    launch.child.once('exit', (code, signal) => {
      if (stopping || launch !== current) return;
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      // 0 is its own clean stop (its stdin closed); 130 and 143 a SIGINT or SIGTERM someone sent it.
      const asked = signal === null && (code === 0 || code === 130 || code === 143);
      if (!policy || asked) {
        log(`The local Neo4j (pid ${launch.child.pid}) ${how}; it is not started again.`);
        rmSync(pidFile, { force: true });
        logStream.end();
        finish();
        return;
      }
      options.onDown?.();
      if (Date.now() - (launch.readyAt ?? Date.now()) > STABLE_MS) attempts = 0;
      scheduleRestart(`(pid ${launch.child.pid}) ${how}`);
    });
  };
  watch(current);

  const stop = () => {
    stopping ??= (async () => {
      clearTimeout(restartTimer);
      await stopChild(current.child);
      rmSync(pidFile, { force: true });
      logStream.end();
      finish();
    })();
    return stopping;
  };
  return {
    uri,
    user: USER,
    password,
    passwordFile,
    get pid() {
      return current.child.pid ?? -1;
    },
    logFile,
    stopped,
    stop,
  };
}

function restartPolicy(restart: LocalNeo4jOptions['restart']): Required<RestartPolicy> | undefined {
  if (!restart) return undefined;
  const given = restart === true ? {} : restart;
  return { firstDelayMs: given.firstDelayMs ?? 1_000, maxDelayMs: given.maxDelayMs ?? 30_000 };
}

const formatSeconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

function spawnLauncher(java: string, args: string[], logStream: WriteStream): Launch {
  // Its own process group: Ctrl-C reaches Node only, which then closes the driver before the
  // database. If Node dies instead, the launcher sees its stdin close and shuts down.
  const child = spawn(java, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const recent: string[] = [];
  const remember = (chunk: Buffer) => {
    logStream.write(chunk);
    recent.push(...chunk.toString().split('\n').filter(Boolean));
    recent.splice(0, Math.max(0, recent.length - 40));
  };
  child.stdout!.on('data', remember);
  child.stderr!.on('data', remember);
  // A launcher that dies leaves a broken pipe; the exit handlers say what happened.
  child.stdin!.on('error', () => {});
  return { child, recent };
}

function waitForReady(
  launch: Launch,
  { logFile, port, storeDir, timeoutMs }: { logFile: string; port: number; storeDir: string; timeoutMs: number },
): Promise<void> {
  const { child, recent } = launch;
  return new Promise((resolve, reject) => {
    const settle = () => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('close', onExit);
    };
    const fail = (why: string) => {
      settle();
      child.kill('SIGKILL');
      reject(new LocalNeo4jError(`${why}\n--- last lines of ${logFile} ---\n${recent.join('\n')}`));
    };
    const timer = setTimeout(
      () =>
        fail(
          `The local Neo4j did not answer within ${Math.round(timeoutMs / 1000)} s: read its log below, set NEO4J_START_TIMEOUT to wait longer on a busy machine, or set NEO4J_URI.`,
        ),
      timeoutMs,
    );
    const onData = () => {
      if (recent.some((line) => line.includes(READY))) {
        settle();
        launch.readyAt = Date.now();
        resolve();
      }
    };
    const onExit = (code: number | null) => {
      const text = recent.join('\n');
      if (text.includes('PORT_IN_USE')) {
        fail(`Port ${port} is already in use, so the local Neo4j cannot listen on it: stop what uses it or set NEO4J_PORT to a free port.`);
      } else if (/FileLockException|locked by another|Lock file has been locked/i.test(text)) {
        fail(
          `The store ${storeDir} is in use by another Neo4j process: stop the other powermap ("npm run db -- stop") or set POWERMAP_DATA_DIR.`,
        );
      } else if (text.includes('PASSWORD_REJECTED')) {
        fail(
          `The local Neo4j refused its password (read the reason below): put another in ${path.join(path.dirname(storeDir), 'password')} or set NEO4J_PASSWORD.`,
        );
      } else {
        fail(`The local Neo4j exited during start-up (code ${code}): read its log below.`);
      }
    };
    // Listeners are added after spawn; 'data' may have run already, so check once now too.
    // 'close' rather than 'exit': by then the last lines it wrote have been read.
    child.stdout!.on('data', onData);
    child.on('close', onExit);
    onData();
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
