import { describe, expect, it } from 'vitest';
import type { Relationship } from '../api/domain';
import { relationshipFromCreate } from './apply';
import { highlightOf, shortestPaths } from './paths';

const tie = (id: string, from: string, to: string) => relationshipFromCreate(id, { type: 'GENERIC', from, to }) as Relationship;

describe('shortestPaths', () => {
  // a–b–d and a–c–d are both two hops; a–e–f–d is three.
  const rels = [
    tie('ab', 'a', 'b'),
    tie('bd', 'b', 'd'),
    tie('ac', 'a', 'c'),
    tie('cd', 'd', 'c'),
    tie('ae', 'a', 'e'),
    tie('ef', 'e', 'f'),
    tie('fd', 'f', 'd'),
  ];

  it('finds every shortest path, whichever way the ties point', () => {
    const paths = shortestPaths(rels, 'a', 'd');
    expect(paths.map((p) => p.actorIds.join(''))).toEqual(['abd', 'acd']);
    expect(paths[1]!.relationshipIds).toEqual(['ac', 'cd']);
    expect([...highlightOf(paths).actors].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('answers nothing beyond the hop limit or between strangers', () => {
    expect(shortestPaths(rels, 'a', 'd', 3, 1)).toEqual([]);
    expect(shortestPaths(rels, 'a', 'zz')).toEqual([]);
  });
});
