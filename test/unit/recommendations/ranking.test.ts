import { describe, expect, it } from "vitest";
import { rank, STRATEGIES, unlockValue, type Candidate, type RankingWeights } from "../../../src/domain/recommendations/ranking.js";

const w = STRATEGIES.balanced as RankingWeights;
const cand = (id: string, topicId: string | null, readiness: number, masteryGap = 0.5): Candidate => ({
  conceptId: id,
  topicId,
  factors: { readiness, masteryGap, unlockValue: 0, goalRelevance: 0, reviewDue: 0 },
});

describe("rank", () => {
  it("scores by the written weighted sum", () => {
    const [top] = rank([cand("x", null, 1, 0.4)], w, 1);
    expect(top?.score).toBeCloseTo(w.readiness * 1 + w.masteryGap * 0.4, 12);
  });

  it("never gives the same topic five times in a row when another topic is close", () => {
    const list = [...Array.from({ length: 8 }, (_, i) => cand(`a${i}`, "algebra", 1 - i * 0.001)), cand("g0", "geometry", 0.9), cand("g1", "geometry", 0.89)];
    const picked = rank(list, w, 8).map((r) => r.candidate.topicId);
    for (let i = 4; i < picked.length; i++) expect(new Set(picked.slice(i - 4, i + 1)).size).toBeGreaterThan(1);
    expect(picked[0]).toBe("algebra");
  });

  it("breaks ties by concept id and honours the limit", () => {
    expect(rank([cand("b", null, 1), cand("a", null, 1), cand("c", null, 1)], w, 2).map((r) => r.candidate.conceptId)).toEqual(["a", "b"]);
  });

  it("normalises unlock counts on a log scale", () => {
    expect(unlockValue(0, 10)).toBe(0);
    expect(unlockValue(10, 10)).toBe(1);
    expect(unlockValue(3, 0)).toBe(0);
  });
});
