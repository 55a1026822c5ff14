/**
 * A small read-through cache by id, for data that changes rarely and whose writers can tell it
 * to forget (`clear`). Entries expire after `ttlMs` as a safety net (writes made through another
 * server without Redis, or by hand); at most `maxEntries` are kept (oldest evicted first).
 */
export class ReadThroughCache<V> {
  private readonly entries = new Map<string, { at: number; value: V }>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 100_000,
  ) {}

  /**
   * Values for `ids` in order. Missing or expired ids are loaded in one call; `cacheable`
   * decides whether a loaded value is kept (e.g. not "not found").
   */
  async getMany(ids: readonly string[], load: (missing: string[]) => Promise<V[]>, cacheable: (v: V) => boolean = () => true): Promise<V[]> {
    const now = Date.now();
    const missing = [...new Set(ids.filter((id) => {
      const hit = this.entries.get(id);
      return !hit || now - hit.at > this.ttlMs;
    }))];
    if (missing.length > 0) {
      const generation = this.generation;
      const loaded = await load(missing);
      // A clear() during the load means the loaded values may predate a write: use, don't keep.
      const keep = generation === this.generation;
      const fresh = new Map<string, V>();
      missing.forEach((id, i) => {
        const v = loaded[i] as V;
        fresh.set(id, v);
        if (keep && cacheable(v)) {
          this.entries.delete(id);
          this.entries.set(id, { at: now, value: v });
        }
      });
      while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
      return ids.map((id) => (fresh.has(id) ? (fresh.get(id) as V) : (this.entries.get(id)?.value as V)));
    }
    return ids.map((id) => this.entries.get(id)?.value as V);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
