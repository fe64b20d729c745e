import { stronglyConnected } from './components.js';
import { clamp01, fmax, fmin, type Field } from './field.js';
import type { Bounds, Holdings } from './matrix.js';
import { inverseOfIMinus } from './solve.js';

/** Every holder's look-through share of one target, and what no recorded owner accounts for. */
export interface LookThrough<T> {
  target: string;
  /** The target's upstream closure, the target first. */
  nodes: string[];
  /** Holders (never the target itself) and their share of the target. */
  shares: Map<string, Bounds<T>>;
  /** Holders with no recorded owner of their own. */
  ultimate: Set<string>;
  /** Owners not on the map: 100 % less what the ultimate owners hold. */
  unrecorded: Bounds<T>;
  /** The closure holds a circle of holdings. */
  cyclic: boolean;
  /** A circle was too large to solve exactly: shares of holders inside it are bounds. */
  bounded: boolean;
}

interface Up<T> {
  owner: number;
  min: T;
  max: T;
}

/**
 * Look-through ownership over the target's upstream closure only: the holders of the
 * target, their holders, and so on (small even in a huge workspace).
 *
 * A share of the target climbs from company to owner in proportion to the stakes, a walk
 * up the ownership matrix M (M[j][i] = the share of j held directly by i). Ultimate owners
 * and each company's unrecorded remainder absorb it, so the expected visits from the target
 * are v = e_t (I − M)⁻¹ — the absorbing form U = W_UC (I − W_CC)⁻¹ — and a holder's share
 * is the sum over the walks from the target that reach it for the first time:
 * F_h = v_h / G_hh, G_hh = [(I − M)⁻¹]_hh. Without circles this is the sum over paths of
 * the products of the stakes. Round a circle, a company's stake in itself is spread over
 * its other owners (docs/ownership.md). The lower and upper ends are propagated separately
 * (the sum over walks only grows with each stake). The solve runs one strongly connected
 * component at a time in topological order: a dense elimination on each circle, a plain
 * sum elsewhere.
 */
export function lookThrough<T>(F: Field<T>, holdings: Map<string, Holdings<T>>, target: string): LookThrough<T> {
  const nodes = [target];
  const at = new Map([[target, 0]]);
  const up: Up<T>[][] = [];
  for (let k = 0; k < nodes.length; k++) {
    const byOwner = new Map<number, Up<T>>();
    for (const e of holdings.get(nodes[k]!)?.edges ?? []) {
      let i = at.get(e.fact.from);
      if (i === undefined) {
        i = nodes.length;
        at.set(e.fact.from, i);
        nodes.push(e.fact.from);
      }
      const seen = byOwner.get(i);
      // One holder with several stakes in a company (share classes, duplicates) holds their sum.
      if (seen) {
        seen.min = F.add(seen.min, e.min);
        seen.max = fmin(F, F.add(seen.max, e.max), F.one);
      } else byOwner.set(i, { owner: i, min: e.min, max: e.max });
    }
    up.push([...byOwner.values()]);
  }
  const n = nodes.length;
  const owners = up.map((list) => list.map((u) => u.owner));
  const order = stronglyConnected(n, (v) => owners[v]!).reverse();
  const low = solve(F, n, up, order, (u) => u.min, 'low');
  const high = solve(F, n, up, order, (u) => u.max, 'high');

  const shares = new Map<string, Bounds<T>>();
  const ultimate = new Set<string>();
  let ultimateMin = F.zero;
  let ultimateMax = F.zero;
  for (let h = 1; h < n; h++) {
    const min = low.stuck[h] ? F.zero : clamp01(F, F.mul(low.visits[h]!, low.firstPass[h]!));
    const max = high.stuck[h] ? F.one : fmax(F, min, clamp01(F, F.mul(high.visits[h]!, high.firstPass[h]!)));
    shares.set(nodes[h]!, { min, max });
    if (up[h]!.length === 0) {
      ultimate.add(nodes[h]!);
      ultimateMin = F.add(ultimateMin, min);
      ultimateMax = F.add(ultimateMax, max);
    }
  }
  return {
    target,
    nodes,
    shares,
    ultimate,
    unrecorded: { min: clamp01(F, F.sub(F.one, ultimateMax)), max: clamp01(F, F.sub(F.one, ultimateMin)) },
    cyclic: order.some((c) => c.length > 1 || up[c[0]!]!.some((u) => u.owner === c[0])),
    bounded: low.bounded || high.bounded,
  };
}

interface Solved<T> {
  /** Expected visits from the target. */
  visits: T[];
  /** 1 / G_hh: the part of the visits that are first visits (1 off every circle). */
  firstPass: T[];
  /** Inside or above a circle the walks never leave: no finite figure. */
  stuck: boolean[];
  /** Some holders sit in a circle too large to invert: their first-pass part is a bound. */
  bounded: boolean;
}

/** Circles up to this many companies are solved exactly; larger ones by iteration. */
export const DENSE_CIRCLE = 150;
const MAX_ITERATIONS = 5_000;

function solve<T>(F: Field<T>, n: number, up: Up<T>[][], order: number[][], weight: (u: Up<T>) => T, side: 'low' | 'high'): Solved<T> {
  const visits = new Array<T>(n).fill(F.zero);
  const firstPass = new Array<T>(n).fill(F.one);
  const stuck = new Array<boolean>(n).fill(false);
  let bounded = false;
  visits[0] = F.one;
  const member = new Int32Array(n).fill(-1);
  for (const component of order) {
    const circle = component.length > 1 || up[component[0]!]!.some((u) => u.owner === component[0]);
    if (circle) {
      component.forEach((v, k) => (member[v] = k));
      const blocked = component.some((v) => stuck[v]);
      const solved = blocked
        ? false
        : component.length <= DENSE_CIRCLE
          ? solveDense(F, component, up, member, weight, visits, firstPass)
          : solveIterating(F, component, up, member, weight, visits, firstPass, side);
      if (!solved) for (const v of component) stuck[v] = true;
      if (component.length > DENSE_CIRCLE) bounded = true;
    }
    for (const v of component) {
      for (const u of up[v]!) {
        if (circle && member[u.owner]! >= 0) continue;
        if (stuck[v]) stuck[u.owner] = true;
        else visits[u.owner] = F.add(visits[u.owner]!, F.mul(visits[v]!, weight(u)));
      }
    }
    if (circle) for (const v of component) member[v] = -1;
  }
  return { visits, firstPass, stuck, bounded };
}

/** A small circle: v_S = b_S (I − A)⁻¹ and G_hh from the inverse itself. */
function solveDense<T>(
  F: Field<T>,
  component: number[],
  up: Up<T>[][],
  member: Int32Array,
  weight: (u: Up<T>) => T,
  visits: T[],
  firstPass: T[],
): boolean {
  const a = component.map(() => component.map(() => F.zero));
  component.forEach((v, k) => {
    for (const u of up[v]!) if (member[u.owner]! >= 0) a[k]![member[u.owner]!] = F.add(a[k]![member[u.owner]!]!, weight(u));
  });
  const inv = inverseOfIMinus(F, a);
  if (!inv) return false;
  const inflow = component.map((v) => visits[v]!);
  component.forEach((v, k) => {
    let sum = F.zero;
    inflow.forEach((b, j) => (sum = F.add(sum, F.mul(b, inv[j]![k]!))));
    visits[v] = sum;
    firstPass[v] = F.div(F.one, inv[k]![k]!);
  });
  return true;
}

/**
 * A large circle (a generated web of cross-holdings, in practice): the visits by iterating
 * v ← b + v·A to convergence over its ties only. The diagonal of the inverse is out of reach,
 * so a holder's first-pass part is bounded instead: G_hh ≥ 1 gives the upper end (the visits
 * themselves), and the chance of coming back to h is at most s_h, the part of h held inside
 * the circle, so G_hh ≤ 1 / (1 − s_h) gives the lower end.
 */
function solveIterating<T>(
  F: Field<T>,
  component: number[],
  up: Up<T>[][],
  member: Int32Array,
  weight: (u: Up<T>) => T,
  visits: T[],
  firstPass: T[],
  side: 'low' | 'high',
): boolean {
  const from: number[] = [];
  const to: number[] = [];
  const w: T[] = [];
  const inside = component.map(() => F.zero);
  component.forEach((v, k) => {
    for (const u of up[v]!) {
      const j = member[u.owner]!;
      if (j < 0) continue;
      from.push(k);
      to.push(j);
      w.push(weight(u));
      inside[k] = F.add(inside[k]!, weight(u));
    }
  });
  const b: T[] = component.map((v) => visits[v] as T);
  let x = b.slice();
  let converged = false;
  for (let it = 0; it < MAX_ITERATIONS && !converged; it++) {
    const y = b.slice();
    for (let e = 0; e < from.length; e++) {
      const j = to[e]!;
      y[j] = F.add(y[j] as T, F.mul(x[from[e]!] as T, w[e] as T));
    }
    let change = 0;
    let size = 1;
    for (let k = 0; k < y.length; k++) {
      const yk = F.toNumber(y[k]!);
      if (!Number.isFinite(yk) || yk > 1e9) return false;
      change = Math.max(change, Math.abs(yk - F.toNumber(x[k]!)));
      size = Math.max(size, yk);
    }
    x = y;
    converged = change <= 1e-13 * size;
  }
  if (!converged) return false;
  component.forEach((v, k) => {
    visits[v] = x[k]!;
    firstPass[v] = side === 'high' ? F.one : clamp01(F, F.sub(F.one, inside[k]!));
  });
  return true;
}
