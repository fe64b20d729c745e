import { describe, expect, it } from 'vitest';
import { sampleDoc, ids } from '../editor/commands/test-editor';
import { applyEdits } from './apply';
import { diffElements, toElements } from './elements';

describe('toElements', () => {
  it('draws decision-makers as triangles, organised groups as rectangles, sized by power, coloured by alignment', () => {
    const els = toElements(sampleDoc());
    const mayor = els.find((e) => e.data.id === ids.mayor)!;
    const chamber = els.find((e) => e.data.id === ids.chamber)!;
    expect(mayor.data).toMatchObject({ shape: 'triangle', size: 71, color: '#f7f7f7' });
    expect(chamber.data).toMatchObject({ shape: 'rectangle', color: '#ef8a62' });
    const edge = els.find((e) => e.group === 'edges')!;
    expect(edge.classes).toContain('directed');
    expect(edge.classes).toContain('uncited');
  });
});

describe('targets on the map', () => {
  it('rings primary and secondary targets, and nobody when the marks are off', () => {
    const doc = sampleDoc();
    const marked = toElements(doc, { targets: { [ids.mayor]: 'primary', [ids.chamber]: 'secondary' } });
    expect(marked.find((e) => e.data.id === ids.mayor)!.classes.split(' ')).toContain('target-primary');
    expect(marked.find((e) => e.data.id === ids.chamber)!.classes.split(' ')).toContain('target-secondary');
    expect(toElements(doc, { targets: null }).some((e) => e.classes.includes('target-'))).toBe(false);
  });
});

describe('diffElements', () => {
  it('patches only what changed, by id', () => {
    const doc = sampleDoc();
    const before = toElements(doc);
    const next = applyEdits(doc, [
      { kind: 'update', entity: 'actor', id: ids.mayor, before: { alignment: 0 }, after: { alignment: 2 } },
      { kind: 'delete', entity: 'relationship', id: ids.tie, data: {} },
    ]);
    const patch = diffElements(before, toElements(next));
    expect(patch.add).toEqual([]);
    expect(patch.remove).toEqual([ids.tie]);
    expect(patch.update.map((u) => u.id)).toEqual([ids.mayor]);
    expect(patch.update[0]!.data?.color).toBe('#67a9cf');
  });

  it('is empty for the same picture', () => {
    const els = toElements(sampleDoc());
    expect(diffElements(els, toElements(sampleDoc()))).toEqual({ add: [], remove: [], update: [] });
  });
});
