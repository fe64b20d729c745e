import { describe, expect, it } from 'vitest';
import { dispatch } from './index';
import { ids, testEditor } from './test-editor';

describe('deleteActors', () => {
  it('deletes an actor from the workspace and undo restores it (by restore, not a new record)', async () => {
    const { editor, transport } = testEditor();
    editor.store.set({ selection: { actors: [ids.chamber], relationships: [] } });
    await dispatch(editor, 'deleteActors');
    expect(editor.doc.actors[ids.chamber]).toBeUndefined();

    await editor.undo();
    expect(editor.doc.actors[ids.chamber]!.name).toBe('Chamber of Commerce');
    expect(transport.calls[1]).toMatchObject({ context: { replay: true }, edits: [{ kind: 'create', entity: 'actor', id: ids.chamber }] });

    await editor.redo();
    expect(editor.doc.actors[ids.chamber]).toBeUndefined();
  });
});
