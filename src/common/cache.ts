/** How long cached curriculum data and learner records are trusted without a change notice (ms). */
export const READ_CACHE_TTL_MS = 60_000;

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
    // Hits are taken now: a clear() while the misses load must not take them away.
    const values = new Map<string, V>();
    const missing = new Set<string>();
    for (const id of ids) {
      if (values.has(id) || missing.has(id)) continue;
      const hit = this.entries.get(id);
      if (hit && now - hit.at <= this.ttlMs) values.set(id, hit.value);
      else missing.add(id);
    }
    if (missing.size > 0) {
      const generation = this.generation;
      const wanted = [...missing];
      const loaded = await load(wanted);
      // A clear() during the load means the loaded values may predate a write: use, don't keep.
      const keep = generation === this.generation;
      wanted.forEach((id, i) => {
        const v = loaded[i] as V;
        values.set(id, v);
        if (keep && cacheable(v)) {
          this.entries.delete(id);
          this.entries.set(id, { at: now, value: v });
        }
      });
      while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    }
    return ids.map((id) => values.get(id) as V);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Forgets these ids. Loads in flight are used but not kept (they may predate the write). */
  delete(ids: Iterable<string>): void {
    this.generation++;
    for (const id of ids) this.entries.delete(id);
  }
}
