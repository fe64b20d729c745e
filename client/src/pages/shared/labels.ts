import type { Relationship } from '../../api/domain';
import { relationshipRules } from '../../api/domain';
import { alignmentLabels, powerLabels, roleLabels, typeLabels } from '../../graph/visual';

export { alignmentLabels, powerLabels, roleLabels, typeLabels };

/** "Pastor Lim knows Superintendent Diaz (strength 4)". */
export function relationshipLabel(r: Pick<Relationship, 'type' | 'from' | 'to' | 'strength'>, name: (id: string) => string): string {
  return `${name(r.from)} ${relationshipRules[r.type].label} ${name(r.to)} (strength ${r.strength})`;
}
