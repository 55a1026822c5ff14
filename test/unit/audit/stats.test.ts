import { describe, expect, it } from "vitest";
import { fisherGreater, logGamma, wilson } from "../../../src/domain/audit/stats.js";

// Hypergeometric tail by direct products of binomial coefficients (exact integers for small tables).
function choose(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}
function fisherByHand(a: number, b: number, c: number, d: number): number {
  const row1 = a + b, col1 = a + c, n = a + b + c + d;
  let p = 0;
  for (let x = a; x <= Math.min(row1, col1); x++) p += (choose(col1, x) * choose(n - col1, row1 - x)) / choose(n, row1);
  return p;
}

describe("wilson", () => {
  it("matches the textbook interval for 8 of 10 (Newcombe 1998: 0.490 to 0.943)", () => {
    const w = wilson(8, 10);
    expect(w.rate).toBe(0.8);
    expect(w.low).toBeCloseTo(0.4902, 3);
    expect(w.high).toBeCloseTo(0.9433, 3);
  });
  it("stays inside [0, 1] at the edges and is [0, 1] without data", () => {
    expect(wilson(0, 20).low).toBe(0);
    expect(wilson(0, 20).high).toBeCloseTo(0.1611, 3); // 3.84 / (20 + 3.84)
    expect(wilson(0, 0)).toEqual({ count: 0, total: 0, rate: null, low: 0, high: 1 });
  });
});

describe("fisherGreater", () => {
  it("equals the hypergeometric tail worked by hand: [[3,1],[1,3]] gives 17/70", () => {
    expect(fisherGreater(3, 1, 1, 3)).toBeCloseTo(17 / 70, 12);
  });
  it("agrees with the direct sum on assorted tables, and is 1 for the smallest possible corner", () => {
    for (const [a, b, c, d] of [[10, 2, 3, 15], [5, 5, 5, 5], [0, 7, 6, 1], [20, 1, 0, 30], [12, 30, 8, 25]] as const) {
      expect(fisherGreater(a, b, c, d)).toBeCloseTo(fisherByHand(a, b, c, d), 10);
    }
    expect(fisherGreater(0, 5, 5, 0)).toBeCloseTo(1, 12);
  });
  it("does not underflow on large tables", () => {
    const p = fisherGreater(900, 100, 100, 900);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-100);
  });
});

describe("logGamma", () => {
  it("gives ln((n-1)!) at integers", () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 10);
  });
});
