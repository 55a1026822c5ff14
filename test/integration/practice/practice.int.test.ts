import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../../src/auth/roles.js";
import {
  ClassPracticeDocument,
  ImportCurriculumDocument,
  LearnerMilestoneDocument,
  LearnerPracticeDocument,
  RecordEventsDocument,
  SetPracticeSettingsDocument,
} from "../../generated/graphql.js";
import { uniquePrefix } from "../../utils/ids.js";
import { codes, startTestServer, type TestServer } from "../../utils/server.js";
import { collect, until, wsClient } from "../../utils/ws.js";

let s: TestServer;
const P = uniquePrefix("practice");
const c = (x: string) => `${P}${x}`;
const TOKYO = c("tokyo");
const NY = c("ny");
const FRESH = c("fresh");
const DAY = 86_400_000;

/** Tokyo is UTC+9 all year (no daylight saving): its calendar date by hand. */
const tokyoDate = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
/** 12:00 in Tokyo on a date = 03:00 UTC that day. */
const tokyoNoon = (date: string) => Date.parse(`${date}T03:00:00Z`);

let n = 0;
async function answers(learnerId: string, times: number[]) {
  const events = times.map((t) => ({ eventId: `${learnerId}-${n++}`, learnerId, itemId: c("a-q"), correct: true, occurredAt: new Date(t).toISOString(), durationMs: 120_000 }));
  const r = await s.gql(RecordEventsDocument, { events }, s.admin);
  expect(r.data?.recordEvents.accepted).toBe(events.length);
}

async function practice(id: string) {
  const r = await s.gql(LearnerPracticeDocument, { id }, s.admin);
  expect(r.errors).toBeUndefined();
  return r.data?.learner?.practice;
}

beforeAll(async () => {
  s = await startTestServer();
  const doc = {
    topics: [{ id: c("topic"), name: "Practice subject", level: "SUBJECT" }],
    concepts: [{ id: c("a"), name: "A", topicId: c("topic") }],
    items: [{ id: c("a-q"), kind: "QUESTION", title: "a q", difficulty: 0, assesses: [{ conceptId: c("a") }] }],
  };
  expect((await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer)).data?.importCurriculum.applied).toBe(true);
  await s.frontier.services.learners.upsertPeople({
    classes: [{ id: c("class"), name: "Class" }],
    teachers: [{ id: c("teacher"), classIds: [c("class")] }],
    learners: [TOKYO, NY].map((id) => ({ id, classIds: [c("class")] })).concat([{ id: FRESH, classIds: [] }]),
  });
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("practice settings", () => {
  it("stores the zone and targets; refuses unknown zones and other learners", async () => {
    const r = await s.gql(SetPracticeSettingsDocument, { learnerId: TOKYO, settings: { timeZone: "Asia/Tokyo", dailyTarget: { kind: "ANSWERS", value: 2 }, weeklyTarget: 1000 } }, s.admin);
    expect(r.errors).toBeUndefined();
    expect(r.data?.setPracticeSettings.weeklyTarget).toBe(1000);
    expect(r.data?.setPracticeSettings.timeZone).toBe("Asia/Tokyo");
    expect(r.data?.setPracticeSettings.dailyTarget).toEqual({ kind: "ANSWERS", value: 2 });
    const [row] = await s.query("test/learner-settings", { id: TOKYO });
    expect(row).toEqual({ timeZone: "Asia/Tokyo", dailyTargetKind: "ANSWERS", dailyTargetValue: 2, weeklyTarget: 1000 });
    expect(codes(await s.gql(SetPracticeSettingsDocument, { learnerId: TOKYO, settings: { timeZone: "Mars/Olympus" } }, s.admin))).toEqual(["BAD_USER_INPUT"]);
    const other = await s.token(Role.LEARNER, NY);
    expect(codes(await s.gql(SetPracticeSettingsDocument, { learnerId: TOKYO, settings: { weeklyTarget: 3 } }, other))).toEqual(["FORBIDDEN"]);
    // Unset: UTC and one answer a day.
    expect((await practice(NY))?.timeZone).toBe("UTC");
    expect((await practice(NY))?.dailyTarget).toEqual({ kind: "ANSWERS", value: 1 });
  });
});

describe("streaks from events, in the learner's zone", () => {
  const today = tokyoDate(Date.now() - 60_000);
  const back = (k: number) => new Date(Date.parse(`${today}T00:00:00Z`) - k * DAY).toISOString().slice(0, 10);

  it("counts local days meeting the target; a late event mends a gap; a milestone is pushed", async () => {
    // Two answers at local noon on each of the 6 days before today, except one on day −3 (not met).
    const times = [1, 2, 3, 4, 5, 6].flatMap((k) => (k === 3 ? [tokyoNoon(back(k))] : [tokyoNoon(back(k)), tokyoNoon(back(k)) + 60_000]));
    await answers(TOKYO, times);
    let p = await practice(TOKYO);
    expect(p?.today).toBe(today);
    // Days −1, −2 met (today not yet: the streak through yesterday is alive); −3 not; −4..−6 met.
    expect(p?.currentStreak).toBe(2);
    expect(p?.longestStreak).toBe(3);
    expect(p?.daysPractisedLast28).toBe(5);
    expect(p?.days.map((d) => [d.date, d.answers, d.met])).toEqual([6, 5, 4, 3, 2, 1].map((k) => [back(k), k === 3 ? 1 : 2, k !== 3]));

    // The missing answer for day −3 arrives late: recomputed, six days in a row.
    await answers(TOKYO, [tokyoNoon(back(3)) + 120_000]);
    p = await practice(TOKYO);
    expect(p?.currentStreak).toBe(6);
    // Eleven correct answers mastered A: its topic's milestone holds already (and is not pushed again below).
    expect(p?.milestones.map((m) => [m.kind, m.subject])).toEqual([["FIRST_MASTERED_IN_TOPIC", c("topic")]]);

    // Subscribe, then practise twice today: day 7 of the streak, and today's target.
    const client = wsClient(s, await s.token(Role.LEARNER, TOKYO));
    const sub = collect(client, LearnerMilestoneDocument, { learnerId: TOKYO }, () => s.frontier.services.live.hub.milestones.size);
    await sub.ready;
    await answers(TOKYO, [Date.now() - 60_000, Date.now() - 30_000]);
    expect(await until(() => sub.got.length >= 2)).toBe(true);
    expect(sub.got.map((g) => [g.learnerMilestone.kind, g.learnerMilestone.subject, g.learnerMilestone.date])).toEqual([
      ["STREAK_7", back(6), today],
      ["DAILY_GOAL", today, today],
    ]);
    expect(sub.got[0]?.learnerMilestone.text).toBe(`7 days in a row (since ${back(6)}).`);
    sub.stop();
    await client.dispose();
    p = await practice(TOKYO);
    expect(p?.currentStreak).toBe(7);
    expect(p?.milestones.map((m) => m.kind)).toEqual(["STREAK_7", "DAILY_GOAL", "FIRST_MASTERED_IN_TOPIC"]);
  });

  it("the same instant falls on another day in another zone", async () => {
    expect((await s.gql(SetPracticeSettingsDocument, { learnerId: NY, settings: { timeZone: "America/New_York" } }, s.admin)).errors).toBeUndefined();
    // 02:00 UTC is the previous evening in New York (−4 or −5 h, whichever applies).
    const utcDay = new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10);
    await answers(NY, [Date.parse(`${utcDay}T02:00:00Z`)]);
    const p = await practice(NY);
    const nyDay = new Date(Date.parse(`${utcDay}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
    expect(p?.days.map((d) => d.date)).toEqual([nyDay]);
  });

  it("pushes the first concept mastered in a topic when evidence gets there", async () => {
    expect((await practice(FRESH))?.milestones).toEqual([]);
    const client = wsClient(s, await s.token(Role.LEARNER, FRESH));
    const sub = collect(client, LearnerMilestoneDocument, { learnerId: FRESH }, () => s.frontier.services.live.hub.milestones.size);
    await sub.ready;
    const t = Date.now() - 120_000;
    await answers(FRESH, Array.from({ length: 10 }, (_, i) => t + i * 1000));
    expect(await until(() => sub.got.some((g) => g.learnerMilestone.kind === "FIRST_MASTERED_IN_TOPIC"))).toBe(true);
    expect(sub.got.find((g) => g.learnerMilestone.kind === "FIRST_MASTERED_IN_TOPIC")?.learnerMilestone.subject).toBe(c("topic"));
    sub.stop();
    await client.dispose();
  });

  it("the teacher's class view lists each learner's streak and week", async () => {
    const teacher = await s.token(Role.TEACHER, c("teacher"));
    const r = await s.gql(ClassPracticeDocument, { id: c("class") }, teacher);
    expect(r.errors).toBeUndefined();
    const rows = r.data?.classroom?.practice ?? [];
    expect(rows.map((x) => x.learnerId)).toEqual([NY, TOKYO].sort());
    expect(rows.find((x) => x.learnerId === TOKYO)?.currentStreak).toBe(7);
    expect(rows.find((x) => x.learnerId === TOKYO)?.milestones.map((m) => m.kind)).toContain("STREAK_7");
    const stranger = await s.token(Role.TEACHER, c("other-teacher"));
    expect(codes(await s.gql(ClassPracticeDocument, { id: c("class") }, stranger))).toEqual(["FORBIDDEN"]);
  });
});
