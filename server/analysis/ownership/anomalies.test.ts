import { describe, expect, it } from 'vitest';
import { monthsBefore, ownershipAnomalies } from './anomalies.js';
import type { StakeRow } from '../../repos/ownership.js';

let next = 0;
const stake = (from: string, to: string, fields: Partial<StakeRow> = {}) => ({
  id: `r${next++}`,
  from,
  to,
  percent: null,
  percentMin: null,
  percentMax: null,
  shares: null,
  basis: 'equity' as const,
  commitment: null,
  currency: null,
  generalPartner: false,
  declared: 'direct' as const,
  asOf: null,
  sourceIds: [],
  strength: 3,
  holderName: from,
  companyName: to,
  ...fields,
});

describe('ownership anomalies', () => {
  it('names a declared total that no chain derives as declared, not computed', () => {
    const found = ownershipAnomalies({
      stakes: [stake('P', 'T', { percent: 30, declared: 'indirect' })],
      staleMonths: 24,
      today: '2026-01-01',
    });
    expect(found.map((a) => a.kind)).toEqual(['declared_underivable']);
    expect(found[0]!.sentence).toBe(
      'A source declares that P holds 30 % of T indirectly; no chain on the map derives it, so it stands as declared.',
    );
  });
  it('finds duplicate holders and agrees with a declared total the chains give', () => {
    const found = ownershipAnomalies({
      stakes: [
        stake('A', 'T', { percent: 10 }),
        stake('A', 'T', { percent: 5 }),
        stake('A', 'T', { percent: 15, declared: 'ultimate_parent' }),
      ],
      staleMonths: 24,
      today: '2026-01-01',
    });
    expect(found.map((a) => a.kind)).toEqual(['duplicate_holder']);
  });
  it('counts months by the calendar', () => {
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 24)).toBe('2024-01-15');
  });
});
