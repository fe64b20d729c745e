import { describe, expect, it } from 'vitest';
import { visibleActors, visibleRelationships } from '../../graph/doc';
import { dispatch, dispatchKey } from './index';
import { ids, testEditor } from './test-editor';

describe('deleteSelection', () => {
  it('Delete takes the selected actor off the map and deletes the selected tie; undo puts both back where they were', async () => {
    const { editor } = testEditor();
    editor.store.set({ selection: { actors: [ids.union], relationships: [ids.tie] } });
    expect(dispatchKey(editor, { key: 'Delete' })).toBe(true);
    await editor.settled();
    expect(visibleActors(editor.doc).map((a) => a.id)).not.toContain(ids.union);
    expect(editor.doc.actors[ids.union]).toBeDefined();
    expect(editor.doc.relationships[ids.tie]).toBeUndefined();
    expect(editor.state.selection.actors).toEqual([]);

    await editor.undo();
    expect(editor.doc.members[ids.union]).toMatchObject({ x: 0, y: 100 });
    expect(visibleRelationships(editor.doc).map((r) => r.id)).toEqual([ids.tie]);

    await editor.redo();
    expect(editor.doc.members[ids.union]).toBeUndefined();
    expect(editor.doc.relationships[ids.tie]).toBeUndefined();
  });

  it('does nothing with nothing selected', () => {
    const { editor, transport } = testEditor();
    expect(dispatch(editor, 'deleteSelection')).toBeUndefined();
    expect(transport.calls).toHaveLength(0);
  });
});
