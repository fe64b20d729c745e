import { describe, expect, it } from 'vitest';
import { invertStep, type Step } from './edits';
import { UndoHistory } from './history';

const step = (summary: string): Step => ({
  summary,
  edits: [{ kind: 'assess', actorId: 'a', before: { power: 1, alignment: 0 }, after: { power: 2, alignment: 1 } }],
});

describe('UndoHistory', () => {
  it('undo gives the inverse of the last step, redo gives the step back', () => {
    const h = new UndoHistory();
    h.record(step('one'));
    const u = h.undo()!;
    expect(u.edits[0]).toMatchObject({ before: { power: 2 }, after: { power: 1 } });
    expect(h.redo()!.summary).toBe('one');
  });
  it('inverts a multi-edit step in reverse order', () => {
    const s: Step = {
      summary: 's',
      edits: [
        { kind: 'create', entity: 'actor', id: 'x', data: {} },
        { kind: 'members', add: [{ actorId: 'x', x: 0, y: 0 }], remove: [], actors: [] },
      ],
    };
    expect(invertStep(s).edits.map((e) => e.kind)).toEqual(['members', 'delete']);
  });
  it('ignores empty steps and keeps at most its limit', () => {
    const h = new UndoHistory(2);
    h.record({ summary: 'none', edits: [] });
    expect(h.canUndo()).toBe(false);
    h.record(step('1'));
    h.record(step('2'));
    h.record(step('3'));
    h.undo();
    h.undo();
    expect(h.canUndo()).toBe(false);
  });
});
