import { describe, expect, it } from 'vitest';
import { visibleRelationships } from '../../graph/doc';
import { dispatch } from './index';
import { ids, testEditor } from './test-editor';

describe('createRelationship', () => {
  it('draws a cited tie between two actors; undo removes it, redo draws it again', async () => {
    const { editor } = testEditor();
    const id = '00000000-0000-4000-8000-0000000000bb';
    const source = '00000000-0000-4000-8000-0000000000cc';
    await dispatch(editor, 'createRelationship', {
      id,
      data: { type: 'INFLUENCE', from: ids.union, to: ids.mayor, how: 'turnout', sourceIds: [source] },
    });
    expect(editor.doc.relationships[id]).toMatchObject({
      type: 'INFLUENCE',
      how: 'turnout',
      sourceIds: [source],
      mutual: false,
      strength: 3,
    });
    expect(visibleRelationships(editor.doc)).toHaveLength(2);

    await editor.undo();
    expect(editor.doc.relationships[id]).toBeUndefined();

    await editor.redo();
    expect(editor.doc.relationships[id]).toMatchObject({ type: 'INFLUENCE', sourceIds: [source] });
  });
});
