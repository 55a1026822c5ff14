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

export interface LbfgsOptions {
  /** Maximum number of iterations. Default 300. */
  maxIterations?: number;
  /** Stop when the relative decrease of f over one iteration is below this. Default 1e-7. */
  tolerance?: number;
  /** Number of correction pairs kept. Default 8. */
  memory?: number;
}

/**
 * Limited-memory BFGS with a backtracking (Armijo) line search, for smooth unconstrained minimisation.
 * `fg(x, grad)` returns f(x) and writes ∇f(x) into grad.
 */
export function lbfgs(
  fg: (x: Float64Array, grad: Float64Array) => number,
  x0: Float64Array,
  opts: LbfgsOptions = {},
): { x: Float64Array; fx: number; iterations: number } {
  const n = x0.length;
  const maxIt = opts.maxIterations ?? 300;
  const tol = opts.tolerance ?? 1e-7;
  const mem = opts.memory ?? 8;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  let f = fg(x, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const alpha = new Array<number>(mem).fill(0);
  let it = 0;
  for (; it < maxIt; it++) {
    // two-loop recursion: d = −H·g
    for (let i = 0; i < n; i++) d[i] = -g[i]!;
    for (let k = S.length - 1; k >= 0; k--) {
      let a = 0;
      for (let i = 0; i < n; i++) a += S[k]![i]! * d[i]!;
      a *= rho[k]!;
      alpha[k] = a;
      for (let i = 0; i < n; i++) d[i]! -= a * Y[k]![i]!;
    }
    if (S.length > 0) {
      const last = S.length - 1;
      let yy = 0;
      for (let i = 0; i < n; i++) yy += Y[last]![i]! * Y[last]![i]!;
      const gamma = 1 / (rho[last]! * yy);
      for (let i = 0; i < n; i++) d[i]! *= gamma;
    } else {
      let gn = 0;
      for (let i = 0; i < n; i++) gn += g[i]! * g[i]!;
      const scale = 1 / Math.max(1, Math.sqrt(gn));
      for (let i = 0; i < n; i++) d[i]! *= scale;
    }
    for (let k = 0; k < S.length; k++) {
      let b = 0;
      for (let i = 0; i < n; i++) b += Y[k]![i]! * d[i]!;
      b *= rho[k]!;
      for (let i = 0; i < n; i++) d[i]! += S[k]![i]! * (alpha[k]! - b);
    }
    let slope = 0;
    for (let i = 0; i < n; i++) slope += g[i]! * d[i]!;
    if (slope >= 0) {
      // not a descent direction: restart from steepest descent
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      slope = 0;
      for (let i = 0; i < n; i++) slope += g[i]! * d[i]!;
      if (slope === 0) break;
    }
    let step = 1;
    let fNew = Number.POSITIVE_INFINITY;
    for (let ls = 0; ls < 30; ls++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i]! + step * d[i]!;
      fNew = fg(xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew <= f)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    let sy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
      sy += s[i]! * y[i]!;
    }
    const decrease = f - fNew;
    x.set(xNew);
    g.set(gNew);
    const fOld = f;
    f = fNew;
    if (sy > 1e-12) {
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
      if (S.length > mem) {
        S.shift();
        Y.shift();
        rho.shift();
      }
    }
    if (decrease <= tol * Math.max(1, Math.abs(fOld))) break;
  }
  return { x, fx: f, iterations: it };
}
