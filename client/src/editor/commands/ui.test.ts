import { describe, expect, it } from 'vitest';
import { can, dispatch, dispatchKey } from './index';
import { testEditor } from './test-editor';

describe('drawing and views as commands', () => {
  it('D turns drawing on and it stays on until Esc; another view ends it', () => {
    const { editor } = testEditor();
    expect(dispatchKey(editor, { key: 'd' })).toBe(true);
    expect(editor.state.drawMode).toBe(true);
    // A finished tie opens the form; closing it (as Esc in the dialog does) keeps drawing on.
    editor.store.set({ dialog: { kind: 'relationship', from: 'a', to: 'b' } });
    void dispatch(editor, 'closeDialog');
    expect(editor.state.drawMode).toBe(true);
    dispatchKey(editor, { key: 'Escape' });
    expect(editor.state.drawMode).toBe(false);

    void dispatch(editor, 'toggleDrawMode');
    void dispatch(editor, 'showView', 'grid');
    expect(editor.state).toMatchObject({ view: 'grid', drawMode: false });
    // Drawing is a network tool: D does nothing on the grid.
    expect(can(editor, 'toggleDrawMode')).toBe(false);
  });

  it('a viewer cannot start drawing', () => {
    const { editor } = testEditor();
    (editor.me as { canEdit: boolean }).canEdit = false;
    expect(dispatchKey(editor, { key: 'd' })).toBe(false);
    expect(editor.state.drawMode).toBe(false);
  });

  it('M hides the target marks and brings them back, for a viewer too', () => {
    const { editor } = testEditor();
    (editor.me as { canEdit: boolean }).canEdit = false;
    expect(editor.state.showTargets).toBe(true);
    expect(dispatchKey(editor, { key: 'm' })).toBe(true);
    expect(editor.state.showTargets).toBe(false);
    void dispatch(editor, 'toggleTargets');
    expect(editor.state.showTargets).toBe(true);
  });
});
