import { csrBytes, type Csr } from '../csr.js';

/** Where the whole-scope measures find and leave the graph of their scope. */
export interface ScopeGraphs {
  get(ws: string, key: string): Csr | undefined;
  keep(ws: string, key: string, csr: Csr): void;
}

interface Kept {
  key: string;
  csr: Csr;
  bytes: number;
}

/**
 * The compressed sparse row graph of the last scope measured in each workspace, kept for
 * the next question on the same projection version (brokers with another limit,
 * communities, a background refresh) so it is built once per version, not per request.
 * The key names the scope, the tie types and the projection's change sequence, so an edit
 * makes the kept graph unreachable; it is replaced by the next build. One per workspace,
 * dropped with the workspace's projection (its bytes count towards the projection's).
 */
export class CsrStore implements ScopeGraphs {
  private readonly kept = new Map<string, Kept>();
  /** How many graphs were built and kept since the process started. */
  builds = 0;

  get(ws: string, key: string): Csr | undefined {
    const k = this.kept.get(ws);
    return k?.key === key ? k.csr : undefined;
  }

  /** Keeps a freshly built graph, replacing the workspace's earlier one. */
  keep(ws: string, key: string, csr: Csr): void {
    this.builds++;
    this.kept.set(ws, { key, csr, bytes: csrBytes(csr) });
  }

  drop(ws: string): void {
    this.kept.delete(ws);
  }

  bytes(ws?: string): number {
    if (ws !== undefined) return this.kept.get(ws)?.bytes ?? 0;
    let total = 0;
    for (const k of this.kept.values()) total += k.bytes;
    return total;
  }
}

/** The key of a scope's graph at one projection version. */
export const csrKey = (scope: string, types: readonly string[], seq: number) => `${scope}|${types.join(',')}|${seq}`;
