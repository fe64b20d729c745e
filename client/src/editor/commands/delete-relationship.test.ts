import { describe, expect, it } from 'vitest';
import { dispatch } from './index';
import { ids, testEditor } from './test-editor';

describe('deleteRelationship', () => {
  it('deletes the tie the inspector shows as one step, and undo brings it back', async () => {
    const { editor, transport } = testEditor();
    editor.store.set({ selection: { actors: [], relationships: [ids.tie] } });
    expect(await dispatch(editor, 'deleteRelationship', ids.tie)).toBe(true);
    expect(editor.doc.relationships[ids.tie]).toBeUndefined();
    expect(editor.state.selection.relationships).toEqual([]);
    expect(transport.calls[0]!.edits).toMatchObject([{ kind: 'delete', entity: 'relationship', id: ids.tie }]);
    expect(editor.state.undoLabel).toBe('Delete the donation tie between Chamber of Commerce and Mayor Rivera');

    await editor.undo();
    expect(editor.doc.relationships[ids.tie]).toMatchObject({ type: 'DONATION', from: ids.chamber, to: ids.mayor });
  });
});
