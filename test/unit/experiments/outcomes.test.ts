import { describe, expect, it } from "vitest";
import { analyseMetric, outcomesCsv } from "../../../src/domain/experiments/analysis.js";
import { learnerOutcome, unitOutcomes, type LearnerWindow } from "../../../src/domain/experiments/outcomes.js";

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 10, 2, 22, 0); // 2 Nov 2026, 22:00 UTC

const w: LearnerWindow = {
  learnerId: "l1",
  unitId: "l1",
  variant: "B",
  firstExposedAt: t0,
  events: [
    { at: t0 - 60_000, kind: "ANSWER", durationMs: 99_000 }, // before the window: ignored
    { at: t0 + 60_000, kind: "ANSWER", durationMs: 30_000 },
    { at: t0 + 120_000, kind: "CONTENT_VIEW", durationMs: 90_000 },
    { at: t0 + 180_000, kind: "ANSWER", durationMs: null },
    { at: t0 + 3 * DAY, kind: "ANSWER", durationMs: 60_000 }, // inside a 7-day window; a return on day 3
  ],
  changes: [
    { conceptId: "c1", at: t0 + 60_000, before: 0.5, after: 0.7 },
    { conceptId: "c1", at: t0 + 3 * DAY, before: 0.7, after: 0.85 },
    { conceptId: "c2", at: t0 + 180_000, before: 0.3, after: 0.2 },
    { conceptId: "c3", at: t0 + 180_000, before: 0.75, after: 0.82 }, // not shown: counts as mastered, not as gain
  ],
  shownConceptIds: ["c1", "c2"],
};

describe("learner outcomes (by hand)", () => {
  it("over a 7-day window", () => {
    const o = learnerOutcome(w, 7, 0.8);
    expect(o.PRACTICE_MINUTES).toBeCloseTo((30 + 90 + 60) / 60, 12); // 3 minutes
    expect(o.ANSWERS).toBe(3);
    expect(o.MASTERY_GAIN).toBeCloseTo(0.85 - 0.5 + (0.2 - 0.3), 12); // c1 +0.35, c2 −0.1
    expect(o.CONCEPTS_MASTERED).toBe(2); // c1 (0.5 → 0.85), c3 (0.75 → 0.82)
    expect(o.RETURNED_7D).toBe(1);
  });

  it("over a 1-day window the day-3 answer is out, the return still counts", () => {
    const o = learnerOutcome(w, 1, 0.8);
    expect(o.PRACTICE_MINUTES).toBeCloseTo(2, 12);
    expect(o.ANSWERS).toBe(2);
    expect(o.MASTERY_GAIN).toBeCloseTo(0.2 - 0.1, 12);
    expect(o.CONCEPTS_MASTERED).toBe(1);
    expect(o.RETURNED_7D).toBe(1);
  });

  it("a return is an event on UTC days 1..7 after the exposure's day (2 h later, past midnight, counts; day 8 does not)", () => {
    const at = (ms: number) => ({ ...w, events: [{ at: ms, kind: "ANSWER", durationMs: null }] });
    expect(learnerOutcome(at(t0 + 3_600_000), 7, 0.8).RETURNED_7D).toBe(0); // 23:00 the same day
    expect(learnerOutcome(at(t0 + 2 * 3_600_000), 7, 0.8).RETURNED_7D).toBe(1); // 00:00 the next day
    expect(learnerOutcome(at(Date.UTC(2026, 10, 9, 23, 59)), 7, 0.8).RETURNED_7D).toBe(1); // day 7
    expect(learnerOutcome(at(Date.UTC(2026, 10, 10, 0, 0)), 7, 0.8).RETURNED_7D).toBe(0); // day 8
  });
});

describe("units and read-out", () => {
  it("a class unit's outcome is the mean of its learners'; the CSV has one row per unit", () => {
    const a = { ...w, learnerId: "l1", unitId: "k1", variant: "A", events: [{ at: t0 + 1, kind: "ANSWER", durationMs: 60_000 }] };
    const b = { ...w, learnerId: "l2", unitId: "k1", variant: "A", events: [] };
    const units = unitOutcomes([a, b], 7, 0.8);
    expect(units).toHaveLength(1);
    expect(units[0]?.learners).toBe(2);
    expect(units[0]?.outcome.ANSWERS).toBe(0.5);
    expect(units[0]?.outcome.PRACTICE_MINUTES).toBe(0.5);
    expect(outcomesCsv(units).split("\n")[0]).toBe("unit_id,variant,learners,practice_minutes,answers,mastery_gain,concepts_mastered,returned_7d");
    expect(outcomesCsv(units).split("\n")[1]?.startsWith("k1,A,2,0.5,0.5,")).toBe(true);
  });

  it("compares each variant with the first", () => {
    const units = [1, 2, 3, 4].map((x, i) => ({ unitId: `u${i}`, variant: i < 2 ? "A" : "B", learners: 1, outcome: { PRACTICE_MINUTES: 0, ANSWERS: x, MASTERY_GAIN: 0, CONCEPTS_MASTERED: 0, RETURNED_7D: 0 } }));
    const r = analyseMetric(["A", "B"], units, "ANSWERS");
    expect(r.variants.map((v) => [v.variant, v.n, v.mean])).toEqual([["A", 2, 1.5], ["B", 2, 3.5]]);
    expect(r.variants[0]?.comparison).toBeNull();
    // diff 2, se = sqrt(0.5/2 + 0.5/2) = sqrt(0.5), t = 2/sqrt(0.5) = 2.828; pooled sd sqrt(0.5): d = 2.828.
    expect(r.variants[1]?.comparison?.t).toBeCloseTo(2 / Math.sqrt(0.5), 12);
    expect(r.variants[1]?.comparison?.cohensD).toBeCloseTo(2 / Math.sqrt(0.5), 12);
  });
});
