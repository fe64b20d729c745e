import autocannon, { type Request } from 'autocannon';

export interface LoadFigures {
  connections: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  requestsPerSecond: number;
  requests: number;
  seconds: number;
  errors: number;
  non2xx: number;
}

/**
 * Sends `amount` requests over `connections` parallel connections cycling through `requests`.
 * A fixed count (not a fixed time) gives both sides of a ratio the same sample size, and slow
 * questions at high concurrency still complete enough requests to have percentiles.
 */
export async function load(url: string, requests: Request[], connections: number, amount: number, headers: Record<string, string> = {}): Promise<LoadFigures> {
  const started = performance.now();
  const result = await autocannon({ url, connections, amount, timeout: 60, headers, requests });
  const wallSeconds = (performance.now() - started) / 1000;
  return {
    connections,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: Math.round(result.latency.mean * 100) / 100,
    // Completed requests over the run's wall time (autocannon's per-second figures are whole seconds).
    requestsPerSecond: Math.round((result.requests.total / wallSeconds) * 10) / 10,
    requests: result.requests.total,
    seconds: Math.round(wallSeconds * 100) / 100,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * How many requests make a run of at least `seconds` at the pace a warm-up showed (the slower
 * side's pace, so both sides of a ratio get the same count), never fewer than `minimum`.
 * Throughput is only quoted from runs this long: shorter ones are dominated by ramp-up and tail.
 */
export function amountForSeconds(warmups: LoadFigures[], minimum: number, seconds: number, maximum = 20_000): number {
  const pace = Math.min(...warmups.map((w) => w.requestsPerSecond).filter((x) => x > 0));
  if (!Number.isFinite(pace)) return minimum;
  return Math.max(minimum, Math.min(maximum, Math.ceil(pace * seconds)));
}
