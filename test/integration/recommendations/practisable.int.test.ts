import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateItemDocument, ImportCurriculumDocument, RecommendationsDocument, RecordEventsDocument } from "../../generated/graphql.js";
import { uniquePrefix } from "../../utils/ids.js";
import { startTestServer, type TestServer } from "../../utils/server.js";

/**
 * PlanRules.practisableOnly through the API: a concept every item of which the learner attempted
 * within the recent-item window (3 days) cannot be practised, so it comes after every concept
 * that can, and says why; a new item brings it back to its own rank.
 *
 * Map (one topic): Alpha and Beta without prerequisites, Gamma needs Alpha; one question each.
 * The learner answers Alpha's question wrongly, once (not mastered; one answer is not
 * "struggling", which would move Alpha to the stretch part for another reason).
 */
let s: TestServer;
const P = uniquePrefix("practisable");
const c = (x: string) => `${P}${x}`;

const recs = async (limit: number) => {
  const r = await s.gql(RecommendationsDocument, { id: c("lee"), topicId: c("T"), limit }, s.admin);
  expect(r.errors).toBeUndefined();
  return r.data?.learner?.recommendations ?? [];
};
/** The written score: the sum of the factor contributions the API reports (variety subtracted). */
const scoreOf = (r: { factors: Array<{ contribution: number }> }) => r.factors.reduce((a, f) => a + f.contribution, 0);

beforeAll(async () => {
  s = await startTestServer();
  const doc = {
    topics: [{ id: c("T"), name: "Unit", level: "TOPIC" }],
    concepts: [
      { id: c("alpha"), name: "Alpha", topicId: c("T") },
      { id: c("beta"), name: "Beta", topicId: c("T") },
      { id: c("gamma"), name: "Gamma", topicId: c("T") },
    ],
    prerequisites: [{ conceptId: c("gamma"), prerequisiteId: c("alpha") }],
    items: [
      { id: c("qa1"), kind: "QUESTION", title: "a1", difficulty: 0, assesses: [{ conceptId: c("alpha") }] },
      { id: c("qb1"), kind: "QUESTION", title: "b1", difficulty: 0, assesses: [{ conceptId: c("beta") }] },
      { id: c("qg1"), kind: "QUESTION", title: "g1", difficulty: 0, assesses: [{ conceptId: c("gamma") }] },
    ],
  };
  const imported = await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer);
  expect(imported.data?.importCurriculum.applied).toBe(true);
  await s.frontier.services.learners.upsertPeople({ classes: [], teachers: [], learners: [{ id: c("lee"), classIds: [] }] });
  const at = Date.now() - 3_600_000;
  const events = [
    { eventId: c("e1"), learnerId: c("lee"), itemId: c("qa1"), correct: false, occurredAt: new Date(at).toISOString() },
  ];
  const r = await s.gql(RecordEventsDocument, { events }, s.admin);
  expect(r.data?.recordEvents.accepted).toBe(1);
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("a concept whose every item was tried recently (PlanRules.practisableOnly)", () => {
  it("comes after every concept the learner can practise, says why, and returns when it gets a new item", async () => {
    // The database holds the answer on Alpha, and Alpha is not mastered.
    const [facts] = (await s.query("test/learner-facts", { learnerId: c("lee") })) as Array<{ events: number; mastery: Array<{ conceptId: string; p: number; attempts: number }> }>;
    expect(facts?.events).toBe(1);
    const alphaStored = facts?.mastery.find((m) => m.conceptId === c("alpha"));
    expect(alphaStored?.attempts).toBe(1);
    expect(alphaStored?.p).toBeLessThan(0.8);

    const before = await recs(10);
    const ids = before.map((r) => r.concept.id);
    // Gamma needs Alpha (not mastered): not ready. Alpha and Beta are offered.
    expect([...ids].sort()).toEqual([c("alpha"), c("beta")].sort());
    const alpha = before.find((r) => r.concept.id === c("alpha"));
    const beta = before.find((r) => r.concept.id === c("beta"));
    // Alpha scores higher (it unlocks Gamma, and it is the concept being practised), so only the
    // rule puts it after Beta.
    expect(alpha && beta && scoreOf(alpha) > scoreOf(beta)).toBe(true);
    expect(ids).toEqual([c("beta"), c("alpha")]);
    expect(alpha?.explanation).toContain("You have tried every item of Alpha recently");
    expect(alpha?.stretch).toBe(false);
    expect(beta?.explanation).not.toContain("tried every item");
    // A list of one holds only what can be practised.
    expect((await recs(1)).map((r) => r.concept.id)).toEqual([c("beta")]);

    // A designer adds a second question to Alpha: it can be practised again, with that item.
    const created = await s.gql(CreateItemDocument, { input: { id: c("qa2"), kind: "QUESTION", title: "a2", difficulty: 0, assesses: [{ conceptId: c("alpha") }] } }, s.designer);
    expect(created.errors).toBeUndefined();
    const after = await recs(10);
    const alphaAfter = after.find((r) => r.concept.id === c("alpha"));
    const betaAfter = after.find((r) => r.concept.id === c("beta"));
    expect(alphaAfter && betaAfter && scoreOf(alphaAfter) > scoreOf(betaAfter)).toBe(true);
    expect(after.map((r) => r.concept.id)).toEqual([c("alpha"), c("beta")]);
    expect(alphaAfter?.explanation).not.toContain("tried every item");
    expect(alphaAfter?.stretch).toBe(false);
    // Its items can only be the new one (the answered one was tried within the window).
    expect(alphaAfter?.items.every((i) => i.item.id === c("qa2"))).toBe(true);
  });
});
