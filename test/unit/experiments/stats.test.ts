import { describe, expect, it } from "vitest";
import { compare, sampleRatio, summarise } from "../../../src/domain/experiments/stats.js";

// Wikipedia, "Welch's t-test", examples 1 and 2 (the published worked example). The reference
// values (t, p, df, 95% CI of mean(second) − mean(first)) are SciPy 1.17's, an independent
// implementation:  stats.ttest_ind(b, a, equal_var=False) and .confidence_interval(0.95).
const A1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
const A2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
const B1 = [17.2, 20.9, 22.6, 18.1, 21.7, 21.4, 23.5, 24.2, 14.7, 21.8];
const B2 = [21.5, 22.8, 21.0, 23.0, 21.6, 23.6, 22.5, 20.7, 23.4, 21.8, 20.7, 21.7, 21.5, 22.5, 23.6, 21.5, 22.5, 23.5, 21.5, 21.8];
const SCIPY = {
  a: { t: 2.455356398286006, p: 0.021378001462866992, df: 24.988529290231416, lower: 0.3492370661924069, upper: 3.984096267140929 },
  b: { t: 1.5654335235985037, p: 0.14884169660532817, df: 9.904741248650831, lower: -0.6484213253751658, upper: 3.698421325375163 },
};

/** Cohen's d the long way: pooled variance from sums of squares, written apart from the server's formula. */
function cohensD(x: number[], y: number[]): number {
  const mx = x.reduce((a, v) => a + v, 0) / x.length;
  const my = y.reduce((a, v) => a + v, 0) / y.length;
  const ss = x.reduce((a, v) => a + (v - mx) ** 2, 0) + y.reduce((a, v) => a + (v - my) ** 2, 0);
  return (my - mx) / Math.sqrt(ss / (x.length + y.length - 2));
}

describe("Welch's t-test against SciPy on the published examples", () => {
  for (const [name, control, treatment, ref] of [["example 1", A1, A2, SCIPY.a], ["example 2", B1, B2, SCIPY.b]] as const) {
    it(name, () => {
      const c = compare(summarise(control), summarise(treatment));
      expect(c.t).toBeCloseTo(ref.t, 10);
      expect(c.df).toBeCloseTo(ref.df, 8);
      expect(c.pValue).toBeCloseTo(ref.p, 8);
      expect(c.ci?.lower).toBeCloseTo(ref.lower, 8);
      expect(c.ci?.upper).toBeCloseTo(ref.upper, 8);
      expect(c.cohensD).toBeCloseTo(cohensD([...control], [...treatment]), 12);
    });
  }

  it("rounds as Wikipedia prints example 1 (t = 2.46, ν ≈ 25.0, p = 0.021)", () => {
    const c = compare(summarise(A1), summarise(A2));
    expect(Math.round(c.t * 100) / 100).toBe(2.46);
    expect(Math.round(c.df * 10) / 10).toBe(25.0);
    expect(Math.round((c.pValue ?? 0) * 1000) / 1000).toBe(0.021);
  });

  it("is symmetric: swapping the groups flips the sign and keeps p", () => {
    const ab = compare(summarise(A1), summarise(A2));
    const ba = compare(summarise(A2), summarise(A1));
    expect(ba.t).toBeCloseTo(-ab.t, 12);
    expect(ba.pValue).toBeCloseTo(ab.pValue ?? NaN, 12);
    expect(ba.ci?.lower).toBeCloseTo(-(ab.ci?.upper ?? NaN), 10);
  });

  it("answers null where the test is undefined", () => {
    expect(compare(summarise([1]), summarise([2, 3])).pValue).toBeNull();
    const flat = compare(summarise([2, 2, 2]), summarise([2, 2]));
    expect(flat.pValue).toBeNull();
    expect(flat.cohensD).toBeNull();
    expect(flat.ci).toBeNull();
  });
});

describe("summaries", () => {
  it("mean and sample sd by hand", () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x − 5)² = 32, sd = sqrt(32 / 7).
    const s = summarise([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s).toEqual({ n: 8, mean: 5, sd: Math.sqrt(32 / 7) });
    expect(summarise([])).toEqual({ n: 0, mean: 0, sd: 0 });
  });
});

describe("sample-ratio mismatch (chi-square goodness of fit)", () => {
  it("50/50 with 5,050 vs 4,950: χ² = 2·50²/5000 = 1, p = 2(1 − Φ(1)) = 0.3173 (SciPy: 0.31731050786291115)", () => {
    const r = sampleRatio([5050, 4950], [1, 1]);
    expect(r.chiSquare).toBeCloseTo(1, 12);
    expect(r.df).toBe(1);
    expect(r.pValue).toBeCloseTo(0.31731050786291115, 9);
    expect(r.mismatch).toBe(false);
  });

  it("three variants 25/25/50 (SciPy chisquare([521,479,1000],[500,500,1000]): 1.764, p 0.41395417487127395)", () => {
    const r = sampleRatio([521, 479, 1000], [0.25, 0.25, 0.5]);
    expect(r.expected).toEqual([500, 500, 1000]);
    expect(r.chiSquare).toBeCloseTo(21 ** 2 / 500 + 21 ** 2 / 500, 12);
    expect(r.pValue).toBeCloseTo(0.41395417487127395, 9);
  });

  it("flags 480 vs 620 on a 50/50 split (χ² = 2·70²/550 = 17.82, p = 2.43e-5 < 0.001)", () => {
    const r = sampleRatio([480, 620], [1, 1]);
    expect(r.chiSquare).toBeCloseTo((2 * 70 ** 2) / 550, 10);
    expect(r.pValue).toBeCloseTo(2.4304960694778984e-5, 12);
    expect(r.mismatch).toBe(true);
  });
});
