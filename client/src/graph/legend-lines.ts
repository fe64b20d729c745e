import type { RelationshipType } from '../api/domain';
import { edgeLooks, typeLabels } from './visual';

/** Lines of the relationship types the map shows (all of them on an empty map), one per look. */
export function linesShown(types: Set<RelationshipType>) {
  const shown = (Object.keys(edgeLooks) as RelationshipType[]).filter((t) => !types.size || types.has(t));
  return shown
    .map((t) => ({ ...edgeLooks[t], family: types.size ? typeLabels[t] : edgeLooks[t].family }))
    .filter((l, i, all) => all.findIndex((o) => o.family === l.family) === i);
}
