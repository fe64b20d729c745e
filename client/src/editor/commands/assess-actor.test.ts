import { describe, expect, it } from 'vitest';
import { dispatch } from './index';
import { ids, testEditor } from './test-editor';

describe('assessActor', () => {
  it('moving the mayor on the grid records a reading; undo records the previous one again', async () => {
    const { editor, transport } = testEditor();
    await dispatch(editor, 'assessActor', { id: ids.mayor, power: 4, alignment: 2 });
    expect(editor.doc.actors[ids.mayor]).toMatchObject({ power: 4, alignment: 2 });
    expect(editor.state.undoLabel).toBe('Assess Mayor Rivera: active in the decision, actively with us');

    await editor.undo();
    expect(editor.doc.actors[ids.mayor]).toMatchObject({ power: 5, alignment: 0 });
    expect(transport.calls[1]!.edits[0]).toMatchObject({ kind: 'assess', after: { power: 5, alignment: 0 } });

    await editor.redo();
    expect(editor.doc.actors[ids.mayor]).toMatchObject({ power: 4, alignment: 2 });
  });
});
