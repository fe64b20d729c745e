/**
 * Answers keyed by workspace, scope, parameters and the workspace's change sequence: any
 * change in the workspace moves the sequence, so a stale answer is never found again, on
 * this instance or another. Kept small and in process; least recently used goes first.
 */
export class VersionCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly maxEntries = 200) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}

export const cacheKey = (...parts: Array<string | number | undefined>) => parts.map((p) => String(p ?? '')).join('|');
