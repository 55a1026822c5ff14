import { describe, expect, it } from "vitest";
import { CurriculumGraph, type GraphConcept } from "../../../src/domain/curriculum/curriculum-graph.js";
import { staticRootOrder, topStaticRoots } from "../../../src/domain/recommendations/continuity.js";
import { rank, STRATEGIES, unlockValue, type Candidate, type RankingWeights } from "../../../src/domain/recommendations/ranking.js";
import { rng } from "../../utils/numeric.js";

/**
 * The pruning of learner-independent entry points must never change the ranking: on random
 * candidate sets, ranking everything and ranking only what topStaticRoots keeps (plus the
 * learner-specific candidates, untouched) give the same picks, for every strategy and limit.
 */
describe("topStaticRoots", () => {
  it("keeps every entry point the greedy ranking can pick", () => {
    const r = rng(42);
    let pruned = 0;
    for (let trial = 0; trial < 300; trial++) {
      const topics = 1 + Math.floor(r() * 8);
      const n = 5 + Math.floor(r() * 60);
      const roots: GraphConcept[] = Array.from({ length: n }, (_, i) => ({
        id: `r${String(i).padStart(3, "0")}`,
        name: `R${i}`,
        topicId: r() < 0.15 ? null : `t${Math.floor(r() * topics)}`,
        unlocks: Math.floor(r() * (r() < 0.5 ? 4 : 40)),
        root: true,
        prerequisites: [],
      }));
      const graph = new CurriculumGraph(roots);
      // Learner-specific candidates (dependents, practised roots): arbitrary factors, shared topics.
      const others: Candidate[] = Array.from({ length: Math.floor(r() * 6) }, (_, i) => ({
        conceptId: `o${i}`,
        topicId: r() < 0.2 ? null : `t${Math.floor(r() * topics)}`,
        factors: { readiness: 0.8 + 0.2 * r(), masteryGap: r(), unlockValue: r(), goalRelevance: r() < 0.3 ? 1 : 0, reviewDue: 0, continuity: r() < 0.5 ? 1 : 0.5 },
      }));
      const skipped = new Set(roots.filter(() => r() < 0.2).map((x) => x.id));
      const m0 = 0.5;
      const max = Math.max(0, ...roots.filter((x) => !skipped.has(x.id)).map((x) => x.unlocks));
      const asCandidate = (x: GraphConcept): Candidate => ({ conceptId: x.id, topicId: x.topicId, factors: { readiness: 1, masteryGap: 1 - m0, unlockValue: unlockValue(x.unlocks, max), goalRelevance: 0, reviewDue: 0, continuity: 0 } });
      const order = staticRootOrder(graph, roots.map((x) => x.id), () => m0) as string[];
      for (const limit of [1, 2, 3, 5, 8]) {
        const keep = new Set(topStaticRoots(graph, order, (id) => skipped.has(id), limit));
        expect(keep.size).toBeLessThanOrEqual(limit * limit);
        // The normaliser comes from the one with the most unlocks, which is always kept.
        expect(Math.max(0, ...[...keep].map((id) => graph.concept(id)?.unlocks ?? 0))).toBe(max);
        for (const [name, w] of Object.entries(STRATEGIES) as Array<[string, RankingWeights]>) {
          const all = [...others, ...roots.filter((x) => !skipped.has(x.id)).map(asCandidate)];
          const few = [...others, ...roots.filter((x) => keep.has(x.id)).map(asCandidate)];
          const ids = (cs: Candidate[]) => rank(cs, w, limit).map((p) => `${p.candidate.conceptId}:${p.score}`);
          expect(ids(few), `${name} limit ${limit} trial ${trial}`).toEqual(ids(all));
        }
        pruned += n - skipped.size - keep.size;
      }
    }
    expect(pruned).toBeGreaterThan(1000); // the pruning is not vacuous
  });

  it("gives no order when the priors differ", () => {
    const graph = new CurriculumGraph([{ id: "a", name: "A", topicId: null, unlocks: 1, root: true, prerequisites: [] }, { id: "b", name: "B", topicId: null, unlocks: 2, root: true, prerequisites: [] }]);
    expect(staticRootOrder(graph, ["a", "b"], () => 0.5)).toEqual(["b", "a"]);
    expect(staticRootOrder(graph, ["a", "b"], (id) => (id === "a" ? 0.4 : 0.5))).toBeNull();
  });
});
