import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AddPrerequisiteDocument,
  ClassViewsDocument,
  ImportCurriculumDocument,
  LearnerMasteryDocument,
  LearningPathQueryDocument,
  PlacementQueryDocument,
  RecommendationsDocument,
  RecordEventsDocument,
  RemovePrerequisiteDocument,
  type RecommendationStrategy,
  ReviewQueueDocument,
  SetGoalDocument,
  type RecommendationsQuery,
} from "../../generated/graphql.js";
import { uniquePrefix } from "../../utils/ids.js";
import { codes, startTestServer, type TestServer } from "../../utils/server.js";

let s: TestServer;
const P = uniquePrefix("recs");
const c = (x: string) => `${P}${x}`;
type Rec = NonNullable<RecommendationsQuery["learner"]>["recommendations"][number];

// a <- b <- c, a <- d, (b, d) <- e (a diamond), f <- g disconnected.
const EDGES: Array<[string, string]> = [["b", "a"], ["c", "b"], ["d", "a"], ["e", "b"], ["e", "d"], ["g", "f"]];
const NAMES = ["a", "b", "c", "d", "e", "f", "g"];

let n = 0;
async function answer(learner: string, concept: string, correct: boolean, times: number, daysAgo = 0) {
  const events = Array.from({ length: times }, (_, k) => ({
    eventId: `${P}${learner}-${n++}`,
    learnerId: c(learner),
    itemId: c(`${concept}-q${k % 2}`),
    correct,
    occurredAt: new Date(Date.now() - daysAgo * 86400_000 - (times - k) * 60_000).toISOString(),
  }));
  const r = await s.gql(RecordEventsDocument, { events }, s.admin);
  expect(r.data?.recordEvents.accepted).toBe(times);
}

async function recs(learner: string, vars: { limit?: number; goalConceptId?: string; strategy?: RecommendationStrategy } = {}): Promise<Rec[]> {
  // Scoped to this test's subject: other test files write concepts to the same database.
  const r = await s.gql(RecommendationsDocument, { id: c(learner), topicId: c("topic"), ...vars }, s.admin);
  expect(r.errors).toBeUndefined();
  return r.data?.learner?.recommendations ?? [];
}

async function masteryOf(learner: string, ids: string[]): Promise<Map<string, number>> {
  const r = await s.gql(LearnerMasteryDocument, { id: c(learner), conceptIds: ids }, s.admin);
  return new Map((r.data?.learner?.mastery ?? []).map((m) => [m.conceptId, m.p]));
}

/** The balanced strategy's weights as src/modules/recommendations/README.md writes them, not read from the code. */
const BALANCED: Record<string, number> = { readiness: 0.3, masteryGap: 0.2, unlockValue: 0.2, goalRelevance: 0.2, reviewDue: 0.25, continuity: 0.25, variety: 0.15 };

/** The written formula, computed independently of the server's ranking code. */
function expectedScore(rec: Rec): number {
  const w = BALANCED;
  const key: Record<string, string> = { READINESS: "readiness", MASTERY_GAP: "masteryGap", UNLOCK_VALUE: "unlockValue", GOAL_RELEVANCE: "goalRelevance", REVIEW_DUE: "reviewDue", CONTINUITY: "continuity", VARIETY: "variety" };
  const v = Object.fromEntries(rec.factors.map((f) => [key[f.name], f.value]));
  return (w.readiness ?? 0) * (v.readiness ?? 0) + (w.masteryGap ?? 0) * (v.masteryGap ?? 0) + (w.unlockValue ?? 0) * (v.unlockValue ?? 0) + (w.goalRelevance ?? 0) * (v.goalRelevance ?? 0) + (w.reviewDue ?? 0) * (v.reviewDue ?? 0) + (w.continuity ?? 0) * (v.continuity ?? 0) - (w.variety ?? 0) * (v.variety ?? 0);
}

/** Invariants that hold for every answer: checked against mastery read separately. */
async function checkInvariants(learner: string, list: Rec[]) {
  for (const r of list) {
    if (r.kind === "LEARN") {
      expect(r.mastery).toBeLessThan(0.8);
      const prereqs = r.concept.prerequisites;
      if (prereqs.length > 0) {
        const m = await masteryOf(learner, prereqs.map((p) => p.prerequisiteId));
        const need = prereqs.reduce((a, p) => a + p.weight, 0);
        const got = prereqs.reduce((a, p) => a + p.weight * (m.get(p.prerequisiteId) ?? 0), 0);
        expect(got / need).toBeGreaterThanOrEqual(0.8 - 1e-9);
        // The readiness the server reports is the same weighted mean, from mastery read separately.
        expect(r.factors.find((f) => f.name === "READINESS")?.value).toBeCloseTo(got / need, 9);
      }
    }
    if (r.kind !== "REMEDIATION") expect(r.score).toBeCloseTo(expectedScore(r), 10);
    for (const f of r.factors) expect(f.contribution).toBeCloseTo((f.name === "VARIETY" ? -1 : 1) * f.weight * f.value, 12);
  }
}

beforeAll(async () => {
  s = await startTestServer();
  const doc = {
    topics: [{ id: c("topic"), name: "Test subject", level: "SUBJECT" }],
    concepts: NAMES.map((x) => ({ id: c(x), name: x.toUpperCase(), topicId: c("topic") })),
    prerequisites: EDGES.map(([a, b]) => ({ conceptId: c(a), prerequisiteId: c(b) })),
    items: NAMES.flatMap((x) => [
      { id: c(`${x}-q0`), kind: "QUESTION", title: `${x} easy`, difficulty: -1.5, assesses: [{ conceptId: c(x) }] },
      { id: c(`${x}-q1`), kind: "QUESTION", title: `${x} medium`, difficulty: 0, assesses: [{ conceptId: c(x) }] },
      { id: c(`${x}-q2`), kind: "QUESTION", title: `${x} hard`, difficulty: 2.5, assesses: [{ conceptId: c(x) }] },
      { id: c(`${x}-video`), kind: "VIDEO", title: `${x} video`, assesses: [{ conceptId: c(x) }] },
    ]),
  };
  const r = await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer);
  expect(r.data?.importCurriculum.applied).toBe(true);
  await s.frontier.services.learners.upsertPeople({
    classes: [{ id: c("class"), name: "Class" }],
    teachers: [{ id: c("teacher"), classIds: [c("class")] }],
    learners: ["new", "l1", "l2", "l3"].map((id) => ({ id: c(id), classIds: [c("class")] })),
  });
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("recommendations on hand-built graphs", () => {
  it("starts a new learner at the roots of every part of the graph", async () => {
    const list = (await recs("new", { limit: 50 })).filter((r) => r.concept.id.startsWith(P));
    expect(list.map((r) => r.concept.id).sort()).toEqual([c("a"), c("f")]);
    expect(list.every((r) => r.kind === "LEARN")).toBe(true);
    expect(list.find((r) => r.concept.id === c("a"))?.explanation).toBe("A has no prerequisites; it unlocks 4 later concepts.");
    await checkInvariants("new", list);
  });

  it("moves the frontier when a prerequisite is mastered, and the next query sees the new answer", async () => {
    await answer("l1", "a", true, 3);
    const list = (await recs("l1", { limit: 50 })).filter((r) => r.concept.id.startsWith(P));
    expect(list.map((r) => r.concept.id).sort()).toEqual([c("b"), c("d"), c("f")]);
    const b = list.find((r) => r.concept.id === c("b"));
    expect(b?.explanation).toBe("You have mastered A, which B needs; it unlocks 2 later concepts.");
    expect(b?.factors.map((f) => f.name)).toEqual(["READINESS", "MASTERY_GAP", "UNLOCK_VALUE", "GOAL_RELEVANCE", "REVIEW_DUE", "CONTINUITY", "VARIETY"]);
    await checkInvariants("l1", list);
  });

  it("offers items inside the difficulty band, and a video when the learner struggles", async () => {
    const list = await recs("l1", { limit: 50 });
    const b = list.find((r) => r.concept.id === c("b"));
    const questions = b?.items.filter((i) => i.item.kind === "QUESTION") ?? [];
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) {
      expect(q.predictedCorrect).toBeGreaterThanOrEqual(0.6);
      expect(q.predictedCorrect).toBeLessThanOrEqual(0.85);
    }
    expect(b?.items.map((i) => i.item.id)).not.toContain(c("b-q2"));
  });

  it("favours concepts on the way to the goal", async () => {
    const set = await s.gql(SetGoalDocument, { learnerId: c("l1"), conceptId: c("c"), targetDate: "2027-06-30" }, s.admin);
    expect(set.data?.setGoal).toEqual({ conceptId: c("c"), targetDate: "2027-06-30" });
    const list = (await recs("l1", { limit: 50, strategy: "GOAL_FIRST" })).filter((r) => r.concept.id.startsWith(P));
    expect(list[0]?.concept.id).toBe(c("b"));
    expect(list[0]?.factors.find((f) => f.name === "GOAL_RELEVANCE")?.value).toBe(1);
    expect(list.find((r) => r.concept.id === c("d"))?.factors.find((f) => f.name === "GOAL_RELEVANCE")?.value).toBe(0);
  });

  it("puts the weakest prerequisite first, labelled, when the learner fails a concept", async () => {
    await answer("l2", "d", false, 3);
    const list = await recs("l2", { limit: 5 });
    expect(list[0]).toMatchObject({ kind: "REMEDIATION", concept: { id: c("a") } });
    expect(list[0]?.explanation).toMatch(/You have had trouble with D, which needs A; your mastery of A is 0\.\d\d, so start there\./);
    expect(list[0]?.items.some((i) => i.item.kind === "VIDEO")).toBe(true);
  });

  it("brings back a concept mastered long ago for review, and only as REVIEW", async () => {
    await answer("l3", "f", true, 4, 200);
    const queue = await s.gql(ReviewQueueDocument, { id: c("l3") }, s.admin);
    expect(queue.data?.learner?.reviewQueue.map((r) => r.concept.id)).toEqual([c("f")]);
    expect(Date.parse(queue.data?.learner?.reviewQueue[0]?.dueAt ?? "")).toBeLessThan(Date.now());
    const list = await recs("l3", { limit: 50 });
    const f = list.find((r) => r.concept.id === c("f"));
    expect(f?.kind).toBe("REVIEW");
    expect(f?.factors.find((x) => x.name === "REVIEW_DUE")?.value).toBeGreaterThan(0);
    await checkInvariants("l3", list);
  });

  it("rejects bad arguments with BAD_USER_INPUT", async () => {
    const bad = await s.gql(RecommendationsDocument, { id: c("l1"), limit: 0 }, s.admin);
    expect(codes(bad)).toEqual(["BAD_USER_INPUT"]);
    const strategy = await s.gql(RecommendationsDocument, { id: c("l1"), strategy: "random" as RecommendationStrategy }, s.admin);
    expect(codes(strategy)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("learning paths", () => {
  it("lists the goal's unmastered prerequisites in an order that respects every edge", async () => {
    const r = await s.gql(LearningPathQueryDocument, { id: c("l1"), goalConceptId: c("e") }, s.admin);
    const path = r.data?.learner?.learningPath;
    expect(path?.status).toBe("PATH");
    const order = path?.steps.map((x) => x.concept.id) ?? [];
    expect(order.sort()).toEqual([c("b"), c("d"), c("e")].sort());
    const ordered = path?.steps.map((x) => x.concept.id) ?? [];
    for (const [from, to] of EDGES) {
      if (ordered.includes(c(from)) && ordered.includes(c(to))) expect(ordered.indexOf(c(to))).toBeLessThan(ordered.indexOf(c(from)));
    }
    expect(path?.totalEstimatedPractice).toBe(path?.steps.reduce((a, x) => a + x.estimatedPractice, 0));
    expect(path?.steps.every((x) => x.estimatedPractice > 0)).toBe(true);
  });

  it("says when the goal is already mastered or does not exist, and uses the stored goal by default", async () => {
    const mastered = await s.gql(LearningPathQueryDocument, { id: c("l1"), goalConceptId: c("a") }, s.admin);
    expect(mastered.data?.learner?.learningPath).toMatchObject({ status: "ALREADY_MASTERED", steps: [] });
    const missing = await s.gql(LearningPathQueryDocument, { id: c("l1"), goalConceptId: c("zzz") }, s.admin);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", ids: [c("zzz")] });
    const stored = await s.gql(LearningPathQueryDocument, { id: c("l1") }, s.admin);
    expect(stored.data?.learner?.learningPath.goalConceptId).toBe(c("c"));
  });

  it("cuts a path whose prerequisites go deeper than 12 levels and says so (TOO_DEEP)", async () => {
    // A chain of 15: chain14 requires chain13 ... requires chain0.
    const doc = {
      concepts: Array.from({ length: 15 }, (_, i) => ({ id: c(`chain${i}`), name: `Chain ${i}` })),
      prerequisites: Array.from({ length: 14 }, (_, i) => ({ conceptId: c(`chain${i + 1}`), prerequisiteId: c(`chain${i}`) })),
    };
    expect((await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer)).data?.importCurriculum.applied).toBe(true);
    const deep = (await s.gql(LearningPathQueryDocument, { id: c("l1"), goalConceptId: c("chain14") }, s.admin)).data?.learner?.learningPath;
    expect(deep?.status).toBe("TOO_DEEP");
    // The goal and the 12 levels below it, prerequisites first.
    expect(deep?.steps.map((x) => x.concept.id)).toEqual(Array.from({ length: 13 }, (_, i) => c(`chain${i + 2}`)));
    const fits = (await s.gql(LearningPathQueryDocument, { id: c("l1"), goalConceptId: c("chain12") }, s.admin)).data?.learner?.learningPath;
    expect(fits?.status).toBe("PATH");
    expect(fits?.steps).toHaveLength(13);

    // Closures are cached per goal: an edit must be seen by the next path at once.
    const path = async () => (await s.gql(LearningPathQueryDocument, { id: c("l1"), goalConceptId: c("chain14") }, s.admin)).data?.learner?.learningPath;
    expect((await s.gql(RemovePrerequisiteDocument, { conceptId: c("chain3"), prerequisiteId: c("chain2") }, s.designer)).data?.removePrerequisite).toBe(true);
    const cut = await path();
    expect(cut?.status).toBe("PATH");
    expect(cut?.steps.map((x) => x.concept.id)).toEqual(Array.from({ length: 12 }, (_, i) => c(`chain${i + 3}`)));
    expect((await s.gql(AddPrerequisiteDocument, { conceptId: c("chain3"), prerequisiteId: c("chain2") }, s.designer)).errors).toBeUndefined();
    expect((await path())?.status).toBe("TOO_DEEP");
  });
});

describe("class views", () => {
  it("shows what the class is ready for, where it is blocked, who is at risk, and a mastery heatmap", async () => {
    const teacher = await s.token("TEACHER" as never, c("teacher"));
    const r = await s.gql(ClassViewsDocument, { id: c("class"), topicId: c("topic") }, teacher);
    expect(r.errors).toBeUndefined();
    const v = r.data?.classroom;
    const frontier = new Map(v?.frontier.map((f) => [f.concept.id, f.readyLearners]));
    // a is ready for the 3 learners who have not mastered it (new, l2, l3), f for those who have not mastered it.
    expect(frontier.get(c("a"))).toBe(3);
    expect(frontier.get(c("b"))).toBe(1);
    expect(v?.frontier.every((f) => f.learners === 4)).toBe(true);
    const a = v?.bottlenecks.find((b) => b.concept.id === c("a"));
    expect(a).toMatchObject({ blockedLearners: 3, dependents: 2 });
    expect(a?.explanation).toBe("3 of 4 learners have not mastered A, which 2 concepts need.");
    expect(v?.atRisk.map((x) => x.learnerId)).toEqual(expect.arrayContaining([c("l3")]));
    const hm = v?.heatmap;
    expect(hm?.learnerIds).toEqual([c("l1"), c("l2"), c("l3"), c("new")]);
    expect(hm?.values).toHaveLength(4);
    expect(hm?.conceptIds).toEqual(NAMES.map(c).sort());
    const row = hm?.values[0] ?? [];
    expect(row[hm?.conceptIds.indexOf(c("a")) ?? -1]).toBeGreaterThanOrEqual(0.8);
    const stranger = await s.token("TEACHER" as never, c("other"));
    expect(codes(await s.gql(ClassViewsDocument, { id: c("class") }, stranger))).toEqual(["FORBIDDEN"]);
  });
});

describe("placement", () => {
  it("asks the most informative question, takes the answer through recordEvents, and marks implied estimates", async () => {
    await s.frontier.services.learners.upsertPeople({ classes: [], teachers: [], learners: [{ id: c("placed"), classIds: [] }] });
    const first = await s.gql(PlacementQueryDocument, { id: c("placed"), topicId: c("topic") }, s.admin);
    const p1 = first.data?.learner?.placement;
    expect(p1).toMatchObject({ done: false, questionsAsked: 0, estimates: [] });
    expect(p1?.nextItem?.id).toBeTruthy();
    expect(p1?.expectedGain).toBeGreaterThan(0);
    const asked = p1?.nextConcept?.id ?? "";
    expect(asked.startsWith(P)).toBe(true);
    await s.gql(RecordEventsDocument, { events: [{ eventId: `${P}placed-1`, learnerId: c("placed"), itemId: p1?.nextItem?.id, correct: true, source: "placement", occurredAt: new Date().toISOString() }] }, s.admin);
    const second = await s.gql(PlacementQueryDocument, { id: c("placed"), topicId: c("topic") }, s.admin);
    const p2 = second.data?.learner?.placement;
    expect(p2?.questionsAsked).toBe(1);
    expect(p2?.estimates.find((e) => e.conceptId === asked)).toMatchObject({ asked: true, implied: false });
    const prereqs = p1?.nextConcept?.prerequisites.map((x) => x.prerequisiteId) ?? [];
    for (const id of prereqs) expect(p2?.estimates.find((e) => e.conceptId === id)).toMatchObject({ implied: true });
    expect(p2?.nextConcept?.id).not.toBe(asked);
  });
});
