/**
 * The embedded default's promises: it keeps its data between starts, and it never
 * outlives the process that started it, even one killed without a chance to clean up.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalNeo4j } from '../../neo4j/local.js';
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

describe('the local Neo4j', () => {
  it('keeps what was written when it is started again on the same store', { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const first = await startLocalNeo4j({ dataDir, cacheDir, port, heap: '512m', pageCache: '64m' });
    let driver = createDriver(first.uri, 'neo4j', undefined);
    await new Gateway(driver, 'neo4j').write((tx) => tx.query("CREATE (:Probe {note: 'kept'})"));
    await driver.close();
    await first.stop();
    expect(alive(first.pid)).toBe(false);

    const second = await startLocalNeo4j({ dataDir, cacheDir, port, heap: '512m', pageCache: '64m' });
    driver = createDriver(second.uri, 'neo4j', undefined);
    const rows = await new Gateway(driver, 'neo4j').read((tx) => tx.query<{ note: string }>('MATCH (p:Probe) RETURN p.note AS note'));
    await driver.close();
    await second.stop();
    expect(rows).toEqual([{ note: 'kept' }]);
  });

  it('shuts down when the process that started it is killed outright', { timeout: 120_000 }, async () => {
    const holder = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/hold-local-neo4j.ts', tempDir(), cacheDir, String(await freePort())], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const { pid } = await new Promise<{ pid: number }>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString())));
      holder.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
    });
    expect(alive(pid)).toBe(true);
    holder.kill('SIGKILL');
    const deadline = Date.now() + 60_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(alive(pid)).toBe(false);
  });
});
