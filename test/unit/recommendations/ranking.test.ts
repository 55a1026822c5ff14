import { describe, expect, it } from "vitest";
import { rank, STRATEGIES, unlockValue, type Candidate, type RankingWeights } from "../../../src/domain/recommendations/ranking.js";

const w = STRATEGIES.balanced as RankingWeights;
const cand = (id: string, topicId: string | null, readiness: number, masteryGap = 0.5): Candidate => ({
  conceptId: id,
  topicId,
  factors: { readiness, masteryGap, unlockValue: 0, goalRelevance: 0, reviewDue: 0, continuity: 0 },
});

describe("rank", () => {
  // Every factor non-zero and different, so a weight applied to the wrong factor changes the
  // score. Expected scores worked by hand from the written weights of each strategy:
  //   factors r=0.9, g=0.3, u=0.5, goal=0.7, due=0.1, continuity=0.4
  //   balanced     0.3*0.9 + 0.2*0.3 + 0.2*0.5 + 0.2*0.7 + 0.25*0.1 + 0.25*0.4 = 0.27+0.06+0.10+0.14+0.025+0.10 = 0.695
  //   goal-first   0.2*0.9 + 0.1*0.3 + 0.1*0.5 + 0.6*0.7 + 0.15*0.1 + 0.1*0.4  = 0.18+0.03+0.05+0.42+0.015+0.04 = 0.735
  //   review-heavy 0.2*0.9 + 0.1*0.3 + 0.1*0.5 + 0.1*0.7 + 0.6*0.1  + 0.1*0.4  = 0.18+0.03+0.05+0.07+0.06+0.04  = 0.43
  //   explore      as balanced without continuity                              = 0.595
  const full: Candidate = { conceptId: "x", topicId: "t", factors: { readiness: 0.9, masteryGap: 0.3, unlockValue: 0.5, goalRelevance: 0.7, reviewDue: 0.1, continuity: 0.4 } };
  it.each([
    ["balanced", 0.695],
    ["goal-first", 0.735],
    ["review-heavy", 0.43],
    ["explore", 0.595],
  ])("scores every factor with its own weight (%s)", (strategy, expected) => {
    const [top] = rank([full], STRATEGIES[strategy] as RankingWeights, 1);
    expect(top?.score).toBeCloseTo(expected, 12);
  });

  it("subtracts the variety penalty: a second pick of the same topic pays weight * 1/4", () => {
    // Two identical candidates in topic t: the second is scored 0.695 - 0.15 * (1/4) = 0.6575.
    const twin = { ...full, conceptId: "y" };
    const [a, b] = rank([full, twin], w, 2);
    expect([a?.candidate.conceptId, b?.candidate.conceptId]).toEqual(["x", "y"]);
    expect(b?.factors.variety).toBe(0.25);
    expect(b?.score).toBeCloseTo(0.6575, 12);
  });

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
    // ln(1+3)/ln(1+15) = ln 4 / ln 16 = 1/2 exactly.
    expect(unlockValue(3, 15)).toBeCloseTo(0.5, 12);
  });
});
