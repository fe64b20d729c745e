import { describe, expect, it } from 'vitest';
import { highlightFrom, highlightQuery } from './highlight-link';

describe('a highlight carried in a map address', () => {
  it('comes back as it went', () => {
    const h = { label: 'Chain: X owns 5 % of C', actors: ['a', 'b'], relationships: ['r1'] };
    expect(highlightFrom(highlightQuery(h))).toEqual(h);
  });
  it('is absent from an ordinary address', () => {
    expect(highlightFrom('')).toBeNull();
    expect(highlightFrom('?other=1')).toBeNull();
  });
});
