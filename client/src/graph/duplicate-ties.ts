import type { Relationship } from '../api/domain';

export interface TieKey {
  type: Relationship['type'];
  from: string;
  to: string;
  startDate?: string | null;
  endDate?: string | null;
  date?: string | null;
}

const when = (t: TieKey) => [t.startDate ?? null, t.endDate ?? null, t.date ?? null].join('|');

/**
 * Ties already recorded with the same ends, type and dates: a second one is almost always the
 * same fact typed twice. Two-way types match in either direction.
 */
export function duplicateTies(candidate: TieKey, existing: Iterable<Relationship>, mutualTypes: ReadonlySet<string>): Relationship[] {
  const out: Relationship[] = [];
  for (const r of existing) {
    if (r.type !== candidate.type) continue;
    const same = r.from === candidate.from && r.to === candidate.to;
    const reversed = r.from === candidate.to && r.to === candidate.from && (mutualTypes.has(r.type) || r.mutual);
    if (!same && !reversed) continue;
    const date = 'date' in r ? (r.date as string | null) : null;
    if (when({ ...r, date }) === when(candidate)) out.push(r);
  }
  return out;
}
