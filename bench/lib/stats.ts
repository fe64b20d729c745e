export const median = (xs: number[]) => quantile(xs, 0.5);

export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

/** A ratio rounded for the report; null when either side is missing. */
export function ratio(ours: number | null | undefined, baseline: number | null | undefined): number | null {
  if (ours == null || baseline == null || !Number.isFinite(ours) || !Number.isFinite(baseline) || baseline === 0) return null;
  return Math.round((ours / baseline) * 100) / 100;
}

/** Runs `fn` `runs` times (after `warmup` unmeasured runs) and returns the seconds of each. */
export async function timeRuns(fn: () => Promise<unknown>, runs: number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push((performance.now() - t) / 1000);
  }
  return samples;
}
