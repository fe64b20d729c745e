import { describe, expect, it } from 'vitest';
import { dispatch } from './index';
import { ids, testEditor } from './test-editor';

describe('bulkEdit', () => {
  it('adds a role and a tag to several actors as one undo step', async () => {
    const { editor } = testEditor();
    editor.store.set({ selection: { actors: [ids.mayor, ids.chamber], relationships: [] } });
    await dispatch(editor, 'bulkEdit', {
      ids: [ids.mayor, ids.chamber],
      addRoles: ['influencer'],
      addTags: ['budget'],
      removeTags: ['business'],
    });
    expect(editor.doc.actors[ids.mayor]!.roles).toEqual(['decision_maker', 'influencer']);
    expect(editor.doc.actors[ids.chamber]!.tags).toEqual(['budget']);

    await editor.undo();
    expect(editor.doc.actors[ids.mayor]!.roles).toEqual(['decision_maker']);
    expect(editor.doc.actors[ids.chamber]!.tags).toEqual(['business']);
    expect(editor.history.canUndo()).toBe(false);

    await editor.redo();
    expect(editor.doc.actors[ids.chamber]!.roles).toEqual(['influencer']);
    expect(editor.doc.actors[ids.chamber]!.tags).toEqual(['budget']);
  });
});
