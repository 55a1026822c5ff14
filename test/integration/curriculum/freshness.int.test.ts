import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AddPrerequisiteDocument, ConceptDocument, ConceptGraphDocument, ImportCurriculumDocument, LearningPathQueryDocument, RecordEventsDocument, RecommendationsDocument, RemovePrerequisiteDocument, UpdateConceptDocument } from "../../generated/graphql.js";
import { uniquePrefix } from "../../utils/ids.js";
import { startTestServer, type TestServer } from "../../utils/server.js";

/**
 * Provable freshness (src/modules/curriculum/freshness.ts): two servers share the real Neo4j and
 * nothing else (no Redis, so B never hears of A's edits). B's copies are warm; after an edit
 * commits through A, B's very next read must already show it: only the curriculum version that
 * every write bumps in Neo4j can tell B. The TTL safety net (60 s) is far longer than this test.
 */
const P = uniquePrefix("fresh");
let a: TestServer;
let b: TestServer;

const version = async (s: TestServer) => {
  const [row] = await s.query("test/curriculum-version");
  return Number(row?.n ?? -1);
};

beforeAll(async () => {
  [a, b] = await Promise.all([startTestServer(), startTestServer()]);
  const doc = {
    concepts: [
      { id: `${P}x`, name: "X" },
      { id: `${P}y`, name: "Y" },
      { id: `${P}z`, name: "Z" },
    ],
    prerequisites: [{ conceptId: `${P}y`, prerequisiteId: `${P}x` }],
    items: [
      { id: `${P}qx`, kind: "QUESTION", title: "qx", assesses: [{ conceptId: `${P}x` }] },
      { id: `${P}qy`, kind: "QUESTION", title: "qy", assesses: [{ conceptId: `${P}y` }] },
      { id: `${P}qz`, kind: "QUESTION", title: "qz", assesses: [{ conceptId: `${P}z` }] },
    ],
  };
  const imported = await a.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, a.designer);
  expect(imported.errors).toBeUndefined();
  // Bob masters X (five right answers, a minute apart).
  const events = Array.from({ length: 5 }, (_, k) => ({ eventId: `${P}e${k}`, learnerId: `${P}bob`, itemId: `${P}qx`, correct: true, occurredAt: new Date(Date.now() - 600_000 + k * 60_000).toISOString() }));
  expect((await a.gql(RecordEventsDocument, { events }, a.admin)).errors).toBeUndefined();
}, 120_000);

afterAll(async () => {
  await a?.cleanup(P);
  await Promise.all([a?.stop(), b?.stop()]);
});

const conceptName = async (s: TestServer, id: string) => {
  const r = await s.gql(ConceptDocument, { id }, s.admin);
  expect(r.errors).toBeUndefined();
  return r.data?.concept?.name;
};
const explanationOfY = async (s: TestServer) => {
  const r = await s.gql(RecommendationsDocument, { id: `${P}bob`, limit: 20 }, s.admin);
  expect(r.errors).toBeUndefined();
  return r.data?.learner?.recommendations.find((x) => x.concept.id === `${P}y`)?.explanation;
};
const pathToY = async (s: TestServer) => {
  const r = await s.gql(LearningPathQueryDocument, { id: `${P}bob`, goalConceptId: `${P}y` }, s.admin);
  expect(r.errors).toBeUndefined();
  return r.data?.learner?.learningPath.steps.map((st) => st.concept.id);
};

describe("curriculum copies are fresh on the next read, on another server with no notice", () => {
  it("shows a rename made through A on B's concept, recommendation and explanation at once", async () => {
    // Warm both servers' concept caches and graph copies.
    expect(await conceptName(b, `${P}x`)).toBe("X");
    expect(await explanationOfY(b)).toMatch(/^You have mastered X, which Y needs/);
    expect(await explanationOfY(a)).toMatch(/^You have mastered X, which Y needs/);
    const v0 = await version(a);

    expect((await a.gql(UpdateConceptDocument, { id: `${P}x`, input: { name: "X renamed" } }, a.designer)).errors).toBeUndefined();
    // The write moved the counter in the database.
    expect(await version(a)).toBeGreaterThan(v0);
    expect(await conceptName(b, `${P}x`)).toBe("X renamed");
    expect(await explanationOfY(b)).toMatch(/^You have mastered X renamed, which Y needs/);
    // And on the server that made the edit, whose graph copy was patched from the notice.
    expect(await explanationOfY(a)).toMatch(/^You have mastered X renamed, which Y needs/);
    expect(await conceptName(a, `${P}x`)).toBe("X renamed");
  });

  it("shows a prerequisite added and removed through A in B's learning path at once", async () => {
    // Bob has not practised Z: once Y requires Z, Z joins the path to Y, before Y.
    expect(await pathToY(b)).toEqual([`${P}y`]);
    expect((await a.gql(AddPrerequisiteDocument, { conceptId: `${P}y`, prerequisiteId: `${P}z` }, a.designer)).errors).toBeUndefined();
    expect(await pathToY(b)).toEqual([`${P}z`, `${P}y`]);
    const [edge] = await a.query("test/prerequisite-exists", { conceptId: `${P}y`, prerequisiteId: `${P}z` });
    expect(edge?.exists).toBe(true);

    expect((await a.gql(RemovePrerequisiteDocument, { conceptId: `${P}y`, prerequisiteId: `${P}z` }, a.designer)).errors).toBeUndefined();
    expect(await pathToY(b)).toEqual([`${P}y`]);
    // Y is recommended again once it no longer waits for Z.
    expect(await explanationOfY(b)).toMatch(/^You have mastered X renamed, which Y needs/);
  });

  it("shows an edge edit on the editing server's own warm copies at once: path, walk, downstream count", async () => {
    // Only the dependent end's record, the walks and the recounted concepts are forgotten there
    // (stale-caches.ts), so each of these reads must come out new from what is forgotten.
    const pathToZ = async () => {
      const r = await a.gql(LearningPathQueryDocument, { id: `${P}bob`, goalConceptId: `${P}z` }, a.admin);
      expect(r.errors).toBeUndefined();
      return r.data?.learner?.learningPath.steps.map((st) => st.concept.id.slice(P.length));
    };
    const edgesBelowZ = async () => {
      const r = await a.gql(ConceptGraphDocument, { rootIds: [`${P}z`], depth: 2 }, a.admin);
      expect(r.errors).toBeUndefined();
      return (r.data?.conceptGraph.edges ?? []).map((e) => `${e.conceptId.slice(P.length)}->${e.prerequisiteId.slice(P.length)}`).sort();
    };
    const before = "You have mastered X renamed, which Y needs; it unlocks no later concept.";
    expect(await pathToZ()).toEqual(["z"]);
    expect(await edgesBelowZ()).toEqual([]);
    expect(await explanationOfY(a)).toBe(before);
    // Z now requires Y: Y unlocks one concept, Z's path and walk go through Y (and X, mastered).
    expect((await a.gql(AddPrerequisiteDocument, { conceptId: `${P}z`, prerequisiteId: `${P}y` }, a.designer)).errors).toBeUndefined();
    expect(await pathToZ()).toEqual(["y", "z"]);
    expect(await edgesBelowZ()).toEqual(["y->x", "z->y"]);
    expect(await explanationOfY(a)).toBe("You have mastered X renamed, which Y needs; it unlocks 1 later concept.");
    expect((await a.gql(RemovePrerequisiteDocument, { conceptId: `${P}z`, prerequisiteId: `${P}y` }, a.designer)).errors).toBeUndefined();
    expect(await pathToZ()).toEqual(["z"]);
    expect(await edgesBelowZ()).toEqual([]);
    expect(await explanationOfY(a)).toBe(before);
  });
});
