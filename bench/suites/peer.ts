/**
 * Peer: the same 2-hop neighbourhood served by a GraphQL API that @neo4j/graphql generates
 * over the same database. Ours also returns the ties among the actors; theirs only the actors.
 */
import type { Request } from 'autocannon';
import { emptyOutcome, unavailableReason, type Suite } from '../lib/context.js';
import { durationFor, load, type LoadFigures } from '../lib/load.js';
import { RUN_SECONDS } from './api.js';
import { startServerProcess } from '../lib/procs.js';
import { typicalActors } from '../lib/samples.js';
import { ratio } from '../lib/stats.js';

const QUERY = `query Neighbourhood($id: ID!) {
  actors(where: { id: { eq: $id } }) { id name kind neighbours { id name kind neighbours { id name kind } } }
}`;

export const peerSuite: Suite = {
  name: 'peer',
  title: 'Peer: 2-hop neighbourhood, powermap ÷ @neo4j/graphql over the same database',
  async run(ctx) {
    const out = emptyOutcome();
    // The same graph as the API overhead area: power-100k in full runs, power-10k in quick ones.
    const fixture = ctx.fixtures['power-100k'] ?? ctx.fixtures['power-10k']!;
    out.datasets[fixture.name] = { actors: fixture.graph.actors.length, relationships: fixture.graph.relationships.length };
    const ids = typicalActors(fixture.graph, 20);
    const headers = { authorization: `Bearer ${fixture.token}` };
    const ours: Request[] = ids.map((id) => ({
      method: 'GET',
      path: `/api/workspaces/${fixture.workspaceId}/analysis/neighborhood?actor=${id}&depth=2&limit=500`,
    }));
    const probe = await fetch(`${ctx.api.url}${ours[0]!.path}`, { headers });
    if (probe.status !== 200) {
      out.unavailable.push(`2-hop neighbourhood: ${unavailableReason(probe.status, await probe.text())}`);
      return out;
    }
    const peer = await startServerProcess('graphql', 'bench/servers/graphql.ts', { NEO4J_URI: ctx.neo4jUri });
    const theirs: Request[] = ids.map((id) => ({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY, variables: { id } }),
    }));
    const check = await fetch(`${peer.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: theirs[0]!.body!,
    });
    const answer = (await check.json()) as { data?: { actors: Array<{ neighbours: Array<{ neighbours: unknown[] }> }> }; errors?: unknown };
    if (!answer.data?.actors.length) {
      await peer.stop();
      throw new Error(`the GraphQL peer did not answer the neighbourhood: ${JSON.stringify(answer.errors ?? answer).slice(0, 300)}`);
    }
    const amountFor = (connections: number) => (connections === 1 ? (ctx.quick ? 30 : 60) : ctx.quick ? 64 : 96);
    const amounts: Record<number, number | { duration: number }> = {};
    const rounds = ctx.quick ? 2 : 3;
    const rows: Array<Array<string | number | null>> = [];
    const raw: Record<string, unknown> = {};
    try {
      for (const connections of [1, 32]) {
        const a: LoadFigures[] = [];
        const b: LoadFigures[] = [];
        const warm = [
          await load(peer.url, theirs, connections, Math.max(16, 2 * connections)),
          await load(ctx.api.url, ours, connections, Math.max(16, 2 * connections), headers),
        ];
        const amount = ctx.quick ? amountFor(connections) : { duration: durationFor(warm, RUN_SECONDS) };
        amounts[connections] = amount;
        for (let r = 0; r < rounds; r++) {
          b.push(await load(peer.url, theirs, connections, amount));
          a.push(await load(ctx.api.url, ours, connections, amount, headers));
        }
        const mid = (xs: LoadFigures[], k: 'p50Ms' | 'p99Ms' | 'requestsPerSecond') =>
          xs.map((x) => x[k]).sort((p, q) => p - q)[Math.floor((xs.length - 1) / 2)]!;
        const p50 = ratio(mid(a, 'p50Ms'), mid(b, 'p50Ms'));
        const throughput = ctx.quick
          ? []
          : [mid(b, 'requestsPerSecond'), mid(a, 'requestsPerSecond'), ratio(mid(a, 'requestsPerSecond'), mid(b, 'requestsPerSecond'))];
        rows.push([
          connections,
          typeof amount === 'number' ? `${amount} requests` : `${amount.duration} s`,
          mid(b, 'p50Ms'),
          mid(a, 'p50Ms'),
          p50,
          mid(b, 'p99Ms'),
          mid(a, 'p99Ms'),
          ratio(mid(a, 'p99Ms'), mid(b, 'p99Ms')),
          ...throughput,
        ]);
        out.goals.push({
          what: `neighbourhood, concurrency ${connections}: p50 ours ÷ @neo4j/graphql`,
          goal: '≤ 0.5',
          value: p50,
          met: p50 === null ? null : p50 <= 0.5,
        });
        const errors = [...a, ...b].reduce((n, x) => n + x.errors + x.non2xx, 0);
        if (errors) out.notes.push(`concurrency ${connections}: ${errors} errors or non-2xx answers during the runs.`);
        raw[`c${connections}`] = { ours: a, graphql: b };
        ctx.log(`  neighbourhood c=${connections}: p50 ${mid(a, 'p50Ms')} vs ${mid(b, 'p50Ms')} ms`);
      }
    } finally {
      await peer.stop();
    }
    out.tables.push({
      caption: `${fixture.name}, 20 everyday actors (5–30 ties); ${rounds} runs of each side in turn, median; ${ctx.quick ? 'a fixed count of requests per run' : `timed runs of at least ${RUN_SECONDS} s (and five median latencies)`}; latency in ms`,
      columns: [
        'conc.',
        'run',
        'GraphQL p50',
        'ours p50',
        'p50 ×',
        'GraphQL p99',
        'ours p99',
        'p99 ×',
        ...(ctx.quick ? [] : ['GraphQL req/s', 'ours req/s', 'req/s ×']),
      ],
      rows,
    });
    out.notes.push(
      'Ours answers with the ties among the neighbourhood as well (what a drawing needs); the GraphQL answer carries only the actors.',
    );
    out.notes.push(
      ctx.quick
        ? `Throughput is not quoted in quick runs (runs well under a few seconds); full runs time each run (at least ${RUN_SECONDS} s) and report completed requests over that time.`
        : `Throughput: completed requests over the run's set duration (at least ${RUN_SECONDS} s, and at least five times the slower side's median latency in a warm-up).`,
    );
    out.raw = { ...raw, amounts };
    return out;
  },
};
