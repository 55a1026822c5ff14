import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../../src/auth/roles.js";
import { ImportCurriculumDocument, MapActivitiesDocument } from "../../generated/graphql.js";
import examples from "../../fixtures/evidence/caliper-spec-examples.json" with { type: "json" };
import { uniquePrefix } from "../../utils/ids.js";
import { startTestServer, type TestServer } from "../../utils/server.js";

let s: TestServer;
const P = uniquePrefix("caliper");
const USERS = "https://example.edu/users/";
let producer: string;

interface Result { id: string; status: string; code: string | null; reason: string | null }
/** The fixtures' events for one learner of this run, each with a fresh id. */
const withLearner = <T extends { actor: { id: string } }>(e: T, learner: string): T => ({ ...e, id: `urn:uuid:${randomUUID()}`, actor: { ...e.actor, id: `${USERS}${P}${learner}`, name: "Jane Learner" } });
const envelope = (data: unknown[]) => ({ ...examples.envelope, sendTime: new Date().toISOString(), data });
const post = async (body: unknown, token: string | null = producer, type = "application/json") => {
  const res = await fetch(`${s.frontier.url}/caliper`, { method: "POST", headers: { "content-type": type, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { results?: Result[]; entities?: number; errors?: Array<{ extensions: { code: string; problems?: Array<{ path: string }> } }> } };
};
const events = async (ids: string[]) => (await s.query("test/event-rows", { ids })) as unknown as Array<Record<string, unknown>>;
const stored = async (...ids: string[]) => (await s.query("test/statements", { ids })) as unknown as Array<{ id: string; format: string; json: string; status: string; code: string | null; learnerId: string }>;
const uuid = (urn: string) => urn.slice("urn:uuid:".length);

beforeAll(async () => {
  s = await startTestServer({ CALIPER_ACTOR_PREFIXES: USERS });
  producer = await s.token(Role.PRODUCER, `${P}sensor`);
  const doc = {
    concepts: [{ id: `${P}a`, name: "A" }],
    items: [
      { id: `${P}item3`, kind: "QUESTION", title: "item 3", difficulty: 0, assesses: [{ conceptId: `${P}a` }] },
      { id: `${P}video`, kind: "VIDEO", title: "Introduction to IMS Caliper", assesses: [{ conceptId: `${P}a` }] },
    ],
  };
  expect((await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer)).data?.importCurriculum.applied).toBe(true);
  const rows = [
    { activityId: examples.assessmentItemCompleted.object.id, itemId: `${P}item3` },
    { activityId: examples.mediaEnded.object.id, itemId: `${P}video` },
  ];
  expect((await s.gql(MapActivitiesDocument, { rows }, s.designer)).data?.mapActivities.mapped).toBe(2);
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("POST /caliper", () => {
  it("records AssessmentItemEvent Completed and MediaEvents (Ended, Paused) as an answer and content views", async () => {
    const completed = withLearner(examples.assessmentItemCompleted, "l1");
    const ended = withLearner(examples.mediaEnded, "l1");
    const paused = withLearner(examples.mediaPaused, "l1");
    const r = await post(envelope([completed, ended, paused, { id: "https://example.edu/users/554433", type: "Person" }]));
    expect(r.status).toBe(200);
    expect(r.body.entities).toBe(1);
    expect(r.body.results?.map((x) => [x.id, x.status])).toEqual([
      [completed.id, "ACCEPTED"],
      [ended.id, "ACCEPTED"],
      [paused.id, "ACCEPTED"],
    ]);
    const [answer, view, partial] = await events([completed, ended, paused].map((e) => `caliper-${uuid(e.id)}`));
    // Response from 10:15:02 to 10:15:12: 10 s on the item.
    expect(answer).toMatchObject({ kind: "ANSWER", score: 1, learnerId: `${P}l1`, itemId: `${P}item3`, durationMs: 10_000, source: `caliper:${P}sensor` });
    expect(view).toMatchObject({ kind: "CONTENT_VIEW", watchFraction: 1, itemId: `${P}video` });
    // Paused at 30:54 of 1:12:27: 1854 s of 4347 s.
    expect(partial?.watchFraction).toBeCloseTo(1854 / 4347, 12);
    const [row] = await stored(completed.id);
    expect(row).toMatchObject({ format: "caliper", status: "ACCEPTED", learnerId: `${P}l1` });
    expect(row?.json).not.toContain("Jane Learner");
  });

  it("stores NOT_EVIDENCE with a reason: a Response without correctness, an unmapped object, an unmapped event type", async () => {
    const noScore = withLearner(examples.assessmentItemCompleted, "l2");
    noScore.generated = { ...noScore.generated, extensions: {} as { correct: boolean } };
    const unmapped = { ...withLearner(examples.mediaEnded, "l2"), object: { ...examples.mediaEnded.object, id: "https://example.edu/videos/9999" } };
    const navigation = { ...withLearner(examples.mediaEnded, "l2"), type: "NavigationEvent", action: "NavigatedTo" };
    const r = await post(envelope([noScore, unmapped, navigation]));
    expect(r.status).toBe(200);
    expect(r.body.results?.map((x) => [x.status, x.code])).toEqual([
      ["NOT_EVIDENCE", "NO_RESULT"],
      ["NOT_EVIDENCE", "UNMAPPED_ACTIVITY"],
      ["NOT_EVIDENCE", "UNMAPPED_EVENT"],
    ]);
    expect((await stored(noScore.id, unmapped.id, navigation.id)).map((x) => x.status)).toEqual(["NOT_EVIDENCE", "NOT_EVIDENCE", "NOT_EVIDENCE"]);
    expect(await events([`caliper-${uuid(noScore.id)}`])).toEqual([]);
  });

  it("changes nothing on a replay, refuses the same id with other content (409) and an id repeated in one envelope (400)", async () => {
    const e = withLearner(examples.assessmentItemCompleted, "l3");
    expect((await post(envelope([e]))).body.results?.[0]?.status).toBe("ACCEPTED");
    expect((await post(envelope([e]))).body.results?.[0]?.status).toBe("DUPLICATE");
    const changed = { ...e, generated: { ...e.generated, extensions: { correct: false } } };
    const conflict = await post(envelope([changed]));
    expect(conflict.status).toBe(409);
    expect(conflict.body.errors?.[0]?.extensions.code).toBe("CONFLICT");
    const f = withLearner(examples.mediaEnded, "l3");
    expect((await post(envelope([f, f]))).status).toBe(400);
    expect(await stored(f.id)).toEqual([]);
    expect(await events([`caliper-${uuid(e.id)}`])).toMatchObject([{ score: 1 }]);
  });

  it("refuses malformed envelopes and events with 400 and their problems, writing nothing", async () => {
    const good = withLearner(examples.mediaEnded, "l4");
    const cases: Array<[unknown, string]> = [
      [{ ...envelope([good]), dataVersion: "http://purl.imsglobal.org/ctx/caliper/v1p1" }, "dataVersion"],
      [{ ...envelope([good]), sensor: undefined }, "sensor"],
      [envelope([good, { ...withLearner(examples.mediaEnded, "l4"), id: "not-a-urn" }]), "data.1.id"],
      [envelope([good, { ...withLearner(examples.mediaEnded, "l4"), eventTime: "yesterday" }]), "data.1.eventTime"],
      [envelope([]), "data"],
    ];
    for (const [body, path] of cases) {
      const r = await post(body);
      expect(r.status, path).toBe(400);
      expect(r.body.errors?.[0]?.extensions.problems?.map((p) => p.path), path).toContain(path);
    }
    expect(await stored(good.id)).toEqual([]);
    expect((await post(envelope([good]), producer, "text/plain")).status).toBe(415);
  });

  it("uses the same tokens and roles: 401 without one, 403 for a designer or a learner sending someone else's events", async () => {
    const e = withLearner(examples.mediaEnded, "l5");
    expect((await post(envelope([e]), null)).status).toBe(401);
    expect((await post(envelope([e]), s.designer)).status).toBe(403);
    expect((await post(envelope([e]), await s.token(Role.LEARNER, `${P}l6`))).status).toBe(403);
    expect(await stored(e.id)).toEqual([]);
    expect((await post(envelope([e]), await s.token(Role.LEARNER, `${P}l5`))).status).toBe(200);
  });
});
