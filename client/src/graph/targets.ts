import type { Demand } from '../api/domain';

export type TargetLevel = 'primary' | 'secondary';

/** Demands still being fought for: a won, lost or dropped demand no longer makes anyone a target. */
const open = (d: Pick<Demand, 'status'>) => d.status === 'drafting' || d.status === 'presented';

/**
 * Who the open demands target, for marking on maps: the people and bodies who can say yes
 * (and the members of a body) as primary, those who can move them as secondary. Primary of
 * any demand wins over secondary of another.
 */
export function targetMarks(demands: Pick<Demand, 'status' | 'primaryTargetIds' | 'secondaryTargetIds' | 'decisionMakerIds'>[]) {
  const marks: Record<string, TargetLevel> = {};
  for (const d of demands.filter(open)) for (const id of d.secondaryTargetIds) marks[id] = 'secondary';
  for (const d of demands.filter(open)) for (const id of [...d.primaryTargetIds, ...d.decisionMakerIds]) marks[id] = 'primary';
  return marks;
}
