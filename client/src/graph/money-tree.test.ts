import { describe, expect, it } from 'vitest';
import type { OwnershipAnswer, PensionAnswer } from '../api/domain';
import { hasMoney, moneyTree } from './money-tree';

const owner = (actorId: string, min: number, max: number, flags: { ultimate?: boolean; controls?: boolean } = {}) => ({
  actorId,
  name: actorId.toUpperCase(),
  share: { min, max },
  ultimate: flags.ultimate ?? false,
  controls: flags.controls ?? false,
  chains: [],
});
const ownership = (owners: ReturnType<typeof owner>[], complete = true) =>
  ({ owners, unrecorded: { min: 0, max: 10 }, complete }) as unknown as OwnershipAnswer;
const fund = (actorId: string, ours: boolean, max: number) =>
  ({
    actorId,
    name: actorId.toUpperCase(),
    share: { min: max, max },
    ours,
    trustees: [],
    limitedPartner: [],
  }) as unknown as PensionAnswer['funds'][number];
const pension = (funds: PensionAnswer['funds']) => ({ funds, complete: true }) as unknown as PensionAnswer;

describe('up the money tree, for a campaign brief', () => {
  const tree = moneyTree([
    {
      id: 'hospital',
      name: 'Hospital chain',
      ownership: ownership([
        owner('pe', 60, 60, { controls: true, ultimate: true }),
        owner('blackrock', 5, 5, { ultimate: true }),
        owner('tiny', 0.2, 0.4, { ultimate: true }),
      ]),
      pension: pension([fund('calpers', false, 1), fund('teachers', true, 0.5)]),
    },
    {
      id: 'landlord',
      name: 'Landlord REIT',
      ownership: ownership([owner('blackrock', 7, 7, { ultimate: true })], false),
      pension: pension([fund('teachers', true, 2)]),
    },
    { id: 'mayor', name: 'Mayor' },
  ]);

  it('lists who controls a target apart from who merely owns it, and holders of 1 % or more, largest first', () => {
    const [hospital] = tree.targets;
    expect(hospital!.controllers.map((o) => o.actorId)).toEqual(['pe']);
    expect(hospital!.ultimateOwners.map((o) => o.actorId)).toEqual(['blackrock', 'tiny']);
    expect(hospital!.holders.map((o) => o.actorId)).toEqual(['pe', 'blackrock']);
  });

  it('puts the pension funds with one of our trustees first', () => {
    expect(tree.targets[0]!.funds.map((f) => f.actorId)).toEqual(['teachers', 'calpers']);
  });

  it('names owners and funds that hold more than one of the demand’s targets', () => {
    expect(tree.shared).toEqual([
      { actorId: 'blackrock', name: 'BLACKROCK', targetNames: ['Hospital chain', 'Landlord REIT'] },
      { actorId: 'teachers', name: 'TEACHERS', targetNames: ['Hospital chain', 'Landlord REIT'] },
    ]);
  });

  it('says when an answer is not complete, and that a target without owners has nothing to show', () => {
    expect(tree.targets[1]!.complete).toBe(false);
    expect(tree.targets[2]).toMatchObject({ holders: [], funds: [], unrecorded: null, complete: true });
    expect(hasMoney(tree)).toBe(true);
    expect(hasMoney(moneyTree([{ id: 'mayor', name: 'Mayor' }]))).toBe(false);
  });
});
