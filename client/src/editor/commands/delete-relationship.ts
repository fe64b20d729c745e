import { typeLabels } from '../../graph/visual';
import { defineCommand } from './command';

/** Deletes one relationship (the tie inspector's Delete); undo brings it back. */
export const deleteRelationship = defineCommand<string>({
  name: 'deleteRelationship',
  label: 'Delete relationship',
  takes: 'a relationship',
  predicate: (editor) => editor.me.canEdit,
  perform: async (editor, id) => {
    const { doc } = editor.state;
    const r = doc.relationships[id];
    if (!r) return false;
    const from = doc.actors[r.from]?.name ?? 'an actor';
    const to = doc.actors[r.to]?.name ?? 'an actor';
    const ok = await editor.commit({
      summary: `Delete the ${typeLabels[r.type].toLowerCase()} tie between ${from} and ${to}`,
      edits: [{ kind: 'delete', entity: 'relationship', id, data: r as unknown as Record<string, unknown> }],
    });
    if (ok)
      editor.store.set((s) => ({
        selection: { actors: s.selection.actors, relationships: s.selection.relationships.filter((x) => x !== id) },
      }));
    return ok;
  },
});
