/**
 * A smoke run of the benchmark harness on a tiny fixture: the generator keeps its promises,
 * a fixture written by the harness is one the real API reads with its bearer token, and the
 * report renders ratios and the missing pieces. The benchmarks themselves never run here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorData } from '../server/domain/actor.js';
import { endsProblem, relationshipData } from '../server/domain/relationship.js';
import { testApp, type TestContext } from '../tests/support/app.js';
import { dropWorkspace, ensureFixture, relationshipRows, actorProps } from './lib/fixtures.js';
import { degrees, generatePowerGraph } from './lib/generator.js';
import { renderReport, type SuiteResult } from './lib/report.js';
import { machine } from './lib/machine.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../server/io/csv-parse.js';
import { CONGRESS_DIR, congressAvailable, congressGraph } from './lib/congress.js';

describe('the benchmark generator', () => {
  const graph = generatePowerGraph(300, { seed: 3 });

  it('is seeded: the same seed gives the same graph, another seed another', () => {
    expect(generatePowerGraph(300, { seed: 3 })).toEqual(graph);
    expect(generatePowerGraph(300, { seed: 4 }).actors[0]!.id).not.toBe(graph.actors[0]!.id);
  });

  it('makes about ten ties per actor with a heavy tail, every tie allowed by its type', () => {
    expect(graph.relationships.length).toBeGreaterThan(2_700);
    const d = Array.from(degrees(graph)).sort((a, b) => b - a);
    expect(d[0]!).toBeGreaterThan(5 * d[150]!);
    for (const r of graph.relationships) {
      expect(endsProblem(r.type, graph.actors[r.from]!.kind, graph.actors[r.to]!.kind)).toBeNull();
    }
    expect(new Set(graph.relationships.map((r) => r.type)).size).toBeGreaterThanOrEqual(10);
  });

  it('writes records the domain schemas accept', () => {
    for (const a of actorProps(graph, 'ws').slice(0, 50)) {
      const {
        id: _i,
        workspaceId: _w,
        nameKey: _n,
        aliasText: _a,
        externalIdsJson: _e,
        version: _v,
        createdAt: _c,
        updatedAt: _u,
        ...data
      } = a;
      expect(actorData.safeParse({ ...data, externalIds: {}, contactOwner: null, privateNotes: '', image: null }).success).toBe(true);
    }
    for (const r of relationshipRows(graph, 'ws').slice(0, 200)) {
      const { id: _i, workspaceId: _w, version: _v, createdAt: _c, updatedAt: _u, ...props } = r.props;
      // Stored without private notes, which read back as ''.
      const full = { type: r.type, from: r.from, to: r.to, startDate: null, endDate: null, current: null, privateNotes: '', ...props };
      const parsed = relationshipData.safeParse(full);
      if (!parsed.success) {
        // Fields a type does not set are null in the API; fill them to check the rest.
        const shape = relationshipData.options.find((o) => o.shape.type.value === r.type)!.shape;
        const filled = Object.fromEntries(
          Object.keys(shape).map((k) => [
            k,
            (full as Record<string, unknown>)[k] ?? (k === 'sharedGoals' ? [] : k === 'board' || k === 'executive' ? false : null),
          ]),
        );
        expect(relationshipData.safeParse(filled).error?.issues ?? []).toEqual([]);
      }
    }
  });
});

describe.runIf(congressAvailable())('the 114th Congress fixture', () => {
  // Reads and checks a few thousand CSV rows: seconds, or minutes on a loaded machine.
  it(
    'holds the legislators, committees and bills of legis-graph, and a committee seat for every row of a listed committee',
    { timeout: 300_000 },
    () => {
      const graph = congressGraph();
      const committees = graph.actors.filter((a) => a.tags.includes('committee'));
      expect(committees.length).toBe(48);
      expect(graph.actors.filter((a) => a.tags.includes('bill')).length).toBeGreaterThan(10_000);
      const seats = graph.relationships.filter((r) => r.type === 'MEMBERSHIP');
      expect(seats.every((r) => graph.actors[r.from]!.kind === 'person' && graph.actors[r.to]!.tags.includes('committee'))).toBe(true);
      // Counted from the CSVs: one seat per (committee, member) row whose committee is listed.
      const read = (file: string) => parseCsv(readFileSync(path.join(CONGRESS_DIR, file), 'utf8'));
      const listed = new Set(read('committees-current.csv').map((c) => c.thomasID));
      const rows = new Set(
        read('committee-members.csv')
          .filter((m) => listed.has(m.committeeID))
          .map((m) => `${m.committeeID}:${m.legislatorID}`),
      );
      expect(seats.length).toBe(rows.size);
      for (const r of graph.relationships) expect(endsProblem(r.type, graph.actors[r.from]!.kind, graph.actors[r.to]!.kind)).toBeNull();
      expect(congressGraph().relationships[0]).toEqual(graph.relationships[0]);
    },
  );
});

describe('a harness fixture in the real API', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await testApp();
  });
  afterAll(() => ctx.close());

  // Writing the fixture twice through the real database: minutes on a loaded machine, seconds otherwise.
  it("is read back by the API with the fixture owner's bearer token", { timeout: 300_000 }, async () => {
    const graph = generatePowerGraph(60, { seed: Date.now() % 100_000 });
    const fixture = await ensureFixture(ctx.driver, `smoke-${graph.seed}`, graph, () => {});
    try {
      const actor = graph.actors[0]!;
      const res = await ctx.app.inject({
        url: `/api/workspaces/${fixture.workspaceId}/actors/${actor.id}`,
        headers: { authorization: `Bearer ${fixture.token}` },
      });
      // The actor route is built alongside; until it is, the workspace access check must pass.
      expect([200, 404]).toContain(res.statusCode);
      if (res.statusCode === 200) expect(res.json()).toMatchObject({ id: actor.id, name: actor.name, kind: actor.kind });
      else expect(res.json().detail).not.toMatch(/Workspace/);
      const again = await ensureFixture(ctx.driver, `smoke-${graph.seed}`, graph, () => {});
      expect(again.loadSeconds).toBe(0);
    } finally {
      await dropWorkspace(ctx.driver, fixture.workspaceId);
    }
  });
});

describe('the report', () => {
  it('quotes ratios with their dataset and lists what is short or missing', () => {
    const result: SuiteResult = {
      name: 'api',
      title: 'API overhead',
      quick: true,
      startedAt: '2026-01-01T00:00:00Z',
      seconds: 5,
      machine: machine(),
      datasets: { 'power-10k': { actors: 10_000, relationships: 100_000 } },
      tables: [{ caption: 'ms', columns: ['question', 'p50 ×'], rows: [['GET actor', 1.07]] }],
      goals: [
        { what: 'GET actor p50', goal: '≤ 1.15', value: 1.07, met: true },
        { what: 'paths p99', goal: '≤ 1.3', value: 1.6, met: false },
      ],
      unavailable: ['interlocks: not available yet (the route does not exist)'],
      notes: [],
      raw: {},
    };
    const text = renderReport([result]);
    expect(text).toContain('power-10k (10,000 actors, 100,000 relationships)');
    expect(text).toContain('| GET actor | 1.07 |');
    expect(text).toContain('paths p99 = 1.6 (goal ≤ 1.3)');
    expect(text).toContain('interlocks: not available yet');
  });
});
