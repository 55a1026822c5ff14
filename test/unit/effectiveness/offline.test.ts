import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { defaultModelParams } from "../../../src/domain/mastery/model.js";
import { halfOf, offlineEffectiveness, pearson } from "../../../src/kt/effectiveness-offline.js";

describe("offline effectiveness", () => {
  it("Pearson's r by hand: (1,2,3,4) against (2,4,5,9)", () => {
    // means 2.5 and 5; Σdxdy = 1.5·3 + 0.5·1 + 0.5·0 + 1.5·4 = 11; Σdx² = 5; Σdy² = 9 + 1 + 0 + 16 = 26.
    expect(pearson([1, 2, 3, 4], [2, 4, 5, 9])).toBeCloseTo(11 / Math.sqrt(5 * 26), 12);
    expect(pearson([1, 2], [3, 4])).toBeNull();
  });

  it("splits learners by the low bit of SHA-256 of the id", () => {
    for (const id of ["s0", "s1", "p80125"]) expect(halfOf(id)).toBe((createHash("sha256").update(id).digest()[0] as number) & 1);
  });

  it("counts follow-ups over a small history: three answers give two follow-ups", () => {
    const p = defaultModelParams();
    const ev = (learnerId: string, itemId: string, k: number, score: number) => ({ learnerId, itemId, conceptIds: ["c"], score, occurredAt: k * 60_000 });
    const r = offlineEffectiveness(p, [ev("x", "i1", 0, 1), ev("x", "i2", 1, 0), ev("x", "i1", 2, 1), ev("y", "i1", 0, 1)], 1);
    expect(r.learners).toBe(2);
    expect(r.answers).toBe(4);
    expect(r.followUps).toBe(2); // x: i1 -> i2, i2 -> i1; y has one answer
    expect(r.itemsWithFollowUps).toBe(2);
  });
});
