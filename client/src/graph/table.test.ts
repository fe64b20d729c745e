import { describe, expect, it } from 'vitest';
import { sampleDoc } from '../editor/commands/test-editor';
import { filterActors, sortActors } from './table';

const actors = Object.values(sampleDoc().actors);

describe('table rows', () => {
  it('sorts by power, high first, unknowns last', () => {
    const withUnknown = [...actors, { ...actors[0]!, id: 'x', name: 'Unknown', power: null }];
    expect(sortActors(withUnknown, { key: 'power', direction: 'desc' }).map((a) => a.name)).toEqual([
      'Mayor Rivera',
      'Chamber of Commerce',
      'Nurses Union',
      'Unknown',
    ]);
  });
  it('filters on name, roles and tags together', () => {
    expect(filterActors(actors, 'decision').map((a) => a.name)).toEqual(['Mayor Rivera']);
    expect(filterActors(actors, 'chamber business').map((a) => a.name)).toEqual(['Chamber of Commerce']);
    expect(filterActors(actors, '')).toHaveLength(3);
  });
});
