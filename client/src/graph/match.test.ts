import { describe, expect, it } from 'vitest';
import { likelyDuplicates, nameKey } from './match';

const known = [
  { id: '1', name: 'Acme Holdings, Inc.', aliases: ['Acme'] },
  { id: '2', name: 'José Álvarez', aliases: [] },
  { id: '3', name: 'City Council', aliases: [] },
];

describe('duplicate check while typing a name', () => {
  it('ignores case, accents, punctuation and legal suffixes', () => {
    expect(nameKey('ACME Holdings Inc.')).toBe('acme holdings');
    expect(likelyDuplicates('jose alvarez', known).map((a) => a.id)).toEqual(['2']);
  });
  it('matches word starts and aliases, best first', () => {
    expect(likelyDuplicates('acme', known).map((a) => a.id)).toEqual(['1']);
    expect(likelyDuplicates('cit coun', known).map((a) => a.id)).toEqual(['3']);
    expect(likelyDuplicates('z', known)).toEqual([]);
  });
});
