/**
 * `server/main.ts` as a user runs it: a real child process, its exit code and what it prints.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../neo4j/port.js';

const tsx = path.resolve('node_modules/.bin/tsx');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'powermap-startup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  code: Promise<number | null>;
  output: () => string;
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>;
  kill: (signal: NodeJS.Signals) => void;
}

/** Starts the server with only the variables given (plus PATH/HOME), data under a scratch folder. */
function runServer(env: Record<string, string>): Run {
  const child = spawn(tsx, ['server/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.homedir(),
      POWERMAP_DATA_DIR: scratch,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const listeners = new Set<() => void>();
  const take = (chunk: Buffer) => {
    text += chunk.toString();
    listeners.forEach((l) => l());
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const code = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  return {
    code,
    output: () => text,
    kill: (signal) => child.kill(signal),
    waitFor: (pattern, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = text.match(pattern);
          if (match) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(match);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${text}`));
        }, timeoutMs);
        listeners.add(check);
        void code.then((exit) =>
          setTimeout(() => {
            check();
            if (listeners.delete(check)) {
              clearTimeout(timer);
              reject(new Error(`the server exited (code ${exit}) before printing ${pattern}; output:\n${text}`));
            }
          }, 50),
        );
        check();
      }),
  };
}

/** The message a user reads when the start fails: one sentence, no stack trace. */
function failureMessage(output: string): string {
  const lines = output.trim().split('\n').filter((l) => l.startsWith('powermap could not start.'));
  expect(lines, output).toHaveLength(1);
  expect(output).not.toMatch(/^\s+at /m);
  return lines[0]!;
}

describe('starting the server', () => {
  it('refuses an invalid variable and names it', async () => {
    const run = runServer({ PORT: 'abc' });
    expect(await run.code).not.toBe(0);
    expect(failureMessage(run.output())).toMatch(/\bPORT\b.*"abc"/);
  });

  it('refuses a busy NEO4J_PORT and names the port', async () => {
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

  it('says Java is missing when JAVA_HOME has no java and no NEO4J_URI is set', async () => {
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
  }, 90_000);
});
