import { describe, expect, it } from "vitest";
import { DEFAULT_EVAL, evaluateRecommendations, generateCurriculum, rng } from "../../../src/kt/recommendations-eval.js";

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
});
