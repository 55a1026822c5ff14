import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../../src/auth/roles.js";
import {
  AddPrerequisiteDocument,
  AlertRaisedDocument,
  CreateConceptDocument,
  CurriculumChangedDocument,
  DeleteConceptDocument,
  ImportCurriculumDocument,
  MasteryChangedDocument,
  MasteryChangesDocument,
  RecommendationsChangedDocument,
  RecommendationsDocument,
  RecordEventsDocument,
  RemovePrerequisiteDocument,
  SetAlertRulesDocument,
  UpdateConceptDocument,
} from "../../generated/graphql.js";
import { uniquePrefix } from "../../utils/ids.js";
import { codes, startTestServer, type TestServer } from "../../utils/server.js";
import { collect, settle, until, wsClient } from "../../utils/ws.js";

let s: TestServer;
const P = uniquePrefix("subs");
const id = (x: string) => `${P}${x}`;

let n = 0;
const answer = (learner: string, item: string, correct: boolean) => ({
  eventId: id(`e${n++}`),
  learnerId: id(learner),
  itemId: id(item),
  correct,
  occurredAt: new Date(Date.now() - 600_000 + n * 1000).toISOString(),
});
const record = (...events: ReturnType<typeof answer>[]) => s.gql(RecordEventsDocument, { events }, s.admin);

async function metric(name: string): Promise<number> {
  const text = await (await fetch(s.url.replace(/\/graphql$/, "/metrics"))).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  return Number(line?.split(" ")[1] ?? NaN);
}

beforeAll(async () => {
  s = await startTestServer();
  // A <- B <- C, one question each.
  const doc = {
    concepts: ["A", "B", "C"].map((c) => ({ id: id(c), name: `Concept ${c}` })),
    prerequisites: [
      { conceptId: id("B"), prerequisiteId: id("A") },
      { conceptId: id("C"), prerequisiteId: id("B") },
    ],
    items: ["A", "B", "C"].map((c) => ({ id: id(`q${c}`), kind: "QUESTION", title: `q${c}`, assesses: [{ conceptId: id(c) }] })),
  };
  await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer);
  await s.frontier.services.learners.upsertPeople({
    classes: [{ id: id("k1"), name: "K1" }, { id: id("k2"), name: "K2" }],
    teachers: [{ id: id("t1"), classIds: [id("k1")] }, { id: id("t2"), classIds: [id("k2")] }],
    learners: [
      { id: id("ann"), classIds: [id("k1")] },
      { id: id("cat"), classIds: [id("k1")] },
      { id: id("bob"), classIds: [id("k2")] },
      { id: id("dan"), classIds: [] },
    ],
  });
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

const hub = () => s.frontier.services.live.hub;

describe("masteryChanged by concept", () => {
  it("sends a teacher the concept's changes of their own learners only, with a sentence and the commit time", async () => {
    const teacher = wsClient(s, await s.token(Role.TEACHER, id("t1")));
    const sub = collect(teacher, MasteryChangedDocument, { conceptId: id("A") }, () => hub().mastery.size);
    await sub.ready;
    const before = Date.now();
    await record(answer("ann", "qA", true), answer("bob", "qA", true), answer("ann", "qB", true));
    // A marker answer after it: pushes arrive in commit order, so a leak of bob's change (or of
    // concept B) from the first batch would have arrived before the marker.
    await record(answer("ann", "qA", false));
    await until(() => sub.got.length >= 2);
    const got = sub.got.map((g) => g.masteryChanged);
    expect(got.map((c) => [c.learnerId, c.conceptId, c.reason, c.attempts])).toEqual([
      [id("ann"), id("A"), "EVIDENCE", 1],
      [id("ann"), id("A"), "EVIDENCE", 2],
    ]);
    expect(got[0]?.explanation).toMatch(/^Correct answer \(the model expected \d+%\): mastery 0\.\d\d -> 0\.\d\d\.$/);
    expect(Date.parse(String(got[0]?.recordedAt))).toBeGreaterThanOrEqual(before - 5);
    sub.stop();
    await teacher.dispose();
  });
});

describe("curriculumChanged", () => {
  it("pushes every committed edit, in order, to designers and other readers, and nothing for a refused edit", async () => {
    const learner = wsClient(s, await s.token(Role.LEARNER, id("ann")));
    const sub = collect(learner, CurriculumChangedDocument, {}, () => hub().curriculum.size);
    await sub.ready;
    const d = id("D");
    expect((await s.gql(CreateConceptDocument, { input: { id: d, name: "D", prerequisites: [{ conceptId: id("C") }] } }, s.designer)).errors).toBeUndefined();
    expect((await s.gql(UpdateConceptDocument, { id: d, input: { name: "D renamed" } }, s.designer)).errors).toBeUndefined();
    expect(codes(await s.gql(AddPrerequisiteDocument, { conceptId: id("A"), prerequisiteId: d }, s.designer))).toEqual(["PREREQUISITE_CYCLE"]);
    expect((await s.gql(RemovePrerequisiteDocument, { conceptId: d, prerequisiteId: id("C") }, s.designer)).errors).toBeUndefined();
    expect((await s.gql(DeleteConceptDocument, { id: d }, s.designer)).errors).toBeUndefined();
    const imported = { concepts: [{ id: id("E"), name: "E" }] };
    expect((await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(imported) }, s.designer)).errors).toBeUndefined();
    await until(() => sub.got.length >= 6);
    await settle();
    const got = sub.got.map((g) => g.curriculumChanged);
    // Other test files edit the curriculum too, but through their own servers (no Redis here).
    expect(new Set(got.map((c) => c.id)).size).toBe(got.length);
    expect(got.map((c) => [c.entity, c.operation, c.entityId, c.relatedId ?? null])).toEqual([
      ["CONCEPT", "CREATED", d, null],
      ["PREREQUISITE", "CREATED", d, id("C")],
      ["CONCEPT", "UPDATED", d, null],
      ["PREREQUISITE", "DELETED", d, id("C")],
      ["CONCEPT", "DELETED", d, null],
      ["IMPORT", "UPDATED", "curriculum", null],
    ]);
    expect(JSON.parse(String(got[5]?.summary))).toMatchObject({ conceptsCreated: 1 });
    sub.stop();
    await learner.dispose();
  });
});

describe("recommendationsChanged", () => {
  it("pushes the new top recommendations when evidence changes them, agreeing with what the query now returns", async () => {
    const token = await s.token(Role.LEARNER, id("dan"));
    const dan = wsClient(s, token);
    const sub = collect(dan, RecommendationsChangedDocument, { learnerId: id("dan") }, () => hub().recommendations.size);
    await sub.ready;
    // Failing C while its prerequisites are weak puts remediation of them first.
    await record(answer("dan", "qC", false), answer("dan", "qC", false), answer("dan", "qC", false));
    expect(await until(() => sub.got.length >= 1)).toBe(true);
    await settle(500);
    const last = sub.got[sub.got.length - 1]?.recommendationsChanged;
    const now = await s.gql(RecommendationsDocument, { id: id("dan"), limit: 5 }, token);
    // Other test files add root concepts to the shared database at any moment, so only the part
    // that depends on dan alone is compared: the remediation picks, which come first.
    const remedial = (list: Array<{ concept: { id: string }; kind: string }>) => list.filter((r) => r.kind === "REMEDIATION").map((r) => r.concept.id);
    expect(remedial(last?.recommendations ?? [])).toEqual(remedial(now.data?.learner?.recommendations ?? []));
    expect(remedial(last?.recommendations ?? []).length).toBeGreaterThan(0);
    expect(last?.recommendations[0]?.kind).toBe("REMEDIATION");
    expect([id("A"), id("B")]).toContain(last?.recommendations[0]?.concept.id);
    expect(last?.causeSeq).toBeGreaterThanOrEqual(1);
    expect(last?.previousConceptIds).not.toEqual(last?.recommendations.map((r) => r.concept.id));
    sub.stop();
    await dan.dispose();
    await until(() => s.frontier.services.live.recommendations.size === 0);
    expect(s.frontier.services.live.recommendations.size).toBe(0);
  });

  it("refuses another learner", async () => {
    const ann = wsClient(s, await s.token(Role.LEARNER, id("ann")));
    const sub = collect(ann, RecommendationsChangedDocument, { learnerId: id("dan") }, () => hub().recommendations.size);
    await until(() => sub.errors.length > 0);
    expect(JSON.stringify(sub.errors)).toMatch(/FORBIDDEN/);
    await ann.dispose();
  });
});

describe("alertRaised", () => {
  it("raises a LOW_MASTERY alert once, when a member crosses the class's threshold, and only to that class's teacher", async () => {
    expect((await s.gql(SetAlertRulesDocument, { classId: id("k1"), rules: { lowMastery: 0.5, minAttempts: 3 } }, s.admin)).errors).toBeUndefined();
    const t1 = wsClient(s, await s.token(Role.TEACHER, id("t1")));
    const t2 = wsClient(s, await s.token(Role.TEACHER, id("t2")));
    const mine = collect(t1, AlertRaisedDocument, { classId: id("k1") }, () => hub().alerts.size);
    const theirs = collect(t2, AlertRaisedDocument, { classId: id("k1") }, () => hub().alerts.size);
    await mine.ready;
    await until(() => theirs.errors.length > 0);
    expect(JSON.stringify(theirs.errors)).toMatch(/FORBIDDEN/);
    for (let i = 0; i < 4; i++) await record(answer("cat", "qC", false), answer("bob", "qC", false));
    await until(() => mine.got.length >= 1);
    await settle(500);
    const got = mine.got.map((g) => g.alertRaised);
    expect(got.map((a) => [a.classId, a.kind, a.learnerId, a.conceptId, a.attempts])).toEqual([[id("k1"), "LOW_MASTERY", id("cat"), id("C"), 3]]);
    expect(got[0]?.p).toBeLessThan(0.5);
    expect(got[0]?.text).toMatch(/after 3 attempts \(threshold 0\.5 after 3\)/);
    mine.stop();
    await t1.dispose();
    await t2.dispose();
  });
});

describe("shared payloads", () => {
  it("executes and serialises a change once for many subscribers with the same operation", async () => {
    const clients = await Promise.all([1, 2, 3, 4].map(async () => wsClient(s, await s.token(Role.TEACHER, id("t1")))));
    const subs = clients.map((c) => collect(c, MasteryChangedDocument, { classId: id("k1") }, () => hub().mastery.size));
    for (const sub of subs) await sub.ready;
    const [serialisations, sent] = [await metric("frontier_live_serialisations"), await metric("frontier_ws_messages_sent")];
    await record(answer("ann", "qB", false));
    await until(() => subs.every((x) => x.got.length >= 1));
    await settle();
    expect(subs.map((x) => x.got.length)).toEqual([1, 1, 1, 1]);
    expect(new Set(subs.map((x) => JSON.stringify(x.got[0]))).size).toBe(1);
    expect((await metric("frontier_live_serialisations")) - serialisations).toBe(1);
    expect((await metric("frontier_ws_messages_sent")) - sent).toBe(4);
    for (const sub of subs) sub.stop();
    await Promise.all(clients.map((c) => c.dispose()));
  });
});

describe("class catch-up", () => {
  it("fills a class dashboard's gap after a reconnect: nothing missing, nothing duplicated", async () => {
    const token = await s.token(Role.TEACHER, id("t1"));
    const since = new Date().toISOString();
    const first = wsClient(s, token);
    const live = collect(first, MasteryChangedDocument, { classId: id("k1") }, () => hub().mastery.size);
    await live.ready;
    await record(answer("ann", "qA", true));
    await until(() => live.got.length >= 1);
    const seen = live.got.map((g) => g.masteryChanged);
    live.stop();
    await first.dispose();

    // Away: two changes for ann, one for cat (who had no change while we watched), one for bob (another class).
    await record(answer("ann", "qA", true), answer("cat", "qA", true), answer("bob", "qA", true));
    await record(answer("ann", "qA", false));

    const second = wsClient(s, token);
    const again = collect(second, MasteryChangedDocument, { classId: id("k1") }, () => hub().mastery.size);
    await again.ready;
    const annLast = Math.max(...seen.filter((c) => c.learnerId === id("ann")).map((c) => c.seq));
    const gap = await s.gql(MasteryChangesDocument, { classId: id("k1"), cursors: [{ learnerId: id("ann"), afterSequence: annLast }], since }, token);
    expect(gap.errors).toBeUndefined();
    await record(answer("cat", "qA", true));
    await until(() => again.got.length >= 1);
    const key = (c: { learnerId: string; seq: number }) => `${c.learnerId}#${c.seq}`;
    const all = [...seen, ...(gap.data?.masteryChangesSince ?? []), ...again.got.map((g) => g.masteryChanged)];
    const keys = all.map(key);
    expect(new Set(keys).size).toBe(keys.length);
    const facts = async (l: string) => ((await s.query("test/learner-facts", { learnerId: id(l) }))[0]?.history ?? []) as Array<{ seq: number }>;
    const annHistory = (await facts("ann")).filter((h) => h.seq >= Math.min(...seen.map((c) => c.seq)));
    const catHistory = (await facts("cat")).slice(-2);
    expect(all.filter((c) => c.learnerId === id("ann")).map((c) => c.seq).sort((a, b) => a - b)).toEqual(annHistory.map((h) => h.seq));
    expect(all.filter((c) => c.learnerId === id("cat")).map((c) => c.seq).sort((a, b) => a - b)).toEqual(catHistory.map((h) => h.seq));
    expect(all.some((c) => c.learnerId === id("bob"))).toBe(false);

    const stranger = await s.gql(MasteryChangesDocument, { classId: id("k1"), cursors: [{ learnerId: id("bob"), afterSequence: 0 }] }, token);
    expect(codes(stranger)).toEqual(["FORBIDDEN"]);
    // Exactly one of learnerId and classId, over HTTP and over the socket alike.
    expect(codes(await s.gql(MasteryChangesDocument, { learnerId: id("ann"), classId: id("k1") }, token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await s.gql(MasteryChangesDocument, {}, token))).toEqual(["BAD_USER_INPUT"]);
    const none = collect(second, MasteryChangedDocument, {}, () => hub().mastery.size);
    await until(() => none.errors.length > 0);
    expect(JSON.stringify(none.errors)).toMatch(/BAD_USER_INPUT/);
    again.stop();
    await second.dispose();
  });
});
