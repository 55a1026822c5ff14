import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ImportCurriculumDocument,
  LearnerMasteryDocument,
  LearningPathQueryDocument,
  RecommendationsDocument,
  RecordEventsDocument,
} from "../../generated/graphql.js";
import { uniquePrefix } from "../../utils/ids.js";
import { startTestServer, type TestServer } from "../../utils/server.js";
import { rng } from "../../utils/numeric.js";

let s: TestServer;
const P = uniquePrefix("gen");
const N = 1000;
const LEVELS = 12;
const edges: Array<[number, number]> = [];

beforeAll(async () => {
  s = await startTestServer();
  const r = rng(3);
  const per = Math.ceil(N / LEVELS);
  for (let i = per; i < N; i++) {
    const level = Math.floor(i / per);
    // Every 50th concept has a wide fan-in of 8; the rest 1-4 prerequisites from the level above.
    const fanIn = i % 50 === 0 ? 8 : 1 + Math.floor(r() * 4);
    const seen = new Set<number>();
    for (let k = 0; k < fanIn; k++) {
      const p = (level - 1) * per + Math.floor(r() * per);
      if (seen.has(p)) continue;
      seen.add(p);
      edges.push([i, p]);
    }
  }
  const doc = {
    concepts: Array.from({ length: N }, (_, i) => ({ id: `${P}c${i}`, name: `C${i}` })),
    prerequisites: edges.map(([c, p]) => ({ conceptId: `${P}c${c}`, prerequisiteId: `${P}c${p}`, weight: 0.5 + (c % 2) * 0.5 })),
    // Two questions per concept, the learner answers only the first: every concept can still be
    // practised (the rule for concepts whose items were all tried is practisable.int.test.ts's).
    items: Array.from({ length: 2 * N }, (_, j) => ({ id: j < N ? `${P}i${j}` : `${P}i${j - N}b`, kind: "QUESTION", title: `Q${j}`, difficulty: -1, assesses: [{ conceptId: `${P}c${j % N}` }] })),
  };
  const imported = await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer);
  expect(imported.data?.importCurriculum.counts.prerequisitesCreated).toBe(edges.length);
  await s.frontier.services.learners.upsertPeople({ classes: [], teachers: [], learners: [{ id: `${P}learner`, classIds: [] }] });
  // A learner who masters the first three levels and fails a few concepts further down.
  const events = [];
  let n = 0;
  for (let i = 0; i < 3 * per; i++) for (let k = 0; k < 3; k++) events.push({ eventId: `${P}e${n++}`, learnerId: `${P}learner`, itemId: `${P}i${i}`, correct: r() < 0.92, occurredAt: new Date(Date.now() - 3600_000 + n * 100).toISOString() });
  for (let i = 3 * per; i < 3 * per + 20; i++) for (let k = 0; k < 2; k++) events.push({ eventId: `${P}e${n++}`, learnerId: `${P}learner`, itemId: `${P}i${i}`, correct: false, occurredAt: new Date(Date.now() - 3600_000 + n * 100).toISOString() });
  for (let i = 0; i < events.length; i += 1000) {
    const rec = await s.gql(RecordEventsDocument, { events: events.slice(i, i + 1000) }, s.admin);
    expect(rec.data?.recordEvents.rejected).toBe(0);
  }
}, 240_000);
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("a 1,000-concept generated graph, 12 levels deep", () => {
  it("never recommends a concept with an unmastered prerequisite (unless labelled remediation) or a mastered one", async () => {
    const r = await s.gql(RecommendationsDocument, { id: `${P}learner`, limit: 50 }, s.admin);
    const list = (r.data?.learner?.recommendations ?? []).filter((x) => x.concept.id.startsWith(P));
    expect(list.length).toBeGreaterThan(10);
    const ids = [...new Set(list.flatMap((x) => [x.concept.id, ...x.concept.prerequisites.map((p) => p.prerequisiteId)]))];
    const m = await s.gql(LearnerMasteryDocument, { id: `${P}learner`, conceptIds: ids }, s.admin);
    const mastery = new Map((m.data?.learner?.mastery ?? []).map((x) => [x.conceptId, x.p]));
    for (const rec of list) {
      if (rec.kind === "REMEDIATION") continue;
      expect(rec.kind).toBe("LEARN");
      expect(mastery.get(rec.concept.id) ?? 0).toBeLessThan(0.8);
      const need = rec.concept.prerequisites.reduce((a, p) => a + p.weight, 0);
      const got = rec.concept.prerequisites.reduce((a, p) => a + p.weight * (mastery.get(p.prerequisiteId) ?? 0), 0);
      if (need > 0) expect(got / need).toBeGreaterThanOrEqual(0.8 - 1e-9);
    }
    expect(list.some((x) => x.kind === "REMEDIATION")).toBe(true);
  });

  it("orders a learning path to a concept 11 levels deep so every prerequisite comes first", async () => {
    const goal = N - 1;
    const r = await s.gql(LearningPathQueryDocument, { id: `${P}learner`, goalConceptId: `${P}c${goal}` }, s.admin);
    const path = r.data?.learner?.learningPath;
    expect(path?.status).toBe("PATH");
    const order = (path?.steps ?? []).map((x) => x.concept.id);
    expect(order[order.length - 1]).toBe(`${P}c${goal}`);
    const pos = new Map(order.map((id, i) => [id, i]));
    let checked = 0;
    for (const [c, p] of edges) {
      const ci = pos.get(`${P}c${c}`);
      const pi = pos.get(`${P}c${p}`);
      if (ci !== undefined && pi !== undefined) {
        expect(pi).toBeLessThan(ci);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
