import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CorrectMasteryDocument, DeleteConceptDocument, ImportCurriculumDocument, LearnerMasteryDocument, RecordEventsDocument, RecommendationsDocument, ReviewQueueDocument, SetGoalDocument } from "../../generated/graphql.js";
import { uniquePrefix } from "../../utils/ids.js";
import { startTestServer, type TestServer } from "../../utils/server.js";

/**
 * Per-process learner snapshots (src/modules/mastery/learner-snapshots.ts) are exact on every
 * read: two servers share the real Neo4j and nothing else (no Redis). B holds the learner's
 * snapshot (it has just read it); every write through A (answers, a correction, a goal, a
 * deleted concept) must show on B's very next read, and B's figures must be those stored in
 * Neo4j, read here with a separate query.
 */
const P = uniquePrefix("snap");
const bob = `${P}bob`;
let a: TestServer;
let b: TestServer;
let t = Date.now() - 3_600_000;
const answers = (itemId: string, correct: boolean[]) => correct.map((c, k) => ({ eventId: `${P}e${itemId}${t}-${k}`, learnerId: bob, itemId: `${P}${itemId}`, correct: c, occurredAt: new Date((t += 60_000)).toISOString() }));

const stored = async () => {
  const [row] = await a.query("test/learner-rev", { learnerId: bob });
  return row as { rev: string | null; mastery: Array<{ conceptId: string; p: number; attempts: number }> };
};
const masteryOn = async (s: TestServer) => {
  const r = await s.gql(LearnerMasteryDocument, { id: bob }, s.admin);
  expect(r.errors).toBeUndefined();
  return new Map((r.data?.learner?.mastery ?? []).map((m) => [m.conceptId.slice(P.length), { storedP: m.storedP, attempts: m.attempts }]));
};
const recsOn = async (s: TestServer) => {
  const r = await s.gql(RecommendationsDocument, { id: bob, limit: 10 }, s.admin);
  expect(r.errors).toBeUndefined();
  return r.data?.learner?.recommendations ?? [];
};

beforeAll(async () => {
  [a, b] = await Promise.all([startTestServer(), startTestServer()]);
  const doc = {
    concepts: ["x", "y", "z", "w"].map((c) => ({ id: `${P}${c}`, name: c.toUpperCase() })),
    // Y, Z and W need X, which Bob masters first: all three are on his frontier.
    prerequisites: ["y", "z", "w"].map((c) => ({ conceptId: `${P}${c}`, prerequisiteId: `${P}x` })),
    items: [
      ...["x", "y", "z", "w"].flatMap((c) => [1, 2, 3].map((k) => ({ id: `${P}q${c}${k}`, kind: "QUESTION", title: `q${c}${k}`, difficulty: c === "z" ? -1.5 : -k, assesses: [{ conceptId: `${P}${c}` }] }))),
    ],
  };
  expect((await a.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, a.designer)).errors).toBeUndefined();
  expect((await a.gql(RecordEventsDocument, { events: answers("qx1", [true, true, true, true, true]) }, a.admin)).errors).toBeUndefined();
}, 120_000);

afterAll(async () => {
  await a?.cleanup(P);
  await Promise.all([a?.stop(), b?.stop()]);
});

describe("learner snapshots held by another server are exact on its next read", () => {
  it("shows answers recorded through A on B at once, with the figures stored in Neo4j", async () => {
    const before = await masteryOn(b);
    expect(before.get("x")?.attempts).toBe(5);
    expect(before.get("y")).toBeUndefined();
    const rev0 = (await stored()).rev;
    expect(typeof rev0).toBe("string");

    expect((await a.gql(RecordEventsDocument, { events: answers("qy1", [false, false, true]) }, a.admin)).errors).toBeUndefined();
    const db = await stored();
    expect(db.rev).not.toBe(rev0);
    const y = db.mastery.find((m) => m.conceptId === `${P}y`);
    expect(y?.attempts).toBe(3);
    const after = await masteryOn(b);
    expect(after.get("y")).toEqual({ storedP: y?.p, attempts: 3 });
  });

  it("leaves out of B's items what was just attempted through A", async () => {
    const itemsOfZ = async () => (await recsOn(b)).find((r) => r.concept.id === `${P}z`)?.items.map((i) => i.item.id.slice(P.length)) ?? null;
    const first = await itemsOfZ();
    expect(first).not.toBeNull();
    expect(first).toContain("qz1");
    // A wrong answer: Z stays unmastered and its other items (the same difficulty) stay in the band.
    expect((await a.gql(RecordEventsDocument, { events: answers("qz1", [false]) }, a.admin)).errors).toBeUndefined();
    const second = await itemsOfZ();
    expect(second).not.toBeNull();
    expect(second).not.toContain("qz1");
    expect(second?.length).toBeGreaterThan(0);
  });

  it("shows a goal set through A in B's ranking at once", async () => {
    const goalFactor = async () => (await recsOn(b)).find((r) => r.concept.id === `${P}w`)?.factors.find((f) => f.name === "GOAL_RELEVANCE")?.value;
    expect(await goalFactor()).toBe(0);
    expect((await a.gql(SetGoalDocument, { learnerId: bob, conceptId: `${P}w` }, a.admin)).errors).toBeUndefined();
    expect(await goalFactor()).toBe(1);
  });

  it("shows a teacher's correction through A on B at once", async () => {
    expect((await masteryOn(b)).get("z")?.storedP).not.toBe(0.2);
    const r = await a.gql(CorrectMasteryDocument, { learnerId: bob, conceptId: `${P}z`, p: 0.2, reason: "knows less than the answers say" }, a.admin);
    expect(r.errors).toBeUndefined();
    const z = (await stored()).mastery.find((m) => m.conceptId === `${P}z`);
    expect(z?.p).toBeCloseTo(0.2, 12);
    expect((await masteryOn(b)).get("z")?.storedP).toBe(z?.p);
  });

  it("drops a concept deleted through A from B's view of the learner at once", async () => {
    expect((await masteryOn(b)).has("x")).toBe(true);
    // Review and the rest read the same snapshot: warm it through another field too.
    expect((await b.gql(ReviewQueueDocument, { id: bob }, b.admin)).errors).toBeUndefined();
    expect((await a.gql(DeleteConceptDocument, { id: `${P}x`, detach: true }, a.designer)).errors).toBeUndefined();
    expect((await stored()).mastery.some((m) => m.conceptId === `${P}x`)).toBe(false);
    expect((await masteryOn(b)).has("x")).toBe(false);
  });

  it("serves many learners read at once from one server, each with their own stored state", async () => {
    // Ten learners answer different numbers of questions; B reads all of them in one burst
    // (batched into shared statements) and each one's attempts must be their own.
    const ids = Array.from({ length: 10 }, (_, k) => `${P}l${k}`);
    const events = ids.flatMap((id, k) => Array.from({ length: k + 1 }, (_, j) => ({ eventId: `${P}m${k}-${j}`, learnerId: id, itemId: `${P}qw1`, correct: j % 2 === 0, occurredAt: new Date(Date.now() - 1_000_000 + j * 1000).toISOString() })));
    expect((await a.gql(RecordEventsDocument, { events }, a.admin)).errors).toBeUndefined();
    const read = await Promise.all(ids.map((id) => b.gql(LearnerMasteryDocument, { id, conceptIds: [`${P}w`] }, b.admin)));
    expect(read.map((r) => r.data?.learner?.mastery[0]?.attempts)).toEqual(ids.map((_, k) => k + 1));
  });
});

describe("the snapshots a process holds stay within LEARNER_CACHE_UNITS", () => {
  const Q = uniquePrefix("snapcap");
  let s: TestServer;
  const gauge = async (name: string) => {
    const text = await (await fetch(`${s.frontier.url}/metrics`)).text();
    const line = text.split("\n").find((l) => l.startsWith(`${name} `));
    return Number(line?.split(" ")[1] ?? Number.NaN);
  };
  const read = async (k: number) => {
    const r = await s.gql(LearnerMasteryDocument, { id: `${Q}l${k}` }, s.admin);
    expect(r.errors).toBeUndefined();
    return r.data?.learner?.mastery.map((m) => m.attempts);
  };

  beforeAll(async () => {
    // 10 units: a learner with one practised concept and one recent attempt costs 3, so 3 fit.
    s = await startTestServer({ LEARNER_CACHE_UNITS: "10" });
    const doc = { concepts: [{ id: `${Q}c`, name: "C" }], items: [{ id: `${Q}q`, kind: "QUESTION", title: "q", assesses: [{ conceptId: `${Q}c` }] }] };
    expect((await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer)).errors).toBeUndefined();
    const events = [0, 1, 2, 3, 4].map((k) => ({ eventId: `${Q}e${k}`, learnerId: `${Q}l${k}`, itemId: `${Q}q`, correct: true, occurredAt: new Date(Date.now() - 60_000).toISOString() }));
    expect((await s.gql(RecordEventsDocument, { events }, s.admin)).errors).toBeUndefined();
  }, 120_000);
  afterAll(async () => {
    await s?.cleanup(Q);
    await s?.stop();
  });

  it("keeps the three most recently read learners, reads the others again, and answers every read alike", async () => {
    const hits0 = await gauge("frontier_learner_snapshot_hits");
    const reads0 = await gauge("frontier_learner_snapshot_reads");
    for (const k of [0, 1, 2, 3, 4]) expect(await read(k)).toEqual([1]);
    expect(await gauge("frontier_learner_snapshot_units")).toBe(9);
    expect(await gauge("frontier_learner_snapshots_held")).toBe(3);
    expect(await gauge("frontier_learner_snapshot_reads")).toBe(reads0 + 5);
    // Learner 4 was read last: held. Learner 0 went first: read again (and now held, pushing out 2).
    expect(await read(4)).toEqual([1]);
    expect(await gauge("frontier_learner_snapshot_hits")).toBe(hits0 + 1);
    expect(await read(0)).toEqual([1]);
    expect(await gauge("frontier_learner_snapshot_reads")).toBe(reads0 + 6);
    expect(await read(3)).toEqual([1]);
    expect(await gauge("frontier_learner_snapshot_hits")).toBe(hits0 + 2);
    expect(await read(2)).toEqual([1]);
    expect(await gauge("frontier_learner_snapshot_reads")).toBe(reads0 + 7);
    expect(await gauge("frontier_learner_snapshot_units")).toBeLessThanOrEqual(10);
  });
});
