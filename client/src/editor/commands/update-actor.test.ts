import { describe, expect, it } from 'vitest';
import { dispatch } from './index';
import { ids, testEditor } from './test-editor';

describe('updateActor', () => {
  it('changes only the edited fields and undo restores them with the new version', async () => {
    const { editor, transport } = testEditor();
    await dispatch(editor, 'updateActor', { id: ids.mayor, patch: { name: 'Mayor A. Rivera', sector: 'government', power: 5 } });
    expect(editor.doc.actors[ids.mayor]).toMatchObject({ name: 'Mayor A. Rivera', sector: 'government', version: 2 });
    const saved = transport.calls[0]!.edits[0]!;
    expect(saved.kind === 'update' && Object.keys(saved.after).sort()).toEqual(['name', 'sector']);

    await editor.undo();
    expect(editor.doc.actors[ids.mayor]).toMatchObject({ name: 'Mayor Rivera', sector: null, version: 3 });

    await editor.redo();
    expect(editor.doc.actors[ids.mayor]).toMatchObject({ name: 'Mayor A. Rivera', sector: 'government', version: 4 });
  });

  it('puts the field back and says why when the server refuses', async () => {
    const { editor, transport } = testEditor();
    transport.failNext = new Error('name must not be empty');
    await dispatch(editor, 'updateActor', { id: ids.mayor, patch: { name: 'X' } });
    expect(editor.doc.actors[ids.mayor]!.name).toBe('Mayor Rivera');
    expect(editor.state.message?.text).toContain('name must not be empty');
    expect(editor.history.canUndo()).toBe(false);
  });
});
