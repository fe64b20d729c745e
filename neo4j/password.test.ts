import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensurePassword } from './password.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'powermap-password-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const mode = (file: string) => statSync(file).mode & 0o777;

describe('the local database password', () => {
  it('is generated once per store, long and random, readable by its owner only', () => {
    const dir = tempDir();
    const first = ensurePassword(dir);
    expect(first.file).toBe(path.join(dir, 'password'));
    expect(first.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mode(first.file)).toBe(0o600);
    expect(ensurePassword(dir).password).toBe(first.password);
    expect(ensurePassword(tempDir()).password).not.toBe(first.password);
  });

  it('takes a given password in place of the stored one, and keeps it for the next start', () => {
    const dir = tempDir();
    ensurePassword(dir);
    const given = ensurePassword(dir, ' spaces and ünïcode kept ');
    expect(given.password).toBe(' spaces and ünïcode kept ');
    expect(ensurePassword(dir).password).toBe(' spaces and ünïcode kept ');
    expect(mode(given.file)).toBe(0o600);
  });

  it('tightens a password file and a data folder others could read, and refuses an empty file', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const file = path.join(dir, 'password');
    writeFileSync(file, 'written by hand\n');
    chmodSync(file, 0o644);
    expect(ensurePassword(dir).password).toBe('written by hand');
    expect(mode(file)).toBe(0o600);
    expect(mode(dir)).toBe(0o700);
    expect(readFileSync(file, 'utf8')).toBe('written by hand\n');
    writeFileSync(file, '\n');
    expect(() => ensurePassword(dir)).toThrow(/password file .* is empty/);
  });
});
