import { changedFields } from '../../graph/edits';
import { defineCommand } from './command';

export const updateRelationship = defineCommand<{ id: string; patch: Record<string, unknown> }>({
  name: 'updateRelationship',
  label: 'Save relationship',
  takes: 'a relationship and changes',
  predicate: (editor) => editor.me.canEdit,
  perform: (editor, { id, patch }) => {
    const r = editor.doc.relationships[id];
    if (!r) return false;
    const { version: _v, ...fields } = patch;
    const diff = changedFields(r as unknown as Record<string, unknown>, fields);
    if (!diff) return true;
    return editor.commit({
      summary: `Edit relationship (${Object.keys(diff.after).join(', ')})`,
      edits: [{ kind: 'update', entity: 'relationship', id, ...diff }],
    });
  },
});
