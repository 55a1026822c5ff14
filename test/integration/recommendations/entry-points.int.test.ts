import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportCurriculumDocument, RecommendationsDocument, RecordEventsDocument, type RecommendationStrategy } from "../../generated/graphql.js";
import { uniquePrefix } from "../../utils/ids.js";
import { startTestServer, type TestServer } from "../../utils/server.js";

/**
 * A hand-built map with entry points at three levels, as real maps have them: strand 1 starts at
 * A1 (A1 -> A2 -> A3) with a second entry point N1 in the same topic; strand 2 starts at F2
 * (F2 -> F2b) and strand 3 at F3, in topics the learner has never touched, several school years on.
 */
let s: TestServer;
const P = uniquePrefix("entry");
const c = (x: string) => `${P}${x}`;
let n = 0;

async function practise(learner: string, concept: string, times: number) {
  const events = Array.from({ length: times }, (_, k) => ({ eventId: c(`e${n++}`), learnerId: c(learner), itemId: c(`q-${concept}`), correct: true, occurredAt: new Date(Date.now() - 3_600_000 + k * 60_000).toISOString() }));
  const r = await s.gql(RecordEventsDocument, { events }, s.admin);
  expect(r.data?.recordEvents.accepted).toBe(times);
}

const recs = async (learner: string, strategy?: RecommendationStrategy) => {
  const r = await s.gql(RecommendationsDocument, { id: c(learner), topicId: c("S"), limit: 10, ...(strategy ? { strategy } : {}) }, s.admin);
  expect(r.errors).toBeUndefined();
  return r.data?.learner?.recommendations ?? [];
};

beforeAll(async () => {
  s = await startTestServer();
  const concepts = [
    ["A1", "T1"],
    ["A2", "T1"],
    ["A3", "T1"],
    ["N1", "T1"],
    ["F2", "T2"],
    ["F2b", "T2"],
    ["F3", "T3"],
  ];
  const doc = {
    topics: [{ id: c("S"), name: "Maths", level: "SUBJECT" }, ...["T1", "T2", "T3"].map((t) => ({ id: c(t), name: t, level: "TOPIC", parentId: c("S") }))],
    concepts: concepts.map(([id, t]) => ({ id: c(id as string), name: (id as string).replace("A", "Addition "), topicId: c(t as string) })),
    prerequisites: [
      { conceptId: c("A2"), prerequisiteId: c("A1") },
      { conceptId: c("A3"), prerequisiteId: c("A2") },
      { conceptId: c("F2b"), prerequisiteId: c("F2") },
    ],
    items: concepts.map(([id]) => ({ id: c(`q-${id}`), kind: "QUESTION", title: `q ${id}`, difficulty: 0, assesses: [{ conceptId: c(id as string) }] })),
  };
  const imported = await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer);
  expect(imported.data?.importCurriculum.applied).toBe(true);
  await s.frontier.services.learners.upsertPeople({ classes: [], teachers: [], learners: [{ id: c("ann"), classIds: [] }, { id: c("new"), classIds: [] }] });
  await practise("ann", "A1", 5);
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("level-appropriate entry points and continuity", () => {
  it("offers a learner who mastered the first step the next step of that strand first, and no far entry point", async () => {
    const list = await recs("ann");
    const ids = list.map((r) => r.concept.id);
    expect(ids[0]).toBe(c("A2"));
    expect(ids).toContain(c("N1")); // same topic as what ann practises
    expect(ids).not.toContain(c("F2"));
    expect(ids).not.toContain(c("F3"));
    const a2 = list[0];
    // A2 is a direct neighbour of A1, the concept ann practised last: continuity 1, weight 0.25.
    const cont = a2?.factors.find((f) => f.name === "CONTINUITY");
    expect(cont?.value).toBe(1);
    expect(cont?.contribution).toBeCloseTo(0.25, 12);
    expect(a2?.explanation).toMatch(/^You have mastered Addition 1, which Addition 2 needs/);
    // N1 shares A1's topic without an edge: continuity 0.5, and the sentence says what it builds on.
    const n1 = list.find((r) => r.concept.id === c("N1"));
    expect(n1?.factors.find((f) => f.name === "CONTINUITY")?.value).toBe(0.5);
    expect(n1?.explanation).toMatch(/It builds on Addition 1, which you practised recently\.$/);
  });

  it("keeps far entry points reachable through the explore strategy", async () => {
    const ids = (await recs("ann", "EXPLORE")).map((r) => r.concept.id);
    expect(ids).toEqual(expect.arrayContaining([c("A2"), c("N1"), c("F2"), c("F3")]));
  });

  it("offers every entry point to a learner without evidence", async () => {
    const ids = (await recs("new")).map((r) => r.concept.id).sort();
    expect(ids).toEqual([c("A1"), c("F2"), c("F3"), c("N1")].sort());
  });
});
