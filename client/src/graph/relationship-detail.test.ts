import { describe, expect, it } from 'vitest';
import type { Relationship } from '../api/domain';
import { relationshipDetail } from './relationship-detail';

const stake = (fields: Record<string, unknown>) =>
  ({
    type: 'OWNERSHIP',
    percent: null,
    percentMin: null,
    percentMax: null,
    shares: null,
    value: null,
    currency: null,
    basis: 'equity',
    commitment: null,
    generalPartner: false,
    declared: 'direct',
    asOf: null,
    ...fields,
  }) as unknown as Relationship;

describe('a stake in words', () => {
  it('reads a range, a floor and an exact figure with its date', () => {
    expect(relationshipDetail(stake({ percentMin: 25, percentMax: 50 }))).toBe('owns 25–50 %');
    expect(relationshipDetail(stake({ percentMin: 5 }))).toBe('owns at least 5 %');
    expect(relationshipDetail(stake({ percent: 12, asOf: '2024-03-31' }))).toBe('owns 12 % (as of 2024-03-31)');
  });
  it('says what qualifies it: limited partner with its commitment, general partner, a declared shortcut', () => {
    expect(relationshipDetail(stake({ basis: 'lp_commitment', commitment: 5_000_000, currency: 'USD' }))).toBe(
      'limited partner, commits 5,000,000 USD',
    );
    expect(relationshipDetail(stake({ percent: 2, generalPartner: true }))).toBe('owns 2 % · general partner');
    expect(relationshipDetail(stake({ percent: 30, declared: 'indirect' }))).toBe('owns 30 % · declared indirect');
  });
  it('says nothing of a figure a shared view left out', () => {
    expect(relationshipDetail({ type: 'OWNERSHIP' } as unknown as Relationship)).toBe('');
  });
});
