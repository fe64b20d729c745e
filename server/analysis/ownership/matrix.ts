import type { ownershipBases, ownershipDeclarations } from '../../domain/relationship.js';
import { clamp01, fmax, fmin, type Field } from './field.js';

/** One OWNERSHIP tie as the engine reads it: the stake as the source stated it. */
export interface StakeFact {
  id: string;
  from: string;
  to: string;
  percent: number | null;
  percentMin: number | null;
  percentMax: number | null;
  shares: number | null;
  basis: (typeof ownershipBases)[number];
  commitment: number | null;
  currency: string | null;
  generalPartner: boolean;
  declared: (typeof ownershipDeclarations)[number];
  asOf: string | null;
  sourceIds: string[];
  /** The company's shares outstanding, when recorded. */
  companyShares?: number | null;
}

export type Stated = 'exact' | 'derived' | 'range' | 'floor' | 'unknown';

type Figures = Pick<StakeFact, 'percent' | 'percentMin' | 'percentMax' | 'shares' | 'companyShares'>;

/**
 * The stake as a percent: as stated, or derived from a count of shares (a 13F holding states
 * no percent) and the company's shares outstanding. A count above the shares outstanding
 * (a stale figure) is read as the whole company, never more.
 */
export function percentOf(f: Figures): number | null {
  if (f.percent !== null) return f.percent;
  if (f.percentMin !== null || f.percentMax !== null || f.shares === null || !f.companyShares) return null;
  return Math.min(100, (100 * f.shares) / f.companyShares);
}

/** What a fact says about its stake before the company's other owners are looked at. */
export function stated(f: Figures): Stated {
  if (f.percent !== null) return 'exact';
  if (percentOf(f) !== null) return 'derived';
  if (f.percentMin !== null && f.percentMax !== null) return 'range';
  if (f.percentMin !== null) return 'floor';
  if (f.percentMax !== null) return 'range';
  return 'unknown';
}

export interface Bounds<T> {
  min: T;
  max: T;
}

/** A direct stake with its bounds (0–1) once the company's other stakes are known. */
export interface Edge<T> extends Bounds<T> {
  fact: StakeFact;
  stated: Stated;
}

/** The recorded owners of one company: its stakes and what they leave unrecorded. */
export interface Holdings<T> {
  edges: Edge<T>[];
  /** The stated lower ends add up to more than 100 %: the lower ends were scaled to 100 %. */
  overfull: boolean;
}

/** Economic stakes: what the holder would receive (a voting-only stake carries none). */
export const isEconomic = (f: StakeFact) => f.declared === 'direct' && f.basis !== 'voting' && f.from !== f.to;

function statedLow<T>(F: Field<T>, f: StakeFact): T {
  const p = percentOf(f);
  if (p !== null) return F.percent(p);
  if (f.percentMin !== null) return F.percent(f.percentMin);
  return F.zero;
}

function statedHigh<T>(F: Field<T>, f: StakeFact): T | null {
  const p = percentOf(f);
  if (p !== null) return F.percent(p);
  if (f.percentMax !== null) return F.percent(f.percentMax);
  return null;
}

/**
 * Each stake in one company as an interval. A floor ("at least 5 %") or a stake of unstated
 * size reaches up to what the company's other stakes leave: 100 % minus their lower ends.
 * When the lower ends add up to more than 100 % (conflicting sources), both ends are scaled
 * down by that total so that no answer gives a company more than it has; the anomalies list
 * says so.
 */
export function boundStakes<T>(F: Field<T>, facts: StakeFact[]): Holdings<T> {
  const lows = facts.map((f) => statedLow(F, f));
  const total = lows.reduce((s, x) => F.add(s, x), F.zero);
  const overfull = F.compare(total, F.one) > 0;
  const edges = facts.map((fact, i) => {
    const low = lows[i]!;
    const high = statedHigh(F, fact) ?? fmax(F, low, clamp01(F, F.sub(F.one, F.sub(total, low))));
    const min = overfull ? F.div(low, total) : low;
    const max = overfull ? F.div(high, total) : high;
    return { fact, stated: stated(fact), min, max: fmax(F, min, fmin(F, max, F.one)) };
  });
  return { edges, overfull };
}

/** A holding reported as a count of shares at a quarter's end, as a 13F filing states it. */
const isFiledHolding = (f: StakeFact) =>
  f.declared === 'direct' && f.shares !== null && f.asOf !== null && f.percent === null && f.percentMin === null && f.percentMax === null;

/**
 * Filed holdings of one holder in one company from several quarters are one position seen
 * at several dates: only the latest quarter counts, the earlier ones are its history.
 * Every other stake counts as stated.
 */
export function latestFilings<T extends StakeFact>(facts: T[]): { current: T[]; history: T[] } {
  const latest = new Map<string, string>();
  for (const f of facts) {
    if (!isFiledHolding(f)) continue;
    const key = `${f.from}\u0000${f.to}\u0000${f.basis}`;
    const seen = latest.get(key);
    if (seen === undefined || f.asOf! > seen) latest.set(key, f.asOf!);
  }
  const current: T[] = [];
  const history: T[] = [];
  for (const f of facts) {
    const superseded = isFiledHolding(f) && f.asOf! < latest.get(`${f.from}\u0000${f.to}\u0000${f.basis}`)!;
    (superseded ? history : current).push(f);
  }
  return { current, history };
}

/** The workspace's direct economic stakes, by company (a filed holding by its latest quarter only). */
export function holdingsByCompany<T>(F: Field<T>, facts: StakeFact[]): Map<string, Holdings<T>> {
  const byCompany = new Map<string, StakeFact[]>();
  for (const f of latestFilings(facts).current) {
    if (!isEconomic(f)) continue;
    let list = byCompany.get(f.to);
    if (!list) byCompany.set(f.to, (list = []));
    list.push(f);
  }
  const out = new Map<string, Holdings<T>>();
  // Sorted so that the answer does not depend on the order the database returned ties in.
  for (const [company, list] of byCompany) out.set(company, boundStakes(F, list.sort(byId)));
  return out;
}

export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
