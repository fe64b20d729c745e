/**
 * The embedded default's promises: it keeps its data between starts, it never outlives the
 * process that started it, and it lets in only who holds its password — including on a store
 * made before it had one.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveClasspath } from '../../neo4j/classpath.js';
import { startTimeoutMs } from '../../neo4j/config.js';
import { checkJava } from '../../neo4j/java.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../neo4j/local.js';
import { freePort } from '../../neo4j/port.js';
import { createDriver, Gateway } from '../../server/db/gateway.js';

const cacheDir = path.resolve('.data');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'powermap-local-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const small = { cacheDir, heap: '512m', pageCache: '64m', startTimeoutMs: startTimeoutMs(process.env) };

/** The Neo4j error code a connection with these credentials gets, or 'ok'. */
async function signIn(uri: string, auth: ReturnType<typeof neo4j.auth.basic> | undefined): Promise<string> {
  const driver = neo4j.driver(uri, auth);
  try {
    await driver.verifyConnectivity();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await driver.close();
  }
}

async function notes(db: LocalNeo4j): Promise<string[]> {
  const driver = createDriver(db.uri, db.user, db.password);
  try {
    const rows = await new Gateway(driver, 'neo4j').read((tx) =>
      tx.query<{ note: string }>('MATCH (p:Probe) RETURN p.note AS note ORDER BY note'),
    );
    return rows.map((r) => r.note);
  } finally {
    await driver.close();
  }
}

/** A store made the way powermap made them before its database had a password. */
async function storeWithAuthOff(dataDir: string, port: number, note: string) {
  const argFile = path.join(dataDir, 'legacy.args');
  writeFileSync(argFile, `-cp\n${await resolveClasspath(cacheDir)}\n`);
  const child = spawn(
    checkJava(),
    [
      '-Xmx512m',
      '-Dpowermap.pagecache=64m',
      `@${argFile}`,
      path.resolve('tests/fixtures/LauncherAuthOff.java'),
      path.join(dataDir, 'store'),
      String(port),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('powermap-neo4j ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the old launcher exited with ${code}: ${out}`)));
  });
  const driver = neo4j.driver(`bolt://127.0.0.1:${port}`);
  try {
    const session = driver.session();
    await session.run('CREATE (:Probe {note: $note})', { note });
    await session.close();
  } finally {
    await driver.close();
  }
  child.stdin.end();
  await exited;
}

describe('the local Neo4j', () => {
  // One store through two starts: first with the password it generates, then with one given.
  const dataDir = tempDir();
  let port: number;
  let generated: string;

  it('starts with a password of its own, kept to its owner, and lets no one in without it', { timeout: 300_000 }, async () => {
    port = await freePort();
    const db = await startLocalNeo4j({ dataDir, port, ...small });
    try {
      generated = db.password;
      expect(await signIn(db.uri, undefined)).toBe('Neo.ClientError.Security.Unauthorized');
      // Neo4j's default password, which a store made with authentication off still had.
      expect(await signIn(db.uri, neo4j.auth.basic('neo4j', 'neo4j'))).toBe('Neo.ClientError.Security.Unauthorized');
      expect(await signIn(db.uri, neo4j.auth.basic(db.user, db.password))).toBe('ok');

      expect(db.password.length).toBeGreaterThanOrEqual(32);
      expect(db.passwordFile).toBe(path.join(dataDir, 'password'));
      expect(readFileSync(db.passwordFile, 'utf8').trim()).toBe(db.password);
      expect(statSync(db.passwordFile).mode & 0o777).toBe(0o600);
      // Not on the command line `ps` shows, nor in the argument file beside it.
      expect(readFileSync(`/proc/${db.pid}/cmdline`, 'utf8')).not.toContain(db.password);
      expect(readFileSync(path.join(dataDir, 'launcher.args'), 'utf8')).not.toContain(db.password);

      const driver = createDriver(db.uri, db.user, db.password);
      await new Gateway(driver, 'neo4j').write((tx) => tx.query("CREATE (:Probe {note: 'kept'})"));
      await driver.close();
    } finally {
      await db.stop();
    }
    expect(alive(db.pid)).toBe(false);
  });

  it('keeps what was written when it is started again, and takes a password given in place of its own', { timeout: 300_000 }, async () => {
    const chosen = 'a passphrase someone chose';
    const db = await startLocalNeo4j({ dataDir, port, ...small, password: chosen });
    try {
      expect(await notes(db)).toEqual(['kept']);
      expect(db.password).toBe(chosen);
      expect(readFileSync(db.passwordFile, 'utf8').trim()).toBe(chosen);
      expect(statSync(db.passwordFile).mode & 0o777).toBe(0o600);
      expect(await signIn(db.uri, neo4j.auth.basic('neo4j', chosen))).toBe('ok');
      expect(await signIn(db.uri, neo4j.auth.basic('neo4j', generated))).toBe('Neo.ClientError.Security.Unauthorized');
    } finally {
      await db.stop();
    }
  });

  it('gives a store made with authentication off a password and keeps its data', { timeout: 300_000 }, async () => {
    const oldDir = tempDir();
    const oldPort = await freePort();
    await storeWithAuthOff(oldDir, oldPort, 'from before');

    const db = await startLocalNeo4j({ dataDir: oldDir, port: oldPort, ...small });
    try {
      expect(await notes(db)).toEqual(['from before']);
      expect(await signIn(db.uri, undefined)).toBe('Neo.ClientError.Security.Unauthorized');
      expect(await signIn(db.uri, neo4j.auth.basic('neo4j', 'neo4j'))).toBe('Neo.ClientError.Security.Unauthorized');
      // Set before Bolt opened, from Neo4j's initial-password file, which is gone afterwards.
      expect(readFileSync(path.join(oldDir, 'store', 'logs', 'debug.log'), 'utf8')).toContain(
        'Updating initial user password from `auth.ini` file',
      );
      expect(() => statSync(path.join(oldDir, 'store', 'data', 'dbms', 'auth.ini'))).toThrow();
    } finally {
      await db.stop();
    }
  });

  it('shuts down when the process that started it is killed outright', { timeout: 300_000 }, async () => {
    const holder = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/fixtures/hold-local-neo4j.ts', tempDir(), cacheDir, String(await freePort())],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const { pid } = await new Promise<{ pid: number }>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString())));
      holder.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
    });
    expect(alive(pid)).toBe(true);
    holder.kill('SIGKILL');
    await expect.poll(() => alive(pid), { timeout: 120_000, interval: 250 }).toBe(false);
  });
});
