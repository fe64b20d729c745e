import { describe, expect, it } from 'vitest';
import type { AssessmentChange } from '../api/domain';
import { moveEvents } from './campaign-events';

const reading = (id: string, at: string, power: number | null, alignment: number | null, note = '') => ({
  id,
  actorId: 'chair',
  power,
  alignment,
  note,
  source: '',
  sourceId: null,
  at,
  authorId: null,
  authorName: null,
});

describe('moves on the timeline', () => {
  it('shows each change of stance, not the first reading or a repeat, with its direction', () => {
    const change: AssessmentChange = {
      actorId: 'chair',
      name: 'Board chair',
      from: null,
      to: { power: 5, alignment: 1, at: '2026-11-01T00:00:00.000Z' },
      powerDelta: null,
      alignmentDelta: null,
      readings: [
        reading('r1', '2026-09-01T00:00:00.000Z', 5, -1),
        reading('r2', '2026-09-20T00:00:00.000Z', 5, -1),
        reading('r3', '2026-10-10T00:00:00.000Z', null, 0, 'after the delegation'),
        reading('r4', '2026-11-01T00:00:00.000Z', 4, 0),
      ],
    };
    const moves = moveEvents([change]);
    expect(moves.map((m) => m.title)).toEqual(['Board chair: alignment -1 → 0', 'Board chair: power 5 → 4']);
    expect(moves.map((m) => m.direction)).toEqual(['towards', 'power']);
    expect(moves[0]!.detail).toBe('after the delegation');
    expect(moves[0]!.actorIds).toEqual(['chair']);
  });

  it('counts a reading after the date as a move from where they stood before it', () => {
    const change: AssessmentChange = {
      actorId: 'chair',
      name: 'Board chair',
      from: { power: 5, alignment: 1, at: '2026-08-01T00:00:00.000Z' },
      to: { power: 5, alignment: -2, at: '2026-11-01T00:00:00.000Z' },
      powerDelta: 0,
      alignmentDelta: -3,
      readings: [reading('r1', '2026-11-01T00:00:00.000Z', 5, -2)],
    };
    expect(moveEvents([change]).map((m) => [m.title, m.direction])).toEqual([['Board chair: alignment +1 → -2', 'away']]);
  });
});
