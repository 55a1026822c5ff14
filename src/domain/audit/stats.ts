/**
 * Small-sample statistics for the prerequisite audit: Wilson score intervals for proportions and
 * Fisher's exact test on 2 x 2 tables. Pure; unit-tested against hand-computed values.
 */

/** A proportion with its Wilson score interval; every value in [0, 1]. `rate` is null when total is 0. */
export interface Proportion {
  count: number;
  total: number;
  rate: number | null;
  low: number;
  high: number;
}

/** z of a two-sided 95% interval (each bound is a one-sided 97.5% bound). */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval for `count` successes out of `total` (Wilson 1927; recommended for small
 * counts and rates near 0 or 1 by Brown, Cai and DasGupta 2001). total 0 gives [0, 1].
 */
export function wilson(count: number, total: number, z = Z95): Proportion {
  if (total <= 0) return { count, total, rate: null, low: 0, high: 1 };
  const p = count / total;
  const z2 = z * z;
  const centre = (p + z2 / (2 * total)) / (1 + z2 / total);
  const half = (z / (1 + z2 / total)) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return { count, total, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

// Lanczos approximation (g = 7, n = 9), about 15 significant digits for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Gamma(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0] as number;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] as number) / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

const logChoose = (n: number, k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);

/**
 * Fisher's exact test, one-sided, on the 2 x 2 table [[a, b], [c, d]] with both margins fixed:
 * the probability, under independence, of a top-left cell at least as large as `a` (the
 * alternative "rows and columns are positively associated"). In [0, 1].
 */
export function fisherGreater(a: number, b: number, c: number, d: number): number {
  const row1 = a + b;
  const col1 = a + c;
  const n = a + b + c + d;
  if (n === 0) return 1;
  const hi = Math.min(row1, col1);
  const base = logChoose(n, row1);
  // Sum in log space from the largest term down, so huge tables neither overflow nor underflow.
  const terms: number[] = [];
  for (let x = a; x <= hi; x++) terms.push(logChoose(col1, x) + logChoose(n - col1, row1 - x) - base);
  if (terms.length === 0) return 0;
  const max = Math.max(...terms);
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - max);
  return Math.min(1, Math.exp(max + Math.log(sum)));
}

/**
 * The complementary error function, erfc(x) = 1 - erf(x), with relative error below 1.2e-7 for
 * every x, including far in the tail (Numerical Recipes' Chebyshev fit `erfcc`).
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** A 2 x 2 table [[a, b], [c, d]] of one stratum. */
export interface Stratum {
  a: number;
  b: number;
  c: number;
  d: number;
}

/**
 * Cochran-Mantel-Haenszel test across strata, one-sided (top-left cells larger than independence
 * within each stratum predicts), with continuity correction: the p-value of
 * z = (sum(a) - sum(E[a]) - 1/2) / sqrt(sum(Var[a])) under the normal approximation. 1 when no
 * stratum has variance.
 */
export function mantelHaenszelGreater(strata: readonly Stratum[]): number {
  let diff = 0;
  let variance = 0;
  for (const s of strata) {
    const n = s.a + s.b + s.c + s.d;
    if (n < 2) continue;
    const row1 = s.a + s.b, row2 = s.c + s.d, col1 = s.a + s.c, col2 = s.b + s.d;
    diff += s.a - (row1 * col1) / n;
    variance += (row1 * row2 * col1 * col2) / (n * n * (n - 1));
  }
  if (variance <= 0) return 1;
  const z = (diff - 0.5) / Math.sqrt(variance);
  return Math.min(1, 0.5 * erfc(z / Math.SQRT2));
}
