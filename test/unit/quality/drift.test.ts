import { describe, expect, it } from "vitest";
import { countBin, delayBin, driftLevel, durationBin, hintsBin, psi, scoreBin } from "../../../src/domain/quality/drift.js";

describe("population stability index", () => {
  it("is zero for identical shares and the written sum otherwise, empty bins floored", () => {
    expect(psi([30, 30, 40], [60, 60, 80])).toBeCloseTo(0, 15);
    // shares (0.5, 0.5) vs (0.25, 0.75): (0.25)ln2 + (-0.25)ln(2/3)
    expect(psi([50, 50], [25, 75])).toBeCloseTo(0.25 * Math.log(2) - 0.25 * Math.log(2 / 3), 12);
    expect(psi([100, 0], [50, 50])).toBeCloseTo((1 - 0.5) * Math.log(1 / 0.5) + (1e-4 - 0.5) * Math.log(1e-4 / 0.5), 12);
    expect(psi([10, 5], [50, 50])).toBeNull(); // fewer than 30 recent observations
  });

  it("reads the usual thresholds", () => {
    expect([driftLevel(0.05), driftLevel(0.1), driftLevel(0.2499), driftLevel(0.25), driftLevel(null)]).toEqual(["STABLE", "MODERATE", "MODERATE", "DRIFTED", "TOO_FEW"]);
  });

  it("bins at the documented edges", () => {
    expect([null, 9_999, 10_000, 29_999, 30_000, 60_000, 120_000, 300_000, 900_000].map(durationBin)).toEqual([0, 1, 2, 2, 3, 4, 5, 6, 7]);
    expect([null, 0, 1, 2, 3, 9].map(hintsBin)).toEqual([0, 1, 2, 3, 4, 4]);
    expect([0, 0.5, 1].map(scoreBin)).toEqual([0, 1, 2]);
    expect([1, 2, 5, 6, 20, 21, 50, 51].map(countBin)).toEqual([0, 1, 1, 2, 2, 3, 3, 4]);
    expect([0, 59_999, 60_000, 3_600_000, 86_400_000].map(delayBin)).toEqual([0, 0, 1, 2, 3]);
  });
});
