import type { RelationshipCreate } from '../../api/domain';
import { typeLabels } from '../../graph/visual';
import { defineCommand } from './command';

/** Creates a relationship (drawn by dragging from one actor to another, then the form). */
export const createRelationship = defineCommand<{ data: RelationshipCreate; id?: string }>({
  name: 'createRelationship',
  label: 'Create relationship',
  takes: 'a relationship',
  predicate: (editor) => editor.me.canEdit,
  perform: async (editor, { data, id = crypto.randomUUID() }) => {
    const { id: _ignored, ...fields } = data;
    const from = editor.doc.actors[data.from]?.name ?? 'an actor';
    const to = editor.doc.actors[data.to]?.name ?? 'an actor';
    const ok = await editor.commit({
      summary: `Connect ${from} and ${to} (${typeLabels[data.type].toLowerCase()})`,
      edits: [{ kind: 'create', entity: 'relationship', id, data: fields }],
    });
    if (ok) editor.store.set({ selection: { actors: [], relationships: [id] } });
    return ok;
  },
});
