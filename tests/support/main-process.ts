/** `server/main.ts` as a user runs it: a real child process, its exit code and what it prints. */
import { spawn } from 'node:child_process';
import os from 'node:os';

export interface Run {
  code: Promise<number | null>;
  output: () => string;
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>;
  kill: (signal: NodeJS.Signals) => void;
}

/** Starts the server with only the variables given (plus PATH/HOME, no demo seed, warnings only). */
export function startMain(env: Record<string, string>): Run {
  // Node itself with tsx's loader, not the tsx launcher: a signal (SIGKILL above all, which a
  // launcher cannot pass on) reaches the server's own process.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.homedir(),
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
    waitFor: (pattern, timeoutMs = 180_000) =>
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
