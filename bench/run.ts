/**
 * `npm run bench [-- --quick] [-- --only NAME[,NAME]] [-- --littlesis]`: builds the fixtures in
 * the bench's own Neo4j (bench/.fixtures/, started on a free port), runs each area next to its
 * baseline, writes bench/results/<name>.json and regenerates BENCHMARKS.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalNeo4j } from '../neo4j/local.js';
import { startTimeoutMs } from '../neo4j/config.js';
import { freePort } from '../neo4j/port.js';
import { createDriver, Gateway } from '../server/db/gateway.js';
import { migrate } from '../server/db/migrations.js';
import type { BenchContext, Suite } from './lib/context.js';
import { ensureFixture, type Fixture } from './lib/fixtures.js';
import { congressAvailable, congressGraph } from './lib/congress.js';
import { generatePowerGraph } from './lib/generator.js';
import { machine, peakRssMb, rssMb } from './lib/machine.js';
import { startServerProcess } from './lib/procs.js';
import { writeReport, type SuiteResult } from './lib/report.js';
import { suiteNames, suites } from './suites/index.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    littlesis: { type: 'boolean', default: false },
  },
});
const quick = values.quick!;
const only = values.only
  ?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const unknown = only?.filter((n) => !suiteNames.includes(n)) ?? [];
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}: choose from ${suiteNames.join(', ')}.`);
  process.exit(2);
}
const chosen: Suite[] = suites.filter((s) => !only || only.includes(s.name));

const root = path.resolve(import.meta.dirname, '..');
const fixturesDir = path.join(root, 'bench', '.fixtures');
const resultsDir = path.join(root, 'bench', 'results');
mkdirSync(fixturesDir, { recursive: true });
mkdirSync(resultsDir, { recursive: true });
const log = (line: string) => console.log(line);
const runStarted = performance.now();

async function databaseCounts(d: typeof driver) {
  const session = d.session({ database: 'neo4j' });
  try {
    const record = (
      await session.run(
        'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
      )
    ).records[0]!;
    return { nodes: Number(record.get('nodes')), relationships: Number(record.get('relationships')) };
  } finally {
    await session.close();
  }
}

const neo4j = await startLocalNeo4j({
  dataDir: path.join(fixturesDir, 'neo4j'),
  cacheDir: path.join(root, '.data'),
  port: await freePort(),
  heap: quick ? '1g' : '2g',
  pageCache: quick ? '512m' : '1g',
  startTimeoutMs: startTimeoutMs(process.env),
  log,
});
const driver = createDriver(neo4j.uri, neo4j.user, neo4j.password);
// The bench's servers (API, floor, GraphQL peer) are child processes that inherit these.
process.env.NEO4J_USER = neo4j.user;
process.env.NEO4J_PASSWORD = neo4j.password;
let api: BenchContext['api'] | undefined;
const stop = async () => {
  await api?.stop();
  await driver.close();
  await neo4j.stop();
};
process.once('SIGINT', () => void stop().then(() => process.exit(130)));

try {
  await migrate(new Gateway(driver, 'neo4j'));
  const fixturesStarted = performance.now();
  // Parts of changes whose workspace an older bench run dropped without them.
  const sweep = driver.session({ database: 'neo4j' });
  try {
    await sweep.run('MATCH (p:ChangePart) WHERE NOT ()-[:PART]->(p) CALL (p) { DELETE p } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await sweep.close();
  }
  const sizes: Array<[string, number, number]> = [
    ['power-1k', 1_000, 10],
    ['power-10k', 10_000, 10],
    ...(quick ? [] : ([['power-100k', 100_000, 10]] as Array<[string, number, number]>)),
    ...(values.littlesis ? ([['power-littlesis', 400_000, 5]] as Array<[string, number, number]>) : []),
  ];
  const fixtures: Record<string, Fixture> = {};
  for (const [name, actors, perActor] of sizes) {
    const fixture = await ensureFixture(driver, name, generatePowerGraph(actors, { seed: 42, relationshipsPerActor: perActor }), log);
    fixtures[name] = fixture;
    log(fixture.loadSeconds ? `fixture ${name} written in ${fixture.loadSeconds.toFixed(1)} s` : `fixture ${name} reused`);
  }
  // The real 114th Congress (legis-graph), next to the generated graphs.
  if (congressAvailable()) {
    const fixture = await ensureFixture(driver, 'congress-114', congressGraph(), log);
    fixtures[fixture.name] = fixture;
    log(fixture.loadSeconds ? `fixture ${fixture.name} written in ${fixture.loadSeconds.toFixed(1)} s` : `fixture ${fixture.name} reused`);
  }
  const fixtureSeconds = Math.round((performance.now() - fixturesStarted) / 1000);
  const before = await databaseCounts(driver);
  api = await startServerProcess('api', 'bench/servers/api.ts', { NEO4J_URI: neo4j.uri });
  const ctx: BenchContext = { quick, neo4jUri: neo4j.uri, driver, fixtures, api, fixturesDir, log };
  const memory: Array<[string, number | null, number | null]> = [['at rest', rssMb(api.pid), peakRssMb(api.pid)]];

  for (const suite of chosen) {
    log(`\n== ${suite.name}: ${suite.title}`);
    const startedAt = new Date().toISOString();
    const t = performance.now();
    let result: SuiteResult;
    try {
      const outcome = await suite.run(ctx);
      result = {
        name: suite.name,
        title: suite.title,
        quick,
        startedAt,
        seconds: (performance.now() - t) / 1000,
        machine: machine(),
        ...outcome,
      };
    } catch (error) {
      log(`${suite.name} failed: ${(error as Error).stack ?? String(error)}`);
      result = {
        name: suite.name,
        title: suite.title,
        quick,
        startedAt,
        seconds: (performance.now() - t) / 1000,
        machine: machine(),
        datasets: {},
        tables: [],
        goals: [],
        unavailable: [],
        notes: [],
        raw: {},
        error: (error as Error).message.split('\n')[0]!,
      };
    }
    memory.push([`after ${suite.name}`, rssMb(api.pid), peakRssMb(api.pid)]);
    writeFileSync(path.join(resultsDir, `${suite.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  }
  if (!only || only.includes('memory')) {
    const result: SuiteResult = {
      name: 'memory',
      title: 'Memory: resident set of the API process (the same process through every benchmark above)',
      quick,
      startedAt: new Date().toISOString(),
      seconds: 0,
      machine: machine(),
      datasets: {},
      goals: [],
      unavailable: [],
      raw: memory,
      notes: ['Peak is the process high-water mark (VmHWM) so far; the bulk load shows in the row after it.'],
      tables: [{ caption: 'MB', columns: ['when', 'RSS', 'peak RSS'], rows: memory }],
    };
    writeFileSync(path.join(resultsDir, 'memory.json'), `${JSON.stringify(result, null, 2)}\n`);
  }
  const after = await databaseCounts(driver);
  const same = before.nodes === after.nodes && before.relationships === after.relationships;
  log(
    `database before the suites: ${before.nodes} nodes, ${before.relationships} relationships; after: ${after.nodes}, ${after.relationships}${same ? '' : ' (CHANGED)'}`,
  );
  if (!only || only.includes('memory')) {
    const file = path.join(resultsDir, 'memory.json');
    const memoryResult = JSON.parse(readFileSync(file, 'utf8')) as SuiteResult;
    memoryResult.notes.push(
      `The bench's database held ${before.nodes.toLocaleString('en')} nodes and ${before.relationships.toLocaleString('en')} relationships (its fixtures) before the suites and ${after.nodes.toLocaleString('en')} / ${after.relationships.toLocaleString('en')} after: ${same ? 'left as found' : 'NOT left as found'}.`,
      `Whole run: ${Math.round((performance.now() - runStarted) / 1000)} s including fixtures (${fixtureSeconds} s of them).`,
    );
    writeFileSync(file, `${JSON.stringify(memoryResult, null, 2)}\n`);
  }
  writeReport(resultsDir, path.join(root, 'BENCHMARKS.md'));
  log('\nWrote bench/results/ and BENCHMARKS.md.');
} finally {
  await stop();
}
