/** The server's seeded generator (mulberry32): the same seed gives the same fixtures on every machine. */
export { seededRandom as rng } from '../../server/analysis/graph.js';

/** A version-4 UUID drawn from the generator (so ids are stable across runs). */
export function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)]!;
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Pareto-distributed weight ≥ 1 with tail index alpha: a few huge, most small. */
export const pareto = (random: () => number, alpha: number) => 1 / Math.pow(1 - random(), 1 / alpha);

/** Picks indexes with probability proportional to weights (cumulative table + binary search). */
export function weightedPicker(weights: ArrayLike<number>, random: () => number): () => number {
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i]!;
    cumulative[i] = sum;
  }
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
