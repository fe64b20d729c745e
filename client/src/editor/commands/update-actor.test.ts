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

  it('records a cited reading with the other fields in one step, and one undo takes both back without the source', async () => {
    const { editor, transport } = testEditor();
    const source = '00000000-0000-4000-8000-000000000099';
    await dispatch(editor, 'updateActor', {
      id: ids.mayor,
      patch: { name: 'Mayor A. Rivera', power: 3, alignment: 2 },
      assessmentSourceId: source,
    });
    expect(editor.doc.actors[ids.mayor]).toMatchObject({ name: 'Mayor A. Rivera', power: 3, alignment: 2 });
    expect(transport.calls).toHaveLength(1);
    const [update, assess] = transport.calls[0]!.edits;
    expect(update).toMatchObject({ kind: 'update', after: { name: 'Mayor A. Rivera' } });
    expect(update?.kind === 'update' && 'power' in update.after).toBe(false);
    expect(assess).toMatchObject({ kind: 'assess', after: { power: 3, alignment: 2 }, sourceId: source });

    await editor.undo();
    expect(editor.doc.actors[ids.mayor]).toMatchObject({ name: 'Mayor Rivera', power: 5, alignment: 0 });
    const undone = transport.calls[1]!.edits.find((e) => e.kind === 'assess');
    expect(undone).toMatchObject({ after: { power: 5, alignment: 0 } });
    expect(undone && 'sourceId' in undone).toBe(false);
  });

  it('keeps a plain update when power and alignment did not change, whatever source is given', async () => {
    const { editor, transport } = testEditor();
    await dispatch(editor, 'updateActor', {
      id: ids.mayor,
      patch: { name: 'Mayor A. Rivera', power: 5 },
      assessmentSourceId: '00000000-0000-4000-8000-000000000099',
    });
    expect(transport.calls[0]!.edits.map((e) => e.kind)).toEqual(['update']);
  });
});
