import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../../src/auth/roles.js";
import { ClassAlertsDocument, DataQualityDocument, ImportCurriculumDocument, RecordEventsDocument, SetAlertRulesDocument } from "../../generated/graphql.js";
import { uniquePrefix } from "../../utils/ids.js";
import { codes, startTestServer, type TestServer } from "../../utils/server.js";

let s: TestServer;
const P = uniquePrefix("alerts");
const CLASS = `${P}class`;
let teacher: string;

beforeAll(async () => {
  s = await startTestServer();
  const doc = { concepts: [{ id: `${P}c`, name: "C" }], items: [{ id: `${P}q`, kind: "QUESTION", title: "q", difficulty: 0, assesses: [{ conceptId: `${P}c` }] }] };
  await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer);
  await s.frontier.services.learners.upsertPeople({
    classes: [{ id: CLASS, name: "Alerts" }],
    teachers: [{ id: `${P}teacher`, classIds: [CLASS] }],
    learners: [{ id: `${P}weak`, classIds: [CLASS] }, { id: `${P}strong`, classIds: [CLASS] }, { id: `${P}silent`, classIds: [CLASS] }],
  });
  teacher = await s.token(Role.TEACHER, `${P}teacher`);
  const events = ["weak", "strong"].flatMap((who) =>
    Array.from({ length: 6 }, (_, n) => ({ eventId: `${P}${who}-${n}`, learnerId: `${P}${who}`, itemId: `${P}q`, correct: who === "strong", occurredAt: new Date(Date.now() - (10 - n) * 60_000).toISOString() })),
  );
  const r = await s.gql(RecordEventsDocument, { events }, s.admin);
  expect(r.data?.recordEvents.accepted).toBe(12);
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("class alerts", () => {
  it("raises LOW_MASTERY for a learner below the threshold after enough attempts, and not for others", async () => {
    const r = await s.gql(ClassAlertsDocument, { id: CLASS }, teacher);
    expect(r.data?.classroom?.alertRules).toEqual({ lowMastery: 0.3, minAttempts: 5, inactiveDays: null });
    const alerts = r.data?.classroom?.alerts ?? [];
    expect(alerts.map((a) => [a.kind, a.learnerId, a.conceptId, a.attempts])).toEqual([["LOW_MASTERY", `${P}weak`, `${P}c`, 6]]);
    expect(alerts[0]?.text).toMatch(/after 6 attempts/);
  });

  it("uses the class's own validated thresholds", async () => {
    const bad = await s.gql(SetAlertRulesDocument, { classId: CLASS, rules: { lowMastery: 1.5, minAttempts: 0 } }, teacher);
    expect(codes(bad)).toEqual(["BAD_USER_INPUT"]);
    const set = await s.gql(SetAlertRulesDocument, { classId: CLASS, rules: { lowMastery: 0.3, minAttempts: 10, inactiveDays: 1 } }, teacher);
    expect(set.data?.setAlertRules).toEqual({ lowMastery: 0.3, minAttempts: 10, inactiveDays: 1 });
    const r = await s.gql(ClassAlertsDocument, { id: CLASS }, teacher);
    expect(r.data?.classroom?.alerts.map((a) => [a.kind, a.learnerId])).toEqual([["INACTIVE", `${P}silent`]]);
    const stranger = await s.token(Role.TEACHER, `${P}other-teacher`);
    expect(codes(await s.gql(SetAlertRulesDocument, { classId: CLASS, rules: { lowMastery: 0.2, minAttempts: 3 } }, stranger))).toEqual(["FORBIDDEN"]);
  });
});

describe("data quality", () => {
  it("reports events by kind, rejections by code, freshness and silent learners", async () => {
    const before = (await s.gql(DataQualityDocument, {}, s.admin)).data?.dataQuality;
    const now = new Date().toISOString();
    const more = await s.gql(
      RecordEventsDocument,
      {
        events: [
          { eventId: `${P}bad`, learnerId: `${P}weak`, itemId: `${P}q`, occurredAt: now },
          { eventId: `${P}task`, kind: "ASSIGNMENT", learnerId: `${P}weak`, conceptIds: [`${P}c`], score: 0.5, occurredAt: now },
          { eventId: `${P}view`, kind: "CONTENT_VIEW", learnerId: `${P}weak`, itemId: `${P}q`, watchFraction: 0.9, occurredAt: now },
        ],
      },
      s.admin,
    );
    expect(more.data?.recordEvents.accepted).toBe(2);
    // Counts per kind come from the kind labels: every stored event carries exactly its own.
    const stored = await s.query("test/event-kind-labels", { prefix: P });
    expect(stored).toHaveLength(14);
    const label = { ANSWER: "Answer", ASSIGNMENT: "Assignment", CONTENT_VIEW: "ContentView" } as Record<string, string>;
    for (const e of stored) expect(e.labels).toEqual([label[String(e.kind)]]);
    const r = await s.gql(DataQualityDocument, {}, s.admin);
    const q = r.data?.dataQuality;
    const count = (d: typeof q, kind: string) => d?.eventsByKind.find((k) => k.key === kind)?.count ?? 0;
    // Other test files write events at the same time: each count grew by at least ours.
    expect(count(q, "ANSWER")).toBeGreaterThanOrEqual(12);
    expect(count(q, "ASSIGNMENT") - count(before, "ASSIGNMENT")).toBeGreaterThanOrEqual(1);
    expect(count(q, "CONTENT_VIEW") - count(before, "CONTENT_VIEW")).toBeGreaterThanOrEqual(1);
    expect(q?.rejectedByCode.find((k) => k.key === "INVALID_VALUE")?.count).toBeGreaterThanOrEqual(1);
    expect(Date.parse(q?.latestEventAt ?? "")).toBeGreaterThan(Date.now() - 3600_000);
    expect(q?.learnersWithoutEvents).toBeGreaterThanOrEqual(1);
    expect(codes(await s.gql(DataQualityDocument, {}, teacher))).toEqual(["FORBIDDEN"]);
  });
});
