/**
 * The local database dies under a running server (its JVM is killed outright) and the server
 * starts it again while the same driver carries on: a person who signed up before the crash
 * signs in after it. How the wait grows between restarts is neo4j/restart-delay.test.ts.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../neo4j/port.js';
import { startMain, type Run } from '../support/main-process.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'powermap-restart-'));
const pidFile = path.join(scratch, 'neo4j', 'launcher.pid');
let run: Run | undefined;
afterAll(async () => {
  run?.kill('SIGTERM');
  await run?.code;
  rmSync(scratch, { recursive: true, force: true });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const launcherPid = () => (existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : null);

describe('the local database dying under the server', () => {
  let url: string;
  const person = { email: `restart.${Date.now()}@example.org`, password: 'correct horse battery', name: 'Restart' };
  const signIn = () =>
    fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: person.email, password: person.password }),
    });
  const ready = async () => (await fetch(`${url}/api/ready`)).status;

  /** SIGKILLs the launcher JVM, and waits for the server to have a new one answering. */
  async function killAndWaitForRestart(attempt: number, delay: string) {
    const pid = launcherPid()!;
    expect(alive(pid)).toBe(true);
    process.kill(pid, 'SIGKILL');
    await run!.waitFor(
      new RegExp(`\\(pid ${pid}\\) was killed by SIGKILL; starting it again in ${delay} \\(attempt ${attempt}\\)`),
      60_000,
    );
    await expect.poll(launcherPid, { timeout: 60_000, interval: 250 }).not.toBe(pid);
    const next = launcherPid()!;
    await expect.poll(ready, { timeout: 300_000, interval: 500 }).toBe(200);
    await run!.waitFor(new RegExp(`answering again on bolt://127\\.0\\.0\\.1:\\d+ \\(pid ${next}\\)`), 300_000);
    expect(alive(next)).toBe(true);
  }

  it('starts, with its own local database', { timeout: 400_000 }, async () => {
    run = startMain({
      POWERMAP_DATA_DIR: scratch,
      PORT: String(await freePort()),
      NEO4J_PORT: String(await freePort()),
      LOG_LEVEL: 'info',
    });
    [, url] = (await run.waitFor(/powermap is running at (http:\/\/\S+)/, 360_000)) as unknown as [string, string];
    const signUp = await fetch(`${url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(person),
    });
    expect(signUp.status).toBe(201);
  });

  it('starts it again a second after it is killed, and the same driver carries on', { timeout: 400_000 }, async () => {
    await killAndWaitForRestart(1, '1 s');
    expect((await signIn()).status).toBe(200);
  });

  it('stops it with itself', { timeout: 120_000 }, async () => {
    const pid = launcherPid()!;
    run!.kill('SIGTERM');
    expect(await run!.code).toBe(0);
    run = undefined;
    await expect.poll(() => alive(pid), { timeout: 60_000, interval: 250 }).toBe(false);
  });
});
