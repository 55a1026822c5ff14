import { describe, expect, it } from "vitest";
import { adjacency, cycleIfAdded, depthsFrom, derivedProperties, longestChain, prerequisiteOrder, redundantEdges, type Edge } from "../../../src/domain/curriculum/graph-analysis.js";

const e = (conceptId: string, prerequisiteId: string): Edge => ({ conceptId, prerequisiteId });
// d requires b and c, both require a (a diamond); x is disconnected.
const diamond = [e("b", "a"), e("c", "a"), e("d", "b"), e("d", "c")];

describe("cycleIfAdded", () => {
  it("finds the cycle an edge would close, as a path from the new edge back to its start", () => {
    expect(cycleIfAdded(adjacency(diamond), "a", "d")).toEqual(["a", "d", "b", "a"]);
    expect(cycleIfAdded(adjacency(diamond), "a", "a")).toEqual(["a", "a"]);
  });

  it("allows edges that keep the graph acyclic, including new diamonds", () => {
    expect(cycleIfAdded(adjacency(diamond), "d", "a")).toBeNull();
    expect(cycleIfAdded(adjacency(diamond), "x", "d")).toBeNull();
  });
});

describe("depthsFrom", () => {
  it("gives the fewest edges from the roots, cut at maxDepth", () => {
    expect(Object.fromEntries(depthsFrom(adjacency(diamond), ["d"], 5))).toEqual({ d: 0, b: 1, c: 1, a: 2 });
    expect(Object.fromEntries(depthsFrom(adjacency(diamond), ["d"], 1))).toEqual({ d: 0, b: 1, c: 1 });
    expect(Object.fromEntries(depthsFrom(adjacency(diamond, true), ["a"], 5))).toEqual({ a: 0, b: 1, c: 1, d: 2 });
  });
});

describe("prerequisiteOrder", () => {
  it("puts every prerequisite before the concepts that need it", () => {
    const order = prerequisiteOrder(["d", "c", "b", "a", "x"], diamond) ?? [];
    for (const { conceptId, prerequisiteId } of diamond) expect(order.indexOf(prerequisiteId)).toBeLessThan(order.indexOf(conceptId));
    expect(order).toHaveLength(5);
  });

  it("returns null for a cyclic graph", () => {
    expect(prerequisiteOrder(["a", "b"], [e("a", "b"), e("b", "a")])).toBeNull();
  });
});

describe("longestChain and redundantEdges", () => {
  it("finds the longest chain from the most advanced concept down", () => {
    const chain = [e("c1", "c0"), e("c2", "c1"), e("c3", "c2"), ...diamond];
    expect(longestChain(["a", "b", "c", "d", "c0", "c1", "c2", "c3"], chain)).toEqual(["c3", "c2", "c1", "c0"]);
    expect(longestChain(["a"], [])).toEqual([]);
  });

  it("flags edges implied by a longer path, with that path", () => {
    expect(redundantEdges([...diamond, e("d", "a")])).toEqual([{ conceptId: "d", prerequisiteId: "a", via: ["d", "b", "a"] }]);
    expect(redundantEdges(diamond)).toEqual([]);
  });

  it("handles a 1,000-concept layered graph", () => {
    const edges: Edge[] = [];
    for (let i = 10; i < 1000; i++) {
      edges.push(e(`n${i}`, `n${i - 10}`));
      if (i % 3 === 0) edges.push(e(`n${i}`, `n${i - 7}`));
    }
    const ids = Array.from({ length: 1000 }, (_, i) => `n${i}`);
    const order = prerequisiteOrder(ids, edges);
    expect(order).toHaveLength(1000);
    // Independent check: memoised depth-first search for the longest path.
    const memo = new Map<string, number>();
    const adj = adjacency(edges);
    const longest = (n: string): number => memo.get(n) ?? (memo.set(n, Math.max(0, ...(adj.get(n) ?? []).map((p) => 1 + longest(p)))), memo.get(n) as number);
    const chain = longestChain(ids, edges);
    expect(chain.length - 1).toBe(Math.max(...ids.map(longest)));
    for (let i = 1; i < chain.length; i++) expect(adj.get(chain[i - 1] as string)).toContain(chain[i]);
    expect(cycleIfAdded(adjacency(edges), "n0", "n999")).not.toBeNull();
  });
});

describe("derivedProperties", () => {
  it("counts distinct downstream concepts up to 12 levels and marks concepts without prerequisites", () => {
    // Diamond a <- b, a <- c, b <- d, c <- d (d counted once for a), plus a chain of 14 from z.
    const diamond = [
      { conceptId: "b", prerequisiteId: "a" },
      { conceptId: "c", prerequisiteId: "a" },
      { conceptId: "d", prerequisiteId: "b" },
      { conceptId: "d", prerequisiteId: "c" },
    ];
    const chain = Array.from({ length: 14 }, (_, i) => ({ conceptId: `z${i + 1}`, prerequisiteId: `z${i}` }));
    const ids = ["a", "b", "c", "d", ...Array.from({ length: 15 }, (_, i) => `z${i}`)];
    const d = derivedProperties(ids, [...diamond, ...chain]);
    expect(d.get("a")).toEqual({ unlocks: 3, root: true });
    expect(d.get("b")).toEqual({ unlocks: 1, root: false });
    expect(d.get("d")).toEqual({ unlocks: 0, root: false });
    // 14 concepts downstream of z0, but only 12 levels count.
    expect(d.get("z0")).toEqual({ unlocks: 12, root: true });
    expect(d.get("z2")?.unlocks).toBe(12);
    expect(d.get("z3")?.unlocks).toBe(11);
  });
});

describe("derivedProperties after an edit", () => {
  it("recounts only the upstream of the changed edge's prerequisite, and those counts equal a full recount", () => {
    const ids = Array.from({ length: 40 }, (_, i) => `n${i}`);
    // A layered DAG: n(i) requires n(i-3) and n(i-7) where they exist.
    const base = ids.flatMap((_, i) => [3, 7].filter((k) => i - k >= 0).map((k) => ({ conceptId: `n${i}`, prerequisiteId: `n${i - k}` })));
    const edited = [...base, { conceptId: "n39", prerequisiteId: "n20" }];
    const full = derivedProperties(ids, edited);
    const partial = derivedProperties(ids, edited, 12, ["n20"]);
    const upstream = new Set(depthsFrom(adjacency(edited), ["n20"], 12).keys());
    for (const id of ids) {
      const p = partial.get(id);
      expect(p?.root).toBe(full.get(id)?.root);
      if (upstream.has(id)) expect(p?.unlocks).toBe(full.get(id)?.unlocks);
      else expect(p?.unlocks).toBeNull();
    }
    // Outside the upstream nothing changed, so the stored counts stay right.
    const before = derivedProperties(ids, base);
    for (const id of ids.filter((x) => !upstream.has(x))) expect(before.get(id)?.unlocks).toBe(full.get(id)?.unlocks);
  });
});

describe("CurriculumGraph.withConcepts", () => {
  it("replaces the rows given, removes ids without one, adds new ones, and rebuilds the indexes", async () => {
    const { CurriculumGraph } = await import("../../../src/domain/curriculum/curriculum-graph.js");
    const row = (id: string, topicId: string | null, prerequisites: string[] = []) => ({ id, name: id.toUpperCase(), topicId, unlocks: 0, root: prerequisites.length === 0, prerequisites: prerequisites.map((p) => ({ id: p, weight: 1 })) });
    const g = new CurriculumGraph([row("a", "t"), row("b", "t", ["a"]), row("c", "u", ["b"])]);
    const h = g.withConcepts(["b", "c", "d"], [{ ...row("b", "u", ["a"]), name: "Bee" }, row("d", "u", ["a"])]);
    expect(h.concept("b")?.name).toBe("Bee");
    expect(h.concept("c")).toBeUndefined();
    expect([...h.topicMembers("u")].sort()).toEqual(["b", "d"]);
    expect([...h.dependents("a")].sort()).toEqual(["b", "d"]);
    expect(h.size).toBe(3);
    // The original copy is unchanged.
    expect(g.concept("b")?.name).toBe("B");
    expect([...g.topicMembers("t")]).toEqual(["a", "b"]);
  });
});
