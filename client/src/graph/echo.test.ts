import { describe, expect, it } from 'vitest';
import type { Change, Diff } from '../api/domain';
import { ids, sampleDoc } from '../editor/commands/test-editor';
import { reflects } from './echo';

const change = (diffs: Diff[], diffCount = diffs.length): Change => ({
  id: '00000000-0000-4000-8000-0000000000c1',
  seq: 7,
  at: '2026-12-01T00:00:00.000Z',
  userId: null,
  userName: 'Rosa',
  action: 'update',
  summary: 'Edit',
  diffs,
  diffCount,
  revertOf: null,
  revertedBy: null,
});

describe('reflects: does the map already show a change?', () => {
  it('an edit the document holds at the same version is an echo; a newer one is news', () => {
    const doc = sampleDoc();
    const mayor = doc.actors[ids.mayor]!;
    const edit = (version: number) =>
      change([{ entityType: 'actor', entityId: ids.mayor, before: { ...mayor }, after: { ...mayor, name: 'Mayor A. Rivera', version } }]);
    expect(reflects(doc, edit(mayor.version))).toBe(true);
    expect(reflects(doc, edit(mayor.version + 1))).toBe(false);
  });

  it('a tie created between two actors on the map is news until the document has it', () => {
    const doc = sampleDoc();
    const tie = { id: '00000000-0000-4000-8000-0000000000d1', type: 'INFLUENCE', from: ids.union, to: ids.mayor, version: 1 };
    const created = change([{ entityType: 'relationship', entityId: tie.id, before: null, after: tie }]);
    expect(reflects(doc, created)).toBe(false);
    const elsewhere = change([
      { entityType: 'relationship', entityId: tie.id, before: null, after: { ...tie, from: '00000000-0000-4000-8000-0000000000e1' } },
    ]);
    expect(reflects(doc, elsewhere)).toBe(true);
  });

  it('a deletion is an echo once the document has let go of the record', () => {
    const doc = sampleDoc();
    const gone = change([{ entityType: 'relationship', entityId: ids.tie, before: { id: ids.tie, version: 1 }, after: null }]);
    expect(reflects(doc, gone)).toBe(false);
    const { [ids.tie]: _removed, ...rest } = doc.relationships;
    expect(reflects({ ...doc, relationships: rest }, gone)).toBe(true);
  });

  it('the map counts by its version, other maps not at all, and a change listed without its diffs is always news', () => {
    const doc = sampleDoc();
    expect(
      reflects(doc, change([{ entityType: 'map', entityId: ids.map, before: null, after: { id: ids.map, version: doc.mapVersion + 1 } }])),
    ).toBe(false);
    expect(
      reflects(doc, change([{ entityType: 'map', entityId: ids.map, before: null, after: { id: ids.map, version: doc.mapVersion } }])),
    ).toBe(true);
    expect(
      reflects(doc, change([{ entityType: 'map', entityId: '00000000-0000-4000-8000-0000000000f1', before: null, after: { version: 9 } }])),
    ).toBe(true);
    expect(reflects(doc, change([], 250))).toBe(false);
  });
});
