import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localNeo4jOptions } from '../neo4j/config.js';
import { loadConfig } from './config.js';

describe('the server configuration', () => {
  it('starts the same local database as `npm run db`, from the same variables and defaults', () => {
    const env = { POWERMAP_DATA_DIR: '/srv/pm', NEO4J_PORT: '7700', NEO4J_HEAP: '2g', NEO4J_PAGECACHE: '1g', NEO4J_START_TIMEOUT: '60' };
    expect(localNeo4jOptions(loadConfig(env))).toEqual({
      dataDir: path.join('/srv/pm', 'neo4j'),
      cacheDir: '/srv/pm',
      port: 7700,
      heap: '2g',
      pageCache: '1g',
      startTimeoutMs: 60_000,
    });
    expect(localNeo4jOptions(loadConfig({}))).toMatchObject({ port: 7687, heap: '1g', pageCache: '512m', startTimeoutMs: 300_000 });
    expect(() => loadConfig({ NEO4J_START_TIMEOUT: '0' })).toThrow(/NEO4J_START_TIMEOUT="0".*seconds/);
  });

  it('never repeats a secret in an error message', () => {
    expect(() => loadConfig({ SESSION_SECRET: 'too-short-but-secret' })).toThrow(/SESSION_SECRET=\(20 characters, not shown\)/);
    expect(() => loadConfig({ SESSION_SECRET: 'too-short-but-secret' })).not.toThrow(/too-short-but-secret/);
  });
});
