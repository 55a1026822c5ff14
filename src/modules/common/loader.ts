import DataLoader from "dataloader";

/** A per-request loader of objects by id: one batch query, results in key order, null for missing ids. */
export function byIdLoader<T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const found = new Map((await fetch(ids)).map((o) => [o.id, o]));
    return ids.map((id) => found.get(id) ?? null);
  }, { maxBatchSize: 1000 });
}

/** A per-request loader whose batch function already returns one result per key, in key order. */
export function listLoader<T>(fetch: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T> {
  return new DataLoader<string, T>((ids) => fetch(ids), { maxBatchSize: 1000 });
}
