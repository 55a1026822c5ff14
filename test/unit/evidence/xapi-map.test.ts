import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, durationMs } from "../../../src/domain/evidence/common.js";
import { DEFAULT_VERBS, learnerOf, mapStatement, pseudonymise, scoreOf, VIDEO_PROGRESS, type VerbRule } from "../../../src/domain/evidence/xapi.js";
import examples from "../../fixtures/evidence/xapi-spec-examples.json" with { type: "json" };

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");
const ADL = "http://adlnet.gov/expapi/verbs/";
const itemOf = (a: string) => (a.startsWith("https://school.example/items/") ? a.slice("https://school.example/items/".length) : null);
const mapping = (verbs: Record<string, VerbRule> = {}) => ({ verbs: { ...DEFAULT_VERBS, ...verbs }, itemOf, source: "xapi:test" });
const statement = (verb: string, result: Record<string, unknown> | undefined, object = "https://school.example/items/q1") => ({
  id: "6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
  actor: { account: { homePage: "https://lms.example", name: "learner-7" } },
  verb: { id: verb.includes(":") ? verb : `${ADL}${verb}`, display: { "en-US": verb } },
  object: { id: object },
  ...(result ? { result } : {}),
  timestamp: "2026-11-22T10:15:00.000Z",
});

describe("ISO 8601 durations", () => {
  it("reads weeks, days, hours, minutes and fractional seconds, and refuses what has no fixed length", () => {
    expect(durationMs("PT42S")).toBe(42_000);
    expect(durationMs("PT1M3.5S")).toBe(63_500);
    expect(durationMs("PT2H")).toBe(7_200_000);
    expect(durationMs("P0DT0H0M1S")).toBe(1000);
    expect(durationMs("P1Y")).toBeNull();
    expect(durationMs("P2DT1S")).toBeNull(); // over a day: a session left open, dropped
    expect(durationMs("PT")).toBeNull();
    expect(durationMs("42")).toBeNull();
    expect(durationMs(undefined)).toBeNull();
  });
});

describe("scores", () => {
  it("uses scaled (negative counts as 0), then raw within min/max, then a raw already in [0, 1]", () => {
    expect(scoreOf({ score: { scaled: 0.95 } })).toBe(0.95);
    expect(scoreOf({ score: { scaled: -0.4 } })).toBe(0);
    expect(scoreOf({ score: { raw: 7, min: 2, max: 12 } })).toBe(0.5);
    expect(scoreOf({ score: { raw: 0.25 } })).toBe(0.25);
    expect(scoreOf({ score: { raw: 7 } })).toBeNull();
    expect(scoreOf({ success: true })).toBeNull();
  });
});

describe("pseudonymise and actors", () => {
  it("replaces every agent's plain mbox with its SHA-1 and drops agent names, keeping activity names", () => {
    const out = pseudonymise(examples.completed) as typeof examples.completed & { actor: Record<string, unknown> };
    const text = JSON.stringify(out);
    expect(text).not.toContain("mailto:");
    expect(text).not.toContain("Sally");
    expect(text).not.toContain("Irene");
    expect(out.actor).toEqual({ mbox_sha1sum: sha1("mailto:sally@example.com") });
    expect(out.object.definition.name).toEqual({ "en-US": "Hang Gliding Test" });
    expect(learnerOf(out.actor)).toEqual({ learnerId: `mbox-${sha1("mailto:sally@example.com")}` });
    // The same person sent by mbox_sha1sum is the same learner.
    expect(learnerOf({ mbox_sha1sum: sha1("mailto:sally@example.com").toUpperCase() })).toEqual(learnerOf(out.actor));
  });

  it("maps accounts to their name when it is a valid id, and hashes other identifiers", () => {
    expect(learnerOf({ account: { homePage: "https://lms.example", name: "learner-7" } })).toEqual({ learnerId: "learner-7" });
    expect(learnerOf({ account: { homePage: "https://lms.example", name: "Jane Doe" } })).toEqual({ learnerId: `acct-${sha1("https://lms.example|Jane Doe")}` });
    expect(learnerOf({ openid: "https://id.example/jane" })).toEqual({ learnerId: `openid-${sha1("https://id.example/jane")}` });
    expect(learnerOf({ objectType: "Group", member: [] })).toMatchObject({ code: "UNKNOWN_ACTOR" });
  });

  it("gives equal statements the same canonical text whatever their key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });
});

describe("mapStatement: verbs onto the event contract", () => {
  const event = (s: ReturnType<typeof statement>, verbs?: Record<string, VerbRule>) => {
    const m = mapStatement(s, mapping(verbs));
    return "event" in m ? m.event : m.notEvidence;
  };
  const common = { eventId: "xapi-6690e6c9-3ef0-4ed3-8b37-7f3964730bee", learnerId: "learner-7", itemId: "q1", occurredAt: "2026-11-22T10:15:00.000Z", source: "xapi:test" };

  it("answered: an ANSWER, correct from success or partial credit from the score, duration kept", () => {
    expect(event(statement("answered", { success: true, duration: "PT42S" }))).toEqual({ ...common, kind: "ANSWER", correct: true, durationMs: 42_000 });
    expect(event(statement("answered", { success: false, score: { scaled: 0.5 } }))).toEqual({ ...common, kind: "ANSWER", score: 0.5, durationMs: null });
    expect(event(statement("attempted", { score: { raw: 3, min: 0, max: 4 } }))).toEqual({ ...common, kind: "ANSWER", score: 0.75, durationMs: null });
    expect(event(statement("answered", {}))).toMatchObject({ code: "NO_RESULT" });
    expect(event(statement("attempted", undefined))).toMatchObject({ code: "NO_RESULT" });
  });

  it("completed, passed, failed: ASSIGNMENTs; completed without a result is a finished content view", () => {
    expect(event(statement("completed", { success: true, score: { scaled: 0.95 } }))).toEqual({ ...common, kind: "ASSIGNMENT", score: 0.95, durationMs: null });
    expect(event(statement("completed", { completion: true }))).toEqual({ ...common, kind: "CONTENT_VIEW", watchFraction: 1, durationMs: null });
    expect(event(statement("passed", {}))).toEqual({ ...common, kind: "ASSIGNMENT", score: 1, durationMs: null });
    expect(event(statement("failed", { score: { scaled: 0.3 } }))).toEqual({ ...common, kind: "ASSIGNMENT", score: 0.3, durationMs: null });
    expect(event(statement("failed", undefined))).toEqual({ ...common, kind: "ASSIGNMENT", score: 0, durationMs: null });
  });

  it("experienced: a CONTENT_VIEW, watchFraction from the video profile's progress; other verbs only through XAPI_VERBS", () => {
    expect(event(statement("experienced", { extensions: { [VIDEO_PROGRESS]: 0.4 } }))).toEqual({ ...common, kind: "CONTENT_VIEW", watchFraction: 0.4, durationMs: null });
    expect(event(statement("experienced", { completion: false }))).toEqual({ ...common, kind: "CONTENT_VIEW", watchFraction: 0, durationMs: null });
    const watched = "https://w3id.org/xapi/video/verbs/watched";
    expect(event(statement(watched, undefined))).toMatchObject({ code: "UNMAPPED_VERB" });
    expect(event(statement(watched, undefined), { [watched]: "experienced" })).toMatchObject({ kind: "CONTENT_VIEW", watchFraction: 1 });
    expect(event(statement("answered", { success: true }), { [`${ADL}answered`]: "ignore" })).toMatchObject({ code: "IGNORED_VERB" });
    expect(event(statement("voided", undefined))).toMatchObject({ code: "IGNORED_VERB" });
  });

  it("is NOT_EVIDENCE, with a reason, for unmapped activities and objects that are not activities", () => {
    expect(event(statement("answered", { success: true }, "https://elsewhere.example/q1"))).toMatchObject({ code: "UNMAPPED_ACTIVITY", reason: expect.stringContaining("elsewhere.example") });
    const s = { ...statement("answered", { success: true }), object: { objectType: "StatementRef", id: "6690e6c9-3ef0-4ed3-8b37-7f3964730bee" } };
    expect(event(s as ReturnType<typeof statement>)).toMatchObject({ code: "NOT_AN_ACTIVITY" });
  });
});
