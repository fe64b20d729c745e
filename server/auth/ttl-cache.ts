/** A small map whose entries expire; enough to spare repeated lookups within seconds. */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  async getOrLoad(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > Date.now()) return hit.value;
    const value = await load();
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, expires: Date.now() + this.ttlMs });
    return value;
  }

  delete(key: K) {
    this.entries.delete(key);
  }

  deleteWhere(predicate: (key: K) => boolean) {
    for (const key of this.entries.keys()) if (predicate(key)) this.entries.delete(key);
  }
}
