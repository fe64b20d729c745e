import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diff } from '../../domain/change.js';
import { relationshipTypes } from '../../domain/relationship.js';
import { tieCost } from '../graph.js';
import { typeMask } from '../paths.js';
import { ProjectionGraph, snapshotOf, type ActorFields, type TieFields } from './graph.js';
import { applyChange } from './load.js';
import { Budget, kShortestPaths, type FoundPath, type WalkRules } from './search.js';

const person = (id: string): ActorFields => ({ id, name: id, kind: 'person', roles: [], power: null, alignment: null });

/** A graph from "a-b:5" specs (ids are names); every tie SOCIAL unless typed "a-b:5:DONATION". */
function graphOf(names: string[], ties: string[]): ProjectionGraph {
  const g = new ProjectionGraph();
  for (const n of names) g.putActor(person(n));
  ties.forEach((spec, i) => {
    const [ends, strength, type] = spec.split(':');
    const [from, to] = ends!.split('-');
    g.putTie({ id: `t${i}`, type: type ?? 'SOCIAL', from: from!, to: to!, strength: Number(strength ?? 3), mutual: false });
  });
  g.compact();
  return g;
}

function rulesFor(g: ProjectionGraph, options: Partial<WalkRules> & { exclude?: string[] } = {}): WalkRules {
  const steppable = g.alive.slice(0, g.actorCount);
  for (const id of options.exclude ?? []) steppable[g.actorSlot.get(id)!] = 0;
  return {
    steppable,
    types: options.types ?? typeMask(relationshipTypes),
    maxHops: options.maxHops ?? 6,
    weighted: options.weighted ?? false,
  };
}

const k = (g: ProjectionGraph, rules: WalkRules, from: string, to: string, count: number) =>
  kShortestPaths(g, rules, g.actorSlot.get(from)!, g.actorSlot.get(to)!, count, new Budget(1e9));
const named = (g: ProjectionGraph, p: FoundPath) => p.nodes.map((v) => g.actorIds[v]).join('-');

/** Every loopless path within the rules, by depth-first enumeration: the independent answer. */
function allPaths(g: ProjectionGraph, rules: WalkRules, from: number, to: number): FoundPath[] {
  const out: FoundPath[] = [];
  const nodes = [from];
  const edges: number[] = [];
  const walk = (v: number, cost: number) => {
    if (v === to) return void out.push({ nodes: [...nodes], edges: [...edges], cost });
    if (edges.length === rules.maxHops) return;
    g.forEachTie(v, (e, u) => {
      if (!rules.types[g.type[e]!] || !rules.steppable[u] || nodes.includes(u)) return;
      nodes.push(u);
      edges.push(e);
      walk(u, cost + (rules.weighted ? tieCost(g.strength[e]!) : 1));
      nodes.pop();
      edges.pop();
    });
  };
  walk(from, 0);
  return out.sort((a, b) => a.cost - b.cost || a.edges.length - b.edges.length);
}

describe('k shortest loopless paths on the projection', () => {
  it('finds the hand-worked paths, in order, with types, exclusions and hop limits', () => {
    const g = graphOf(['A', 'B', 'C', 'D', 'E', 'F'], ['A-B:5', 'B-D:5', 'A-C:1', 'C-D:1', 'A-E:5', 'E-F:5', 'F-D:5', 'B-C:3:DONATION']);
    expect(
      k(g, rulesFor(g), 'A', 'D', 2)
        .map((p) => named(g, p))
        .sort(),
    ).toEqual(['A-B-D', 'A-C-D']);
    const weighted = k(g, rulesFor(g, { weighted: true }), 'A', 'D', 3);
    expect(weighted.map((p) => [named(g, p), p.cost])).toEqual([
      ['A-B-D', 2],
      ['A-E-F-D', 3],
      ['A-C-D', 4],
    ]);
    expect(k(g, rulesFor(g, { exclude: ['B'] }), 'A', 'D', 5).map((p) => named(g, p))).toEqual(['A-C-D', 'A-E-F-D']);
    expect(
      k(g, rulesFor(g, { maxHops: 2 }), 'A', 'D', 5)
        .map((p) => named(g, p))
        .sort(),
    ).toEqual(['A-B-D', 'A-C-D']);
    expect(k(g, rulesFor(g, { types: typeMask(['DONATION']) }), 'A', 'D', 5)).toEqual([]);
    // Five loopless paths in all; asking for ten gives the five, no repeats.
    const every = k(g, rulesFor(g), 'A', 'D', 10).map((p) => named(g, p));
    expect(new Set(every).size).toBe(every.length);
    expect(every.sort()).toEqual(['A-B-C-D', 'A-B-D', 'A-C-B-D', 'A-C-D', 'A-E-F-D']);
  });

  it('treats parallel ties as different paths and never walks a deleted actor', () => {
    const g = graphOf(['A', 'B', 'C'], ['A-B:5', 'A-B:1', 'B-C:5']);
    expect(k(g, rulesFor(g, { weighted: true }), 'A', 'C', 3).map((p) => p.cost)).toEqual([2, 3]);
    g.removeActor('B');
    expect(k(g, rulesFor(g), 'A', 'C', 3)).toEqual([]);
  });

  it('answers exactly through a hub with 1,000 spokes', () => {
    const spokes = Array.from({ length: 1000 }, (_, i) => `s${i}`);
    const ties = spokes.flatMap((s, i) => [`Hub-${s}:${(i % 5) + 1}`, ...(i % 100 === 0 ? [`${s}-Far:5`] : [])]);
    const g = graphOf(['Hub', 'Far', 'Alone', ...spokes], [...ties, 'Hub-Far:1']);
    // From one spoke to another: only through the hub (2 hops), or through the hub and Far.
    const plain = k(g, rulesFor(g), 's1', 's2', 3);
    expect(plain.map((p) => named(g, p))).toEqual(['s1-Hub-s2']);
    // Hub to Far: the direct weak tie (cost 2), then through the ten spokes that reach Far
    // (a strength-1 and a strength-5 step: cost 3), and nothing else.
    const weighted = k(g, rulesFor(g, { weighted: true }), 'Hub', 'Far', 5);
    expect(weighted.map((p) => [p.cost, p.edges.length])).toEqual([
      [2, 1],
      [3, 2],
      [3, 2],
      [3, 2],
      [3, 2],
    ]);
    expect(k(g, rulesFor(g, { weighted: true }), 'Hub', 'Far', 20)).toHaveLength(11);
    const brute = allPaths(g, rulesFor(g, { weighted: true }), g.actorSlot.get('Hub')!, g.actorSlot.get('Far')!);
    expect(weighted.map((p) => p.cost)).toEqual(brute.slice(0, 5).map((p) => p.cost));
    expect(k(g, rulesFor(g), 's1', 'Alone', 3)).toEqual([]);
  });

  it('matches a brute-force enumeration on random graphs, both modes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 9 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 5 })), { maxLength: 22 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 8 }),
        fc.boolean(),
        (n, raw, maxHops, count, weighted) => {
          const names = Array.from({ length: n }, (_, i) => `n${i}`);
          const ties = raw
            .map(([a, b, s]) => `n${a % n}-n${b % n}:${s}`)
            .filter((t) => t.split(':')[0]!.split('-')[0] !== t.split(':')[0]!.split('-')[1]);
          const g = graphOf(names, ties);
          const rules = rulesFor(g, { maxHops, weighted });
          const got = k(g, rules, 'n0', `n${n - 1}`, count);
          const brute = allPaths(g, rules, 0, n - 1);
          // The same costs and hop counts as the best `count` of every loopless path…
          expect(got.map((p) => [p.cost, p.edges.length])).toEqual(brute.slice(0, count).map((p) => [p.cost, p.edges.length]));
          // …each a real, distinct, loopless path within the rules.
          const signatures = new Set(brute.map((p) => p.edges.join(',')));
          for (const p of got) expect(signatures.has(p.edges.join(','))).toBe(true);
          expect(new Set(got.map((p) => p.edges.join(','))).size).toBe(got.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---- incremental edits against a rebuild ----

interface ModelActor extends ActorFields {
  alive: boolean;
}

/** The records as the database holds them: what a fresh load reads. */
class Model {
  actors = new Map<string, ModelActor>();
  ties = new Map<string, TieFields>();
  apply(diff: Diff) {
    if (diff.entityType === 'actor') {
      const current = this.actors.get(diff.entityId);
      if (diff.after) this.actors.set(diff.entityId, { ...(diff.after as unknown as ActorFields), alive: true });
      else if (current) current.alive = false;
    } else if (diff.after) this.ties.set(diff.entityId, diff.after as unknown as TieFields);
    else this.ties.delete(diff.entityId);
  }
  /** As loadProjection builds it: actors (deleted ones dead), then every tie between known actors. */
  rebuild(): ProjectionGraph {
    const g = new ProjectionGraph();
    for (const a of this.actors.values()) {
      g.putActor(a);
      if (!a.alive) g.removeActor(a.id);
    }
    for (const t of this.ties.values()) g.putTie(t);
    g.compact();
    return g;
  }
  live() {
    return [...this.actors.values()].filter((a) => a.alive);
  }
}

type Op = { kind: number; a: number; b: number; s: number; compact: boolean };

/** The diffs one edit makes, as the services write them (merge and revert included). */
function diffsFor(model: Model, op: Op, history: Diff[][], fresh: () => string): Diff[] {
  const live = model.live();
  const pick = <T>(list: T[], i: number) => list[i % list.length]!;
  const actorDiff = (before: ActorFields | null, after: ActorFields | null, id: string): Diff => ({
    entityType: 'actor',
    entityId: id,
    before: before as never,
    after: after as never,
  });
  const tieDiff = (before: TieFields | null, after: TieFields | null, id: string): Diff => ({
    entityType: 'relationship',
    entityId: id,
    before: before as never,
    after: after as never,
  });
  const strip = ({ alive: _a, ...rest }: ModelActor): ActorFields => rest;
  const liveTies = [...model.ties.values()].filter((t) => model.actors.get(t.from)?.alive && model.actors.get(t.to)?.alive);
  switch (op.kind) {
    case 0: {
      const id = fresh();
      return [
        actorDiff(
          null,
          {
            id,
            name: `actor ${id}`,
            kind: op.a % 2 ? 'organization' : 'person',
            roles: op.b % 3 ? [] : ['base'],
            power: op.s,
            alignment: (op.a % 7) - 3,
          },
          id,
        ),
      ];
    }
    case 1: {
      if (!live.length) return [];
      const a = pick(live, op.a);
      return [
        actorDiff(
          strip(a),
          { ...strip(a), name: `${a.name}'`, power: op.b % 2 ? null : op.s, roles: op.b % 2 ? ['ally', 'base'] : [] },
          a.id,
        ),
      ];
    }
    case 2: {
      if (!live.length) return [];
      const a = pick(live, op.a);
      return [actorDiff(strip(a), null, a.id)];
    }
    case 3: {
      const dead = [...model.actors.values()].filter((a) => !a.alive);
      if (!dead.length) return [];
      const a = pick(dead, op.a);
      return [actorDiff(null, strip(a), a.id)];
    }
    case 4: {
      if (live.length < 2) return [];
      const a = pick(live, op.a);
      const b = pick(
        live.filter((x) => x !== a),
        op.b,
      );
      const id = fresh();
      return [
        tieDiff(
          null,
          {
            id,
            type: pick([...relationshipTypes], op.a + op.b),
            from: a.id,
            to: b.id,
            strength: op.s,
            mutual: op.b % 2 === 0,
            board: op.a % 3 === 0,
          },
          id,
        ),
      ];
    }
    case 5: {
      if (!liveTies.length) return [];
      const t = pick(liveTies, op.a);
      return [tieDiff(t, { ...t, strength: op.s }, t.id)];
    }
    case 6: {
      if (!liveTies.length) return [];
      const t = pick(liveTies, op.a);
      return [tieDiff(t, null, t.id)];
    }
    case 7: {
      // Merge: the duplicate's ties move to the one kept (a tie between the two goes), then it is deleted.
      if (live.length < 2) return [];
      const dup = pick(live, op.a);
      const kept = pick(
        live.filter((x) => x !== dup),
        op.b,
      );
      const diffs: Diff[] = [];
      for (const t of liveTies.filter((x) => x.from === dup.id || x.to === dup.id)) {
        const moved = { ...t, from: t.from === dup.id ? kept.id : t.from, to: t.to === dup.id ? kept.id : t.to };
        diffs.push(moved.from === moved.to ? tieDiff(t, null, t.id) : tieDiff(t, moved, t.id));
      }
      diffs.push(actorDiff(strip(kept), { ...strip(kept), roles: [...new Set([...(kept.roles ?? []), ...(dup.roles ?? [])])] }, kept.id));
      diffs.push(actorDiff(strip(dup), null, dup.id));
      return diffs;
    }
    case 8: {
      // Revert: the last change undone, its diffs backwards.
      const last = history.at(-1);
      if (!last) return [];
      return [...last].reverse().map((d) => ({ ...d, before: d.after, after: d.before }));
    }
    default:
      return [];
  }
}

/** One change: its diffs, applied to the records as they are made (a batch is several edits). */
function edit(model: Model, op: Op, history: Diff[][], fresh: () => string): Diff[] {
  const kinds = op.kind === 9 ? [0, 4, 5, 0, 4, 6] : [op.kind];
  const diffs: Diff[] = [];
  for (const kind of kinds) {
    for (const d of diffsFor(model, { ...op, kind, a: op.a + diffs.length }, history, fresh)) {
      model.apply(d);
      diffs.push(d);
    }
  }
  return diffs;
}

describe('the projection kept from the change log', () => {
  it('after any sequence of edits equals a projection rebuilt from the same records', () => {
    const op = fc.record({
      kind: fc.integer({ min: 0, max: 9 }),
      a: fc.nat(50),
      b: fc.nat(50),
      s: fc.integer({ min: 1, max: 5 }),
      compact: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const model = new Model();
        const g = new ProjectionGraph();
        g.compact();
        const history: Diff[][] = [];
        let next = 0;
        const fresh = () => `id-${next++}`;
        let seq = 0;
        for (const o of ops) {
          const diffs = edit(model, o, history, fresh);
          if (!diffs.length) continue;
          applyChange(g, { seq: ++seq, diffs });
          history.push(diffs);
          if (o.compact) g.compact();
          else g.compactIfDue();
        }
        expect(snapshotOf(g)).toEqual(snapshotOf(model.rebuild()));
        expect(g.seq).toBe(seq);
      }),
      { numRuns: 400 },
    );
  });

  it('applying a change twice changes nothing (a load that saw part of a write replays it safely)', () => {
    const g = new ProjectionGraph();
    const change = {
      seq: 1,
      diffs: [
        { entityType: 'actor', entityId: 'a', before: null, after: person('a') },
        { entityType: 'actor', entityId: 'b', before: null, after: person('b') },
        {
          entityType: 'relationship',
          entityId: 'r',
          before: null,
          after: { id: 'r', type: 'SOCIAL', from: 'a', to: 'b', strength: 4, mutual: true },
        },
      ] as Diff[],
    };
    applyChange(g, change);
    const once = snapshotOf(g);
    applyChange(g, change);
    expect(snapshotOf(g)).toEqual(once);
    expect(g.degree(g.actorSlot.get('a')!)).toBe(1);
  });
});
