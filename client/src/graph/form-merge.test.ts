import { describe, expect, it } from 'vitest';
import { mergeForm, touched } from './form-merge';

const base = { name: 'Maria Delgado', power: '3', description: '', tags: ['board'] };

describe('merging a colleague’s save into a form being typed in', () => {
  it('updates the fields nobody here touched', () => {
    const mine = { ...base, description: 'Chairs the finance committee' };
    const theirs = { ...base, power: '5', tags: ['board', 'finance'] };
    expect(mergeForm(base, mine, theirs)).toEqual({
      values: { name: 'Maria Delgado', power: '5', description: 'Chairs the finance committee', tags: ['board', 'finance'] },
      clashes: [],
    });
  });

  it('keeps what was typed where both changed the same field, and reports it', () => {
    const mine = { ...base, description: 'Chairs the finance committee' };
    const theirs = { ...base, description: 'Up for re-election in May' };
    expect(mergeForm(base, mine, theirs)).toEqual({
      values: mine,
      clashes: [{ field: 'description', mine: 'Chairs the finance committee', theirs: 'Up for re-election in May' }],
    });
  });

  it('is no clash when both typed the same thing, or when they only saved what we have', () => {
    const mine = { ...base, power: '4' };
    expect(mergeForm(base, mine, { ...base, power: '4' }).clashes).toEqual([]);
    expect(mergeForm(base, mine, base)).toEqual({ values: mine, clashes: [] });
  });

  it('names the touched fields, comparing lists by content', () => {
    expect(touched(base, { ...base, tags: ['board'] })).toEqual([]);
    expect(touched(base, { ...base, name: 'María Delgado', tags: [] })).toEqual(['name', 'tags']);
  });
});
