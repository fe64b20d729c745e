import type { Edit } from '../../graph/edits';
import { defineCommand } from './command';

/**
 * Delete key: deletes the selected relationships and takes the selected actors off this
 * map (they stay in the workspace, on other maps, with their ties).
 */
export const deleteSelection = defineCommand({
  name: 'deleteSelection',
  label: 'Remove selected',
  keys: 'Delete',
  keyTest: (e) => e.key === 'Delete' || e.key === 'Backspace',
  predicate: (editor) => editor.me.canEdit && (editor.state.selection.actors.length > 0 || editor.state.selection.relationships.length > 0),
  perform: async (editor) => {
    const { doc, selection } = editor.state;
    const edits: Edit[] = [];
    const actors = selection.actors.filter((id) => doc.members[id]);
    const removed = new Set(actors);
    for (const id of selection.relationships) {
      const r = doc.relationships[id];
      if (r) edits.push({ kind: 'delete', entity: 'relationship', id, data: r as unknown as Record<string, unknown> });
    }
    if (actors.length) {
      const remove = actors.map((actorId) => ({ actorId, x: doc.members[actorId]!.x ?? 0, y: doc.members[actorId]!.y ?? 0 }));
      edits.push({ kind: 'members', add: [], remove, actors: actors.map((id) => doc.actors[id]!).filter(Boolean) });
    }
    const parts = [
      actors.length ? `${actors.length === 1 ? doc.actors[actors[0]!]?.name : `${actors.length} actors`} from the map` : '',
      selection.relationships.length
        ? `${selection.relationships.length} relationship${selection.relationships.length === 1 ? '' : 's'}`
        : '',
    ].filter(Boolean);
    const ok = await editor.commit({ summary: `Remove ${parts.join(' and ')}`, edits });
    if (ok) editor.store.set({ selection: { actors: [], relationships: [] } });
    void removed;
    return ok;
  },
});
