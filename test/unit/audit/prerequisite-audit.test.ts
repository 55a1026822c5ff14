import { describe, expect, it } from "vitest";
import { EvidenceBuilder, Status, type AuditAnswer } from "../../../src/domain/audit/learner-evidence.js";
import { AUDIT_CONSTANTS, auditPrerequisites, edgeEvidence, evidenceMoved, pairLearners } from "../../../src/domain/audit/prerequisite-audit.js";

const K = AUDIT_CONSTANTS;
const session = (concept: string, outcomes: string): AuditAnswer[] => [...outcomes].map((o) => ({ conceptIds: [concept], correct: o === "1" }));
const MASTER = "0111"; // a wrong answer, then the run of three
const FAIL = "0100"; // four answers, no run, the last one wrong

describe("EvidenceBuilder", () => {
  it("reads mastery, non-mastery and nothing from answer sequences", () => {
    const b = new EvidenceBuilder(K, ["a", "b", "c", "d"]);
    b.addLearner([...session("a", "0111"), ...session("b", "0100"), ...session("c", "0011"), ...session("d", "110")]);
    const t = b.build();
    const col = (id: string) => t.columns.get(id)!;
    expect(col("a").status[0]).toBe(Status.MASTERED);
    expect(col("a").masteredAt[0]).toBe(3);
    expect(col("b").status[0]).toBe(Status.FAILED);
    expect(col("b").firstAt[0]).toBe(4);
    expect(col("b").lastAt[0]).toBe(7);
    // Four answers but the last two right: maybe learned at the end, so no verdict.
    expect(col("c").status[0]).toBe(Status.UNKNOWN);
    // Too few answers.
    expect(col("d").status[0]).toBe(Status.UNKNOWN);
    expect(col("d").firstCorrect[0]).toBe(1);
  });

  it("counts an answer on several concepts for each, and gives default rows to concepts seen late", () => {
    const b = new EvidenceBuilder(K);
    b.addLearner(session("a", "111"));
    b.addLearner([{ conceptIds: ["a", "z"], correct: true }, { conceptIds: ["a", "z"], correct: true }, { conceptIds: ["a", "z"], correct: true }]);
    const t = b.build();
    expect([...t.columns.get("z")!.status]).toEqual([Status.UNKNOWN, Status.MASTERED]);
    expect([...t.columns.get("z")!.firstAt]).toEqual([-1, 0]);
    expect([...t.columns.get("a")!.status]).toEqual([Status.MASTERED, Status.MASTERED]);
  });
});

/** Learners practising p then c, `count` of each kind: pc = "MF" means p mastered, c failed. */
function cohort(kinds: Record<string, number>, extra: (kind: string, i: number) => AuditAnswer[] = () => []): EvidenceBuilder {
  const b = new EvidenceBuilder(K, ["p", "c"]);
  for (const [kind, count] of Object.entries(kinds)) {
    for (let i = 0; i < count; i++) {
      b.addLearner([...session("p", kind[0] === "M" ? MASTER : FAIL), ...extra(kind, i), ...session("c", kind[1] === "M" ? MASTER : FAIL)]);
    }
  }
  return b;
}

describe("edgeEvidence", () => {
  it("supports an edge when those without p rarely master c, with the counts of the 2 x 2 table", () => {
    const t = cohort({ MM: 40, MF: 10, FM: 1, FF: 30 }).build();
    const e = edgeEvidence(t, { conceptId: "c", prerequisiteId: "p", otherPrerequisiteIds: [] });
    expect(e.table).toEqual({ bothMastered: 40, onlyConcept: 1, onlyPrerequisite: 10, neither: 30 });
    // 1 of c's 41 masters never showed p.
    expect([e.masteredWithoutPrerequisite.count, e.masteredWithoutPrerequisite.total]).toEqual([1, 41]);
    // Every learner has the same level here (no other concept), so one band: the expected number of
    // masters among the 31 without p is 31 x 40/50 = 24.8, and p is needed when the Wilson upper
    // bound of 1/31 (0.1620, by hand with z = 1.96) is below 0.3 x 40/50 = 0.24.
    expect(e.levelAdjusted.expected).toBeCloseTo(24.8, 10);
    expect(e.masteredGivenNoPrerequisite.high).toBeCloseTo(0.162, 3);
    expect(e.verdict).toBe("SUPPORTED");
    // 3 of 33: upper bound 0.2357 < 0.24, still needed; 4 of 34: 0.2661, not sure enough.
    const three = edgeEvidence(cohort({ MM: 40, MF: 10, FM: 3, FF: 30 }).build(), { conceptId: "c", prerequisiteId: "p", otherPrerequisiteIds: [] });
    expect(three.masteredGivenNoPrerequisite.high).toBeCloseTo(0.2357, 3);
    expect(three.verdict).toBe("SUPPORTED");
    const four = edgeEvidence(cohort({ MM: 40, MF: 10, FM: 4, FF: 30 }).build(), { conceptId: "c", prerequisiteId: "p", otherPrerequisiteIds: [] });
    expect(four.masteredGivenNoPrerequisite.high).toBeCloseTo(0.2661, 3);
    expect(four.verdict).toBe("UNCLEAR");
  });

  it("contradicts an edge when learners without p master c about as often as those with it", () => {
    const t = cohort({ MM: 40, MF: 10, FM: 25, FF: 7 }).build();
    const e = edgeEvidence(t, { conceptId: "c", prerequisiteId: "p", otherPrerequisiteIds: [] });
    expect(e.masteredGivenPrerequisite.rate).toBeCloseTo(40 / 50, 12);
    expect(e.masteredGivenNoPrerequisite.rate).toBeCloseTo(25 / 32, 12);
    expect(e.verdict).toBe("CONTRADICTED");
  });

  it("says NOT_ENOUGH_EVIDENCE below the minimum on either side, however clear the rates", () => {
    const t = cohort({ MM: 40, FF: K.minLearners - 1 }).build();
    expect(edgeEvidence(t, { conceptId: "c", prerequisiteId: "p", otherPrerequisiteIds: [] }).verdict).toBe("NOT_ENOUGH_EVIDENCE");
    const u = cohort({ MM: 40, FF: K.minLearners }).build();
    expect(edgeEvidence(u, { conceptId: "c", prerequisiteId: "p", otherPrerequisiteIds: [] }).verdict).toBe("SUPPORTED");
  });

  it("counts p as mastered only before c was settled, never-mastered whenever answered, and compares only learners who mastered c's other prerequisites", () => {
    const b = cohort({ MM: 30, FF: 30 }, (kind) => session("o", kind === "MM" ? MASTER : FAIL));
    // 20 learners mastered c and only then p: they cannot tell whether p was known, and are left out.
    for (let i = 0; i < 20; i++) b.addLearner([...session("c", MASTER), ...session("p", MASTER)]);
    // 10 mastered c and then never mastered p: they count against the edge.
    for (let i = 0; i < 10; i++) b.addLearner([...session("c", MASTER), ...session("p", FAIL)]);
    const t = b.build();
    const alone = edgeEvidence(t, { conceptId: "c", prerequisiteId: "p", otherPrerequisiteIds: [] });
    expect(alone.table).toEqual({ bothMastered: 30, onlyConcept: 10, onlyPrerequisite: 0, neither: 30 });
    // Given o, the learners who failed o (the FF ones) are left out, so there is no one without p.
    const given = edgeEvidence(t, { conceptId: "c", prerequisiteId: "p", otherPrerequisiteIds: ["o"] });
    expect(given.learnersConsidered).toBe(30);
    expect(given.conditionalTable).toEqual({ bothMastered: 30, onlyConcept: 0, onlyPrerequisite: 0, neither: 0 });
    expect(given.verdict).toBe("NOT_ENOUGH_EVIDENCE");
  });

  it("splits first answers on c by whether p was mastered before them", () => {
    const b = new EvidenceBuilder(K);
    for (let i = 0; i < 10; i++) b.addLearner([...session("p", "111"), ...session("c", i < 8 ? "1" : "0")]);
    for (let i = 0; i < 10; i++) b.addLearner([...session("c", i < 2 ? "1" : "0"), ...session("p", "111")]);
    const e = edgeEvidence(b.build(), { conceptId: "c", prerequisiteId: "p", otherPrerequisiteIds: [] });
    expect([e.firstAttempt.withPrerequisite.count, e.firstAttempt.withPrerequisite.total]).toEqual([8, 10]);
    expect([e.firstAttempt.withoutPrerequisite.count, e.firstAttempt.withoutPrerequisite.total]).toEqual([2, 10]);
    // Fisher on [[8,2],[2,8]]: sum over x = 8..10 of C(10,x) C(10,10-x) / C(20,10) = (2025 + 100 + 1) / 184756.
    expect(e.firstAttempt.pValue).toBeCloseTo(2126 / 184756, 10);
  });
});

describe("auditPrerequisites", () => {
  // Truth: c requires b requires a. The designer's graph has only "b requires a" and a wrong "c requires w".
  function planted(perKind: number) {
    const b = new EvidenceBuilder(K, ["a", "b", "c", "w"]);
    for (let i = 0; i < perKind; i++) {
      // Learners who master a and b master c; those who fail b fail c; w is unrelated to c.
      const w = i % 2 === 0 ? MASTER : FAIL;
      b.addLearner([...session("a", MASTER), ...session("w", w), ...session("b", MASTER), ...session("c", MASTER)]);
      b.addLearner([...session("a", MASTER), ...session("w", w), ...session("b", FAIL), ...session("c", FAIL)]);
    }
    const graph = {
      concepts: [{ id: "a", topicId: "t" }, { id: "b", topicId: "t" }, { id: "c", topicId: "t" }, { id: "w", topicId: "t" }],
      edges: [{ conceptId: "b", prerequisiteId: "a" }, { conceptId: "c", prerequisiteId: "w" }],
    };
    return auditPrerequisites(graph, b.build(), K);
  }

  it("finds the missing edge, flags the wrong one, and suggests nothing implied or cyclic", () => {
    const r = planted(60);
    expect(r.edges.find((e) => e.conceptId === "c")!.verdict).toBe("CONTRADICTED");
    // "c requires b" is missing. "c requires a" is not suggested beside it (b already requires a),
    // and nobody answered c before b was settled, so no learner speaks for "b requires c".
    expect(r.missing.map((m) => `${m.conceptId}>${m.prerequisiteId}`)).toEqual(["c>b"]);
    const m = r.missing[0]!;
    expect(m.sameTopic).toBe(true);
    expect(m.masteredGivenNoPrerequisite.count).toBe(0);
    expect(m.adjustedPValue).toBeLessThanOrEqual(K.alpha);
  });

  it("says nothing with too few learners", () => {
    const r = planted(5);
    expect(r.edges.every((e) => e.verdict === "NOT_ENOUGH_EVIDENCE")).toBe(true);
    expect(r.missing).toEqual([]);
    expect(r.candidatesTested).toBe(0);
  });

  it("without a graph, every ordered pair is a candidate", () => {
    const b = new EvidenceBuilder(K);
    for (let i = 0; i < 30; i++) {
      b.addLearner([...session("x", MASTER), ...session("y", MASTER)]);
      b.addLearner([...session("x", FAIL), ...session("y", FAIL)]);
    }
    const r = auditPrerequisites({ concepts: [{ id: "x", topicId: null }, { id: "y", topicId: null }], edges: [] }, b.build(), K);
    expect(r.missing.map((m) => `${m.conceptId}>${m.prerequisiteId}`)).toEqual(["y>x"]);
    expect(r.missing[0]!.distance).toBeNull();
  });

  it("does not suggest siblings, which learners master in either order", () => {
    // c and q both require x; strong learners master both, weak ones fail both (so failing q
    // predicts failing c), and the strong ones meet c first half the time.
    const b = new EvidenceBuilder(K, ["x", "c", "q"]);
    for (let i = 0; i < 40; i++) {
      const pair: Array<[string, string]> = i % 2 === 0 ? [["c", MASTER], ["q", MASTER]] : [["q", MASTER], ["c", MASTER]];
      b.addLearner([...session("x", MASTER), ...pair.flatMap(([id, o]) => session(id, o))]);
      b.addLearner([...session("x", MASTER), ...session("c", FAIL), ...session("q", FAIL)]);
    }
    const graph = { concepts: ["x", "c", "q"].map((id) => ({ id, topicId: "t" })), edges: [{ conceptId: "c", prerequisiteId: "x" }, { conceptId: "q", prerequisiteId: "x" }] };
    const r = auditPrerequisites(graph, b.build(), K);
    expect(r.candidatesTested).toBeGreaterThan(0);
    expect(r.missing).toEqual([]);
    // The same learners with q always first: now q is learned first, and "c requires q" is suggested.
    const ordered = new EvidenceBuilder(K, ["x", "c", "q"]);
    for (let i = 0; i < 40; i++) {
      ordered.addLearner([...session("x", MASTER), ...session("q", MASTER), ...session("c", MASTER)]);
      ordered.addLearner([...session("x", MASTER), ...session("q", FAIL), ...session("c", FAIL)]);
    }
    const s = auditPrerequisites(graph, ordered.build(), K);
    expect(s.missing.map((m) => `${m.conceptId}>${m.prerequisiteId}`)).toEqual(["c>q"]);
    expect([s.missing[0]!.masteredConceptFirst.count, s.missing[0]!.masteredConceptFirst.total]).toEqual([0, 40]);
  });

  it("leaves out pairs assessed by the same answers, which cannot be told apart", () => {
    const b = new EvidenceBuilder(K);
    const both = (outcomes: string): AuditAnswer[] => [...outcomes].map((o) => ({ conceptIds: ["x", "y"], correct: o === "1" }));
    for (let i = 0; i < 30; i++) {
      b.addLearner([...session("x", MASTER), ...both(MASTER)]);
      b.addLearner([...session("x", FAIL), ...both(FAIL)]);
    }
    const r = auditPrerequisites({ concepts: [{ id: "x", topicId: null }, { id: "y", topicId: null }], edges: [] }, b.build(), K);
    // y's every answer also assesses x (and half of x's assess y): both directions are left out.
    expect(r.candidatesSharingAnswers).toBe(2);
    expect(r.missing).toEqual([]);
  });
});

describe("decisions on findings", () => {
  it("count the learners with evidence on the pair, and call the evidence moved at 1.5 times as many and 20 more", () => {
    const t = cohort({ MM: 7, FF: 5, MF: 2 }).build();
    expect(pairLearners(t, "c", "p")).toBe(14);
    expect(pairLearners(t, "c", "nothing")).toBe(0);
    expect(evidenceMoved(100, 149)).toBe(false);
    expect(evidenceMoved(100, 150)).toBe(true);
    expect(evidenceMoved(10, 25)).toBe(false);
    expect(evidenceMoved(10, 30)).toBe(true);
  });
});
