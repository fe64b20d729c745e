/**
 * API overhead: the same questions asked of the real app and of a bare node:http handler
 * that replays the Cypher the app ran (the floor), at concurrency 1 and 32.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Request } from 'autocannon';
import { captureCypher } from '../lib/capture.js';
import { emptyOutcome, unavailableReason, type Suite } from '../lib/context.js';
import { durationFor, load, type LoadFigures } from '../lib/load.js';
import { replace } from '../lib/plan.js';
import { rssMb } from '../lib/machine.js';
import { startServerProcess } from '../lib/procs.js';
import { actorPairs, boardPairs, typicalActors } from '../lib/samples.js';
import { ratio } from '../lib/stats.js';

/** Seconds a full-mode run lasts at least, so throughput is more than ramp-up. */
export const RUN_SECONDS = 3;

export const apiSuite: Suite = {
  name: 'api',
  title: 'API overhead: powermap ÷ bare node:http + neo4j-driver running the same Cypher',
  async run(ctx) {
    const out = emptyOutcome();
    // Full runs ask the largest generated graph (power-100k); quick runs power-10k.
    const fixture = ctx.fixtures['power-100k'] ?? ctx.fixtures['power-10k']!;
    const ws = `/api/workspaces/${fixture.workspaceId}`;
    out.datasets[fixture.name] = { actors: fixture.graph.actors.length, relationships: fixture.graph.relationships.length };
    const actors = typicalActors(fixture.graph, 20);
    const pairs = actorPairs(fixture.graph, 10);
    const boards = boardPairs(fixture.graph, 10);
    const endpoints: Record<string, string[]> = {
      'GET actor': actors.map((id) => `${ws}/actors/${id}`),
      '2-hop neighbourhood': actors.map((id) => `${ws}/analysis/neighborhood?actor=${id}&depth=2&limit=500`),
      'find connections': pairs.map(([a, b]) => `${ws}/analysis/paths?from=${a}&to=${b}&k=3&maxHops=4`),
      interlocks: boards.map(([a, b]) => `${ws}/analysis/interlocks?actors=${a},${b}`),
    };
    // Runs taken in turn (floor, API, floor, API…) so that load from elsewhere on a shared
    // machine falls on both sides alike; the median run is kept.
    // Quick runs: a fixed count (latency only). Full runs: at least RUN_SECONDS per run, so req/s means something.
    const amountFor = (connections: number) => (connections === 1 ? (ctx.quick ? 30 : 60) : ctx.quick ? 64 : 96);
    const amounts: Record<string, number | { duration: number }> = {};
    const rounds = ctx.quick ? 2 : 3;
    const headers = { authorization: `Bearer ${fixture.token}` };
    const raw: Record<string, unknown> = {};
    const rows: Array<Array<string | number | null>> = [];

    const captured = await captureCypher(ctx.driver, ctx.neo4jUri, Object.values(endpoints).flat(), fixture.token);
    const planFile = path.join(ctx.fixturesDir, 'floor-plan.json');
    writeFileSync(planFile, JSON.stringify(captured.plan, replace));
    const floor = await startServerProcess('floor', 'bench/servers/floor.ts', { NEO4J_URI: ctx.neo4jUri, FLOOR_PLAN: planFile });
    try {
      for (const [name, paths] of Object.entries(endpoints)) {
        const ok = paths.filter((p) => captured.plan[p]);
        if (ok.length === 0) {
          const first = captured.failures[paths[0]!]!;
          out.unavailable.push(`${name}: ${unavailableReason(first.status, first.body)}`);
          continue;
        }
        if (ok.length < paths.length)
          out.notes.push(`${name}: ${paths.length - ok.length} of ${paths.length} sample requests failed and were left out.`);
        const requests: Request[] = ok.map((p) => ({ method: 'GET', path: p }));
        const statements = captured.plan[ok[0]!]!.reduce((n, u) => n + u.statements.length, 0);
        for (const connections of [1, 32]) {
          const floorRuns: LoadFigures[] = [];
          const apiRuns: LoadFigures[] = [];
          const warm = [
            await load(floor.url, requests, connections, Math.max(16, 2 * connections)),
            await load(ctx.api.url, requests, connections, Math.max(16, 2 * connections), headers),
          ];
          const amount = ctx.quick ? amountFor(connections) : { duration: durationFor(warm, RUN_SECONDS) };
          amounts[`${name}@${connections}`] = amount;
          for (let r = 0; r < rounds; r++) {
            floorRuns.push(await load(floor.url, requests, connections, amount));
            apiRuns.push(await load(ctx.api.url, requests, connections, amount, headers));
          }
          const best = (runs: LoadFigures[], key: 'p50Ms' | 'p99Ms' | 'requestsPerSecond' | 'requests') => {
            const values = runs.map((x) => x[key]).sort((a, b) => a - b);
            return values[Math.floor((values.length - 1) / 2)]!;
          };
          const f = { p50: best(floorRuns, 'p50Ms'), p99: best(floorRuns, 'p99Ms'), rps: best(floorRuns, 'requestsPerSecond') };
          const a = { p50: best(apiRuns, 'p50Ms'), p99: best(apiRuns, 'p99Ms'), rps: best(apiRuns, 'requestsPerSecond') };
          const p50Ratio = ratio(a.p50, f.p50);
          const p99Ratio = ratio(a.p99, f.p99);
          const run = typeof amount === 'number' ? `${amount} requests` : `${amount.duration} s`;
          rows.push([
            name,
            connections,
            statements,
            run,
            best(apiRuns, 'requests'),
            f.p50,
            a.p50,
            p50Ratio,
            f.p99,
            a.p99,
            p99Ratio,
            ...(ctx.quick ? [] : [f.rps, a.rps, ratio(a.rps, f.rps)]),
          ]);
          out.goals.push({
            what: `${name}, concurrency ${connections}: p50 API ÷ floor`,
            goal: '≤ 1.15',
            value: p50Ratio,
            met: p50Ratio === null ? null : p50Ratio <= 1.15,
          });
          out.goals.push({
            what: `${name}, concurrency ${connections}: p99 API ÷ floor`,
            goal: '≤ 1.3',
            value: p99Ratio,
            met: p99Ratio === null ? null : p99Ratio <= 1.3,
          });
          const errors = [...floorRuns, ...apiRuns].reduce((n, x) => n + x.errors + x.non2xx, 0);
          if (errors) out.notes.push(`${name}, concurrency ${connections}: ${errors} errors or non-2xx answers during the runs.`);
          raw[`${name}@${connections}`] = { floor: floorRuns, api: apiRuns };
          ctx.log(`  ${name} c=${connections}: p50 ${a.p50} vs ${f.p50} ms, p99 ${a.p99} vs ${f.p99} ms, ${a.rps} vs ${f.rps} req/s`);
        }
      }
    } finally {
      raw.floorRssMb = rssMb(floor.pid);
      await floor.stop();
    }
    out.tables.push({
      caption: `${fixture.name}; ${rounds} runs of each side taken in turn, median kept; ${ctx.quick ? 'a fixed count of requests per run' : `timed runs of at least ${RUN_SECONDS} s (and five median latencies)`}; latency in ms`,
      columns: [
        'question',
        'conc.',
        'stmts',
        'run',
        'API requests',
        'floor p50',
        'API p50',
        'p50 ×',
        'floor p99',
        'API p99',
        'p99 ×',
        ...(ctx.quick ? [] : ['floor req/s', 'API req/s', 'req/s ×']),
      ],
      rows,
    });
    out.notes.push(
      ctx.quick
        ? 'Throughput is not quoted in quick runs: their runs last well under a few seconds, where ramp-up and the last slow request decide req/s. Full runs time each run (at least ' +
            RUN_SECONDS +
            " s, and at least five times the slower side's median latency in a warm-up) and report req/s as completed requests over that time."
        : `Throughput: completed requests over the run's set duration (at least ${RUN_SECONDS} s, and at least five times the slower side's median latency in a warm-up, so requests in flight at the end weigh little).`,
    );
    out.raw = { ...raw, amounts };
    return out;
  },
};
