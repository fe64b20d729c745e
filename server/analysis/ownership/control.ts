import { type Field } from './field.js';
import { byId, type StakeFact } from './matrix.js';

/** Why a holder has a say over a company. */
export interface ControlTie<T> {
  holder: string;
  company: string;
  /** The voting share the holder surely has (the lower end of its stake). */
  votes: T;
  /** General partner of the fund, or a parent that consolidates the company. */
  outright: boolean;
}

/**
 * The ties that carry votes. A holder's voting stake counts where one is recorded, else its
 * equity; a limited partner's commitment carries none; a general partner and a
 * consolidating parent control outright whatever their figure. Declared shortcuts never do.
 */
export function controlTies<T>(F: Field<T>, facts: StakeFact[]): ControlTie<T>[] {
  const pairs = new Map<string, StakeFact[]>();
  for (const f of [...facts].sort(byId)) {
    if (f.declared !== 'direct' || f.from === f.to) continue;
    const key = `${f.from}\u0000${f.to}`;
    let list = pairs.get(key);
    if (!list) pairs.set(key, (list = []));
    list.push(f);
  }
  const out: ControlTie<T>[] = [];
  for (const list of pairs.values()) {
    const outright = list.some((f) => f.generalPartner || f.basis === 'consolidation');
    const voting = list.filter((f) => f.basis === 'voting');
    const counted = voting.length ? voting : list.filter((f) => f.basis === 'equity' || f.basis === 'consolidation');
    let votes = F.zero;
    for (const f of counted) votes = F.add(votes, F.percent(f.percent ?? f.percentMin ?? 0));
    out.push({ holder: list[0]!.from, company: list[0]!.to, votes, outright });
  }
  return out;
}

/**
 * Who controls `target`: X controls Y when X and the companies X controls together hold more
 * than `threshold` (a share, 0–1) of Y's votes, or when one of them controls Y outright.
 * Only lower ends count, so "controls" is said only when it surely holds. The fixed point
 * is computed per holder over the target's closure (the only companies that can matter).
 */
export function controllers<T>(F: Field<T>, ties: ControlTie<T>[], closure: string[], target: string, threshold: T): Set<string> {
  const inClosure = new Set(closure);
  const byCompany = new Map<string, ControlTie<T>[]>();
  for (const t of ties) {
    if (!inClosure.has(t.company) || !inClosure.has(t.holder)) continue;
    let list = byCompany.get(t.company);
    if (!list) byCompany.set(t.company, (list = []));
    list.push(t);
  }
  const out = new Set<string>();
  for (const holder of closure) {
    if (holder === target) continue;
    const controlled = new Set([holder]);
    for (let grew = true; grew && !controlled.has(target);) {
      grew = false;
      for (const [company, list] of byCompany) {
        if (controlled.has(company)) continue;
        let votes = F.zero;
        let outright = false;
        for (const t of list) {
          if (!controlled.has(t.holder)) continue;
          votes = F.add(votes, t.votes);
          outright ||= t.outright;
        }
        if (outright || F.compare(votes, threshold) > 0) {
          controlled.add(company);
          grew = true;
        }
      }
    }
    if (controlled.has(target)) out.add(holder);
  }
  return out;
}
