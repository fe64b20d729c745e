import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LocalNeo4jError } from './errors.js';

/** The file beside the store that holds the local database's password. */
export const passwordFile = (dataDir: string) => path.join(dataDir, 'password');

/**
 * The local database's password: `explicit` when given (written to the file, so later
 * starts and `npm run db` agree), else the file's, else a new random one. The file, and
 * the folder that holds it and the store, are its owner's only, like an SSH key.
 */
export function ensurePassword(dataDir: string, explicit?: string): { password: string; file: string } {
  const file = passwordFile(dataDir);
  // The folder too: the store beside the file holds every account's email and password hash.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  tighten(dataDir);
  if (explicit !== undefined) {
    if (!existsSync(file) || readSecret(file) !== explicit) writeSecret(file, explicit);
    else tighten(file);
    return { password: explicit, file };
  }
  if (existsSync(file)) {
    const stored = readSecret(file);
    if (!stored)
      throw new LocalNeo4jError(`The password file ${file} is empty: delete it to have a new password generated, or write one in it.`);
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

/** Takes group and other permissions away from a file (0600) or folder (0700). */
function tighten(target: string) {
  const stat = statSync(target);
  if ((stat.mode & 0o077) !== 0) chmodSync(target, stat.isDirectory() ? 0o700 : 0o600);
}
