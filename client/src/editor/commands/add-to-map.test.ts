import { describe, expect, it } from 'vitest';
import { actorFromCreate } from '../../graph/apply';
import { dispatch } from './index';
import { testEditor } from './test-editor';

describe('addToMap', () => {
  it('puts an existing workspace actor on the map; undo takes it off again', async () => {
    const { editor } = testEditor();
    const pension = actorFromCreate('00000000-0000-4000-8000-0000000000dd', { kind: 'organization', name: 'Teachers Pension Fund' });
    await dispatch(editor, 'addToMap', { actors: [pension], positions: { [pension.id]: { x: 5, y: 5 } } });
    expect(editor.doc.members[pension.id]).toMatchObject({ x: 5, y: 5 });
    expect(editor.doc.actors[pension.id]!.name).toBe('Teachers Pension Fund');

    await editor.undo();
    expect(editor.doc.members[pension.id]).toBeUndefined();

    await editor.redo();
    expect(editor.doc.members[pension.id]).toMatchObject({ x: 5, y: 5 });
  });
});
