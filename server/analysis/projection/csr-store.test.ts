import { describe, expect, it } from 'vitest';
import type { BrokersQuery } from '../../domain/analysis.js';
import { brokersOn, rankCompact, type TaskRunner } from '../brokers.js';
import { CsrStore } from './csr-store.js';
import { ProjectionGraph } from './graph.js';
import { Projections } from './registry.js';
import type { QuestionGraph } from './scope.js';

/** The worker's task run on this thread, so the test sees every build the store keeps. */
const onThisThread: TaskRunner = {
  run: (async (_task: 'brokers', input: Parameters<typeof rankCompact>[0]) => rankCompact(input)) as TaskRunner['run'],
};

const person = (id: string) => ({ id, name: id, kind: 'person', roles: [], power: null, alignment: null });

/** Two triangles joined through "bridge": the bridge lies between the most pairs. */
function twoTriangles(): ProjectionGraph {
  const g = new ProjectionGraph();
  for (const id of ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'bridge', 'loner']) g.putActor(person(id));
  const ties = ['a1-a2', 'a2-a3', 'a1-a3', 'b1-b2', 'b2-b3', 'b1-b3', 'a1-bridge', 'bridge-b1'];
  ties.forEach((spec, i) => {
    const [from, to] = spec.split('-');
    g.putTie({ id: `t${i}`, type: 'SOCIAL', from: from!, to: to!, strength: 3, mutual: true });
  });
  g.compact();
  g.seq = 1;
  return g;
}

const whole = (g: ProjectionGraph): QuestionGraph => ({ g, scope: null, inScope: g.alive.slice(0, g.actorCount) });
const ask = (limit: number): BrokersQuery => ({ limit }) as BrokersQuery;

describe('the scope graph kept per projection version', () => {
  it('builds the graph once for two questions on the same version, and again after an edit', async () => {
    const g = twoTriangles();
    const store = new CsrStore();
    const first = await brokersOn(onThisThread, store, 'w', whole(g), ask(3));
    const second = await brokersOn(onThisThread, store, 'w', whole(g), ask(8));
    expect(store.builds).toBe(1);
    const mostBetween = [...second.items].sort((a, b) => b.betweenness - a.betweenness)[0]!;
    expect(mostBetween.actorId).toBe('bridge');
    // The kept graph gives the same measures as the one built for the first question.
    expect(second.items.slice(0, 3)).toEqual(first.items);
    expect(second.items.find((i) => i.actorId === 'loner')).toMatchObject({ degree: 0, betweenness: 0 });

    // The loner joins a2 and b2: a new version, so a new graph, and the loner now brokers.
    g.putTie({ id: 'n1', type: 'SOCIAL', from: 'loner', to: 'a2', strength: 3, mutual: true });
    g.putTie({ id: 'n2', type: 'SOCIAL', from: 'loner', to: 'b2', strength: 3, mutual: true });
    g.seq = 3;
    const after = await brokersOn(onThisThread, store, 'w', whole(g), ask(8));
    expect(store.builds).toBe(2);
    expect(after.dataVersion).toBe(3);
    const loner = after.items.find((i) => i.actorId === 'loner')!;
    expect(loner.degree).toBe(2);
    expect(loner.betweenness).toBeGreaterThan(0);
    await brokersOn(onThisThread, store, 'w', whole(g), ask(2));
    expect(store.builds).toBe(2);
  });

  it('keeps one graph per workspace and forgets it with the projection', async () => {
    const g = twoTriangles();
    const projections = new Projections(null as never);
    const store = projections.csrs;
    await brokersOn(onThisThread, store, 'w', whole(g), ask(3));
    const one = store.bytes('w');
    expect(one).toBeGreaterThan(0);
    await brokersOn(onThisThread, store, 'w', { ...whole(g), scope: [0, 1, 2], inScope: Uint8Array.of(1, 1, 1, 0, 0, 0, 0, 0) }, {
      ...ask(3),
      map: 'm',
    } as BrokersQuery);
    expect(store.builds).toBe(2);
    // The map's graph replaced the workspace's: only one is held.
    expect(store.bytes()).toBe(store.bytes('w'));
    expect(store.bytes('w')).toBeLessThan(one);
    projections.drop('w');
    expect(store.bytes()).toBe(0);
    expect(projections.figures().csrBuilds).toBe(2);
  });
});
