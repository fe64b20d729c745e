import { describe, expect, it } from 'vitest';
import { relationshipFromCreate } from './apply';
import { duplicateTies } from './duplicate-ties';

const donation = relationshipFromCreate('r1', { type: 'DONATION', from: 'a', to: 'b', date: '2024-03-01', startDate: '2024-03-01' });
const alliance = relationshipFromCreate('r2', { type: 'ALLIANCE', from: 'a', to: 'c' });
const mutual = new Set(['ALLIANCE']);

describe('duplicate ties', () => {
  it('finds a tie with the same ends, type and dates', () => {
    expect(
      duplicateTies({ type: 'DONATION', from: 'a', to: 'b', date: '2024-03-01', startDate: '2024-03-01' }, [donation, alliance], mutual),
    ).toEqual([donation]);
  });
  it('does not count another date, another type or the other direction of a directed tie', () => {
    const all = [donation, alliance];
    expect(duplicateTies({ type: 'DONATION', from: 'a', to: 'b', date: '2024-04-01', startDate: '2024-04-01' }, all, mutual)).toEqual([]);
    expect(duplicateTies({ type: 'LOBBYING', from: 'a', to: 'b', startDate: '2024-03-01' }, all, mutual)).toEqual([]);
    expect(duplicateTies({ type: 'DONATION', from: 'b', to: 'a', date: '2024-03-01', startDate: '2024-03-01' }, all, mutual)).toEqual([]);
  });
  it('matches a two-way tie typed the other way round', () => {
    expect(duplicateTies({ type: 'ALLIANCE', from: 'c', to: 'a' }, [alliance], mutual)).toEqual([alliance]);
  });
});
