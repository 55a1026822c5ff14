/**
 * Small derivative-free optimiser used by fit.ts (Nelder–Mead on an unconstrained vector; bounds are
 * handled by the caller through transforms such as logit/sigmoid).
 */

export interface NelderMeadOptions {
  /** Initial simplex step per coordinate (same units as x). */
  step?: number | readonly number[];
  /** Maximum number of objective evaluations. */
  maxEvals?: number;
  /** Stop when the spread of objective values in the simplex is below this. */
  fTol?: number;
}

/** Minimise f starting at x0. Returns the best point and value found. */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  opts: NelderMeadOptions = {},
): { x: number[]; fx: number; evals: number } {
  const n = x0.length;
  const maxEvals = opts.maxEvals ?? 200 * n;
  const fTol = opts.fTol ?? 1e-7;
  const stepOf = (i: number): number => {
    const s = opts.step ?? 0.5;
    return typeof s === 'number' ? s : (s[i] ?? 0.5);
  };
  let evals = 0;
  const F = (x: readonly number[]): number => {
    evals++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  const pts: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] = (p[i] ?? 0) + stepOf(i);
    pts.push(p);
  }
  let vals = pts.map(F);
  while (evals < maxEvals) {
    const order = vals.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
    const sorted = order.map(([, i]) => pts[i]!);
    vals = order.map(([v]) => v);
    pts.splice(0, pts.length, ...sorted);
    const best = vals[0]!;
    const worst = vals[n]!;
    if (Math.abs(worst - best) <= fTol * (Math.abs(best) + 1e-12)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let d = 0; d < n; d++) centroid[d]! += pts[i]![d]! / n;
    const along = (t: number): number[] => centroid.map((c, d) => c + t * (pts[n]![d]! - c));
    const xr = along(-1);
    const fr = F(xr);
    if (fr < vals[0]!) {
      const xe = along(-2);
      const fe = F(xe);
      if (fe < fr) {
        pts[n] = xe;
        vals[n] = fe;
      } else {
        pts[n] = xr;
        vals[n] = fr;
      }
    } else if (fr < vals[n - 1]!) {
      pts[n] = xr;
      vals[n] = fr;
    } else {
      const outside = fr < vals[n]!;
      const xc = along(outside ? -0.5 : 0.5);
      const fc = F(xc);
      if (fc < (outside ? fr : vals[n]!)) {
        pts[n] = xc;
        vals[n] = fc;
      } else {
        for (let i = 1; i <= n; i++) {
          pts[i] = pts[i]!.map((v, d) => pts[0]![d]! + 0.5 * (v - pts[0]![d]!));
          vals[i] = F(pts[i]!);
        }
      }
    }
  }
  let bi = 0;
  for (let i = 1; i < vals.length; i++) if (vals[i]! < vals[bi]!) bi = i;
  return { x: pts[bi]!.slice(), fx: vals[bi]!, evals };
}
