import type { Edit } from '../../graph/edits';
import { defineCommand } from './command';

/** Deletes the selected actors from the workspace (restorable; undo brings them back). */
export const deleteActors = defineCommand({
  name: 'deleteActors',
  label: 'Delete from workspace',
  keys: 'Shift Delete',
  keyTest: (e) => e.shiftKey === true && e.key === 'Delete',
  predicate: (editor) => editor.me.canEdit && editor.state.selection.actors.length > 0,
  perform: async (editor) => {
    const { doc, selection } = editor.state;
    const edits: Edit[] = selection.actors
      .filter((id) => doc.actors[id])
      .map((id) => ({ kind: 'delete', entity: 'actor', id, data: doc.actors[id] as unknown as Record<string, unknown> }));
    const name = edits.length === 1 ? doc.actors[selection.actors[0]!]!.name : `${edits.length} actors`;
    const ok = await editor.commit({ summary: `Delete ${name}`, edits });
    if (ok) editor.store.set({ selection: { actors: [], relationships: [] } });
    return ok;
  },
});
