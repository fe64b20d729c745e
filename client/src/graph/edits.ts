import type { Actor } from '../api/domain';
import type { Position } from './doc';

export type Entity = 'actor' | 'relationship' | 'source' | 'demand' | 'map';
export type Fields = Record<string, unknown>;
export interface Placed extends Position {
  actorId: string;
}
export interface Reading {
  power: number | null;
  alignment: number | null;
}

/**
 * One change to the workspace as the undo history records it: a diff, never a snapshot.
 * `delete` keeps the record so the opposite step can bring it back (an actor comes back by
 * restore, since the server keeps deleted actors with their relationships).
 */
export type Edit =
  | { kind: 'create'; entity: Entity; id: string; data: Fields }
  | { kind: 'delete'; entity: Entity; id: string; data: Fields }
  | { kind: 'update'; entity: Entity; id: string; before: Fields; after: Fields }
  /** `sourceId`: the source the new reading cites (undo records the old reading without it). */
  | { kind: 'assess'; actorId: string; before: Reading; after: Reading; sourceId?: string | null }
  | { kind: 'move'; before: Placed[]; after: Placed[] }
  | { kind: 'members'; add: Placed[]; remove: Placed[]; actors: Actor[] };

/** One gesture: what undo takes back in one step. */
export interface Step {
  summary: string;
  edits: Edit[];
}

export function invertEdit(edit: Edit): Edit {
  switch (edit.kind) {
    case 'create':
      return { kind: 'delete', entity: edit.entity, id: edit.id, data: edit.data };
    case 'delete':
      return { kind: 'create', entity: edit.entity, id: edit.id, data: edit.data };
    case 'update':
      return { ...edit, before: edit.after, after: edit.before };
    case 'assess':
      return { kind: 'assess', actorId: edit.actorId, before: edit.after, after: edit.before };
    case 'move':
      return { kind: 'move', before: edit.after, after: edit.before };
    case 'members':
      return { kind: 'members', add: edit.remove, remove: edit.add, actors: edit.actors };
  }
}

/** The step that takes `step` back: each edit inverted, in reverse order. */
export function invertStep(step: Step): Step {
  return { summary: `Undo: ${step.summary}`, edits: [...step.edits].reverse().map(invertEdit) };
}

/** The keys whose values differ, as a before/after pair (for update edits). */
export function changedFields(current: Fields, next: Fields): { before: Fields; after: Fields } | null {
  const before: Fields = {};
  const after: Fields = {};
  for (const [k, v] of Object.entries(next)) {
    if (JSON.stringify(current[k]) !== JSON.stringify(v)) {
      before[k] = current[k] ?? null;
      after[k] = v;
    }
  }
  return Object.keys(after).length ? { before, after } : null;
}
