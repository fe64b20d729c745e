import { configDefaults, defineConfig } from 'vitest/config';

// Tests that need no database sit beside the code they test; tests that need Neo4j or a
// browser sit under tests/ (and bench/, whose smoke test writes a fixture into Neo4j). A test
// beside the code that starts a database of its own (say neo4j/local.db.test.ts) is named *.db.test.ts.
const pure = ['server/**/*.test.ts', 'client/src/**/*.test.ts', 'neo4j/**/*.test.ts'];
const ownDatabase = ['server/**/*.db.test.ts', 'neo4j/**/*.db.test.ts'];
const withDatabase = ['tests/integration/**/*.test.ts', 'bench/**/*.test.ts', ...ownDatabase];
const inBrowser = ['tests/e2e/**/*.test.ts'];

export default defineConfig({
  test: {
    // Generous: the suite must pass on a slow, loaded machine; a test that hangs still fails.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      // No globalSetup: the unit tier never starts Neo4j. Pure tests share no state, so one
      // module graph for all of them (no isolation) takes seconds instead of a fork per file;
      // a test that stubs globals or mocks modules must undo it (vi.restoreAllMocks, vi.unstubAllGlobals).
      {
        extends: true,
        test: { name: 'unit', include: pure, exclude: [...configDefaults.exclude, ...ownDatabase], pool: 'threads', isolate: false },
      },
      // Both start the same database once per run (see global-neo4j.ts).
      { extends: true, test: { name: 'integration', include: withDatabase, globalSetup: ['tests/support/global-neo4j.ts'] } },
      // A browser test walks a whole user flow; on a loaded two-core machine that can pass 30 s.
      { extends: true, test: { name: 'e2e', include: inBrowser, testTimeout: 120_000, globalSetup: ['tests/support/global-neo4j.ts'] } },
    ],
  },
});
