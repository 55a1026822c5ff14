import { describe, expect, it } from "vitest";
import { CurriculumGraph, type GraphConcept } from "../../../src/domain/curriculum/curriculum-graph.js";
import { continuity, distancesFrom, nearEntryPoint } from "../../../src/domain/recommendations/continuity.js";

// a <- b <- c <- d (b requires a, ...), e requires b; x stands alone in topic T; r is a root far away.
const concept = (id: string, prereqs: string[], topicId: string | null = null): GraphConcept => ({ id, name: id.toUpperCase(), topicId, unlocks: 0, root: prereqs.length === 0, prerequisites: prereqs.map((p) => ({ id: p, weight: 1 })) });
const graph = new CurriculumGraph([concept("a", [], "T"), concept("b", ["a"]), concept("c", ["b"]), concept("d", ["c"]), concept("e", ["b"]), concept("x", [], "T"), concept("r", [], "U")]);
const anchor = (id: string, at: number, topicId: string | null = null) => ({ id, name: id.toUpperCase(), topicId, lastPracticedAt: at });

describe("the concept graph", () => {
  it("finds the prerequisite closure within a depth", () => {
    expect([...graph.prerequisiteClosure("d", 2)].sort()).toEqual(["b", "c", "d"]);
    expect([...graph.prerequisiteClosure("d", 12)].sort()).toEqual(["a", "b", "c", "d"]);
    expect(graph.prerequisiteClosure("nope", 12).size).toBe(0);
    expect(graph.roots.map((r) => r.id).sort()).toEqual(["a", "r", "x"]);
  });

  it("walks undirected distances: c is 1 from b and d, 2 from a and e", () => {
    expect(Object.fromEntries(distancesFrom(graph, "c", 2))).toEqual({ b: 1, d: 1, a: 2, e: 2 });
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

  it("keeps an entry point near what was practised, in its topic or on the goal path, and all of them without evidence", () => {
    const practised = new Set(["b"]);
    expect(nearEntryPoint(graph, "a", "T", practised, new Set(), false)).toBe(true); // a is 1 step from b
    expect(nearEntryPoint(graph, "x", "T", practised, new Set(["T"]), false)).toBe(true); // same topic
    expect(nearEntryPoint(graph, "r", "U", practised, new Set(["T"]), false)).toBe(false);
    expect(nearEntryPoint(graph, "r", "U", practised, new Set(["T"]), true)).toBe(true); // on the goal path
    expect(nearEntryPoint(graph, "r", "U", new Set(), new Set(), false)).toBe(true); // no evidence
  });
});
