import type { Field } from './field.js';

/**
 * (I − A)⁻¹ by Gauss–Jordan elimination, or null when it does not exist as a non-negative
 * matrix: the walks round a circle of holdings then never leave it (no owner outside, or
 * upper bounds that together pass 100 %), so the sum over walks has no finite value.
 */
export function inverseOfIMinus<T>(F: Field<T>, a: T[][]): T[][] | null {
  const n = a.length;
  const m = a.map((row, i) => row.map((x, j) => F.sub(i === j ? F.one : F.zero, x)));
  const inv = a.map((_, i) => a.map((__, j) => (i === j ? F.one : F.zero)));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    while (pivot < n && F.compare(m[pivot]![col]!, F.zero) === 0) pivot++;
    if (pivot === n) return null;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    [inv[col], inv[pivot]] = [inv[pivot]!, inv[col]!];
    const p = m[col]![col]!;
    for (let j = 0; j < n; j++) {
      m[col]![j] = F.div(m[col]![j]!, p);
      inv[col]![j] = F.div(inv[col]![j]!, p);
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = m[r]![col]!;
      if (F.compare(factor, F.zero) === 0) continue;
      for (let j = 0; j < n; j++) {
        m[r]![j] = F.sub(m[r]![j]!, F.mul(factor, m[col]![j]!));
        inv[r]![j] = F.sub(inv[r]![j]!, F.mul(factor, inv[col]![j]!));
      }
    }
  }
  for (const row of inv) for (const x of row) if (F.compare(x, F.zero) < 0) return null;
  return inv;
}
