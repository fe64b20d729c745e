import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../../graph/doc';
import { can, dispatchKey } from './index';
import { ids, testEditor } from './test-editor';

describe('undo and redo', () => {
  it('Ctrl+Z and Ctrl+Shift+Z walk the steps, and a new edit clears what could be redone', async () => {
    const { editor } = testEditor();
    expect(can(editor, 'undo')).toBe(false);
    await editor.commit({
      summary: 'a',
      edits: [{ kind: 'move', before: [{ actorId: ids.mayor, x: 0, y: 0 }], after: [{ actorId: ids.mayor, x: 1, y: 1 }] }],
    });
    expect(dispatchKey(editor, { key: 'z', ctrlKey: true })).toBe(true);
    await editor.settled();
    expect(editor.doc.members[ids.mayor]).toMatchObject({ x: 0, y: 0 });
    expect(dispatchKey(editor, { key: 'Z', ctrlKey: true, shiftKey: true })).toBe(true);
    await editor.settled();
    expect(editor.doc.members[ids.mayor]).toMatchObject({ x: 1, y: 1 });
    await editor.undo();
    await editor.commit({
      summary: 'b',
      edits: [{ kind: 'move', before: [{ actorId: ids.mayor, x: 0, y: 0 }], after: [{ actorId: ids.mayor, x: 2, y: 2 }] }],
    });
    expect(can(editor, 'redo')).toBe(false);
  });

  it('a remote update replaces the document without entering the history', () => {
    const { editor } = testEditor();
    editor.receive(emptyDoc(ids.map));
    expect(can(editor, 'undo')).toBe(false);
  });
});
