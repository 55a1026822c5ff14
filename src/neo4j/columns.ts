/**
 * Rows as a table of columns, `{key: [value of row 0, value of row 1, ...]}`, for bulk UNWIND
 * statements that read `$table.key[i]`: map keys cross Bolt once per batch instead of once per
 * row. Missing values become null, so every column has one entry per row.
 */
export function columns<K extends string>(rows: ReadonlyArray<Partial<Record<K, unknown>>>, keys: readonly K[]): Record<K, unknown[]> {
  const out = {} as Record<K, unknown[]>;
  for (const k of keys) out[k] = rows.map((r) => r[k] ?? null);
  return out;
}
