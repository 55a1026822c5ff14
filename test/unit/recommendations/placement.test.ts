import { describe, expect, it } from "vitest";
import { prerequisiteOrder } from "../../../src/domain/curriculum/graph-analysis.js";
import { readSeeds } from "../../../src/modules/seed/seed.service.js";
import { Placement, simulatePlacement, type PlacementGraph } from "../../../src/domain/recommendations/placement.js";
import { rng } from "../../utils/numeric.js";

function seedGraph(): { graph: PlacementGraph; order: string[] } {
  const { curriculum } = readSeeds("seeds");
  const ids = curriculum.concepts.map((c) => c.id);
  const prerequisites = new Map<string, string[]>();
  const dependents = new Map<string, string[]>();
  for (const e of curriculum.prerequisites) {
    prerequisites.set(e.conceptId, [...(prerequisites.get(e.conceptId) ?? []), e.prerequisiteId]);
    dependents.set(e.prerequisiteId, [...(dependents.get(e.prerequisiteId) ?? []), e.conceptId]);
  }
  return { graph: { ids, prerequisites, dependents }, order: prerequisiteOrder(ids, curriculum.prerequisites) ?? ids };
}

describe("placement", () => {
  const { graph, order } = seedGraph();

  it("credits prerequisites after a correct answer and blames dependents after a wrong one, marked implied", () => {
    const p = new Placement(graph);
    const up = p.beliefs([{ conceptId: "pythagorean-theorem", correct: true }]);
    expect(up.get("square-roots")).toMatchObject({ implied: true, asked: false });
    expect(up.get("square-roots")?.p).toBeGreaterThan(0.6);
    expect(up.get("distance-formula")?.p).toBe(0.5);
    const down = p.beliefs([{ conceptId: "fraction-concepts", correct: false }]);
    expect(down.get("adding-fractions")?.p).toBeLessThan(0.4);
    expect(down.get("fraction-concepts")).toMatchObject({ asked: true, implied: false });
  });

  it("places simulated learners with far fewer questions than concepts", () => {
    const random = rng(42);
    const runs = Array.from({ length: 200 }, () => simulatePlacement(graph, order, random));
    const meanQuestions = runs.reduce((a, r) => a + r.questions, 0) / runs.length;
    const meanAccuracy = runs.reduce((a, r) => a + r.accuracy, 0) / runs.length;
    process.stderr.write(`placement on the seed curriculum (${graph.ids.length} concepts, 200 simulated learners): ${meanQuestions.toFixed(1)} questions on average, ${(meanAccuracy * 100).toFixed(1)}% of concepts placed right\n`);
    expect(meanQuestions).toBeLessThan(graph.ids.length / 3);
    expect(meanAccuracy).toBeGreaterThan(0.8);
  });
});
