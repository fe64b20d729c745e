import type { OwnershipAnomaly } from '../../domain/ownership.js';
import { rangeWording, stakeWording } from '../../domain/ownership.js';
import type { StakeRow } from '../../repos/ownership.js';
import { asPercent } from './answer.js';
import { stronglyConnected } from './components.js';
import { numberField as F } from './field.js';
import { lookThrough, type LookThrough } from './lookthrough.js';
import { holdingsByCompany, isEconomic, latestFilings, percentOf, stated } from './matrix.js';

export interface AnomalyInput {
  stakes: (StakeRow & { holderName: string; companyName: string })[];
  staleMonths: number;
  /** YYYY-MM-DD */
  today: string;
}

const list = (names: string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** What a researcher should fix in the workspace's ownership ties, each with its actors and ties. */
export function ownershipAnomalies({ stakes, staleMonths, today }: AnomalyInput): OwnershipAnomaly[] {
  const sorted = [...stakes].sort((a, b) => (a.id < b.id ? -1 : 1));
  const names = new Map<string, string>();
  for (const s of sorted) names.set(s.from, s.holderName).set(s.to, s.companyName);
  const name = (id: string) => names.get(id) ?? id;
  const out: OwnershipAnomaly[] = [];
  const direct = sorted.filter(isEconomic);

  // Circles of holdings.
  const ids = [...names.keys()].sort();
  const at = new Map(ids.map((id, i) => [id, i]));
  const up = ids.map(() => [] as number[]);
  for (const s of direct) up[at.get(s.to)!]!.push(at.get(s.from)!);
  for (const c of stronglyConnected(ids.length, (v) => up[v]!)) {
    if (c.length < 2) continue;
    const members = new Set(c.map((v) => ids[v]!));
    const actorIds = [...members].sort();
    out.push({
      kind: 'cycle',
      sentence: `${list(actorIds.map(name))} hold stakes in each other in a circle.`,
      actorIds,
      relationshipIds: direct.filter((s) => members.has(s.from) && members.has(s.to)).map((s) => s.id),
    });
  }

  const byCompany = new Map<string, typeof direct>();
  // An earlier quarter of a filed holding is the same position, not another stake.
  for (const s of latestFilings(direct).current) byCompany.set(s.to, [...(byCompany.get(s.to) ?? []), s]);
  for (const [company, owned] of byCompany) {
    const low = owned.reduce((sum, s) => sum + (percentOf(s) ?? s.percentMin ?? 0), 0);
    if (low > 100 + 1e-9)
      out.push({
        kind: 'overfull',
        sentence: `The stakes recorded in ${name(company)} add up to at least ${Number(low.toFixed(2))} %.`,
        actorIds: [company, ...new Set(owned.map((s) => s.from))],
        relationshipIds: owned.map((s) => s.id),
      });
    const byHolder = new Map<string, typeof direct>();
    for (const s of owned) byHolder.set(`${s.from} ${s.basis}`, [...(byHolder.get(`${s.from} ${s.basis}`) ?? []), s]);
    for (const same of byHolder.values()) {
      if (same.length < 2) continue;
      out.push({
        kind: 'duplicate_holder',
        sentence: `${name(same[0]!.from)} holds ${name(company)} through ${same.length} ties (${same[0]!.basis}: ${same.map((s) => stakeWording(s)).join(', ')}); they count as their sum.`,
        actorIds: [same[0]!.from, company],
        relationshipIds: same.map((s) => s.id),
      });
    }
  }

  // Declared shortcuts against what the chains give.
  const holdings = holdingsByCompany(F, sorted);
  const looks = new Map<string, LookThrough<number>>();
  for (const s of sorted) {
    if (s.declared === 'direct') continue;
    let look = looks.get(s.to);
    if (!look) looks.set(s.to, (look = lookThrough(F, holdings, s.to)));
    const computed = look.shares.get(s.from);
    const how = s.declared === 'indirect' ? 'indirectly' : 'as its ultimate parent';
    const declared = stated(s) === 'unknown' ? '' : ` ${stakeWording(s)}`;
    if (!computed) {
      out.push({
        kind: 'declared_underivable',
        sentence: `A source declares that ${name(s.from)} holds${declared} of ${name(s.to)} ${how}; no chain on the map derives it, so it stands as declared.`,
        actorIds: [s.from, s.to],
        relationshipIds: [s.id],
      });
      continue;
    }
    if (stated(s) === 'unknown') continue;
    const c = asPercent(computed);
    const lo = percentOf(s) ?? s.percentMin ?? 0;
    const hi = percentOf(s) ?? s.percentMax ?? 100;
    if (lo > c.max + 1e-6 || c.min > hi + 1e-6)
      out.push({
        kind: 'declared_mismatch',
        sentence: `A source declares that ${name(s.from)} holds${declared} of ${name(s.to)} ${how}; the chains on the map give ${rangeWording(c)}.`,
        actorIds: [s.from, s.to],
        relationshipIds: [s.id],
      });
  }

  const cutoff = monthsBefore(today, staleMonths);
  for (const s of sorted) {
    if (s.asOf && s.asOf < cutoff)
      out.push({
        kind: 'stale',
        sentence: `${name(s.from)}’s stake in ${name(s.to)} is stated as of ${s.asOf}, more than ${staleMonths} months ago.`,
        actorIds: [s.from, s.to],
        relationshipIds: [s.id],
      });
  }
  return out;
}

/** The date `months` calendar months before `day` (both YYYY-MM-DD). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
