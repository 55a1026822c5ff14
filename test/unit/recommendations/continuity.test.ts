import { describe, expect, it } from "vitest";
import { CurriculumGraph, type GraphConcept } from "../../../src/domain/curriculum/curriculum-graph.js";
import { continuity, distancesFrom, entryPointAdmitted, entryPointsNear, type LearnerPosition } from "../../../src/domain/recommendations/continuity.js";
import { conceptLevels } from "../../../src/domain/recommendations/levels.js";
import { defaultModelParams, sigmoid } from "../../../src/domain/mastery/model.js";

// a <- b <- c <- d (b requires a, ...), e requires b, d also requires h (an entry point high up:
// the map misses its prerequisites); x stands alone in topic T; r is a root far away in topic U.
const concept = (id: string, prereqs: string[], topicId: string | null = null): GraphConcept => ({ id, name: id.toUpperCase(), topicId, unlocks: 0, root: prereqs.length === 0, prerequisites: prereqs.map((p) => ({ id: p, weight: 1 })) });
const graph = new CurriculumGraph([concept("a", [], "T"), concept("b", ["a"]), concept("c", ["b"]), concept("d", ["c", "h"]), concept("h", []), concept("e", ["b"]), concept("x", [], "T"), concept("r", [], "U")]);
const anchor = (id: string, at: number, topicId: string | null = null) => ({ id, name: id.toUpperCase(), topicId, lastPracticedAt: at });

describe("the concept graph", () => {
  it("finds the prerequisite closure within a depth", () => {
    expect([...graph.prerequisiteClosure("d", 2)].sort()).toEqual(["b", "c", "d", "h"]);
    expect([...graph.prerequisiteClosure("d", 12)].sort()).toEqual(["a", "b", "c", "d", "h"]);
    expect(graph.prerequisiteClosure("nope", 12).size).toBe(0);
    expect(graph.roots.map((r) => r.id).sort()).toEqual(["a", "h", "r", "x"]);
  });

  it("walks undirected distances: c is 1 from b and d, 2 from a and e", () => {
    expect(Object.fromEntries(distancesFrom(graph, "c", 2))).toEqual({ b: 1, d: 1, a: 2, e: 2, h: 2 });
  });
});

describe("continuity", () => {
  it("is 1 next to a recent concept, 0.5 two steps away or in its topic, 0 otherwise", () => {
    expect(continuity(graph, "c", null, [anchor("b", 1)])).toEqual({ value: 1, because: anchor("b", 1) });
    expect(continuity(graph, "d", null, [anchor("b", 1)]).value).toBe(0.5);
    expect(continuity(graph, "x", "T", [anchor("a", 1, "T")]).value).toBe(0.5);
    expect(continuity(graph, "r", "U", [anchor("a", 1, "T")]).value).toBe(0);
    expect(continuity(graph, "c", null, []).value).toBe(0);
  });

});

describe("levels and the entry-point rule", () => {
  const levels = conceptLevels(graph, defaultModelParams());
  const at = (practised: string[], topics: string[], demonstrated: number): LearnerPosition => ({ practised: new Set(practised), practisedTopics: new Set(topics), demonstrated });

  it("puts concepts at their depth, entry points one level below the shallowest dependent, lone ones at their topic's level", () => {
    // depth: a 0, b 1, c 2, e 2, d 1 + max(c 2, h 0) = 3; h is needed only by d: 3 - 1 = 2;
    // x is alone in T, whose other concept a is at 0; r is alone in U: 0.
    expect(Object.fromEntries(levels.level)).toEqual({ a: 0, b: 1, c: 2, d: 3, e: 2, h: 2, x: 0, r: 0 });
    expect(levels.entryLevel).toBe(0);
    expect([...levels.entryRoots].sort()).toEqual(["a", "r", "x"]);
  });

  it("moves fitted concepts by their difficulty relative to the median fitted one", () => {
    const params = defaultModelParams();
    // logit pL0: a 0, b -2; median -1; a: (-1 - 0) / 2 = -0.5, b: (-1 + 2) / 2 = +0.5.
    params.concepts = { a: { ...params.defaultConcept, pL0: 0.5 }, b: { ...params.defaultConcept, pL0: sigmoid(-2) } };
    const l = conceptLevels(graph, params);
    expect(l.level.get("a")).toBeCloseTo(-0.5, 12);
    expect(l.level.get("b")).toBeCloseTo(1.5, 12);
    expect(l.level.get("c")).toBe(2);
    expect(l.entryLevel).toBeCloseTo(-0.5, 12);
    expect([...l.entryRoots].sort()).toEqual(["a", "r", "x"]); // x and r at 0: within ENTRY_BAND 0.5 of -0.5
    // A fitted concept difficulty takes precedence: b 3 logits, c 1: median 2; b +0.5, c -0.5; a (none) stays 0.
    const withDifficulty = conceptLevels(graph, { ...params, conceptDifficulty: { b: 3, c: 1 } });
    expect(withDifficulty.level.get("a")).toBe(0);
    expect(withDifficulty.level.get("b")).toBeCloseTo(1.5, 12);
    expect(withDifficulty.level.get("c")).toBeCloseTo(1.5, 12);
  });

  it("offers a learner without evidence the entry level only, and a learner with evidence the close entry points at most one level up", () => {
    const none = at([], [], 0);
    expect(["a", "h", "r", "x"].filter((id) => entryPointAdmitted(graph, levels, none, id, graph.concept(id)?.topicId ?? null, false))).toEqual(["a", "r", "x"]);
    expect(entryPointAdmitted(graph, levels, none, "h", null, true)).toBe(true); // on the goal path
    // Practised a and b (mastered b: demonstrated 1): a practised, x in a's topic; h (level 2) is 3 steps from b; r unrelated.
    const early = at(["a", "b"], ["T"], 1);
    expect(["a", "h", "r", "x"].filter((id) => entryPointAdmitted(graph, levels, early, id, graph.concept(id)?.topicId ?? null, false))).toEqual(["a", "x"]);
    // Practised c (demonstrated 2): h is 2 steps away (c - d - h) and level 2 <= 3.
    const later = at(["c"], [], 2);
    expect(entryPointAdmitted(graph, levels, later, "h", null, false)).toBe(true);
    // The same closeness with a demonstrated level of 0 is not enough: h is 2 levels up.
    expect(entryPointAdmitted(graph, levels, at(["c"], [], 0), "h", null, false)).toBe(false);
  });

  it("finds every admissible entry point from the learner's side", () => {
    for (const pos of [at([], [], 0), at(["a", "b"], ["T"], 1), at(["c"], [], 2), at(["d"], [], 3), at(["r"], ["U"], 0)]) {
      for (const goal of [[], ["d", "c", "h"]]) {
        const near = entryPointsNear(graph, levels, pos, goal);
        const admitted = graph.roots.filter((r) => entryPointAdmitted(graph, levels, pos, r.id, r.topicId, goal.includes(r.id))).map((r) => r.id);
        for (const id of admitted) expect(near.has(id)).toBe(true);
      }
    }
  });
});

describe("the local level of an entry point (PlanRules.localLevel)", () => {
  const node = (id: string, topicId: string, prerequisites: string[] = []): GraphConcept => ({ id, name: id, topicId, unlocks: 0, root: prerequisites.length === 0, prerequisites: prerequisites.map((p) => ({ id: p, weight: 1 })) });
  // Strand A (topic TA): a0 -> a1 -> a2 -> a3. Strand G (topic TG): entry points g0 (level 0)
  // and g3 (level 3, its prerequisites missing from the map), and g4 needing g3. Levels by hand.
  const g = new CurriculumGraph([node("a0", "TA"), node("a1", "TA", ["a0"]), node("a2", "TA", ["a1"]), node("a3", "TA", ["a2"]), node("g0", "TG"), node("g3", "TG"), node("g4", "TG", ["g3"])]);
  const lv = { level: new Map([["a0", 0], ["a1", 1], ["a2", 2], ["a3", 3], ["g0", 0], ["g3", 3], ["g4", 4]]), entryLevel: 0, entryRoots: ["a0", "g0"] };
  // Mastered all of strand A (demonstrated level 3), practised g0 once (not mastered).
  const position = (mastered: string[] | null, practised = ["a0", "a1", "a2", "a3", "g0"]): LearnerPosition => ({
    practised: new Set(practised),
    practisedTopics: new Set(practised.map((id) => g.concept(id)?.topicId ?? "")),
    demonstrated: 3,
    ...(mastered ? { mastered: new Set(mastered) } : {}),
  });
  const A = ["a0", "a1", "a2", "a3"];

  it("admits an advanced entry point only where that level was mastered nearby", () => {
    // Global rule only: g3 (3 <= 3 + 1, in the practised topic TG) is admitted.
    expect(entryPointAdmitted(g, lv, position(null), "g3", "TG", false)).toBe(true);
    // Local rule: nothing is mastered in TG or within 2 steps of g3 (g4 only), so its local level
    // is the entry level 0, and 3 > 0 + 1.
    expect(entryPointAdmitted(g, lv, position(A), "g3", "TG", false)).toBe(false);
    // g0 (level 0) stays admitted.
    expect(entryPointAdmitted(g, lv, position(A), "g0", "TG", false)).toBe(true);
    // Mastering g0 (level 0) does not lift the local level above 1: g3 still out.
    expect(entryPointAdmitted(g, lv, position([...A, "g0"]), "g3", "TG", false)).toBe(false);
    // An entry point the learner practised stays (they are working on it), and the goal admits.
    expect(entryPointAdmitted(g, lv, position(A, [...A, "g0", "g3"]), "g3", "TG", false)).toBe(true);
    expect(entryPointAdmitted(g, lv, position(A), "g3", "TG", true)).toBe(true);
  });
});
