import type { AnalysisActor, AnalysisRelationship } from '../domain/analysis.js';
import { signed, verb } from './wording.js';

/**
 * How much each intermediary keeps of a route's value, by their alignment with us (−3…+3).
 * A route through allies beats one through opponents; an unknown stance costs a little more
 * than a known neutral one, because we cannot count on them.
 */
export const alignmentFactor: Record<string, number> = {
  '3': 1.0,
  '2': 0.9,
  '1': 0.8,
  '0': 0.65,
  unknown: 0.55,
  '-1': 0.45,
  '-2': 0.3,
  '-3': 0.15,
};

export const LEVERAGE_METHOD =
  'score = 100 × Π over steps (tie strength / 5) × Π over the actors in between (alignment factor: +3 ×1.00, +2 ×0.90, +1 ×0.80, 0 ×0.65, unknown ×0.55, −1 ×0.45, −2 ×0.30, −3 ×0.15). Every step and every intermediary multiplies the score down, so short routes through strong ties and allies come first. Opposition ties are not routes unless asked for by types=.';

export interface ScoredRoute {
  score: number;
  summary: string;
  explanation: string[];
}

export type RouteTie = AnalysisRelationship & { board?: boolean | null };

/**
 * Scores one route (actors[0] is ours, the last is the target) and explains every factor,
 * in words a campaign leader can check: one line per step, then the product.
 */
export function scoreRoute(actors: AnalysisActor[], ties: RouteTie[]): ScoredRoute {
  const from = actors[0]!;
  const target = actors[actors.length - 1]!;
  const factors: number[] = [];
  const explanation: string[] = [`Start: ${from.name} (one of ours).`];
  let summary = `${from.name}`;
  ties.forEach((tie, i) => {
    const a = actors[i]!;
    const b = actors[i + 1]!;
    const words = verb(tie.type, tie.from === a.id, tie.board ?? false);
    const tieFactor = tie.strength / 5;
    factors.push(tieFactor);
    explanation.push(`Step ${i + 1}: ${a.name} ${words} ${b.name} — tie strength ${tie.strength}/5: ×${tieFactor.toFixed(2)}.`);
    if (b.id === target.id) {
      summary += ` → ${words} → ${b.name} (the target)`;
      return;
    }
    const key = b.alignment === null || b.alignment === undefined ? 'unknown' : String(b.alignment);
    const factor = alignmentFactor[key]!;
    factors.push(factor);
    const stance = key === 'unknown' ? 'stance unknown' : `${stanceWord(b.alignment!)} (${signed(b.alignment!)})`;
    explanation.push(`  ${b.name} stands in between: ${stance}: ×${factor.toFixed(2)}.`);
    summary += ` → ${words} → ${b.name} (${key === 'unknown' ? '?' : signed(b.alignment!)})`;
  });
  const score = Math.round(100 * factors.reduce((p, f) => p * f, 1) * 100) / 100;
  explanation.push(`Score: 100 × ${factors.map((f) => f.toFixed(2)).join(' × ')} = ${score}.`);
  return { score, summary, explanation };
}

function stanceWord(alignment: number): string {
  if (alignment >= 2) return 'an ally';
  if (alignment === 1) return 'leaning our way';
  if (alignment === 0) return 'neutral';
  if (alignment === -1) return 'leaning against us';
  return 'an opponent';
}
