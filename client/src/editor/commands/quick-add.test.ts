import { describe, expect, it } from 'vitest';
import type { QuickAddResult } from './quick-add';
import { dispatch } from './index';
import { ids, testEditor } from './test-editor';

const run = (editor: Parameters<typeof dispatch>[0], line: string, allowDuplicate = false) =>
  dispatch(editor, 'quickAdd', { line, allowDuplicate }) as Promise<QuickAddResult>;

describe('quickAdd', () => {
  it('creates an actor from one line, and one undo takes it away', async () => {
    const { editor, transport } = testEditor();
    const result = await run(editor, 'Maria Delgado, person, decision-maker, power 5');
    expect(result).toEqual({ ok: true, problems: [], duplicates: [] });
    const maria = Object.values(editor.doc.actors).find((a) => a.name === 'Maria Delgado')!;
    expect(maria).toMatchObject({ kind: 'person', roles: ['decision_maker'], power: 5 });
    expect(editor.doc.members[maria.id]).toBeDefined();
    expect(transport.calls).toHaveLength(1);
    await editor.undo();
    expect(editor.doc.actors[maria.id]).toBeUndefined();
  });

  it('creates a cited tie in one step, citing the same page once however often it is typed', async () => {
    const { editor, transport } = testEditor();
    const result = await run(editor, 'Chamber of Commerce -> Mayor Rivera lobbying $12,000 2024-05-01 https://example.org/lobby');
    expect(result.ok).toBe(true);
    const tie = Object.values(editor.doc.relationships).find((r) => r.type === 'LOBBYING')!;
    expect(tie).toMatchObject({ from: ids.chamber, to: ids.mayor, amount: 12000, startDate: '2024-05-01' });
    expect(tie.sourceIds).toHaveLength(1);
    expect(transport.calls).toHaveLength(1);
    await run(editor, 'Nurses Union -> Mayor Rivera influences https://example.org/lobby');
    const second = Object.values(editor.doc.relationships).find((r) => r.type === 'INFLUENCE')!;
    expect(second.sourceIds).toEqual(tie.sourceIds);
    await editor.undo();
    expect(editor.doc.relationships[second.id]).toBeUndefined();
    expect(editor.doc.relationships[tie.id]).toBeDefined();
  });

  it('flags a tie with the same ends, type and dates and saves it only when asked again', async () => {
    const { editor, transport } = testEditor();
    // The sample map already has the chamber's donation to the mayor, undated.
    const first = await run(editor, 'Chamber of Commerce -> Mayor Rivera donation $5000');
    expect(first.ok).toBe(false);
    expect(first.duplicates.map((r) => r.id)).toEqual([ids.tie]);
    expect(transport.calls).toHaveLength(0);
    expect((await run(editor, 'Chamber of Commerce -> Mayor Rivera donation $5000 2024-01-15')).ok).toBe(true);
    expect((await run(editor, 'Chamber of Commerce -> Mayor Rivera donation $5000', true)).ok).toBe(true);
    expect(transport.calls).toHaveLength(2);
  });

  it('saves nothing and says why when the line is not understood', async () => {
    const { editor, transport } = testEditor();
    const result = await run(editor, 'Chamber of Commerce -> Somebody Else donation');
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(/No actor called “Somebody Else”/);
    expect((await run(editor, 'just words')).problems[0]).toMatch(/^Type “Name, kind/);
    expect(transport.calls).toHaveLength(0);
  });
});
