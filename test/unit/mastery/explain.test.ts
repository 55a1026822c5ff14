import { describe, expect, it } from "vitest";
import { explainMastery } from "../../../src/domain/mastery/explain.js";

const DAY = 24 * 3600 * 1000;
const now = Date.parse("2026-11-22T12:00:00Z");

describe("explainMastery", () => {
  it("names recent evidence, forgetting and hints, largest effect first, at most three", () => {
    const f = explainMastery(
      { effective: 0.62, stored: 0.74, isNew: false, attempts: 5, lastPracticedAt: now - 21 * DAY, recentScores: [1, 1, 0, 1, 1], recentHints: [0, 1, 1, 0, 0], ability: 0.2 },
      now,
    );
    expect(f.map((x) => x.text)).toEqual(["4 of the last 5 answers correct", "21 days without practice: forgetting -0.12", "hints on 2 of 5 attempts"]);
    expect(f[1]?.value).toBeCloseTo(-0.12, 10);
  });

  it("explains a never-practised concept by its prior", () => {
    const f = explainMastery({ effective: 0.4, stored: 0.4, isNew: true, attempts: 0, lastPracticedAt: null, recentScores: [], recentHints: [], ability: -0.5 }, now);
    expect(f).toEqual([{ name: "PRIOR", value: 0.4, text: "not practised yet: estimated from the prior and overall ability (-0.50 logits)" }]);
  });
});
