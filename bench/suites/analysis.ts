/**
 * Analysis: PageRank, Louvain and betweenness by our code (the CSR code the server runs on its
 * worker threads, and the endpoints when they exist) ÷ python-igraph and ÷ networkx on the very same simple graph.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildCsr, csrBetweenness, csrPagerank } from '../../server/analysis/csr.js';
import { compactScope } from '../../server/analysis/compact.js';
import { buildGraph } from '../../server/analysis/graph.js';
import { csrLouvain } from '../../server/analysis/louvain.js';
import type { AnalysisRelationship } from '../../server/domain/analysis.js';
import { emptyOutcome, unavailableReason, type Suite, type SuiteOutcome } from '../lib/context.js';
import type { Fixture } from '../lib/fixtures.js';
import { median, ratio, timeRuns } from '../lib/stats.js';

const venv = path.resolve('bench/.venv');
const python = path.join(venv, 'bin', 'python');

/** python-igraph and networkx (with numpy and scipy, which networkx PageRank needs) from PyPI into bench/.venv, once. */
function ensurePython(log: (line: string) => void): string | null {
  try {
    if (!existsSync(python)) {
      log('  installing python-igraph and networkx into bench/.venv (first run only)…');
      execFileSync('python3', ['-m', 'venv', venv], { stdio: 'pipe' });
    }
    execFileSync(python, ['-c', 'import igraph, networkx, numpy, scipy'], { stdio: 'pipe' });
    return null;
  } catch {
    try {
      execFileSync(
        path.join(venv, 'bin', 'pip'),
        ['install', '-q', '--disable-pip-version-check', 'python-igraph', 'networkx', 'numpy', 'scipy'],
        { stdio: 'pipe' },
      );
      return null;
    } catch (error) {
      return `python-igraph/networkx could not be installed (${(error as Error).message.split('\n')[0]}): install python3-venv and rerun.`;
    }
  }
}

const seconds = (xs: number[] | undefined) => (xs?.length ? median(xs) : null);
const round = (x: number | null) => (x === null ? null : x < 0.01 ? Math.round(x * 1e4) / 1e4 : Math.round(x * 1000) / 1000);

async function measure(fixture: Fixture, ctx: Parameters<Suite['run']>[0], out: SuiteOutcome, pythonProblem: string | null) {
  const { graph: gen } = fixture;
  const n = gen.actors.length;
  const rels: AnalysisRelationship[] = gen.relationships.map((r) => ({
    id: r.id,
    type: r.type,
    from: gen.actors[r.from]!.id,
    to: gen.actors[r.to]!.id,
    strength: r.strength,
    mutual: r.mutual,
  }));
  const graph = buildGraph(
    gen.actors.map((a) => a.id),
    rels,
  );
  out.datasets[`${fixture.name} (simple graph)`] = { actors: graph.order, relationships: graph.size };
  const runs = n <= 1_000 ? 3 : 1;
  const exactOurs = n <= (ctx.quick ? 1_000 : 10_000);

  // The scope graph the server builds once per projection version, from the same ties (its
  // build is not timed, as igraph's load is not).
  const csr = buildCsr(
    compactScope({
      actors: gen.actors.map((a) => ({ id: a.id, name: a.name, kind: a.kind, roles: [], power: null, alignment: null })),
      relationships: rels,
    }),
  );
  const ours: Record<string, number[]> = {};
  ours.pagerank = await timeRuns(async () => csrPagerank(csr), runs);
  ours.louvain = await timeRuns(async () => csrLouvain(csr, { seed: 1 }), runs);
  if (exactOurs)
    ours.betweennessExact = await timeRuns(async () => csrBetweenness(csr, { exactLimit: Infinity }), runs, n <= 1_000 ? 1 : 0);
  if (n > 1_000) ours.betweennessSampled = await timeRuns(async () => csrBetweenness(csr), runs);

  let py: Record<string, number[] | number | string> = {};
  if (!pythonProblem) {
    const index = new Map(graph.nodes().map((node, i) => [node, i]));
    const lines: string[] = [];
    graph.forEachEdge((_e, a, source, target) => lines.push(`${index.get(source)} ${index.get(target)} ${a.strength} ${a.cost}`));
    const file = path.join(ctx.fixturesDir, `${fixture.name}.edges.tsv`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    // Exact betweenness at 10k takes igraph about a minute: full runs only.
    // networkx's sampled betweenness takes minutes at 10k (and Louvain at 100k): igraph is the baseline there.
    const sample = 0;
    const exactIgraph = n <= 1_000 || (!ctx.quick && n <= 10_000);
    ctx.log(`  ${fixture.name}: python-igraph and networkx…`);
    py = JSON.parse(
      execFileSync(
        python,
        [
          'bench/python/analysis.py',
          file,
          String(runs),
          n <= 1_000 ? '1' : '0',
          String(sample),
          exactIgraph ? '1' : '0',
          n > 10_000 ? '0' : '1',
        ],
        { encoding: 'utf8', maxBuffer: 1 << 24 },
      ),
    );
  }

  // The endpoints: each run asks for a different limit/resolution so the answer cache never serves it.
  const api: Record<string, number[]> = {};
  const headers = { authorization: `Bearer ${fixture.token}` };
  const base = `${ctx.api.url}/api/workspaces/${fixture.workspaceId}/analysis`;
  // At 100k the endpoints are timed in the analysis questions area (power brokers and communities, whole workspace).
  const endpoints =
    n > 10_000
      ? []
      : ([
          ['brokers', (i: number) => `${base}/brokers?limit=${50 + i}`],
          ['communities', (i: number) => `${base}/communities?resolution=${1 + i / 1e6}`],
        ] as const);
  for (const [name, url] of endpoints) {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      let res: Response;
      let body: string;
      try {
        // One retry: a keep-alive connection idle through the Python runs may have been closed.
        res = await fetch(url(i), { headers, signal: AbortSignal.timeout(600_000) }).catch(() =>
          fetch(url(i), { headers, signal: AbortSignal.timeout(600_000) }),
        );
        body = await res.text();
      } catch (error) {
        const cause = (error as { cause?: Error }).cause;
        out.unavailable.push(`${name} endpoint on ${fixture.name}: the request failed (${cause?.message ?? (error as Error).message})`);
        break;
      }
      if (res.status !== 200) {
        out.unavailable.push(`${name} endpoint on ${fixture.name}: ${unavailableReason(res.status, body)}`);
        break;
      }
      samples.push((performance.now() - t) / 1000);
    }
    if (samples.length) api[name] = samples;
  }

  const ig = (k: string) => seconds(py[`igraph_${k}`] as number[] | undefined);
  const nx = (k: string) => seconds(py[`networkx_${k}`] as number[] | undefined);
  const rows: Array<Array<string | number | null>> = [];
  const add = (what: string, oursS: number | null, igS: number | null, nxS: number | null) =>
    rows.push([fixture.name, what, round(oursS), round(igS), round(nxS), ratio(oursS, igS), ratio(oursS, nxS)]);
  add('PageRank (weighted)', seconds(ours.pagerank), ig('pagerank'), nx('pagerank'));
  add('Louvain (weighted)', seconds(ours.louvain), ig('louvain'), nx('louvain'));
  add('betweenness, exact', seconds(ours.betweennessExact), ig('betweenness_exact'), nx('betweenness_exact'));
  if (ours.betweennessSampled)
    add(
      `betweenness, sampled (ours ${Math.min(n, 500)}-ish sources) vs igraph exact`,
      seconds(ours.betweennessSampled),
      ig('betweenness_exact'),
      nx('betweenness_sampled'),
    );
  if (api.brokers)
    add(
      'GET /analysis/brokers (read + degree, PageRank, betweenness, closeness) vs igraph PageRank + exact betweenness',
      seconds(api.brokers),
      sumOf(ig('pagerank'), ig('betweenness_exact')),
      null,
    );
  if (api.communities) add('GET /analysis/communities (read + Louvain)', seconds(api.communities), ig('louvain'), nx('louvain'));

  if (n === 10_000) {
    const goal = (what: string, value: number | null, limit: number, note?: string) =>
      out.goals.push({
        what: `${what} at 10k, ÷ igraph`,
        goal: `≤ ${limit}`,
        value,
        met: value === null ? null : value <= limit,
        ...(note ? { note } : {}),
      });
    goal('PageRank', ratio(seconds(ours.pagerank), ig('pagerank')), 1);
    goal('Louvain', ratio(seconds(ours.louvain), ig('louvain')), 1);
    goal(
      'exact betweenness',
      ratio(seconds(ours.betweennessExact), ig('betweenness_exact')),
      10,
      exactOurs ? undefined : 'exact betweenness at 10k runs in full mode only',
    );
    goal(
      'sampled betweenness',
      ratio(seconds(ours.betweennessSampled), ig('betweenness_exact')),
      1,
      ig('betweenness_exact') === null ? 'igraph exact betweenness at 10k runs in full mode only' : undefined,
    );
  }
  return { rows, raw: { ours, python: py, api } };
}

const sumOf = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

export const analysisSuite: Suite = {
  name: 'analysis',
  title: 'Analysis: ours ÷ python-igraph and ÷ networkx on the same graph (seconds, median)',
  async run(ctx) {
    const out = emptyOutcome();
    const pythonProblem = ensurePython(ctx.log);
    if (pythonProblem) out.unavailable.push(pythonProblem);
    const rows: Array<Array<string | number | null>> = [];
    const raw: Record<string, unknown> = {};
    for (const name of ['power-1k', 'power-10k', 'power-100k']) {
      const fixture = ctx.fixtures[name];
      if (!fixture) continue;
      ctx.log(`  ${name}…`);
      const m = await measure(fixture, ctx, out, pythonProblem);
      rows.push(...m.rows);
      raw[name] = m.raw;
    }
    out.tables.push({
      caption: 'seconds (median of 3 runs at 1k, 1 run above); ours = the CSR code the server runs (csr.ts, louvain.ts), in this process',
      columns: ['graph', 'measure', 'ours', 'igraph', 'networkx', 'ours ÷ igraph', 'ours ÷ networkx'],
      rows,
    });
    out.notes.push(
      'Graphs are the fixtures as the server projects them: undirected, parallel ties merged with strengths summed; PageRank and Louvain weighted by strength, betweenness by tie cost (1 for strength 5 … 2 for strength 1).',
    );
    out.notes.push(
      'networkx exact betweenness is run at 1k only (it takes many minutes at 10k); above 1k networkx betweenness is left out (its k=500 sample alone takes minutes at 10k); the sampled-betweenness goal is against the exact igraph figure. In quick runs betweenness at 10k is measured for ours only.',
    );
    if (ctx.fixtures['power-100k'])
      out.notes.push(
        'At 100k (full runs) igraph is the baseline for PageRank and Louvain; networkx Louvain would take many minutes and is left out, and the brokers and communities endpoints are timed in the analysis questions area.',
      );
    out.raw = raw;
    return out;
  },
};
