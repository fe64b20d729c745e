import { describe, expect, it } from 'vitest';
import type { Change } from '../api/domain';
import { dispatch } from './commands';
import { ids, testEditor } from './commands/test-editor';
import { SaveConflict } from './transport';

describe('the editor core', () => {
  it('opens the conflict dialog with both versions when the transport reports a conflict, and puts the field back', async () => {
    const { editor, transport } = testEditor();
    const theirs = { ...editor.doc.actors[ids.mayor]!, name: 'Mayor Ana Rivera', version: 2 };
    transport.failNext = new SaveConflict('Changed by someone else', theirs);
    await dispatch(editor, 'updateActor', { id: ids.mayor, patch: { name: 'Mayor A. Rivera' } });
    expect(editor.doc.actors[ids.mayor]!.name).toBe('Mayor Rivera');
    expect(editor.state.dialog).toMatchObject({
      kind: 'conflict',
      entity: 'actor',
      id: ids.mayor,
      mine: { name: 'Mayor A. Rivera' },
      theirs: { name: 'Mayor Ana Rivera' },
    });
  });

  it('knows the feed’s echo of its own save once the answer is in, and a colleague’s later edit as news', async () => {
    const { editor } = testEditor();
    const saving = dispatch(editor, 'updateActor', { id: ids.mayor, patch: { description: 'Chairs the budget' } });
    const mine = editor.doc.actors[ids.mayor]!;
    const echo = (version: number): Change => ({
      id: '00000000-0000-4000-8000-0000000000c1',
      seq: 3,
      at: '2026-12-01T00:00:00.000Z',
      userId: null,
      userName: 'Me',
      action: 'update',
      summary: 'Edit',
      diffs: [{ entityType: 'actor', entityId: ids.mayor, before: null, after: { ...mine, version } }],
      diffCount: 1,
      revertOf: null,
      revertedBy: null,
    });
    // Asked while the save is still under way: the answer waits for the server's versions.
    const own = editor.reflects(echo(2));
    await saving;
    expect(await own).toBe(true);
    expect(await editor.reflects(echo(3))).toBe(false);
  });
});
