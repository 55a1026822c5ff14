import { describe, expect, it } from "vitest";
import { addLearner, bandEffect, bandOf, neverHelps, thompson, verdict, type EffectTable } from "../../../src/domain/effectiveness/effectiveness.js";

const H = 3_600_000;

describe("item effectiveness tallies (by hand)", () => {
  it("pairs each answer with the learner's next answer on the same concept within 7 days", () => {
    const table: EffectTable = new Map();
    addLearner(table, "MID", [
      { conceptId: "c", itemId: "i1", at: 0, before: 0.3, after: 0.4, score: 1 },
      { conceptId: "c", itemId: "i2", at: 1 * H, before: 0.4, after: 0.6, score: 1 }, // follows i1: gain 0.6 − 0.3, success
      { conceptId: "d", itemId: "i1", at: 2 * H, before: 0.5, after: 0.45, score: 0 }, // no follow-up on d
      { conceptId: "c", itemId: "i1", at: 3 * H, before: 0.6, after: 0.5, score: 0 }, // follows i2: gain 0.5 − 0.4, failure
      { conceptId: "c", itemId: "i3", at: 3 * H + 8 * 24 * H, before: 0.5, after: 0.6, score: 1 }, // 8 days later: i1's follow-up too late
    ]);
    expect(table.get("i1")?.get("MID")).toEqual({ n: 1, successes: 1, sum: 0.6 - 0.3, sumSq: (0.6 - 0.3) ** 2 });
    expect(table.get("i2")?.get("MID")?.n).toBe(1);
    expect(table.get("i2")?.get("MID")?.successes).toBe(0);
    expect(table.get("i2")?.get("MID")?.sum).toBeCloseTo(0.1, 12);
    expect(table.has("i3")).toBe(false);
  });

  it("bands by ability in logits", () => {
    expect([bandOf(-0.51), bandOf(-0.5), bandOf(0), bandOf(0.5), bandOf(0.51), bandOf(null)]).toEqual(["LOW", "MID", "MID", "MID", "HIGH", "MID"]);
  });

  it("mean and 95% t interval of the gain (SciPy: stats.t.ppf(0.975, 4) on 0.2, 0.1, −0.05, 0.3, 0.15)", () => {
    const g = [0.2, 0.1, -0.05, 0.3, 0.15];
    const e = bandEffect("LOW", { n: 5, successes: 3, sum: g.reduce((a, x) => a + x, 0), sumSq: g.reduce((a, x) => a + x * x, 0) });
    expect(e.meanGain).toBeCloseTo(0.14, 12);
    expect(e.sd).toBeCloseTo(0.12942179105544785, 10);
    expect(e.ci?.lower).toBeCloseTo(-0.020698378536599504, 9);
    expect(e.ci?.upper).toBeCloseTo(0.30069837853659953, 9);
    expect(bandEffect("LOW", { n: 1, successes: 1, sum: 0.2, sumSq: 0.04 }).ci).toBeNull();
  });

  it("never helps: enough data in every band and every upper bound at or below 0", () => {
    const e = (n: number, upper: number) => ({ band: "MID" as const, n, successes: 0, meanGain: upper - 0.1, sd: 0.1, ci: { lower: upper - 0.2, upper } });
    expect(neverHelps([e(30, -0.01), e(25, 0)])).toBe(true);
    expect(neverHelps([e(30, -0.01), e(10, -0.5)])).toBe(false); // one band too thin to say
    expect(neverHelps([e(30, 0.02)])).toBe(false);
    expect(neverHelps([])).toBe(false);
  });
});

describe("verdicts", () => {
  it("teaches above 0, only tests at or below 0 with 20 follow-ups, unclear otherwise", () => {
    const e = (n: number, lower: number, upper: number) => ({ band: "MID" as const, n, successes: 0, meanGain: (lower + upper) / 2, sd: 0.1, ci: { lower, upper } });
    expect(verdict(e(5, 0.01, 0.2))).toBe("TEACHES");
    expect(verdict(e(20, -0.2, 0))).toBe("ONLY_TESTS");
    expect(verdict(e(19, -0.2, -0.01))).toBe("UNCLEAR");
    expect(verdict(e(50, -0.1, 0.1))).toBe("UNCLEAR");
    expect(verdict({ ...e(1, 0, 0), ci: null })).toBe("UNCLEAR");
  });
});

describe("Thompson sampling", () => {
  const items = [
    { id: "a", n: 4, successes: 3 }, // Beta(4, 2)
    { id: "b", n: 4, successes: 1 }, // Beta(2, 4)
  ];
  it("is reproducible under a seed", () => {
    const one = thompson(items, (i) => i, 42);
    const two = thompson(items, (i) => i, 42);
    expect(two.order.map((d) => [d.item.id, d.sample])).toEqual(one.order.map((d) => [d.item.id, d.sample]));
    expect(one.order.every((d) => d.sample > 0 && d.sample < 1)).toBe(true);
    expect(one.order.find((d) => d.item.id === "a")?.mean).toBeCloseTo(4 / 6, 12);
  });

  it("picks a with probability P(Beta(4,2) > Beta(2,4)) = 0.896825 (SciPy quadrature), and b otherwise, marked exploratory", () => {
    let a = 0;
    let exploratoryWhenB = 0;
    const runs = 4000;
    for (let seed = 1; seed <= runs; seed++) {
      const r = thompson(items, (i) => i, seed);
      if (r.order[0]?.item.id === "a") a++;
      else if (r.exploratory) exploratoryWhenB++;
      if (r.order[0]?.item.id === "a") expect(r.exploratory).toBe(false);
    }
    const p = 0.896825396825397;
    // Within 4 binomial standard deviations.
    expect(Math.abs(a / runs - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / runs));
    expect(exploratoryWhenB).toBe(runs - a);
  });
});
