import { describe, expect, it } from 'vitest';
import { dispatch } from './index';
import { testEditor } from './test-editor';

describe('createActor', () => {
  it('adds a new actor to the map, and undo and redo take it away and bring it back', async () => {
    const { editor, transport } = testEditor();
    const id = '00000000-0000-4000-8000-0000000000aa';
    await dispatch(editor, 'createActor', { id, data: { kind: 'person', name: 'Councillor Okafor', power: 4 }, position: { x: 50, y: 60 } });
    expect(editor.doc.actors[id]?.name).toBe('Councillor Okafor');
    expect(editor.doc.members[id]).toMatchObject({ x: 50, y: 60 });
    expect(editor.state.selection.actors).toEqual([id]);
    expect(transport.calls[0]!.edits.map((e) => e.kind)).toEqual(['create', 'members']);

    await editor.undo();
    expect(editor.doc.actors[id]).toBeUndefined();
    expect(editor.doc.members[id]).toBeUndefined();
    expect(transport.calls[1]!.edits.map((e) => e.kind)).toEqual(['members', 'delete']);

    await editor.redo();
    expect(editor.doc.actors[id]?.name).toBe('Councillor Okafor');
    expect(editor.doc.members[id]).toMatchObject({ x: 50, y: 60 });
    expect(transport.calls[2]!.context.replay).toBe(true);
  });
});
