import { describe, expect, it } from 'vitest';
import { targetMarks } from './targets';

const demand = (status: 'drafting' | 'presented' | 'won' | 'dropped', primary: string[], secondary: string[], members: string[] = []) => ({
  status,
  primaryTargetIds: primary,
  secondaryTargetIds: secondary,
  decisionMakerIds: [...primary, ...members],
});

describe('targets marked on maps', () => {
  it('marks the primary targets, the members of a targeted body and the secondary targets of open demands', () => {
    expect(targetMarks([demand('presented', ['board'], ['bank'], ['trustee'])])).toEqual({
      board: 'primary',
      trustee: 'primary',
      bank: 'secondary',
    });
  });

  it('lets a primary target of one demand stay primary when another names them secondary', () => {
    expect(targetMarks([demand('drafting', ['mayor'], []), demand('presented', [], ['mayor'])])).toEqual({ mayor: 'primary' });
  });

  it('forgets the targets of demands that are won or dropped', () => {
    expect(targetMarks([demand('won', ['mayor'], ['bank']), demand('dropped', ['chair'], [])])).toEqual({});
  });
});
