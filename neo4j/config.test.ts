import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeInvalid, loadLocalEnv, localNeo4jOptions, startTimeoutMs } from './config.js';
import { neo4jDir } from './classpath.js';

describe('the local Neo4j configuration', () => {
  it('waits five minutes for the database to start unless NEO4J_START_TIMEOUT says otherwise', () => {
    expect(localNeo4jOptions(loadLocalEnv({})).startTimeoutMs).toBe(300_000);
    expect(localNeo4jOptions(loadLocalEnv({ NEO4J_START_TIMEOUT: '900' })).startTimeoutMs).toBe(900_000);
    expect(() => loadLocalEnv({ NEO4J_START_TIMEOUT: 'soon' })).toThrow(/NEO4J_START_TIMEOUT="soon"/);
    expect(() => loadLocalEnv({ NEO4J_START_TIMEOUT: '0' })).toThrow(/NEO4J_START_TIMEOUT="0".*seconds/);
  });

  it('gives the same start timeout to the databases the tests and benchmarks start', () => {
    expect(startTimeoutMs({})).toBe(300_000);
    expect(startTimeoutMs({ NEO4J_START_TIMEOUT: '600', NEO4J_PORT: 'not read here' })).toBe(600_000);
    expect(() => startTimeoutMs({ NEO4J_START_TIMEOUT: '2 minutes' })).toThrow(/NEO4J_START_TIMEOUT="2 minutes"/);
  });

  it('reads where and how the database runs from the environment', () => {
    const env = { POWERMAP_DATA_DIR: '/srv/pm', NEO4J_PORT: '7700', NEO4J_HEAP: '2g', NEO4J_PAGECACHE: '1g', NEO4J_START_TIMEOUT: '60' };
    expect(localNeo4jOptions(loadLocalEnv(env))).toEqual({
      dataDir: path.join('/srv/pm', 'neo4j'),
      cacheDir: '/srv/pm',
      port: 7700,
      heap: '2g',
      pageCache: '1g',
      startTimeoutMs: 60_000,
    });
  });

  it('never repeats the password in an error message', () => {
    expect(describeInvalid({ NEO4J_PASSWORD: 'hunter22' }, 'NEO4J_PASSWORD', 'no')).toBe(
      'Invalid environment variable NEO4J_PASSWORD=(8 characters, not shown): no.',
    );
    expect(() => localNeo4jOptions(loadLocalEnv({ NEO4J_PASSWORD: 'secret7' }))).not.toThrow(/secret7/);
  });

  it('makes NEO4J_PASSWORD the local password when no NEO4J_URI is set, if Neo4j would accept it', () => {
    expect(localNeo4jOptions(loadLocalEnv({ NEO4J_PASSWORD: 'long enough' })).password).toBe('long enough');
    expect(() => localNeo4jOptions(loadLocalEnv({ NEO4J_PASSWORD: 'short' }))).toThrow(/NEO4J_PASSWORD is shorter than the 8 characters/);
    expect(() => localNeo4jOptions(loadLocalEnv({ NEO4J_USER: 'alice' }))).toThrow(/NEO4J_USER="alice" applies only with NEO4J_URI/);
    expect(localNeo4jOptions(loadLocalEnv({ NEO4J_USER: 'neo4j' })).password).toBeUndefined();
  });

  it('stands alone: nothing under neo4j/, its tests included, imports from outside it', () => {
    for (const file of readdirSync(neo4jDir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(path.join(neo4jDir, file), 'utf8');
      expect(source, file).not.toMatch(/from\s+['"]\.\.\//);
    }
  });
});
