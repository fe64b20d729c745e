import { describe, expect, it } from 'vitest';
import { dispatch } from './index';
import { ids, testEditor } from './test-editor';

describe('createActor', () => {
  it('adds a new actor to the map, and undo and redo take it away and bring it back', async () => {
    const { editor, transport } = testEditor();
    const id = '00000000-0000-4000-8000-0000000000aa';
    await dispatch(editor, 'createActor', {
      id,
      data: { kind: 'person', name: 'Councillor Okafor', power: 4 },
      position: { x: 50, y: 60 },
    });
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

  it('places an actor without a position beside the selected one, or at the centre of the view, never on another actor', async () => {
    const { editor } = testEditor();
    const clear = (id: string) => {
      const me = editor.doc.members[id]!;
      return Object.entries(editor.doc.members).every(([other, m]) => other === id || Math.hypot(m.x! - me.x!, m.y! - me.y!) >= 100);
    };
    editor.store.set({ selection: { actors: [ids.mayor], relationships: [] } });
    const beside = '00000000-0000-4000-8000-0000000000ab';
    await dispatch(editor, 'createActor', { id: beside, data: { kind: 'person', name: 'Aide to the mayor' } });
    expect(clear(beside)).toBe(true);
    expect(Math.hypot(editor.doc.members[beside]!.x!, editor.doc.members[beside]!.y!)).toBeLessThan(250);

    // Nothing selected: the middle of what the network shows, here right on the union, so next to it.
    editor.store.set({ selection: { actors: [], relationships: [] } });
    editor.canvas.viewCentre = () => ({ x: 0, y: 100 });
    const centred = '00000000-0000-4000-8000-0000000000ac';
    await dispatch(editor, 'createActor', { id: centred, data: { kind: 'person', name: 'School board member' } });
    expect(clear(centred)).toBe(true);
    expect(Math.hypot(editor.doc.members[centred]!.x!, editor.doc.members[centred]!.y! - 100)).toBeLessThan(250);
  });
});
