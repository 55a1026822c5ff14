import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../../src/auth/roles.js";
import { advanceLearner, type ResolvedEvent } from "../../../src/domain/mastery/learner-replay.js";
import { learnerStateFrom, type LearnerState, type StoredLearnerState } from "../../../src/domain/mastery/model.js";
import {
  ImportCurriculumDocument,
  LearnerMasteryDocument,
  LearnerPredictionDocument,
  MasteryHistoryDocument,
  RecordEventsDocument,
  type EventInput,
} from "../../generated/graphql.js";
import { createLogger } from "../../../src/logger.js";
import { migrateLegacyLearnerState } from "../../../src/modules/mastery/legacy-state.js";
import { uniquePrefix } from "../../utils/ids.js";
import { codes, startTestServer, type TestServer } from "../../utils/server.js";

let s: TestServer;
const P = uniquePrefix("events");
const t0 = Date.parse("2026-03-02T09:00:00Z");
const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();

interface Facts {
  events: number;
  mastery: Array<{ conceptId: string; p: number; attempts: number }>;
  history: Array<{ seq: number; conceptId: string; eventId: string; after: number; reason: string }>;
  seq: number;
  state: StoredLearnerState | null;
}
async function facts(learnerId: string): Promise<Facts> {
  const [row] = await s.query("test/learner-facts", { learnerId });
  return row as unknown as Facts;
}

const answer = (learner: string, n: number, item: string, correct: boolean, minute: number): EventInput => ({
  eventId: `${P}${learner}-${n}`,
  learnerId: `${P}${learner}`,
  itemId: `${P}${item}`,
  correct,
  occurredAt: at(minute),
});

/** What the model gives for these events in time order, computed without the server. */
async function expectedState(events: EventInput[], conceptsOf: (itemId: string) => string[]): Promise<LearnerState> {
  const { params } = await s.frontier.services.models.current();
  const resolved: ResolvedEvent[] = events.map((e) => ({
    eventId: e.eventId,
    kind: "ANSWER",
    learnerId: e.learnerId,
    itemId: e.itemId ?? null,
    conceptIds: null,
    concepts: conceptsOf(e.itemId ?? ""),
    score: e.correct ? 1 : 0,
    occurredAt: Date.parse(e.occurredAt),
    durationMs: null,
    hintsUsed: null,
    attemptNumber: null,
    source: null,
    watchFraction: null,
  }));
  const difficulty = { [`${P}q-easy`]: -1, [`${P}q-hard`]: 1, [`${P}q-both`]: 0 };
  const withItems = { ...params, itemDifficulty: { ...params.itemDifficulty, ...difficulty } };
  return (await advanceLearner(withItems, null, null, resolved, async () => ({ events: [], stored: null }), Date.now())).state;
}
const conceptsOf = (itemId: string) => (itemId.endsWith("q-both") ? [`${P}a`, `${P}b`] : [`${P}a`]);

beforeAll(async () => {
  s = await startTestServer();
  const doc = {
    concepts: [
      { id: `${P}a`, name: "A" },
      { id: `${P}b`, name: "B" },
    ],
    prerequisites: [{ conceptId: `${P}b`, prerequisiteId: `${P}a` }],
    items: [
      { id: `${P}q-easy`, kind: "QUESTION", title: "easy", difficulty: -1, assesses: [{ conceptId: `${P}a` }] },
      { id: `${P}q-hard`, kind: "QUESTION", title: "hard", difficulty: 1, assesses: [{ conceptId: `${P}a` }] },
      { id: `${P}q-both`, kind: "EXERCISE", title: "both", difficulty: 0, assesses: [{ conceptId: `${P}a` }, { conceptId: `${P}b` }] },
      { id: `${P}video`, kind: "VIDEO", title: "video", assesses: [{ conceptId: `${P}b` }] },
    ],
  };
  const r = await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer);
  expect(r.data?.importCurriculum.applied).toBe(true);
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("recordEvents", () => {
  it("accepts valid events beside malformed ones, with a code and reason for each rejection", async () => {
    const events: EventInput[] = [
      answer("l1", 1, "q-easy", true, 0),
      { eventId: "bad id!", learnerId: `${P}l1`, itemId: `${P}q-easy`, correct: true, occurredAt: at(1) },
      { eventId: `${P}l1-x2`, learnerId: `${P}l1`, itemId: `${P}q-easy`, correct: true, score: 1, occurredAt: at(1) },
      { eventId: `${P}l1-x3`, learnerId: `${P}l1`, itemId: `${P}q-easy`, correct: true, durationMs: -5, occurredAt: at(1) },
      { eventId: `${P}l1-x4`, learnerId: `${P}l1`, itemId: `${P}nope`, correct: true, occurredAt: at(1) },
      { eventId: `${P}l1-x5`, learnerId: `${P}l1`, conceptIds: [`${P}ghost`], correct: false, occurredAt: at(1) },
      { eventId: `${P}l1-x6`, learnerId: `${P}l1`, itemId: `${P}q-easy`, score: 1.5, occurredAt: at(1) },
      { eventId: `${P}l1-x7`, learnerId: `${P}l1`, itemId: `${P}q-easy`, correct: true, occurredAt: "2099-01-01T00:00:00Z" },
      { eventId: `${P}l1-x8`, kind: "CONTENT_VIEW", learnerId: `${P}l1`, itemId: `${P}video`, occurredAt: at(2) },
      answer("l1", 2, "q-hard", false, 3),
    ];
    const r = await s.gql(RecordEventsDocument, { events }, s.admin);
    expect(r.errors).toBeUndefined();
    const out = r.data?.recordEvents;
    expect(out?.results.map((x) => [x.index, x.status, x.code])).toEqual([
      [0, "ACCEPTED", null],
      [1, "REJECTED", "INVALID_VALUE"],
      [2, "REJECTED", "INVALID_VALUE"],
      [3, "REJECTED", "INVALID_VALUE"],
      [4, "REJECTED", "UNKNOWN_ITEM"],
      [5, "REJECTED", "UNKNOWN_CONCEPT"],
      [6, "REJECTED", "INVALID_VALUE"],
      [7, "REJECTED", "FUTURE_EVENT"],
      [8, "REJECTED", "INVALID_VALUE"],
      [9, "ACCEPTED", null],
    ]);
    expect(out?.results[2]?.reason).toMatch(/correct or score, not both/);
    expect(out?.results[8]?.reason).toMatch(/watchFraction/);
    expect(out?.results[3]?.reason).toMatch(/durationMs/);
    expect(out).toMatchObject({ accepted: 2, rejected: 8, duplicates: 0, masteryChangeCount: 2 });
    const f = await facts(`${P}l1`);
    expect(f.events).toBe(2);
    expect(f.history.map((h) => [h.seq, h.eventId])).toEqual([
      [1, `${P}l1-1`],
      [2, `${P}l1-2`],
    ]);
  });

  it("refuses a whole call whose occurredAt is not a date-time, naming the event, and writes nothing", async () => {
    const before = await facts(`${P}l1`);
    const events = [answer("l1", 7, "q-easy", true, 5), { eventId: `${P}l1-y1`, learnerId: `${P}l1`, itemId: `${P}q-easy`, correct: true, occurredAt: "yesterday" }];
    const r = await s.gql(RecordEventsDocument, { events }, s.admin);
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.message).toMatch(/events\[1\]\.occurredAt/);
    expect(await facts(`${P}l1`)).toEqual(before);
  });

  it("is idempotent: a replayed batch is DUPLICATE and changes nothing", async () => {
    const before = await facts(`${P}l1`);
    const again = [answer("l1", 1, "q-easy", true, 0), answer("l1", 2, "q-hard", false, 3)];
    const r = await s.gql(RecordEventsDocument, { events: [...again, again[0] as EventInput] }, s.admin);
    expect(r.data?.recordEvents).toMatchObject({ accepted: 0, duplicates: 3, masteryChangeCount: 0 });
    expect(await facts(`${P}l1`)).toEqual(before);
  });

  it("atomic: one bad event means nothing is written", async () => {
    const events = [answer("l2", 1, "q-easy", true, 0), { ...answer("l2", 2, "q-easy", true, 1), itemId: `${P}missing` }];
    const r = await s.gql(RecordEventsDocument, { events, atomic: true }, s.admin);
    expect(r.data?.recordEvents.results.map((x) => [x.status, x.code])).toEqual([
      ["NOT_APPLIED", "BATCH_REJECTED"],
      ["REJECTED", "UNKNOWN_ITEM"],
    ]);
    const rows = await s.query("test/learner-facts", { learnerId: `${P}l2` });
    expect(rows).toEqual([]);
  });

  it("updates mastery as the model says, and every item concept for multi-concept items", async () => {
    const events = [answer("l3", 1, "q-easy", true, 0), answer("l3", 2, "q-both", true, 5), answer("l3", 3, "q-hard", true, 10)];
    await s.gql(RecordEventsDocument, { events }, s.admin);
    const expected = await expectedState(events, conceptsOf);
    const f = await facts(`${P}l3`);
    const stored = learnerStateFrom(f.state);
    expect(stored.concepts).toEqual(expected.concepts);
    expect(stored.ability).toBeCloseTo(expected.ability, 12);
    expect(f.mastery.map((m) => m.conceptId).sort()).toEqual([`${P}a`, `${P}b`]);
    expect(f.mastery.find((m) => m.conceptId === `${P}a`)?.p).toBeCloseTo(expected.concepts[`${P}a`]?.mastery ?? -1, 12);
    expect(f.history.filter((h) => h.eventId === `${P}l3-2`).map((h) => h.conceptId).sort()).toEqual([`${P}a`, `${P}b`]);
  });

  it("counts a late event, ending where the time-ordered replay ends, with the history's last entry equal to mastery", async () => {
    const inOrder = [answer("l4", 1, "q-easy", true, 0), answer("l4", 3, "q-hard", false, 20), answer("l4", 4, "q-both", true, 30)];
    const late = answer("l4", 2, "q-easy", false, 10);
    await s.gql(RecordEventsDocument, { events: inOrder }, s.admin);
    const r = await s.gql(RecordEventsDocument, { events: [late] }, s.admin);
    expect(r.data?.recordEvents.accepted).toBe(1);
    const expected = await expectedState([inOrder[0], late, inOrder[1], inOrder[2]] as EventInput[], conceptsOf);
    const f = await facts(`${P}l4`);
    expect((learnerStateFrom(f.state)).concepts).toEqual(expected.concepts);
    for (const m of f.mastery) {
      const last = [...f.history].reverse().find((h) => h.conceptId === m.conceptId);
      expect(last?.after).toBeCloseTo(m.p, 12);
    }
    expect(f.history.some((h) => h.reason === "LATE_EVIDENCE" && h.eventId === late.eventId)).toBe(true);
    expect(f.history.map((h) => h.seq)).toEqual(f.history.map((_, i) => i + 1));
  });

  it("lets concurrent single-answer calls share transactions, each call answered for its own events", async () => {
    const gauge = async (name: string) => {
      const text = await (await fetch(`${s.frontier.url}/metrics`)).text();
      return Number(new RegExp(`^${name} (\\d+)`, "m").exec(text)?.[1] ?? NaN);
    };
    const [calls0, tx0] = [await gauge("frontier_ingest_calls"), await gauge("frontier_ingest_transactions")];
    const learners = ["l10", "l11", "l12", "l13"];
    // Ten answers per learner, sent at once in shuffled order (late events included).
    const sent = learners.flatMap((l, k) => Array.from({ length: 10 }, (_, n) => answer(l, n, n % 3 === 0 ? "q-hard" : "q-easy", (n + k) % 3 !== 0, n * 7)));
    const order = sent.map((e, i) => ({ e, key: (i * 37) % sent.length })).sort((a, b) => a.key - b.key).map((x) => x.e);
    const twice = answer("l10", 99, "q-easy", true, 100);
    const calls = [...order.map((e) => [e]), [twice], [twice]];
    const results = await Promise.all(calls.map((events) => s.gql(RecordEventsDocument, { events }, s.admin)));
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(results.slice(0, order.length).every((r) => r.data?.recordEvents.accepted === 1)).toBe(true);
    const pair = results.slice(order.length).map((r) => r.data?.recordEvents.results[0]?.status).sort();
    expect(pair).toEqual(["ACCEPTED", "DUPLICATE"]);
    const [calls1, tx1] = [await gauge("frontier_ingest_calls"), await gauge("frontier_ingest_transactions")];
    expect(calls1 - calls0).toBe(calls.length);
    expect(tx1 - tx0).toBeLessThan(calls1 - calls0);
    for (const l of learners) {
      const mine = [...sent.filter((e) => e.learnerId === `${P}${l}`), ...(l === "l10" ? [twice] : [])];
      const f = await facts(`${P}${l}`);
      expect(f.events).toBe(mine.length);
      expect(learnerStateFrom(f.state).concepts).toEqual((await expectedState(mine, conceptsOf)).concepts);
      expect(f.history.map((h) => h.seq)).toEqual(f.history.map((_, i) => i + 1));
    }
  });

  it("never answers DUPLICATE for an eventId that was not stored, when concurrent calls reuse it", async () => {
    // Ten eventIds, each sent at once by two calls: one with an unknown item (rejected), one valid.
    const pairs = Array.from({ length: 10 }, (_, n) => {
      const valid = answer("l14", 200 + n, "q-easy", true, 300 + n);
      return [{ ...valid, itemId: `${P}no-such-item` }, valid];
    });
    const results = await Promise.all(pairs.flat().map((e) => s.gql(RecordEventsDocument, { events: [e] }, s.admin)));
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    const stored = (await facts(`${P}l14`)).events;
    let accepted = 0;
    pairs.forEach((_, n) => {
      const statuses = [results[2 * n], results[2 * n + 1]].map((r) => r?.data?.recordEvents.results[0]?.status);
      accepted += statuses.filter((x) => x === "ACCEPTED").length;
      // DUPLICATE is only ever said of a copy whose twin was stored.
      if (statuses.includes("DUPLICATE")) expect(statuses).toContain("ACCEPTED");
      expect(statuses.filter((x) => x === "ACCEPTED").length).toBeLessThanOrEqual(1);
    });
    expect(stored).toBe(accepted);
  });

  it("loses no update with many parallel writers for one learner", async () => {
    const writers = 12;
    const perWriter = 5;
    const all: EventInput[] = [];
    const batches = Array.from({ length: writers }, (_, w) =>
      Array.from({ length: perWriter }, (_, k) => {
        const n = w * perWriter + k;
        const e = answer("l5", n, n % 3 === 0 ? "q-hard" : "q-easy", n % 4 !== 0, n);
        all.push(e);
        return e;
      }),
    );
    const results = await Promise.all(batches.map((events) => s.gql(RecordEventsDocument, { events }, s.admin)));
    expect(results.every((r) => r.data?.recordEvents.accepted === perWriter)).toBe(true);
    const f = await facts(`${P}l5`);
    expect(f.events).toBe(writers * perWriter);
    const stored = learnerStateFrom(f.state);
    expect(stored.attempts).toBe(writers * perWriter);
    const expected = await expectedState([...all].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt)), conceptsOf);
    expect(stored.concepts[`${P}a`]?.mastery).toBeCloseTo(expected.concepts[`${P}a`]?.mastery ?? -1, 9);
    expect(new Set(f.history.map((h) => h.seq)).size).toBe(f.history.length);
  });

  it("lets learners record only their own events", async () => {
    const token = await s.token(Role.LEARNER, `${P}l6`);
    const r = await s.gql(RecordEventsDocument, { events: [answer("l6", 1, "q-easy", true, 0), answer("l7", 1, "q-easy", true, 0)] }, token);
    expect(r.data?.recordEvents.results.map((x) => [x.status, x.code])).toEqual([
      ["ACCEPTED", null],
      ["REJECTED", "FORBIDDEN"],
    ]);
    const designer = await s.gql(RecordEventsDocument, { events: [answer("l6", 2, "q-easy", true, 1)] }, s.designer);
    expect(codes(designer)).toEqual(["FORBIDDEN"]);
  });
});

describe("stored model state", () => {
  it("keeps the state on MASTERY edges only, and moves state stored in the old kt format there at start-up", async () => {
    const events = [answer("l9", 1, "q-easy", true, 0), answer("l9", 2, "q-both", false, 5)];
    await s.gql(RecordEventsDocument, { events }, s.admin);
    const before = await facts(`${P}l9`);
    const state = learnerStateFrom(before.state);
    expect(state).toEqual(await expectedState(events, conceptsOf));
    const [legacy] = await s.query("test/to-legacy-state", { learnerId: `${P}l9`, kt: JSON.stringify(state) });
    expect(legacy).toMatchObject({ edges: 2, left: [], events: null });
    // Any server starting now (other test files) migrates it too: only the end state is certain.
    await migrateLegacyLearnerState(s.frontier.infra.db, createLogger("silent"));
    expect(learnerStateFrom((await facts(`${P}l9`)).state)).toEqual(state);
    // The next answer builds on the migrated state.
    const next = answer("l9", 3, "q-easy", true, 9);
    await s.gql(RecordEventsDocument, { events: [next] }, s.admin);
    expect(learnerStateFrom((await facts(`${P}l9`)).state)).toEqual(await expectedState([...events, next], conceptsOf));
  });
});

describe("reading mastery", () => {
  it("answers mastery with explanations, predictions and the history behind it", async () => {
    const token = await s.token(Role.LEARNER, `${P}l3`);
    const m = await s.gql(LearnerMasteryDocument, { id: `${P}l3`, conceptIds: [`${P}a`, `${P}b`] }, token);
    const [a, b] = m.data?.learner?.mastery ?? [];
    expect(a).toMatchObject({ conceptId: `${P}a`, practised: true, attempts: 3 });
    expect(a?.explanation.map((x) => x.text)).toContain("3 of the last 3 answers correct");
    expect(b).toMatchObject({ conceptId: `${P}b`, attempts: 1 });
    const facts3 = learnerStateFrom((await facts(`${P}l3`)).state);
    expect(a?.storedP).toBeCloseTo(facts3.concepts[`${P}a`]?.mastery ?? -1, 12);

    const pred = await s.gql(LearnerPredictionDocument, { id: `${P}l3`, itemId: `${P}q-hard` }, token);
    const p = pred.data?.learner?.predictedCorrect;
    expect(p?.p).toBeGreaterThan(0);
    expect(p?.p).toBeLessThan(1);
    expect(p?.terms.find((t) => t.name === "DIFFICULTY")?.logit).toBe(-1);

    const h = await s.gql(MasteryHistoryDocument, { learnerId: `${P}l3`, conceptId: `${P}a` }, token);
    expect(h.errors).toBeUndefined();
    expect(h.data?.masteryHistory.map((x) => x.eventId)).toEqual([`${P}l3-1`, `${P}l3-2`, `${P}l3-3`]);
    expect(h.data?.masteryHistory[2]?.after).toBeCloseTo(a?.storedP ?? -1, 12);
    const other = await s.gql(MasteryHistoryDocument, { learnerId: `${P}l4` }, token);
    expect(codes(other)).toEqual(["FORBIDDEN"]);
    const badTime = await s.gql(MasteryHistoryDocument, { learnerId: `${P}l3`, from: "soon" }, token);
    expect(codes(badTime)).toEqual(["BAD_USER_INPUT"]);
  });
});
