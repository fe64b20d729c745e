import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config.js';
import { loadLocalEnv, localNeo4jOptions } from './config.js';
import { neo4jDir } from './classpath.js';

describe('the local Neo4j configuration', () => {
  it('waits five minutes for the database to start unless NEO4J_START_TIMEOUT says otherwise', () => {
    expect(localNeo4jOptions(loadLocalEnv({})).startTimeoutMs).toBe(300_000);
    expect(localNeo4jOptions(loadLocalEnv({ NEO4J_START_TIMEOUT: '900' })).startTimeoutMs).toBe(900_000);
    expect(() => loadLocalEnv({ NEO4J_START_TIMEOUT: 'soon' })).toThrow(/NEO4J_START_TIMEOUT="soon"/);
    expect(() => loadConfig({ NEO4J_START_TIMEOUT: '0' })).toThrow(/NEO4J_START_TIMEOUT="0".*seconds/);
  });

  it('reads the same variables for `npm run db` as for the server', () => {
    const env = { POWERMAP_DATA_DIR: '/srv/pm', NEO4J_PORT: '7700', NEO4J_HEAP: '2g', NEO4J_PAGECACHE: '1g', NEO4J_START_TIMEOUT: '60' };
    const expected = {
      dataDir: path.join('/srv/pm', 'neo4j'),
      cacheDir: '/srv/pm',
      port: 7700,
      heap: '2g',
      pageCache: '1g',
      startTimeoutMs: 60_000,
    };
    expect(localNeo4jOptions(loadLocalEnv(env))).toEqual(expected);
    expect(localNeo4jOptions(loadConfig(env))).toEqual(expected);
  });

  it('makes NEO4J_PASSWORD the local password when no NEO4J_URI is set, if Neo4j would accept it', () => {
    expect(localNeo4jOptions(loadLocalEnv({ NEO4J_PASSWORD: 'long enough' })).password).toBe('long enough');
    expect(() => localNeo4jOptions(loadLocalEnv({ NEO4J_PASSWORD: 'short' }))).toThrow(/NEO4J_PASSWORD is shorter than the 8 characters/);
    expect(() => localNeo4jOptions(loadLocalEnv({ NEO4J_USER: 'alice' }))).toThrow(/NEO4J_USER="alice" applies only with NEO4J_URI/);
    expect(localNeo4jOptions(loadLocalEnv({ NEO4J_USER: 'neo4j' })).password).toBeUndefined();
  });

  it('never repeats a secret in an error message', () => {
    expect(() => loadConfig({ SESSION_SECRET: 'too-short-but-secret' })).toThrow(/SESSION_SECRET=\(20 characters, not shown\)/);
    expect(() => loadConfig({ SESSION_SECRET: 'too-short-but-secret' })).not.toThrow(/too-short-but-secret/);
  });

  it('stands alone: nothing under neo4j/ imports the server', () => {
    for (const file of readdirSync(neo4jDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const source = readFileSync(path.join(neo4jDir, file), 'utf8');
      expect(source, file).not.toMatch(/from\s+['"]\.\.\/server\//);
    }
  });
});
