import { describe, expect, it } from 'vitest';
import { dispatch } from './index';
import { ids, testEditor } from './test-editor';

describe('story steps', () => {
  it('adds a step highlighting the selection, reorders and removes steps, each undoable', async () => {
    const { editor } = testEditor();
    editor.store.set({ selection: { actors: [ids.chamber, ids.mayor], relationships: [ids.tie] } });
    await dispatch(editor, 'addStoryStep', { title: 'Follow the money', text: 'The chamber funds the mayor.' });
    expect(editor.doc.annotations).toHaveLength(1);
    expect(editor.doc.annotations[0]).toMatchObject({
      title: 'Follow the money',
      actorIds: [ids.chamber, ids.mayor],
      relationshipIds: [ids.tie],
    });
    expect(editor.doc.mapVersion).toBe(2);

    await editor.undo();
    expect(editor.doc.annotations).toHaveLength(0);

    await editor.redo();
    expect(editor.doc.annotations.map((a) => a.title)).toEqual(['Follow the money']);

    await dispatch(editor, 'removeStoryStep', { id: editor.doc.annotations[0]!.id });
    expect(editor.doc.annotations).toHaveLength(0);
    await editor.undo();
    expect(editor.doc.annotations).toHaveLength(1);
  });
});
