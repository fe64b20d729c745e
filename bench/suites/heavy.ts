/**
 * One user cannot freeze the server: another user's simple GET, timed while four accounts
 * each run a heavy request at once (whole-workspace power brokers on power-10k, then a
 * spreadsheet import as a dry run), next to the same GET on an idle server. Four different
 * accounts, so the per-account limit on heavy work does not hide the problem.
 * The accounts and their scratch workspaces are written straight into the store and
 * removed after, so the fixtures stay as they were.
 */
import type { Driver } from 'neo4j-driver';
import { hashSecret } from '../../server/auth/secrets.js';
import { emptyOutcome, unavailableReason, type Suite } from '../lib/context.js';
import type { Fixture } from '../lib/fixtures.js';
import { dropWorkspace } from '../lib/fixtures.js';
import { rng, uuidFrom } from '../lib/random.js';
import { quantile } from '../lib/stats.js';

const HEAVY = 4;
const GOAL_P95_MS = 250;
const PROBE_EVERY_MS = 100;

interface Account {
  userId: string;
  token: string;
  /** A workspace of its own, empty (imports go there as dry runs). */
  scratch: string;
}

async function run(driver: Driver, cypher: string, params: Record<string, unknown> = {}) {
  const session = driver.session({ database: 'neo4j' });
  try {
    return (await session.run(cypher, params)).records;
  } finally {
    await session.close();
  }
}

/** Accounts with an API token each, viewers of the fixture's workspace and owners of a scratch one. */
async function addAccounts(driver: Driver, fixture: Fixture, count: number, seed: number): Promise<Account[]> {
  const random = rng(seed);
  const accounts = Array.from({ length: count }, (_, i) => ({
    userId: uuidFrom(random),
    tokenId: uuidFrom(random),
    scratch: uuidFrom(random),
    token: `pmbench_heavy_${seed}_${i}`,
  }));
  await removeAccounts(driver, accounts);
  await run(
    driver,
    `UNWIND $accounts AS a
     CREATE (u:User {id: a.userId, email: 'bench-heavy-' + a.userId + '@powermap.invalid', name: 'Benchmark account', passwordHash: '!', createdAt: datetime()})
     CREATE (:ApiToken {id: a.tokenId, userId: a.userId, name: 'bench', hash: a.hash, createdAt: datetime()})
     CREATE (s:Workspace {id: a.scratch, name: 'Benchmark scratch', description: '', version: 1, changeSeq: 0, createdAt: datetime(), updatedAt: datetime()})
     CREATE (u)-[:MEMBER_OF {role: 'owner', since: datetime()}]->(s)
     WITH u MATCH (w:Workspace {id: $ws}) CREATE (u)-[:MEMBER_OF {role: 'viewer', since: datetime()}]->(w)`,
    { ws: fixture.workspaceId, accounts: accounts.map((a) => ({ ...a, hash: hashSecret(a.token) })) },
  );
  return accounts;
}

async function removeAccounts(driver: Driver, accounts: Array<{ userId: string; scratch: string }>) {
  for (const a of accounts) await dropWorkspace(driver, a.scratch);
  await run(
    driver,
    'UNWIND $ids AS id MATCH (n) WHERE (n:User AND n.id = id) OR (n:ApiToken AND n.userId = id) OR (n:Session AND n.userId = id) DETACH DELETE n',
    {
      ids: accounts.map((a) => a.userId),
    },
  );
}

/** One request; the body is read so the time is the whole answer. */
async function timed(url: string, token: string, init: RequestInit = {}): Promise<{ ms: number; status: number; body: string }> {
  const t = performance.now();
  const res = await fetch(url, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
    signal: AbortSignal.timeout(900_000),
  });
  const body = await res.text();
  return { ms: performance.now() - t, status: res.status, body };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The probe's GET, started every PROBE_EVERY_MS whether or not the last one has answered
 * (open loop), timed from when it was due: a server that stalls for 30 s shows as many slow
 * answers, not as one. A probe that fails (a frozen server does not even accept the
 * connection within the client's 10 s) counts with the time it waited, a lower bound.
 * Idle: `samples` of them; loaded: as many as fit while `until` runs.
 */
async function probe(
  url: string,
  token: string,
  until: Promise<unknown> | null,
  samples: number,
): Promise<{ ms: number[]; failed: number }> {
  const out: Array<Promise<{ ms: number; ok: boolean }>> = [];
  let done = until === null;
  void until?.finally(() => (done = true));
  const started = performance.now();
  while (until === null ? out.length < samples : !done) {
    const due = started + out.length * PROBE_EVERY_MS;
    out.push(
      timed(url, token).then(
        (r) => ({ ms: performance.now() - due, ok: r.status === 200 }),
        () => ({ ms: performance.now() - due, ok: false }),
      ),
    );
    await sleep(Math.max(0, started + out.length * PROBE_EVERY_MS - performance.now()));
  }
  const all = await Promise.all(out);
  return { ms: all.map((r) => r.ms), failed: all.filter((r) => !r.ok).length };
}

/** A Kumu-shaped sheet pair of about `rows` connections over `rows / 3` elements. */
function sheets(rows: number, seed: number) {
  const random = rng(seed);
  const elements = Math.max(2, Math.floor(rows / 3));
  const types = ['Person', 'Organization'];
  const words = ['board member', 'donor', 'member', 'owner', 'lobbyist', 'friend', 'colleague', 'advisor'];
  const e = ['Label,Type,Description,Tags'];
  for (let i = 0; i < elements; i++) e.push(`Bench actor ${seed}-${i},${types[i % 2]},"A generated actor, number ${i}",bench|generated`);
  const c = ['From,To,Type,Strength'];
  for (let i = 0; i < rows; i++) {
    const a = Math.floor(random() * elements);
    const b = (a + 1 + Math.floor(random() * (elements - 1))) % elements;
    c.push(
      `Bench actor ${seed}-${a},Bench actor ${seed}-${b},${words[Math.floor(random() * words.length)]},${1 + Math.floor(random() * 5)}`,
    );
  }
  return { elements: `${e.join('\n')}\n`, connections: `${c.join('\n')}\n` };
}

const ms = (x: number) => Math.round(x);
const stats = (xs: number[]) => ({ n: xs.length, p50: ms(quantile(xs, 0.5)), p95: ms(quantile(xs, 0.95)), max: ms(Math.max(...xs)) });

export const heavySuite: Suite = {
  name: 'heavy',
  title: "Heavy work: another user's simple GET while 4 accounts run heavy requests at once (latency in ms)",
  async run(ctx) {
    const out = emptyOutcome();
    const fixture = ctx.fixtures['power-10k'];
    const probeFixture = ctx.fixtures['power-1k'];
    if (!fixture || !probeFixture) {
      out.unavailable.push('needs the power-1k and power-10k fixtures');
      return out;
    }
    out.datasets[fixture.name] = { actors: fixture.graph.actors.length, relationships: fixture.graph.relationships.length };
    const accounts = await addAccounts(ctx.driver, fixture, HEAVY + 1, 9_001);
    const [prober, ...heavy] = accounts as [Account, ...Account[]];
    const raw: Record<string, unknown> = {};
    const rows: Array<Array<string | number | null>> = [];
    try {
      // The probe reads a small page of its own scratch workspace: a simple, cheap GET.
      const probeUrl = `${ctx.api.url}/api/workspaces/${prober.scratch}/actors?limit=20`;
      // Warm: connections, caches of who is calling, the plan of the probe's query.
      for (let i = 0; i < 5; i++) await timed(probeUrl, prober.token);
      // The event loop alone (no database): tells a stalled loop from a busy database.
      const loopUrl = `${ctx.api.url}/api/health`;
      const [idle, idleLoop] = await Promise.all([
        probe(probeUrl, prober.token, null, ctx.quick ? 30 : 60),
        probe(loopUrl, prober.token, null, ctx.quick ? 30 : 60),
      ]);
      const idleStats = stats(idle.ms);
      rows.push([
        'idle server',
        '—',
        idleStats.n,
        idle.failed,
        idleStats.p50,
        idleStats.p95,
        idleStats.max,
        stats(idleLoop.ms).p95,
        null,
        null,
      ]);
      raw.idle = idle;

      const scenarios: Array<{ name: string; start: (a: Account, i: number) => Promise<{ ms: number; status: number; body: string }> }> = [
        {
          name: `GET /analysis/brokers, whole workspace of ${fixture.name}`,
          // A limit of its own for each request, so the answer cache serves none of them.
          start: (a, i) =>
            timed(
              `${ctx.api.url}/api/workspaces/${fixture.workspaceId}/analysis/brokers?limit=${100 + i + Math.floor(Math.random() * 300)}`,
              a.token,
            ),
        },
        {
          name: 'POST /import/kumu (dry run), 25,000 connection rows (about 1.2 MB)',
          start: (a, i) => {
            const body = JSON.stringify({ ...sheets(25_000, 500 + i), dryRun: true });
            return timed(`${ctx.api.url}/api/workspaces/${a.scratch}/import/kumu`, a.token, {
              method: 'POST',
              body,
              headers: { 'content-type': 'application/json' },
            });
          },
        },
      ];
      for (const scenario of scenarios) {
        ctx.log(`  ${scenario.name}…`);
        const started = heavy.slice(0, HEAVY).map((a, i) =>
          scenario.start(a, i).catch((error: Error) => ({
            ms: NaN,
            status: 0,
            body: `the request failed: ${(error.cause as Error | undefined)?.message ?? error.message}`,
          })),
        );
        const all = Promise.all(started);
        const [loaded, loop] = await Promise.all([probe(probeUrl, prober.token, all, 0), probe(loopUrl, prober.token, all, 0)]);
        const answers = await all;
        const failed = answers.find((r) => r.status !== 200);
        if (failed) out.unavailable.push(`${scenario.name}: ${unavailableReason(failed.status, failed.body)}`);
        const s = stats(loaded.ms);
        const heavyMs = answers.map((r) => r.ms);
        rows.push([
          scenario.name,
          HEAVY,
          s.n,
          loaded.failed,
          s.p50,
          s.p95,
          s.max,
          stats(loop.ms).p95,
          ms(Math.min(...heavyMs)),
          ms(Math.max(...heavyMs)),
        ]);
        raw[scenario.name] = { probe: loaded, loop, heavy: heavyMs, statuses: answers.map((r) => r.status) };
        out.goals.push({
          what: `another user's GET p95 during 4 × ${scenario.name}`,
          goal: `< ${GOAL_P95_MS} ms`,
          value: s.p95,
          met: failed ? null : s.p95 < GOAL_P95_MS,
          ...(failed ? { note: 'a heavy request failed' } : {}),
        });
      }
    } finally {
      await removeAccounts(ctx.driver, accounts);
    }
    out.tables.push({
      caption: `probe: GET …/actors?limit=20 of a small workspace, started every ${PROBE_EVERY_MS} ms by a fifth account (open loop: latency from when it was due); heavy requests from ${HEAVY} other accounts, all started at once`,
      columns: [
        'while',
        'heavy requests',
        'probe samples',
        'probe failures',
        'probe p50',
        'probe p95',
        'probe max',
        'GET /api/health p95',
        'heavy fastest',
        'heavy slowest',
      ],
      rows,
    });
    out.notes.push(
      'GET /api/health runs on the event loop alone (no database) beside the probe, on the same schedule: when it stays fast while the probe is slow, the time goes to the database, not to a stalled loop.',
    );
    out.notes.push(
      'Each brokers request asks for a different limit, so the per-version answer cache serves none; the imports are dry runs into empty workspaces of their own, so nothing stays.',
    );
    out.raw = raw;
    return out;
  },
};
