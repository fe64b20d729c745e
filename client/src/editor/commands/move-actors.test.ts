import { describe, expect, it } from 'vitest';
import { dispatch } from './index';
import { ids, testEditor } from './test-editor';

describe('moveActors', () => {
  it('one drag of two actors is one undo step', async () => {
    const { editor } = testEditor();
    await dispatch(editor, 'moveActors', {
      moves: [
        { actorId: ids.mayor, x: 10, y: 20 },
        { actorId: ids.union, x: 30, y: 40 },
      ],
    });
    expect(editor.doc.members[ids.mayor]).toMatchObject({ x: 10, y: 20 });
    expect(editor.doc.members[ids.union]).toMatchObject({ x: 30, y: 40 });

    await editor.undo();
    expect(editor.doc.members[ids.mayor]).toMatchObject({ x: 0, y: 0 });
    expect(editor.doc.members[ids.union]).toMatchObject({ x: 0, y: 100 });
    expect(editor.history.canUndo()).toBe(false);

    await editor.redo();
    expect(editor.doc.members[ids.union]).toMatchObject({ x: 30, y: 40 });
  });
});
