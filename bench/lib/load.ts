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
 * Sends requests over `connections` parallel connections cycling through `requests`, either a
 * fixed count (`amount`: both sides of a ratio get the same sample size; quick runs) or for a
 * fixed time (`duration` seconds: what throughput needs; full runs). autocannon checks its
 * count only once a second, so a counted run lasts at least a second whatever its size, and
 * its wall time says nothing about throughput: req/s is only meaningful from timed runs.
 */
export async function load(
  url: string,
  requests: Request[],
  connections: number,
  size: number | { duration: number },
  headers: Record<string, string> = {},
): Promise<LoadFigures> {
  const started = performance.now();
  const result = await autocannon({
    url,
    connections,
    ...(typeof size === 'number' ? { amount: size } : { duration: size.duration }),
    timeout: 60,
    headers,
    requests,
  });
  const wallSeconds = typeof size === 'number' ? (performance.now() - started) / 1000 : size.duration;
  return {
    connections,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: Math.round(result.latency.mean * 100) / 100,
    // Completed requests over the run's length (the set duration for timed runs).
    requestsPerSecond: Math.round((result.requests.total / wallSeconds) * 10) / 10,
    requests: result.requests.total,
    seconds: Math.round(wallSeconds * 100) / 100,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * How long a timed run lasts: at least `seconds`, and at least five times the slower side's
 * median latency in the warm-up, so requests still in flight at the end (not counted) are a
 * small part of it even for slow questions at concurrency 32.
 */
export function durationFor(warmups: LoadFigures[], seconds: number, maximum = 30): number {
  const slowest = Math.max(...warmups.map((w) => w.p50Ms)) / 1000;
  return Math.min(maximum, Math.max(seconds, Math.ceil(slowest * 5)));
}
