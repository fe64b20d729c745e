/**
 * `server/main.ts` as a user runs it: a real child process, its exit code and what it prints.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../neo4j/port.js';
import { startMain } from '../support/main-process.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'powermap-startup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const runServer = (env: Record<string, string>) => startMain({ POWERMAP_DATA_DIR: scratch, ...env });

/** The message a user reads when the start fails: one sentence, no stack trace. */
function failureMessage(output: string): string {
  const lines = output
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('powermap could not start.'));
  expect(lines, output).toHaveLength(1);
  expect(output).not.toMatch(/^\s+at /m);
  return lines[0]!;
}

describe('starting the server', () => {
  it('refuses an invalid variable and names it', { timeout: 120_000 }, async () => {
    const run = runServer({ PORT: 'abc' });
    expect(await run.code).not.toBe(0);
    expect(failureMessage(run.output())).toMatch(/\bPORT\b.*"abc"/);
  });

  it('refuses a busy NEO4J_PORT and names the port', { timeout: 120_000 }, async () => {
    const busy = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => busy.listen(port, '127.0.0.1', resolve));
    try {
      const run = runServer({ NEO4J_PORT: String(port), PORT: String(await freePort()) });
      expect(await run.code).not.toBe(0);
      const message = failureMessage(run.output());
      expect(message).toContain(`Port ${port}`);
      expect(message).toContain('NEO4J_PORT');
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('never repeats the value of a secret it refuses', { timeout: 120_000 }, async () => {
    const run = runServer({ SESSION_SECRET: 'not-long-enough-secret', PORT: String(await freePort()) });
    expect(await run.code).not.toBe(0);
    expect(failureMessage(run.output())).toMatch(/SESSION_SECRET=\(22 characters, not shown\): must be at least 32 characters/);
    expect(run.output()).not.toContain('not-long-enough-secret');
  });

  it('refuses a NEO4J_PASSWORD for the local database that Neo4j would refuse, without printing it', { timeout: 120_000 }, async () => {
    const run = runServer({ NEO4J_PASSWORD: 'short7!', PORT: String(await freePort()) });
    expect(await run.code).not.toBe(0);
    expect(failureMessage(run.output())).toMatch(/NEO4J_PASSWORD is shorter than the 8 characters Neo4j requires/);
    expect(run.output()).not.toContain('short7!');
  });

  it('says Java is missing when JAVA_HOME has no java and no NEO4J_URI is set', { timeout: 120_000 }, async () => {
    const emptyJavaHome = mkdtempSync(path.join(scratch, 'jdk-'));
    const run = runServer({ JAVA_HOME: emptyJavaHome, PORT: String(await freePort()) });
    expect(await run.code).not.toBe(0);
    expect(failureMessage(run.output())).toMatch(/Java was not found.*install Java 17/);
  });

  it('uses NEO4J_URI without starting a local Neo4j, answers, and stops on SIGTERM', async () => {
    const port = await freePort();
    // No java behind JAVA_HOME: a local start would fail, so success proves none was tried.
    const noJava = mkdtempSync(path.join(scratch, 'jdk-'));
    const run = runServer({
      NEO4J_URI: inject('neo4jUri'),
      ...(inject('neo4jPassword') ? { NEO4J_USER: inject('neo4jUser'), NEO4J_PASSWORD: inject('neo4jPassword') } : {}),
      JAVA_HOME: noJava,
      PORT: String(port),
    });
    const [, url] = await run.waitFor(/powermap is running at (http:\/\/\S+)/);
    expect(url).toBe(`http://127.0.0.1:${port}`);
    const ready = await fetch(`${url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(run.output()).not.toMatch(/Local Neo4j/);
    run.kill('SIGTERM');
    expect(await run.code).toBe(0);
  }, 240_000);
});
