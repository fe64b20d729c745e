import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LocalNeo4jError } from './errors.js';

/** The file beside the store that holds the local database's password. */
export const passwordFile = (dataDir: string) => path.join(dataDir, 'password');

/**
 * The local database's password: `explicit` when given (written to the file, so later
 * starts and `npm run db` agree), else the file's, else a new random one. The file is
 * readable by its owner only, like an SSH key.
 */
export function ensurePassword(dataDir: string, explicit?: string): { password: string; file: string } {
  const file = passwordFile(dataDir);
  mkdirSync(dataDir, { recursive: true });
  if (explicit !== undefined) {
    if (!existsSync(file) || readSecret(file) !== explicit) writeSecret(file, explicit);
    else tighten(file);
    return { password: explicit, file };
  }
  if (existsSync(file)) {
    const stored = readSecret(file);
    if (!stored) throw new LocalNeo4jError(`The password file ${file} is empty: delete it to have a new password generated, or write one in it.`);
    tighten(file);
    return { password: stored, file };
  }
  const password = randomBytes(32).toString('base64url');
  writeSecret(file, password);
  return { password, file };
}

/** The file's content less one final line break, so a password may hold any other character. */
function readSecret(file: string): string {
  return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
}

function writeSecret(file: string, secret: string) {
  // mode applies only when the file is created, hence the chmod for one that existed.
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

function tighten(file: string) {
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
}
