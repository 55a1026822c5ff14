import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../../src/auth/roles.js";
import { replayTimeline, type ResolvedEvent } from "../../../src/domain/mastery/learner-replay.js";
import { clamp, conceptParamsFor, logit, sigmoid } from "../../../src/domain/mastery/model.js";
import {
  ClassCorrectionsDocument,
  CorrectMasteryDocument,
  HistoryWithExplanationsDocument,
  ImportCurriculumDocument,
  LearnerCorrectionsDocument,
  MasteryChangedDocument,
  RecordEventsDocument,
  RevertCorrectionDocument,
  type EventInput,
} from "../../generated/graphql.js";
import { uniquePrefix } from "../../utils/ids.js";
import { codes, startTestServer, type TestServer } from "../../utils/server.js";
import { collect, wsClient } from "../../utils/ws.js";

let s: TestServer;
const P = uniquePrefix("corr");
const [A, B] = [`${P}a`, `${P}b`];
const [L1, TWIN, L3] = [`${P}l1`, `${P}twin`, `${P}l3`];
const [T1, T2] = [`${P}ada`, `${P}bob`];
const [C1, C2] = [`${P}class-1`, `${P}class-2`];
const REASON = "passed the unit test on paper";
let tok: Record<"t1" | "t2" | "l1" | "admin" | "designer", string>;

interface Facts {
  events: number;
  mastery: Array<{ conceptId: string; p: number; attempts: number }>;
  history: Array<{ seq: number; conceptId: string; eventId: string; after: number; reason: string }>;
  state: { ability: number | null };
}
const facts = async (learnerId: string) => ((await s.query("test/learner-facts", { learnerId }))[0] ?? { events: 0, mastery: [], history: [], state: { ability: 0 } }) as unknown as Facts;
const stored = (f: Facts, conceptId: string) => f.mastery.find((m) => m.conceptId === conceptId)?.p;
const t0 = Date.now() - 30 * 60_000;
const at = (min: number) => new Date(t0 + min * 60_000).toISOString();
const answer = (learner: string, n: number, item: string, correct: boolean, min: number): EventInput => ({ eventId: `${learner}-e${n}`, learnerId: learner, itemId: `${P}${item}`, correct, occurredAt: at(min) });
const record = async (events: EventInput[]) => {
  const r = await s.gql(RecordEventsDocument, { events }, s.admin);
  expect(r.data?.recordEvents.accepted).toBe(events.length);
};

beforeAll(async () => {
  s = await startTestServer();
  const doc = {
    concepts: [{ id: A, name: "A" }, { id: B, name: "B" }],
    items: [
      { id: `${P}qa`, kind: "QUESTION", title: "qa", difficulty: 0, assesses: [{ conceptId: A }] },
      { id: `${P}qab`, kind: "QUESTION", title: "qab", difficulty: 0, assesses: [{ conceptId: A }, { conceptId: B }] },
    ],
  };
  expect((await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer)).data?.importCurriculum.applied).toBe(true);
  await s.frontier.services.learners.upsertPeople({
    classes: [{ id: C1, name: "One" }, { id: C2, name: "Two" }],
    teachers: [{ id: T1, classIds: [C1] }, { id: T2, classIds: [C2] }],
    learners: [{ id: L1, classIds: [C1] }, { id: TWIN, classIds: [C1] }, { id: L3, classIds: [C1] }],
  });
  tok = { t1: await s.token(Role.TEACHER, T1), t2: await s.token(Role.TEACHER, T2), l1: await s.token(Role.LEARNER, L1), admin: s.admin, designer: s.designer };
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("correctMastery and revertCorrection", () => {
  let correctionId = "";
  let correctedAt = 0;

  it("sets the mastery to p from now on, audited, in the history, the explanation and on masteryChanged", async () => {
    await record([answer(L1, 1, "qa", true, 0)]);
    const ws = wsClient(s, tok.t1);
    const sub = collect(ws, MasteryChangedDocument, { classId: C1 }, () => s.frontier.services.live.hub.mastery.size);
    await sub.ready;
    const before = stored(await facts(L1), A) as number;
    const r = await s.gql(CorrectMasteryDocument, { learnerId: L1, conceptId: A, p: 0.9, reason: REASON }, tok.t1);
    expect(r.errors).toBeUndefined();
    const c = r.data?.correctMastery;
    expect(c).toMatchObject({ learnerId: L1, conceptId: A, p: 0.9, after: 0.9, reason: REASON, by: T1, byRole: "TEACHER", active: true, revertedAt: null });
    // Ten minutes after the answer (inside the model's grace period): nothing forgotten yet.
    expect(c?.before).toBeCloseTo(before, 9);
    correctionId = c?.id ?? "";
    correctedAt = Date.parse(c?.at as unknown as string);
    const day = new Date(correctedAt).toISOString().slice(0, 10);

    expect(stored(await facts(L1), A)).toBe(0.9);
    const view = await s.gql(LearnerCorrectionsDocument, { id: L1 }, tok.l1);
    const mastery = view.data?.learner?.mastery.find((m) => m.conceptId === A);
    expect(mastery?.storedP).toBe(0.9);
    expect(mastery?.explanation[0]).toEqual({ name: "CORRECTION", value: 0.9, text: `set to 0.9 by teacher ${T1} on ${day}: '${REASON}'` });
    // The learner sees that a teacher corrected them, and why.
    expect(view.data?.learner?.corrections).toMatchObject([{ id: correctionId, p: 0.9, reason: REASON, by: T1, active: true }]);

    const history = (await s.gql(HistoryWithExplanationsDocument, { learnerId: L1, conceptId: A }, tok.l1)).data?.masteryHistory ?? [];
    expect(history.map((h) => h.reason)).toEqual(["EVIDENCE", "CORRECTION"]);
    expect(history[1]).toMatchObject({ eventId: correctionId, after: 0.9, seq: c?.seq });
    expect(history[1]?.explanation).toBe(`Set to 0.9 by teacher ${T1} on ${day}: '${REASON}' (mastery ${before.toFixed(2)} -> 0.90).`);

    await expect.poll(() => sub.got.some((g) => g.masteryChanged.reason === "CORRECTION"), { timeout: 10_000 }).toBe(true);
    expect(sub.got.find((g) => g.masteryChanged.reason === "CORRECTION")?.masteryChanged).toMatchObject({ learnerId: L1, conceptId: A, eventId: correctionId, after: 0.9 });
    sub.stop();
    await ws.dispose();
  });

  it("lets later evidence update from p: the BKT update of 0.9, by the written formula", async () => {
    await record([answer(L1, 2, "qa", true, 31)]);
    const { params } = await s.frontier.services.models.current();
    const cp = conceptParamsFor(params, A);
    const theta = (await facts(L1)).state.ability ?? 0;
    // A single-concept item: P(correct | known) = 1 - pS, P(correct | unknown) = pG; no forgetting within the grace period.
    const m = 0.9;
    const posterior = (m * (1 - cp.pS)) / (m * (1 - cp.pS) + (1 - m) * cp.pG);
    // pT is individualised by the ability before this answer; with w_learnAbility = 0 (the default) ability plays no part.
    if (params.weights.learnAbility === 0) {
      const pT = sigmoid(logit(cp.pT) + params.weights.learnAbility * theta);
      const expected = clamp(posterior * (1 - cp.pF) + (1 - posterior) * pT, params.guards.minMastery, params.guards.maxMastery);
      expect(stored(await facts(L1), A)).toBeCloseTo(expected, 12);
    } else {
      expect(stored(await facts(L1), A)).toBeGreaterThan(0.9 * (1 - cp.pF));
    }
  });

  it("keeps the correction when an older answer arrives late: replayed with the correction at its time", async () => {
    const beforeLate = stored(await facts(L1), A) as number;
    await record([answer(L1, 3, "qa", false, 5)]);
    const f = await facts(L1);
    expect(f.history.map((h) => h.reason)).toContain("LATE_EVIDENCE");
    const { params } = await s.frontier.services.models.current();
    // Oracle: the pure replay of the timeline as the test knows it.
    const ev = (id: string, min: number, score: number): ResolvedEvent => ({ eventId: id, kind: "ANSWER", learnerId: L1, itemId: `${P}qa`, conceptIds: null, concepts: [A], score, occurredAt: Date.parse(at(min)), durationMs: null, hintsUsed: null, attemptNumber: null, source: null, watchFraction: null });
    const timeline: ResolvedEvent[] = [
      ev(`${L1}-e1`, 0, 1),
      ev(`${L1}-e3`, 5, 0),
      { ...ev(correctionId, 0, 0), kind: "CORRECTION", score: null, itemId: null, occurredAt: correctedAt, correction: { p: 0.9, by: T1, byRole: "TEACHER", note: REASON } },
      ev(`${L1}-e2`, 31, 1),
    ];
    const difficulty = { ...params, itemDifficulty: { ...params.itemDifficulty, [`${P}qa`]: params.itemDifficulty[`${P}qa`] ?? 0 } };
    expect(stored(f, A)).toBeCloseTo(replayTimeline(difficulty, timeline).concepts[A]?.mastery ?? -1, 12);
    // The wrong answer came before the teacher's judgement: with ability out of the learning rate, nothing changes.
    if (params.weights.learnAbility === 0) expect(stored(f, A)).toBeCloseTo(beforeLate, 12);
  });

  it("reverts: the evidence is replayed without the correction (the mastery of a twin that got the same answers), the correction kept and marked", async () => {
    await record([answer(TWIN, 1, "qa", true, 0), answer(TWIN, 2, "qa", true, 31), answer(TWIN, 3, "qa", false, 5)]);
    const r = await s.gql(RevertCorrectionDocument, { id: correctionId, reason: "wrong learner" }, tok.t1);
    expect(r.errors).toBeUndefined();
    expect(r.data?.revertCorrection).toMatchObject({ id: correctionId, active: false, revertedBy: T1, revertReason: "wrong learner" });
    const [mine, twin] = [await facts(L1), await facts(TWIN)];
    expect(stored(mine, A)).toBeCloseTo(stored(twin, A) as number, 12);
    const history = (await s.gql(HistoryWithExplanationsDocument, { learnerId: L1, conceptId: A }, tok.t1)).data?.masteryHistory ?? [];
    const last = history.at(-1);
    expect(last).toMatchObject({ reason: "CORRECTION_REVERTED", eventId: correctionId });
    expect(last?.after).toBeCloseTo(stored(twin, A) as number, 12);
    expect(last?.explanation).toContain(`A correction by teacher ${T1} was reverted`);
    expect(last?.explanation).toContain("'wrong learner'");
    const view = await s.gql(LearnerCorrectionsDocument, { id: L1 }, tok.l1);
    expect(view.data?.learner?.mastery.find((m) => m.conceptId === A)?.explanation.map((e) => e.name)).not.toContain("CORRECTION");
    const again = await s.gql(RevertCorrectionDocument, { id: correctionId }, tok.t1);
    expect(codes(again)).toEqual(["CONFLICT"]);
  });

  it("a correction of a concept never practised, reverted, leaves it unpractised again", async () => {
    const c = await s.gql(CorrectMasteryDocument, { learnerId: L3, conceptId: B, p: 0.2, reason: "struggled in class" }, tok.admin);
    expect(c.data?.correctMastery).toMatchObject({ byRole: "ADMIN", after: 0.2 });
    expect(stored(await facts(L3), B)).toBe(0.2);
    await s.gql(RevertCorrectionDocument, { id: c.data?.correctMastery.id ?? "" }, tok.t1);
    expect(stored(await facts(L3), B)).toBeUndefined();
    const view = await s.gql(LearnerCorrectionsDocument, { id: L3 }, tok.admin);
    expect(view.data?.learner?.mastery.find((m) => m.conceptId === B)).toBeUndefined();
  });

  it("lists a class's corrections for its teacher, newest first, with who, when, why, before and after", async () => {
    const log = await s.gql(ClassCorrectionsDocument, { id: C1 }, tok.t1);
    expect(log.errors).toBeUndefined();
    expect(log.data?.classroom?.corrections.map((c) => [c.learnerId, c.conceptId, c.by, c.active])).toEqual([
      [L3, B, s.frontier.services.config.JWT_SECRET ? "admin-test" : "", false],
      [L1, A, T1, false],
    ]);
    expect(log.data?.classroom?.corrections[1]).toMatchObject({ reason: REASON, p: 0.9, after: 0.9, revertReason: "wrong learner" });
    expect(codes(await s.gql(ClassCorrectionsDocument, { id: C1 }, tok.t2))).toEqual(["FORBIDDEN"]);
  });

  it("refuses learners, designers, teachers of other classes and bad input, writing nothing", async () => {
    const before = await facts(L1);
    const args = { learnerId: L1, conceptId: A, p: 0.5, reason: "x" };
    expect(codes(await s.gql(CorrectMasteryDocument, args, null))).toEqual(["UNAUTHENTICATED"]);
    expect(codes(await s.gql(CorrectMasteryDocument, args, tok.l1))).toEqual(["FORBIDDEN"]);
    expect(codes(await s.gql(CorrectMasteryDocument, args, tok.designer))).toEqual(["FORBIDDEN"]);
    expect(codes(await s.gql(CorrectMasteryDocument, args, tok.t2))).toEqual(["FORBIDDEN"]);
    expect(codes(await s.gql(CorrectMasteryDocument, { ...args, p: 1.5 }, tok.t1))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await s.gql(CorrectMasteryDocument, { ...args, reason: "  " }, tok.t1))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await s.gql(CorrectMasteryDocument, { ...args, conceptId: `${P}ghost` }, tok.t1))).toEqual(["NOT_FOUND"]);
    expect(await facts(L1)).toEqual(before);
    expect(codes(await s.gql(RevertCorrectionDocument, { id: "corr-nope" }, tok.t1))).toEqual(["NOT_FOUND"]);
    const c = await s.gql(CorrectMasteryDocument, args, tok.t1);
    expect(codes(await s.gql(RevertCorrectionDocument, { id: c.data?.correctMastery.id ?? "" }, tok.t2))).toEqual(["FORBIDDEN"]);
    expect(codes(await s.gql(RevertCorrectionDocument, { id: c.data?.correctMastery.id ?? "" }, tok.l1))).toEqual(["FORBIDDEN"]);
  });

  it("exports the corrections as labelled data for the model (frontier kt corrections)", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "frontier-corr-")), "corrections.ndjson");
    // Asynchronously: the server under test runs in this process and must keep serving meanwhile.
    const run = await promisify(execFile)("npx", ["tsx", "src/cli/main.ts", "kt", "corrections", "--out", file], { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent" } });
    expect(run.stderr).toMatch(/wrote \d+ corrections/);
    const rows = readFileSync(file, "utf8").split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Record<string, unknown>).filter((r) => String(r.learnerId).startsWith(P));
    const log = (await s.gql(ClassCorrectionsDocument, { id: C1 }, tok.t1)).data?.classroom?.corrections ?? [];
    expect(rows).toHaveLength(log.length);
    const first = rows.find((r) => r.reason === REASON);
    expect(first).toMatchObject({ learnerId: L1, conceptId: A, label: 0.9, active: false, by: T1, byRole: "TEACHER" });
    expect(first?.modelBefore).toBeCloseTo(log.find((c) => c.reason === REASON)?.before ?? -1, 12);
  });
});
