import type { RelationshipData } from '../domain/relationship.js';

type Stake = Extract<RelationshipData, { type: 'OWNERSHIP' }>;

/** The rules of a stake a schema cannot see field by field: the field at fault and why. */
export function stakeProblem(s: Stake): { field: string; detail: string; message: string } | null {
  if (s.percentMin !== null && s.percentMax !== null && s.percentMin > s.percentMax)
    return {
      field: 'percentMax',
      detail: `The range's upper end (${s.percentMax} %) is below its lower end (${s.percentMin} %).`,
      message: 'must be at least percentMin',
    };
  if (s.percent !== null && ((s.percentMin !== null && s.percent < s.percentMin) || (s.percentMax !== null && s.percent > s.percentMax)))
    return {
      field: 'percent',
      detail: `The exact stake (${s.percent} %) lies outside the stated range (${s.percentMin ?? 0}–${s.percentMax ?? 100} %).`,
      message: 'must lie within percentMin–percentMax',
    };
  if (s.commitment !== null && s.basis !== 'lp_commitment')
    return {
      field: 'commitment',
      detail: 'Only a limited partner’s stake (basis lp_commitment) has a commitment.',
      message: 'needs basis lp_commitment',
    };
  if (s.generalPartner && s.declared !== 'direct')
    return {
      field: 'generalPartner',
      detail: 'A general partner holds its fund directly; a declared shortcut cannot be one.',
      message: 'needs declared direct',
    };
  return null;
}
