import type { ActorPatch } from '../../api/domain';
import { changedFields } from '../../graph/edits';
import { defineCommand } from './command';

/** Saves changed fields of one actor (inspector form, a table cell). */
export const updateActor = defineCommand<{ id: string; patch: ActorPatch }>({
  name: 'updateActor',
  label: 'Save actor',
  takes: 'an actor and changes',
  predicate: (editor) => editor.me.canEdit,
  perform: (editor, { id, patch }) => {
    const actor = editor.doc.actors[id];
    if (!actor) return false;
    const { version: _v, ...fields } = patch;
    const diff = changedFields(actor as unknown as Record<string, unknown>, fields);
    if (!diff) return true;
    const what = Object.keys(diff.after).join(', ');
    return editor.commit({ summary: `Edit ${actor.name} (${what})`, edits: [{ kind: 'update', entity: 'actor', id, ...diff }] });
  },
});
