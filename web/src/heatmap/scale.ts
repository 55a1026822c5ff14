/**
 * The heatmap's colour scale and ordering (pure, unit-tested). Mastery p in [0, 1] maps to a
 * sequential scale from light yellow (not mastered) to dark blue (mastered) in five bands, with
 * the mastery threshold (0.95 in the model) as the darkest band. Colours are from ColorBrewer's
 * YlGnBu, which stays readable for the common colour-vision deficiencies.
 */
export const BANDS: readonly { min: number; colour: string; text: string; label: string }[] = [
  { min: 0, colour: "#ffffcc", text: "#1a1a1a", label: "below 0.2" },
  { min: 0.2, colour: "#a1dab4", text: "#1a1a1a", label: "0.2 to 0.4" },
  { min: 0.4, colour: "#41b6c4", text: "#1a1a1a", label: "0.4 to 0.6" },
  { min: 0.6, colour: "#225ea8", text: "#ffffff", label: "0.6 to 0.95" },
  { min: 0.95, colour: "#253494", text: "#ffffff", label: "mastered (0.95 and above)" },
];

export function bandOf(p: number): number {
  if (!Number.isFinite(p)) return 0;
  let band = 0;
  for (let i = 0; i < BANDS.length; i += 1) if (p >= (BANDS[i] as { min: number }).min) band = i;
  return band;
}

export function colourOf(p: number): { background: string; color: string } {
  const b = BANDS[bandOf(p)] as (typeof BANDS)[number];
  return { background: b.colour, color: b.text };
}

export interface Matrix {
  learnerIds: string[];
  conceptIds: string[];
  /** values[i][j]: learner i, concept j. */
  values: number[][];
}

export type RowSort = { by: "learner" } | { by: "mean" } | { by: "concept"; conceptId: string };
export type Direction = "asc" | "desc";

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Row order (indices into learnerIds): by id, by mean mastery, or by one concept's column. Ties by id. */
export function sortRows(m: Matrix, sort: RowSort, dir: Direction): number[] {
  const key = (i: number): number | string => {
    if (sort.by === "learner") return m.learnerIds[i] as string;
    const row = m.values[i] ?? [];
    if (sort.by === "mean") return mean(row);
    const j = m.conceptIds.indexOf(sort.conceptId);
    return j < 0 ? 0 : (row[j] ?? 0);
  };
  const sign = dir === "asc" ? 1 : -1;
  return m.learnerIds
    .map((_, i) => i)
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const c = typeof ka === "string" ? ka.localeCompare(kb as string) : ka - (kb as number);
      return c !== 0 ? sign * c : (m.learnerIds[a] as string).localeCompare(m.learnerIds[b] as string);
    });
}

export interface ConceptInfo {
  name: string;
  topicId: string | null;
  topicName: string;
  /** Position of the topic in the curriculum's order (topics list order). */
  topicOrder: number;
}

/**
 * Column order grouped by topic (topics in curriculum order, unknown topics last), and inside a
 * topic by name, or by the class mean when `byMean` is set (weakest first).
 */
export function groupColumns(m: Matrix, info: ReadonlyMap<string, ConceptInfo>, byMean = false): { topicName: string; columns: number[] }[] {
  const colMean = (j: number) => mean(m.values.map((row) => row[j] ?? 0));
  const groups = new Map<string, { order: number; topicName: string; columns: number[] }>();
  m.conceptIds.forEach((id, j) => {
    const c = info.get(id);
    const key = c?.topicId ?? "";
    const g = groups.get(key) ?? { order: c?.topicId ? c.topicOrder : Number.MAX_SAFE_INTEGER, topicName: c?.topicId ? c.topicName : "Other", columns: [] };
    g.columns.push(j);
    groups.set(key, g);
  });
  const name = (j: number) => info.get(m.conceptIds[j] as string)?.name ?? (m.conceptIds[j] as string);
  return [...groups.values()]
    .sort((a, b) => a.order - b.order || a.topicName.localeCompare(b.topicName))
    .map((g) => ({
      topicName: g.topicName,
      columns: [...g.columns].sort((a, b) => (byMean ? colMean(a) - colMean(b) : 0) || name(a).localeCompare(name(b))),
    }));
}
