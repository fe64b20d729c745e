import { describe, expect, it } from 'vitest';
import type { AnalysisActor } from '../domain/analysis.js';
import { scoreRoute } from './leverage-score.js';

const actor = (id: string, alignment: number | null = null): AnalysisActor => ({
  id,
  name: id,
  kind: 'person',
  roles: [],
  power: null,
  alignment,
});

describe('leverage route score', () => {
  it('a direct strong tie from us to the target scores 100', () => {
    const r = scoreRoute(
      [actor('Us'), actor('Target')],
      [{ id: 'r', type: 'SOCIAL', from: 'Us', to: 'Target', strength: 5, mutual: true }],
    );
    expect(r.score).toBe(100);
    expect(r.summary).toBe('Us → knows → Target (the target)');
  });

  it('an ally in between costs less than an unknown, and an unknown less than an opponent', () => {
    const via = (alignment: number | null) =>
      scoreRoute(
        [actor('Us'), actor('Mid', alignment), actor('Target')],
        [
          { id: '1', type: 'SOCIAL', from: 'Us', to: 'Mid', strength: 5, mutual: true },
          { id: '2', type: 'SOCIAL', from: 'Mid', to: 'Target', strength: 5, mutual: true },
        ],
      ).score;
    expect(via(3)).toBe(100);
    expect(via(0)).toBe(65);
    expect(via(null)).toBe(55);
    expect(via(-3)).toBe(15);
  });

  it('words a board seat walked backwards and names every factor', () => {
    const r = scoreRoute(
      [actor('Us'), actor('Acme', 2), actor('Target')],
      [
        { id: '1', type: 'POSITION', from: 'Us', to: 'Acme', strength: 4, mutual: false, board: true },
        { id: '2', type: 'DONATION', from: 'Acme', to: 'Target', strength: 5, mutual: false },
      ],
    );
    expect(r.summary).toBe('Us → sits on the board of → Acme (+2) → donates to → Target (the target)');
    expect(r.explanation).toEqual([
      'Start: Us (one of ours).',
      'Step 1: Us sits on the board of Acme — tie strength 4/5: ×0.80.',
      '  Acme stands in between: an ally (+2): ×0.90.',
      'Step 2: Acme donates to Target — tie strength 5/5: ×1.00.',
      'Score: 100 × 0.80 × 0.90 × 1.00 = 72.',
    ]);
    const back = scoreRoute(
      [actor('Target'), actor('Us')],
      [{ id: '3', type: 'DONATION', from: 'Us', to: 'Target', strength: 5, mutual: false }],
    );
    expect(back.summary).toBe('Target → receives donations from → Us (the target)');
  });
});
