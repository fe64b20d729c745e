import type { ActorPatch } from '../../api/domain';
import { changedFields, type Edit } from '../../graph/edits';
import { defineCommand } from './command';

/**
 * Saves changed fields of one actor (inspector form, a table cell). `assessmentSourceId`: the
 * source a new power and alignment cite; the reading is then recorded with it, in the same step.
 */
export const updateActor = defineCommand<{ id: string; patch: ActorPatch; assessmentSourceId?: string | null }>({
  name: 'updateActor',
  label: 'Save actor',
  takes: 'an actor and changes',
  predicate: (editor) => editor.me.canEdit,
  perform: (editor, { id, patch, assessmentSourceId }) => {
    const actor = editor.doc.actors[id];
    if (!actor) return false;
    const { version: _v, ...fields } = patch;
    const diff = changedFields(actor as unknown as Record<string, unknown>, fields);
    if (!diff) return true;
    const what = Object.keys(diff.after).join(', ');
    const power = 'power' in diff.after ? (fields.power ?? null) : actor.power;
    const alignment = 'alignment' in diff.after ? (fields.alignment ?? null) : actor.alignment;
    const assessed = ('power' in diff.after || 'alignment' in diff.after) && power !== null && alignment !== null;
    if (!assessmentSourceId || !assessed) {
      return editor.commit({ summary: `Edit ${actor.name} (${what})`, edits: [{ kind: 'update', entity: 'actor', id, ...diff }] });
    }
    // The other fields as an update, then the cited reading (which moves power and alignment).
    const { power: _p, alignment: _a, ...after } = diff.after;
    const { power: _bp, alignment: _ba, ...before } = diff.before;
    const edits: Edit[] = [];
    if (Object.keys(after).length) edits.push({ kind: 'update', entity: 'actor', id, before, after });
    edits.push({
      kind: 'assess',
      actorId: id,
      before: { power: actor.power, alignment: actor.alignment },
      after: { power, alignment },
      sourceId: assessmentSourceId,
    });
    return editor.commit({ summary: `Edit ${actor.name} (${what})`, edits });
  },
});
