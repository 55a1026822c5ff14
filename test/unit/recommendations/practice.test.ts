import { describe, expect, it } from "vitest";
import { defaultModelParams, type ModelParams } from "../../../src/domain/mastery/model.js";
import { estimatePractice, masteryTrend, MAX_PRACTICE_ESTIMATE, readiness, reviewDueAt } from "../../../src/domain/recommendations/practice.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A concept with no slip, no guess and no forgetting: a right answer proves mastery, a wrong one disproves it. */
function crisp(pT: number): ModelParams {
  const p = defaultModelParams();
  return { ...p, concepts: {}, defaultConcept: { ...p.defaultConcept, pS: 0, pG: 0, pF: 0, pT } };
}

describe("readiness", () => {
  it("is the weighted mean mastery of the prerequisites", () => {
    // (2 * 0.5 + 1 * 0.8) / (2 + 1) = 1.8 / 3 = 0.6
    expect(readiness([{ weight: 2, mastery: 0.5 }, { weight: 1, mastery: 0.8 }])).toBeCloseTo(0.6, 12);
  });
  it("is 1 for a concept without prerequisites", () => {
    expect(readiness([])).toBe(1);
  });
});

describe("estimatePractice", () => {
  it("counts expected steps of m' = m * 1 + (1 - m) * pT until the threshold", () => {
    // No slip or guess: P(correct) = m, a right answer moves mastery to 1, a wrong one to pT = 0.5.
    // m: 0 -> 0.5 -> 0.75 -> 0.875 -> 0.9375 -> 0.96875: 5 steps to pass 0.95.
    expect(estimatePractice(crisp(0.5), "c", 0, 0.95)).toBe(5);
    // From 0.875: 0.9375, then 0.96875: 2 steps.
    expect(estimatePractice(crisp(0.5), "c", 0.875, 0.95)).toBe(2);
    expect(estimatePractice(crisp(0.5), "c", 0.96, 0.95)).toBe(0);
  });
  it("gives the cap when practice cannot move mastery", () => {
    expect(estimatePractice(crisp(0), "c", 0.2, 0.95)).toBe(MAX_PRACTICE_ESTIMATE);
  });
});

describe("reviewDueAt", () => {
  const forgetting = { halfLifeMs: DAY, graceMs: HOUR, perInterleavedEvent: 0 };
  it("solves the forgetting curve for the threshold", () => {
    // 0.9 * 2^(-x/DAY) = 0.45 at x = DAY: due one grace period and one half-life after the practice.
    expect(reviewDueAt(forgetting, 0.9, 1_000, 1, 0.45)).toBeCloseTo(1_000 + HOUR + DAY, 3);
    // Interleaving has already halved recall: 0.9 * 0.5 = 0.45 is the threshold at the end of grace.
    expect(reviewDueAt(forgetting, 0.9, 1_000, 0.5, 0.45)).toBe(1_000 + HOUR);
  });
  it("is at the end of grace without clock-time forgetting", () => {
    expect(reviewDueAt({ ...forgetting, halfLifeMs: 0 }, 0.9, 1_000, 1, 0.45)).toBe(1_000 + HOUR);
  });
});

describe("masteryTrend", () => {
  it("is the mean change since the last practice", () => {
    // ((0.5 - 0.7) + (0.9 - 0.9)) / 2 = -0.1
    expect(masteryTrend([{ now: 0.5, stored: 0.7 }, { now: 0.9, stored: 0.9 }])).toBeCloseTo(-0.1, 12);
    expect(masteryTrend([])).toBe(0);
  });
});
