import Fraction from 'fraction.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controllers, controlTies } from './control.js';
import { topChains } from './chains.js';
import { numberField } from './field.js';
import { fractionField as Q } from './fraction-field.js';
import { lookThrough } from './lookthrough.js';
import { stakeWording } from '../../domain/ownership.js';
import { holdingsByCompany, latestFilings, percentOf, type StakeFact } from './matrix.js';

let next = 0;
function stake(from: string, to: string, percent: number | null, extra: Partial<StakeFact> = {}): StakeFact {
  return {
    id: `r${String(next++).padStart(4, '0')}`,
    from,
    to,
    percent,
    percentMin: null,
    percentMax: null,
    shares: null,
    basis: 'equity',
    commitment: null,
    currency: null,
    generalPartner: false,
    declared: 'direct',
    asOf: null,
    sourceIds: [],
    ...extra,
  };
}

function exact(facts: StakeFact[], target: string) {
  return lookThrough(Q, holdingsByCompany(Q, facts), target);
}

const f = (s: string) => new Fraction(s);
const share = (r: ReturnType<typeof exact>, who: string) => r.shares.get(who);

describe('look-through ownership on worked examples (exact fractions)', () => {
  it("a regulator's example: C 60 %, B 40 %, X 3 %, Y 12 %", () => {
    const facts = [stake('A', 'P', 100), stake('B', 'A', 40), stake('C', 'A', 60), stake('X', 'C', 5), stake('Y', 'B', 30)];
    const r = exact(facts, 'P');
    expect(share(r, 'A')).toEqual({ min: f('1'), max: f('1') });
    expect(share(r, 'C')!.min.equals(f('0.6'))).toBe(true);
    expect(share(r, 'B')!.min.equals(f('0.4'))).toBe(true);
    expect(share(r, 'X')!.min.equals(f('0.03'))).toBe(true);
    expect(share(r, 'Y')!.min.equals(f('0.12'))).toBe(true);
    expect([...r.ultimate].sort()).toEqual(['X', 'Y']);
    // The rest of B and C is held by owners not on the map: 100 − 3 − 12 = 85 %.
    expect(r.unrecorded.min.equals(f('0.85'))).toBe(true);
    expect(r.unrecorded.max.equals(f('0.85'))).toBe(true);
  });

  it("a consolidation textbook's: P holds A 86 %, B 60 %, C 56.4 %", () => {
    const facts = [
      stake('P', 'A', 80),
      stake('P', 'B', 60),
      stake('P', 'C', 10),
      stake('A', 'C', 40),
      stake('B', 'A', 10),
      stake('B', 'C', 20),
    ];
    expect(share(exact(facts, 'A'), 'P')!.max.equals(f('0.86'))).toBe(true);
    expect(share(exact(facts, 'B'), 'P')!.max.equals(f('0.6'))).toBe(true);
    const c = exact(facts, 'C');
    expect(share(c, 'P')!.min.equals(f('0.564'))).toBe(true);
    expect(share(c, 'P')!.max.equals(f('0.564'))).toBe(true);
  });

  it('a cycle: A and B each own 50 % of C, C owns 50 % of A → B 2/3, owners of A outside the map 1/3', () => {
    const facts = [stake('A', 'C', 50), stake('B', 'C', 50), stake('C', 'A', 50)];
    const r = exact(facts, 'C');
    expect(r.cyclic).toBe(true);
    expect(share(r, 'B')!.min.equals(f('2/3'))).toBe(true);
    expect(share(r, 'B')!.max.equals(f('2/3'))).toBe(true);
    expect(r.unrecorded.min.equals(f('1/3'))).toBe(true);
    expect(r.unrecorded.max.equals(f('1/3'))).toBe(true);
    expect([...r.ultimate]).toEqual(['B']);
    // A's own stake is 50 %, whatever comes back to C through A.
    expect(share(r, 'A')!.min.equals(f('1/2'))).toBe(true);
  });
});

describe('stated ranges and floors', () => {
  it('carries a range to its ends and a floor up to what the other owners leave', () => {
    const facts = [
      stake('H', 'T', null, { percentMin: 25, percentMax: 50 }),
      stake('F', 'T', null, { percentMin: 5 }),
      stake('G', 'T', 30),
      stake('Z', 'H', 50),
    ];
    const r = exact(facts, 'T');
    expect(share(r, 'H')).toEqual({ min: f('0.25'), max: f('0.5') });
    // At least 5 %, at most 100 − 25 − 30 = 45 %.
    expect(share(r, 'F')).toEqual({ min: f('0.05'), max: f('0.45') });
    expect(share(r, 'Z')).toEqual({ min: f('0.125'), max: f('0.25') });
  });

  it('gives a stake of unstated size 0 to what is left, and never propagates a declared shortcut', () => {
    const facts = [stake('H', 'T', 60), stake('U', 'T', null), stake('Y', 'T', 90, { declared: 'indirect' })];
    const r = exact(facts, 'T');
    expect(share(r, 'U')).toEqual({ min: f('0'), max: f('0.4') });
    expect(share(r, 'Y')).toBeUndefined();
  });

  it('scales conflicting stakes that add up to more than 100 % down to 100 %', () => {
    const r = exact([stake('A', 'T', 80), stake('B', 'T', 40)], 'T');
    expect(share(r, 'A')!.min.equals(f('2/3'))).toBe(true);
    expect(r.unrecorded.max.equals(f('0'))).toBe(true);
  });
});

describe('filed holdings over several quarters', () => {
  const filed = (from: string, to: string, shares: number, asOf: string) => stake(from, to, null, { shares, asOf });
  it('counts only the latest quarter of one holder in one issuer and keeps the earlier ones as history', () => {
    const q1 = filed('M', 'T', 1000, '2024-03-31');
    const q3 = filed('M', 'T', 3000, '2024-09-30');
    const q2 = filed('M', 'T', 2000, '2024-06-30');
    const other = filed('N', 'T', 500, '2024-03-31');
    const { current, history } = latestFilings([q1, q3, q2, other]);
    expect(current.map((f) => f.id).sort()).toEqual([q3.id, other.id].sort());
    expect(history.map((f) => f.asOf).sort()).toEqual(['2024-03-31', '2024-06-30']);
    // With a 40 % stake of another owner, M's one position reaches up to 60 %, not three times over.
    const h = holdingsByCompany(Q, [q1, q2, q3, stake('Y', 'T', 40)]).get('T')!;
    expect(h.edges.map((e) => e.fact.id).sort()).toEqual([q3.id, h.edges.find((e) => e.fact.from === 'Y')!.fact.id].sort());
    expect(h.edges.find((e) => e.fact.from === 'M')!.max.equals(f('0.6'))).toBe(true);
  });
  it('derives a filed holding’s percent from the company’s shares outstanding, latest quarter only', () => {
    const known = { companyShares: 10_000 };
    const q1 = stake('M', 'T', null, { shares: 1000, asOf: '2024-03-31', ...known });
    const q2 = stake('M', 'T', null, { shares: 2500, asOf: '2024-06-30', ...known });
    const h = holdingsByCompany(Q, [q1, q2, stake('Y', 'T', 40)]).get('T')!;
    const m = h.edges.find((e) => e.fact.from === 'M')!;
    expect(m.stated).toBe('derived');
    expect(m.min.equals(f('1/4')) && m.max.equals(f('1/4'))).toBe(true);
    expect(stakeWording({ ...q2, ...known })).toBe('25 % (2,500 of 10,000 shares)');
    // Without the shares outstanding the same holding is of unstated size: up to what is left.
    const unknown = holdingsByCompany(Q, [{ ...q2, companyShares: null }, stake('Y', 'T', 40)]).get('T')!;
    expect(unknown.edges.find((e) => e.fact.from === 'M')!.max.equals(f('0.6'))).toBe(true);
    // A count above the shares outstanding (a stale figure) is the whole company, never more.
    expect(percentOf({ percent: null, percentMin: null, percentMax: null, shares: 12_000, companyShares: 10_000 })).toBe(100);
  });
  it('leaves stated percentages of several dates alone', () => {
    const a = stake('M', 'T', 10, { asOf: '2023-12-31', shares: 10 });
    const b = stake('M', 'T', 20, { asOf: '2024-12-31', shares: 20 });
    expect(latestFilings([a, b]).history).toEqual([]);
  });
});

describe('control', () => {
  const ties = (facts: StakeFact[]) => controlTies(numberField, facts);
  it('counts what X and the companies X controls hold together, above the threshold only', () => {
    const facts = [stake('X', 'S', 60), stake('X', 'T', 30), stake('S', 'T', 25), stake('Y', 'T', 45)];
    const closure = ['T', 'X', 'S', 'Y'];
    // X controls S (60 %), and X with S holds 55 % of T; S alone holds 25 %.
    expect([...controllers(numberField, ties(facts), closure, 'T', 0.5)]).toEqual(['X']);
    expect(controllers(numberField, ties(facts), closure, 'T', 0.6).size).toBe(0);
  });
  it('lets a general partner and a consolidating parent control whatever their figure', () => {
    const facts = [
      stake('GP', 'Fund', 1, { generalPartner: true }),
      stake('Fund', 'T', 51),
      stake('LP', 'Fund', 99, { basis: 'lp_commitment' }),
    ];
    const c = controllers(numberField, ties(facts), ['T', 'Fund', 'GP', 'LP'], 'T', 0.5);
    expect([...c].sort()).toEqual(['Fund', 'GP']);
  });
  it('does not say "controls" on exactly the threshold', () => {
    const c = controllers(numberField, ties([stake('X', 'T', 50)]), ['T', 'X'], 'T', 0.5);
    expect(c.size).toBe(0);
  });
});

describe('chains', () => {
  it('lists the strongest chain first and each chain step by step from the holder', () => {
    const facts = [
      stake('P', 'A', 80),
      stake('P', 'C', 10),
      stake('A', 'C', 40),
      stake('P', 'B', 60),
      stake('B', 'C', 20),
      stake('B', 'A', 10),
    ];
    const chains = topChains(Q, holdingsByCompany(Q, facts), 'C', 5);
    expect(chains.complete).toBe(true);
    const p = chains.byHolder.get('P')!;
    expect(p.map((c) => c.share.min.valueOf())).toEqual([0.32, 0.12, 0.1, 0.024]);
    expect(p[0]!.edges.map((e) => `${e.fact.from}>${e.fact.to}`)).toEqual(['P>A', 'A>C']);
    const total = p.reduce((s, c) => s.add(c.share.min), new Fraction(0));
    expect(total.equals(f('0.564'))).toBe(true);
  });
});

// ---- properties on random ownership graphs ----

interface Spec {
  n: number;
  edges: { from: number; to: number; percent: number }[];
}

/** Random graphs where each company's recorded stakes add up to at most 100 %. */
const graphs = (acyclic: boolean) =>
  fc
    .record({
      n: fc.integer({ min: 2, max: 7 }),
      raw: fc.array(fc.record({ a: fc.nat(6), b: fc.nat(6), p: fc.integer({ min: 1, max: 60 }) }), { maxLength: 14 }),
    })
    .map(({ n, raw }): Spec => {
      const used = new Map<number, number>();
      const seen = new Set<string>();
      const edges: Spec['edges'] = [];
      for (const { a, b, p } of raw) {
        let from = a % n;
        let to = b % n;
        if (from === to) continue;
        if (acyclic && from < to) [from, to] = [to, from];
        if (seen.has(`${from}-${to}`)) continue;
        const room = 100 - (used.get(to) ?? 0);
        const percent = Math.min(p, room);
        if (percent <= 0) continue;
        seen.add(`${from}-${to}`);
        used.set(to, 100 - room + percent);
        edges.push({ from, to, percent });
      }
      return { n, edges };
    });

const factsOf = (g: Spec) =>
  g.edges.map((e, i) => ({ ...stake(`n${e.from}`, `n${e.to}`, e.percent), id: `e${String(i).padStart(3, '0')}` }));

function pathSum(g: Spec, holder: number, target: number): Fraction {
  let total = new Fraction(0);
  const walk = (at: number, product: Fraction) => {
    for (const e of g.edges) {
      if (e.to !== at) continue;
      const p = product.mul(e.percent).div(100);
      if (e.from === holder) total = total.add(p);
      else walk(e.from, p);
    }
  };
  walk(target, new Fraction(1));
  return total;
}

describe('look-through properties', () => {
  it('on acyclic graphs, equals the sum over paths of the products of the stakes', () => {
    fc.assert(
      fc.property(graphs(true), (g) => {
        const facts = factsOf(g);
        for (let t = 0; t < g.n; t++) {
          const r = exact(facts, `n${t}`);
          for (let h = 0; h < g.n; h++) {
            if (h === t) continue;
            const expected = pathSum(g, h, t);
            const got = r.shares.get(`n${h}`);
            if (expected.valueOf() === 0) expect(got === undefined || got.max.valueOf() === 0).toBe(true);
            else expect(got!.min.equals(expected) && got!.max.equals(expected)).toBe(true);
          }
        }
      }),
    );
  });

  it('never gives a company owners totalling more than 100 %, and min ≤ max', () => {
    fc.assert(
      fc.property(graphs(false), (g) => {
        const facts = factsOf(g);
        for (let t = 0; t < g.n; t++) {
          const r = exact(facts, `n${t}`);
          let total = r.unrecorded.min;
          for (const u of r.ultimate) total = total.add(r.shares.get(u)!.min);
          expect(total.compare(1)).toBeLessThanOrEqual(0);
          for (const s of r.shares.values()) {
            expect(s.min.compare(s.max)).toBeLessThanOrEqual(0);
            expect(s.max.compare(1)).toBeLessThanOrEqual(0);
          }
          // Exact stakes: the ultimate owners and the owners off the map account for the whole.
          let whole = r.unrecorded.max;
          for (const u of r.ultimate) whole = whole.add(r.shares.get(u)!.max);
          if (!r.cyclic) expect(whole.equals(1)).toBe(true);
        }
      }),
    );
  });

  it('does not depend on the order of the edges', () => {
    fc.assert(
      fc.property(
        graphs(false).chain((g) => fc.tuple(fc.constant(g), fc.shuffledSubarray(factsOf(g), { minLength: g.edges.length }))),
        ([g, shuffled]) => {
          const facts = factsOf(g);
          for (let t = 0; t < g.n; t++) {
            const a = lookThrough(Q, holdingsByCompany(Q, facts), `n${t}`);
            const b = lookThrough(Q, holdingsByCompany(Q, shuffled), `n${t}`);
            expect(new Map([...b.shares].sort())).toEqual(new Map([...a.shares].sort()));
            expect(b.unrecorded).toEqual(a.unrecorded);
          }
        },
      ),
    );
  });

  it('changes nothing when a declared-indirect shortcut is added', () => {
    fc.assert(
      fc.property(graphs(false), fc.nat(6), fc.nat(6), fc.integer({ min: 0, max: 100 }), (g, a, b, p) => {
        const facts = factsOf(g);
        const from = `n${a % g.n}`;
        const to = `n${b % g.n}`;
        const extra = [...facts, stake(from, to, p, { declared: a % 2 ? 'indirect' : 'ultimate_parent' })];
        for (let t = 0; t < g.n; t++) {
          const before = exact(facts, `n${t}`);
          const after = exact(extra, `n${t}`);
          expect(after.shares).toEqual(before.shares);
          expect(after.unrecorded).toEqual(before.unrecorded);
        }
      }),
    );
  });
});

describe('a web of cross-holdings too large to invert', () => {
  it('gives exact ultimate shares and bounds for the holders inside it', () => {
    // Company i is held 50 % by company i+1 (round a ring of 200) and 50 % by its own owner Ui.
    const n = 200;
    const facts = Array.from({ length: n }, (_, i) => [stake(`c${(i + 1) % n}`, `c${i}`, 50), stake(`U${i}`, `c${i}`, 50)]).flat();
    const r = lookThrough(numberField, holdingsByCompany(numberField, facts), 'c0');
    expect(r.bounded).toBe(true);
    expect(r.shares.get('U0')!.min).toBeCloseTo(0.5, 12);
    expect(r.shares.get('U1')!.min).toBeCloseTo(0.25, 12);
    let total = r.unrecorded.max;
    for (const u of r.ultimate) total += r.shares.get(u)!.min;
    expect(total).toBeCloseTo(1, 12);
    const inside = r.shares.get('c1')!;
    expect(inside.min).toBeLessThanOrEqual(0.5);
    expect(inside.max).toBeGreaterThanOrEqual(0.5);
  });
});
