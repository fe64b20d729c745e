import type { Annotation } from '../api/domain';
import type { GraphDoc } from './doc';

export interface StepHighlight {
  actors: string[];
  relationships: string[];
  label: string;
}

/**
 * What a story step lights up: its actors, the ties it names, and the ties among its actors
 * that it did not name — a step about "the board and its donors" shows how they connect
 * without the author picking every tie by hand.
 */
export function stepHighlight(step: Annotation, doc: GraphDoc): StepHighlight {
  const actors = new Set(step.actorIds.filter((id) => doc.members[id]));
  const relationships = new Set(step.relationshipIds);
  for (const r of Object.values(doc.relationships)) {
    if (actors.has(r.from) && actors.has(r.to)) relationships.add(r.id);
  }
  // Both ends of a named tie are part of the picture.
  for (const id of step.relationshipIds) {
    const r = doc.relationships[id];
    if (!r) continue;
    if (doc.members[r.from]) actors.add(r.from);
    if (doc.members[r.to]) actors.add(r.to);
  }
  return { actors: [...actors], relationships: [...relationships], label: step.title };
}
