import { describe, expect, it } from "vitest";
import { CurriculumGraph, type GraphConcept } from "../../../src/domain/curriculum/curriculum-graph.js";
import { FIRST_RULES, PLAN_RULES, stepBack } from "../../../src/domain/recommendations/recommend.js";
import { BASELINE, parseStrategy } from "../../../src/kt/recommendations-eval.js";

const concept = (id: string, topicId: string, prerequisites: string[] = []): GraphConcept => ({ id, name: id.toUpperCase(), topicId, unlocks: 0, root: prerequisites.length === 0, prerequisites: prerequisites.map((p) => ({ id: p, weight: 1 })) });

// Unit U2 starts with r (no prerequisites in the map); its topic-mates y and z need p and q of
// unit U1, and its dependent x needs s. Levels are given by hand.
const graph = new CurriculumGraph([
  concept("p", "U1"),
  concept("q", "U1"),
  concept("s", "U1"),
  concept("far", "U1"),
  concept("r", "U2"),
  concept("y", "U2", ["p"]),
  concept("z", "U2", ["q"]),
  concept("x", "U3", ["r", "s"]),
  concept("w", "U3", ["far"]),
]);
const LEVEL: Record<string, number> = { p: 2, q: 1, s: 2, far: 0, r: 3, y: 3, z: 3, x: 4, w: 1 };
const level = (id: string) => LEVEL[id] ?? 0;

describe("stepBack", () => {
  it("picks the weakest prerequisite of the concept's topic or dependents, below its level", () => {
    const m: Record<string, number> = { p: 0.4, q: 0.3, s: 0.35, far: 0.1 };
    // Around r: its dependent x and its topic (r, y, z); their prerequisites p, q, s (far is
    // needed only by w, not around r). The weakest is q (0.3).
    expect(stepBack(graph, "r", level, () => true, (id) => m[id] ?? 0)).toEqual({ id: "q", m: 0.3 });
    // q not eligible (say, mastered): s (0.35) next.
    expect(stepBack(graph, "r", level, (id) => id !== "q", (id) => m[id] ?? 0)).toEqual({ id: "s", m: 0.35 });
  });

  it("breaks equal mastery by the higher level, then by id, and returns null when nothing is below", () => {
    // p, q and s all 0.5: p and s sit at level 2 above q's 1; p before s by id.
    expect(stepBack(graph, "r", level, () => true, () => 0.5)).toEqual({ id: "p", m: 0.5 });
    // Nothing around q (level 1) sits below it.
    expect(stepBack(graph, "q", level, () => true, () => 0.5)).toBeNull();
    expect(stepBack(graph, "nope", level, () => true, () => 0.5)).toBeNull();
  });
});

describe("the evaluation's strategy names", () => {
  it("name the baseline, the first rules and single-rule switches", () => {
    expect(parseStrategy(BASELINE)).toEqual({ strategy: "explore", rules: FIRST_RULES });
    expect(parseStrategy("balanced")).toEqual({ strategy: "balanced", rules: PLAN_RULES });
    expect(parseStrategy("goal-first@first+missingPrerequisite")).toEqual({ strategy: "goal-first", rules: { ...FIRST_RULES, missingPrerequisite: true } });
    expect(parseStrategy("balanced~impliedByDependents")).toEqual({ strategy: "balanced", rules: { ...PLAN_RULES, impliedByDependents: false } });
    expect(() => parseStrategy("balanced+nonsense")).toThrow(/unknown rule/);
  });
});
