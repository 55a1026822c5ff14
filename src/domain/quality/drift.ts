/**
 * Drift of the incoming evidence: the distribution of each feature in a recent window against a
 * baseline window, per source, measured by the population stability index
 *
 *   PSI = Σ_b (r_b − q_b) · ln(r_b / q_b)
 *
 * over the bins b of the feature, r_b and q_b the recent and baseline shares of the bin (each
 * share floored at PSI_FLOOR so an empty bin does not make it infinite). Usual reading, kept here:
 * below 0.1 stable, 0.1 to 0.25 moderate, at or above PSI_DRIFTED (0.25) drifted.
 */

/** A bin's share is floored at this before the logarithm. */
export const PSI_FLOOR = 1e-4;
/** PSI at or above this: the feature drifted. */
export const PSI_DRIFTED = 0.25;
/** PSI at or above this (and below PSI_DRIFTED): a moderate shift. */
export const PSI_MODERATE = 0.1;
/** A window with fewer observations of a feature than this gives no PSI (too noisy to call). */
export const PSI_MIN_COUNT = 30;

/**
 * PSI of two histograms over the same bins (counts, any scale). Null when either side has fewer
 * than `minCount` observations.
 */
export function psi(recent: readonly number[], baseline: readonly number[], minCount = PSI_MIN_COUNT): number | null {
  const nr = recent.reduce((a, b) => a + b, 0);
  const nb = baseline.reduce((a, b) => a + b, 0);
  if (nr < minCount || nb < minCount || recent.length !== baseline.length) return null;
  let sum = 0;
  for (let i = 0; i < recent.length; i++) {
    const r = Math.max((recent[i] ?? 0) / nr, PSI_FLOOR);
    const q = Math.max((baseline[i] ?? 0) / nb, PSI_FLOOR);
    sum += (r - q) * Math.log(r / q);
  }
  return sum;
}

export type DriftLevel = "STABLE" | "MODERATE" | "DRIFTED" | "TOO_FEW";

export const driftLevel = (value: number | null): DriftLevel =>
  value === null ? "TOO_FEW" : value >= PSI_DRIFTED ? "DRIFTED" : value >= PSI_MODERATE ? "MODERATE" : "STABLE";

/** The features and their bins (upper bounds exclusive; the last bin is open). */
export const FEATURES = {
  /** Event kinds. */
  kind: ["ANSWER", "ASSIGNMENT", "CONTENT_VIEW"],
  /** Score of answers and assignments: wrong (0), partial, right (1). */
  score: ["0", "(0,1)", "1"],
  /** durationMs of answers and assignments; "none" when absent. */
  duration: ["none", "<10s", "10-30s", "30-60s", "1-2min", "2-5min", "5-15min", ">=15min"],
  /** hintsUsed of answers and assignments; "none" when absent. */
  hints: ["none", "0", "1", "2", ">=3"],
  /** Answers and assignments per learner in the window. */
  answersPerLearner: ["1", "2-5", "6-20", "21-50", ">50"],
  /** How long after it happened an event arrived (receivedAt − occurredAt). */
  delay: ["<1min", "1-60min", "1-24h", ">=1d"],
  /** Events stored against events rejected (by day received): unknown items, unknown concepts, future events, anything else. */
  rejections: ["stored", "UNKNOWN_ITEM", "UNKNOWN_CONCEPT", "FUTURE_EVENT", "other"],
} as const;

/** The bin of a rejection code in FEATURES.rejections (1..4). */
export const rejectionBin = (code: string): number => {
  const i = (FEATURES.rejections as readonly string[]).indexOf(code);
  return i >= 1 ? i : 4;
};
export type FeatureName = keyof typeof FEATURES;

const SEC = 1000;
const MIN = 60 * SEC;

/**
 * Lower bounds of the bins after the first, so that bin = number of bounds <= value (the Cypher
 * query bins the same way with these lists: cypher/quality/drift.cypher).
 */
export const BOUNDS = {
  duration: [10 * SEC, 30 * SEC, MIN, 2 * MIN, 5 * MIN, 15 * MIN],
  answersPerLearner: [2, 6, 21, 51],
  delay: [MIN, 60 * MIN, 24 * 60 * MIN],
} as const;

const binOf = (bounds: readonly number[], x: number) => bounds.filter((b) => x >= b).length;
/** The bin of a duration (ms, or null: bin 0). */
export const durationBin = (ms: number | null): number => (ms === null ? 0 : 1 + binOf(BOUNDS.duration, ms));
export const hintsBin = (h: number | null): number => (h === null ? 0 : h >= 3 ? 4 : h + 1);
export const scoreBin = (s: number): number => (s <= 0 ? 0 : s >= 1 ? 2 : 1);
export const countBin = (n: number): number => binOf(BOUNDS.answersPerLearner, n);
export const delayBin = (ms: number): number => binOf(BOUNDS.delay, ms);
