import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

/**
 * The statistics of an experiment's read-out (docs/experiments.md writes every formula out).
 * The distributions come from stdlib; everything here is arithmetic on them.
 */

export interface Summary {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1 in the denominator); 0 when n < 2. */
  sd: number;
}

export function summarise(xs: readonly number[]): Summary {
  const n = xs.length;
  if (n === 0) return { n: 0, mean: 0, sd: 0 };
  const mean = xs.reduce((a, x) => a + x, 0) / n;
  if (n < 2) return { n, mean, sd: 0 };
  const ss = xs.reduce((a, x) => a + (x - mean) * (x - mean), 0);
  return { n, mean, sd: Math.sqrt(ss / (n - 1)) };
}

export interface Comparison {
  /** mean(treatment) − mean(control). */
  diff: number;
  /** Welch's standard error of the difference: sqrt(s1²/n1 + s2²/n2). */
  se: number;
  t: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  /** Two-sided p-value of Welch's t-test; null when it is undefined (a group with n < 2, or both without variance). */
  pValue: number | null;
  /** The `level` (default 95%) confidence interval of the difference, Welch's. */
  ci: { lower: number; upper: number } | null;
  /** Cohen's d: diff / pooled standard deviation; null when the pooled sd is 0. */
  cohensD: number | null;
}

/** Welch's t-test, its confidence interval and Cohen's d of treatment against control. */
export function compare(control: Summary, treatment: Summary, level = 0.95): Comparison {
  const diff = treatment.mean - control.mean;
  const v1 = (control.sd * control.sd) / Math.max(1, control.n);
  const v2 = (treatment.sd * treatment.sd) / Math.max(1, treatment.n);
  const se = Math.sqrt(v1 + v2);
  const enough = control.n >= 2 && treatment.n >= 2;
  const df = enough && se > 0 ? ((v1 + v2) * (v1 + v2)) / ((v1 * v1) / (control.n - 1) + (v2 * v2) / (treatment.n - 1)) : NaN;
  const t = se > 0 ? diff / se : NaN;
  const defined = enough && se > 0 && Number.isFinite(df);
  const pValue = defined ? Math.min(1, 2 * tCdf(-Math.abs(t), df)) : null;
  const q = defined ? tQuantile(1 - (1 - level) / 2, df) : NaN;
  const ci = defined ? { lower: diff - q * se, upper: diff + q * se } : null;
  const pooledDf = control.n + treatment.n - 2;
  const pooled = pooledDf > 0 ? Math.sqrt(((control.n - 1) * control.sd * control.sd + (treatment.n - 1) * treatment.sd * treatment.sd) / pooledDf) : 0;
  return { diff, se, t, df, pValue, ci, cohensD: pooled > 0 ? diff / pooled : null };
}

export interface SampleRatio {
  observed: number[];
  expected: number[];
  chiSquare: number;
  df: number;
  /** P(χ²_df ≥ chiSquare); null with fewer than 2 variants or no units. */
  pValue: number | null;
  /** pValue below SRM_ALPHA: the assignment counts do not match the weights. */
  mismatch: boolean;
}

/** The conventional threshold for a sample-ratio mismatch (a strict one: SRM checks run on every read-out). */
export const SRM_ALPHA = 0.001;

/** Pearson's chi-square goodness of fit of the assignment counts to the allocation weights. */
export function sampleRatio(observed: readonly number[], weights: readonly number[]): SampleRatio {
  const total = observed.reduce((a, x) => a + x, 0);
  const wsum = weights.reduce((a, x) => a + x, 0);
  const expected = weights.map((w) => (wsum > 0 ? (total * w) / wsum : 0));
  const chiSquare = observed.reduce((a, o, i) => {
    const e = expected[i] ?? 0;
    return e > 0 ? a + ((o - e) * (o - e)) / e : a;
  }, 0);
  const df = observed.length - 1;
  const pValue = df >= 1 && total > 0 ? 1 - chisquareCdf(chiSquare, df) : null;
  return { observed: [...observed], expected, chiSquare, df, pValue, mismatch: pValue !== null && pValue < SRM_ALPHA };
}
