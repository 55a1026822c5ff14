import { describe, expect, it } from "vitest";
import { defaultModelParams } from "../../../src/domain/mastery/model.js";
import { DEFAULT_EVAL, evaluateRecommendations, fitOnCohort, generateCurriculum, rng } from "../../../src/kt/recommendations-eval.js";

const small = { ...DEFAULT_EVAL, learners: 4, answers: 12, strands: 4, levels: 5, perLevel: 3 };

describe("the offline evaluation of recommendations", () => {
  it("generates a map whose edges are true prerequisites, with entry points above the first level", () => {
    const cur = generateCurriculum(small, rng(5));
    expect(cur.graph.size).toBe(4 * 5 * 3);
    for (const c of cur.graph.all()) {
      const truth = cur.truePrereqs.get(c.id) ?? [];
      for (const p of c.prerequisites) expect(truth).toContain(p.id);
      for (const p of truth) expect(cur.trueLevel.get(p)).toBeLessThan(cur.trueLevel.get(c.id) as number);
      expect(c.root).toBe(c.prerequisites.length === 0);
    }
    // Every first-level concept is an entry point; missing edges make some further up.
    expect(cur.graph.roots.filter((r) => cur.trueLevel.get(r.id) === 0)).toHaveLength(4 * 3);
    expect(cur.graph.roots.some((r) => (cur.trueLevel.get(r.id) ?? 0) > 0)).toBe(true);
  });

  it("is reproducible from its seed, and its shares are shares", () => {
    const a = evaluateRecommendations(small);
    const b = evaluateRecommendations(small);
    expect(b).toEqual(a);
    for (const r of a.results) {
      expect(r.readyNew + r.known).toBeLessThanOrEqual(1 + 1e-12);
      expect(r.jumpAtMostOne).toBeGreaterThanOrEqual(0);
      expect(r.learnedCurve).toHaveLength(small.answers + 1);
      // Concepts learned never decrease along the mean curve.
      r.learnedCurve.forEach((v, k) => expect(v).toBeGreaterThanOrEqual((r.learnedCurve[k - 1] ?? 0) - 1e-12));
    }
    expect(evaluateRecommendations({ ...small, seed: 19 })).not.toEqual(a);
  });

  it("fits the model it ranks with on an earlier cohort, recovering the world's response rule", () => {
    const o = { ...DEFAULT_EVAL, learners: 40, answers: 60 };
    const cur = generateCurriculum(o, rng(o.seed));
    const { params, answers } = fitOnCohort(cur, o);
    expect(answers).toBeGreaterThan(40 * 60);
    // The world answers with guess 0.2 ± 0.05 and slip 0.1 ± 0.05 per learner (makeLearner):
    // the answer-weighted mean of the fitted concepts' guess and slip must land near them.
    // Only concepts fitted from their own answers (the rest keep the default parameters).
    const d = defaultModelParams().defaultConcept;
    const fitted = Object.values(params.concepts).filter((c) => c.pG !== d.pG || c.pS !== d.pS || c.pL0 !== d.pL0);
    expect(fitted.length).toBeGreaterThan(10);
    const mean = (f: (c: (typeof fitted)[number]) => number) => fitted.reduce((a, c) => a + f(c), 0) / fitted.length;
    expect(mean((c) => c.pG)).toBeGreaterThan(0.1);
    expect(mean((c) => c.pG)).toBeLessThan(0.3);
    expect(mean((c) => c.pS)).toBeGreaterThan(0.02);
    expect(mean((c) => c.pS)).toBeLessThan(0.2);
    // The reported model is the fitted one, reproducibly.
    const run = evaluateRecommendations({ ...o, learners: 4, answers: 12, model: "fitted", strategies: ["balanced"] });
    expect(run.model.kind).toBe("fitted");
    expect(evaluateRecommendations({ ...o, learners: 4, answers: 12, model: "fitted", strategies: ["balanced"] })).toEqual(run);
  });
});
