import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../../src/auth/roles.js";
import {
  ImportCurriculumDocument,
  LearnerClassesWithTeachersDocument,
  MyClassesWithTeachersDocument,
  RecordEventsDocument,
  ShapeConceptsPageDocument,
  ShapeHistoryDocument,
  ShapeItemsDocument,
  ShapeMasteryDocument,
  ShapePlacementDocument,
  ShapeRecommendationsDocument,
  ShapeTopicMasteryDocument,
} from "../../generated/graphql.js";
import { uniquePrefix } from "../../utils/ids.js";
import { startTestServer, type TestServer } from "../../utils/server.js";

/**
 * What a real client (Apollo Client's normalised cache, generated types) needs from the API:
 * no crash on class fields, keys on the types it caches, one date-time scalar, and unknown ids
 * answered NOT_FOUND wherever they are asked for.
 */
let s: TestServer;
const P = uniquePrefix("shape");
const id = (x: string) => `${P}${x}`;
const L1 = id("learner-1");
const T1 = id("teacher-1");
const T2 = id("teacher-2");
const C1 = id("class-1");

beforeAll(async () => {
  s = await startTestServer();
  await s.frontier.services.learners.upsertPeople({
    classes: [{ id: C1, name: "One" }],
    teachers: [
      { id: T2, classIds: [C1] },
      { id: T1, classIds: [C1] },
    ],
    learners: [{ id: L1, classIds: [C1] }],
  });
  const doc = {
    topics: [{ id: id("topic"), name: "Topic", level: "TOPIC" }],
    concepts: [
      { id: id("a"), name: "A", topicId: id("topic") },
      { id: id("b"), name: "B", topicId: id("topic") },
    ],
    prerequisites: [{ conceptId: id("b"), prerequisiteId: id("a"), weight: 1 }],
    items: [{ id: id("qa"), kind: "QUESTION", title: "qa", difficulty: 0, assesses: [{ conceptId: id("a"), weight: 1 }] }],
  };
  const r = await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer);
  expect(r.data?.importCurriculum.applied).toBe(true);
  const at = new Date(Date.now() - 60_000).toISOString();
  const ev = await s.gql(RecordEventsDocument, { events: [{ eventId: id("e1"), learnerId: L1, itemId: id("qa"), correct: true, occurredAt: at }] }, s.admin);
  expect(ev.data?.recordEvents.accepted).toBe(1);
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("classes", () => {
  it("answer teacherIds, sorted, for the teacher's classes and through learner.classes, for every role that may see them", async () => {
    const teacher = await s.token(Role.TEACHER, T1);
    const mine = await s.gql(MyClassesWithTeachersDocument, {}, teacher);
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.myClasses).toEqual([{ id: C1, name: "One", teacherIds: [T1, T2].sort() }]);
    for (const token of [await s.token(Role.LEARNER, L1), teacher, s.admin]) {
      const r = await s.gql(LearnerClassesWithTeachersDocument, { id: L1 }, token);
      expect(r.errors).toBeUndefined();
      expect(r.data?.learner).toEqual({ id: L1, classes: [{ id: C1, teacherIds: [T1, T2].sort() }] });
    }
  });
});

describe("keys a normalised cache needs", () => {
  it("gives mastery its learner, and history entries an id made of learner and sequence", async () => {
    const m = await s.gql(ShapeMasteryDocument, { id: L1, conceptIds: [id("a")] }, s.admin);
    expect(m.data?.learner?.mastery).toEqual([{ learnerId: L1, conceptId: id("a"), p: expect.any(Number) }]);
    const h = await s.gql(ShapeHistoryDocument, { learnerId: L1, from: "2000-01-01T00:00:00Z" }, s.admin);
    expect(h.errors).toBeUndefined();
    const [first] = h.data?.masteryHistory ?? [];
    expect(first).toMatchObject({ id: `${L1}/1`, learnerId: L1, seq: 1, reason: "EVIDENCE" });
    expect(new Date(first?.at ?? "").toISOString()).toBe(first?.at);
  });

  it("says where a placement belongs", async () => {
    const r = await s.gql(ShapePlacementDocument, { id: L1, topicId: id("topic") }, s.admin);
    expect(r.data?.learner?.placement).toMatchObject({ learnerId: L1, topicId: id("topic") });
  });
});

describe("unknown ids", () => {
  const notFound = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }, ids: string[]) =>
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", ids });

  it("are NOT_FOUND wherever they are asked for, with every unknown id listed", async () => {
    notFound(await s.gql(ShapeMasteryDocument, { id: L1, conceptIds: [id("a"), id("nope"), id("nada")] }, s.admin), [id("nope"), id("nada")]);
    notFound(await s.gql(ShapeMasteryDocument, { id: L1, topicId: id("no-topic") }, s.admin), [id("no-topic")]);
    notFound(await s.gql(ShapeTopicMasteryDocument, { id: L1, topicIds: [id("topic"), id("no-topic")] }, s.admin), [id("no-topic")]);
    notFound(await s.gql(ShapeRecommendationsDocument, { id: L1, goalConceptId: id("nope") }, s.admin), [id("nope")]);
    notFound(await s.gql(ShapeRecommendationsDocument, { id: L1, topicId: id("no-topic") }, s.admin), [id("no-topic")]);
    notFound(await s.gql(ShapePlacementDocument, { id: L1, topicId: id("no-topic") }, s.admin), [id("no-topic")]);
    notFound(await s.gql(ShapeHistoryDocument, { learnerId: L1, conceptId: id("nope") }, s.admin), [id("nope")]);
    notFound(await s.gql(ShapeItemsDocument, { conceptId: id("nope") }, s.admin), [id("nope")]);
  });

  it("leave known ids alone", async () => {
    const ok = await s.gql(ShapeTopicMasteryDocument, { id: L1, topicIds: [id("topic")] }, s.admin);
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.learner?.topicMastery).toEqual([{ learnerId: L1, topicId: id("topic"), p: expect.any(Number) }]);
  });
});

describe("pages", () => {
  it("carry Relay's start cursor and whether an earlier page exists", async () => {
    const one = await s.gql(ShapeConceptsPageDocument, { first: 2 }, s.admin);
    const info = one.data?.concepts.pageInfo;
    expect(info?.hasPreviousPage).toBe(false);
    expect(info?.startCursor).toEqual(expect.any(String));
    expect(info?.startCursor).not.toBe(info?.endCursor);
    const two = await s.gql(ShapeConceptsPageDocument, { first: 2, after: info?.endCursor ?? null }, s.admin);
    expect(two.data?.concepts.pageInfo.hasPreviousPage).toBe(true);
    // The second page starts right after the first one's end.
    const again = await s.gql(ShapeConceptsPageDocument, { first: 1, after: info?.startCursor ?? null }, s.admin);
    expect(again.data?.concepts.nodes[0]?.id).toBe(one.data?.concepts.nodes[1]?.id);
  });
});
