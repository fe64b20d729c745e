import { type Field } from './field.js';
import { byId, latestFilings, percentOf, type StakeFact } from './matrix.js';

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
  for (const f of latestFilings(facts).current.sort(byId)) {
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
    for (const f of counted) votes = F.add(votes, F.percent(percentOf(f) ?? f.percentMin ?? 0));
    out.push({ holder: list[0]!.from, company: list[0]!.to, votes, outright });
  }
  return out;
}

/**
 * Who controls `target`: X controls Y when X and the companies X controls together hold more
 * than `threshold` (a share, 0–1) of Y's votes, or when one of them controls Y outright.
 * Only lower ends count, so "controls" is said only when it surely holds. For each holder
 * of the target's closure, a worklist grows what it controls down from it: each company
 * reached adds its votes to the companies it holds, and one that passes the threshold
 * joins, so a holder costs the ties below what it controls, not the whole closure.
 */
export function controllers<T>(F: Field<T>, ties: ControlTie<T>[], closure: string[], target: string, threshold: T): Set<string> {
  const inClosure = new Set(closure);
  const down = new Map<string, ControlTie<T>[]>();
  for (const t of ties) {
    if (!inClosure.has(t.company) || !inClosure.has(t.holder)) continue;
    let list = down.get(t.holder);
    if (!list) down.set(t.holder, (list = []));
    list.push(t);
  }
  // Closure order is nearest the target first, so a company a holder controls on its own
  // has often been settled already: controlling a controller of the target is enough.
  const out = new Set<string>();
  for (const holder of closure) {
    if (holder === target) continue;
    // Alone at first, a holder controls something only through a tie that does on its own.
    const first = (down.get(holder) ?? []).filter((t) => t.outright || F.compare(t.votes, threshold) > 0);
    if (first.length === 0) continue;
    if (first.some((t) => t.company === target || out.has(t.company))) {
      out.add(holder);
      continue;
    }
    const controlled = new Set([holder]);
    const votes = new Map<string, T>();
    const queue = [holder];
    let found = false;
    while (queue.length && !found) {
      for (const t of down.get(queue.pop()!) ?? []) {
        if (controlled.has(t.company)) continue;
        const sum = F.add(votes.get(t.company) ?? F.zero, t.votes);
        votes.set(t.company, sum);
        if (t.outright || F.compare(sum, threshold) > 0) {
          controlled.add(t.company);
          queue.push(t.company);
          if (t.company === target || out.has(t.company)) found = true;
        }
      }
    }
    if (found) out.add(holder);
  }
  return out;
}
