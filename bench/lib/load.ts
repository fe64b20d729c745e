import autocannon, { type Request } from 'autocannon';

export interface LoadFigures {
  connections: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  requestsPerSecond: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/** Drives a server for `seconds` with `connections` parallel connections cycling through `requests`. */
export async function load(url: string, requests: Request[], connections: number, seconds: number, headers: Record<string, string> = {}): Promise<LoadFigures> {
  const result = await autocannon({ url, connections, duration: seconds, timeout: 30, headers, requests });
  return {
    connections,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: Math.round(result.latency.mean * 100) / 100,
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
