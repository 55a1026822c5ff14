import { describe, expect, it } from "vitest";
import { defaultModelParams } from "../../../src/domain/mastery/model.js";
import { correctionGap, summariseGap, type LabelledCorrection } from "../../../src/kt/corrections.js";

const c = (learnerId: string, label: number, modelBefore: number, at: string, active = true): LabelledCorrection => ({ learnerId, conceptId: "a", at, label, modelBefore, active, by: "ada", byRole: "TEACHER", reason: "test" });

describe("teachers' corrections vs the model", () => {
  it("summarises the gaps: mean absolute, RMSE, bias, direction", () => {
    const g = summariseGap([{ teacher: 0.9, model: 0.5 }, { teacher: 0.2, model: 0.4 }, { teacher: 0.55, model: 0.5 }]);
    expect(g.n).toBe(3);
    expect(g.meanAbs).toBeCloseTo((0.4 + 0.2 + 0.05) / 3, 12);
    expect(g.rmse).toBeCloseTo(Math.sqrt((0.16 + 0.04 + 0.0025) / 3), 12);
    expect(g.bias).toBeCloseTo((0.4 - 0.2 + 0.05) / 3, 12);
    expect([g.raised, g.lowered, g.within01]).toEqual([2, 1, 1 / 3]);
  });

  it("replays the answers before each correction: the prior without any, the BKT update after one (written formula); reverted ones left out", () => {
    const params = defaultModelParams();
    const cp = params.defaultConcept; // pL0 0.5, pT 0.1, pG 0.2, pS 0.1, pF 0.02; ability fixed at 0 (k0 = 0)
    const t = Date.parse("2026-12-01T10:00:00Z");
    const events = [
      { learnerId: "x", itemId: "q", conceptIds: ["a"], score: 1, occurredAt: t },
      { learnerId: "x", itemId: "q", conceptIds: ["a"], score: 0, occurredAt: t + 3_600_000 * 5 }, // after the correction: not used
    ];
    const posterior = (0.5 * (1 - cp.pS)) / (0.5 * (1 - cp.pS) + 0.5 * cp.pG);
    const afterOne = posterior * (1 - cp.pF) + (1 - posterior) * cp.pT;
    const r = correctionGap(params, events, [
      c("x", 0.9, 0.8, "2026-12-01T10:30:00Z"), // 30 min after the answer: inside the 1 h grace period, no forgetting
      c("nobody", 0.9, 0.5, "2026-12-01T10:30:00Z"), // no answers: the prior pL0
      c("x", 0.1, 0.8, "2026-12-01T10:30:00Z", false),
    ]);
    expect(r.model.n).toBe(2);
    expect(r.model.bias).toBeCloseTo((0.9 - afterOne + (0.9 - 0.5)) / 2, 12);
    expect(r.server).toMatchObject({ n: 2 });
    expect(r.server.bias).toBeCloseTo((0.1 + 0.4) / 2, 12);
  });
});
