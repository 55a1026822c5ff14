import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../../src/auth/roles.js";
import { offlineCypher } from "../../../src/neo4j/cypher.js";
import {
  CreateExperimentDocument,
  ExperimentReadoutDocument,
  ExperimentRecommendationsDocument,
  ImportCurriculumDocument,
  RecordEventsDocument,
  StartExperimentDocument,
  StopExperimentDocument,
  UpdateExperimentDocument,
  type ExperimentInput,
} from "../../generated/graphql.js";
import { uniquePrefix } from "../../utils/ids.js";
import { codes, startTestServer, type TestServer } from "../../utils/server.js";

let s: TestServer;
let s2: TestServer;
const P = uniquePrefix("exp");
const c = (x: string) => `${P}${x}`;
const EXP = c("recsys");
const CLASS_EXP = c("by-class");
const LEARNERS = Array.from({ length: 24 }, (_, i) => c(`l${String(i).padStart(2, "0")}`));
const EXCLUDED = c("l-excluded");
const OUTSIDER = c("outsider");
/** Classes k0..k5 with three learners each, for the class-unit experiment. */
const CLASS_LEARNERS = Array.from({ length: 18 }, (_, i) => ({ id: c(`m${String(i).padStart(2, "0")}`), classId: c(`k${i % 6}`) }));

/** The balanced strategy as the recommendations README writes it. */
const BALANCED = { readiness: 0.3, masteryGap: 0.2, unlockValue: 0.2, goalRelevance: 0.2, reviewDue: 0.25, continuity: 0.25, variety: 0.15 };
const READINESS_ONLY = { readiness: 1, masteryGap: 0, unlockValue: 0, goalRelevance: 0, reviewDue: 0, continuity: 0, variety: 0 };
const FACTOR_KEY: Record<string, keyof typeof BALANCED> = { READINESS: "readiness", MASTERY_GAP: "masteryGap", UNLOCK_VALUE: "unlockValue", GOAL_RELEVANCE: "goalRelevance", REVIEW_DUE: "reviewDue", CONTINUITY: "continuity", VARIETY: "variety" };

const definition: ExperimentInput = {
  id: EXP,
  name: "Readiness only against balanced",
  hypothesis: "Ranking by readiness alone gets more practice.",
  variants: [
    { key: "A", weight: 1, strategy: "BALANCED" },
    { key: "B", weight: 1, weights: READINESS_ONLY },
  ],
  eligibility: { classIds: [c("class")], excludeLearnerIds: [EXCLUDED] },
  primaryMetric: "PRACTICE_MINUTES",
  secondaryMetrics: ["ANSWERS", "RETURNED_7D"],
  windowDays: 7,
};

/** The assignment rule written out again (docs/experiments.md), apart from src/domain/experiments. */
function expectedVariant(experimentId: string, unitId: string, keys = ["A", "B"]): string {
  const d = createHash("sha256").update(`frontier-experiments-v1\u0000${experimentId}\u0000${unitId}`).digest();
  const u = d.readUIntBE(0, 6) / 2 ** 48;
  return keys[Math.floor(u * keys.length)] as string; // equal weights: equal slices
}

async function recs(server: TestServer, learnerId: string, strategy?: "BALANCED" | "GOAL_FIRST") {
  const r = await server.gql(ExperimentRecommendationsDocument, { id: learnerId, topicId: c("topic"), ...(strategy ? { strategy } : {}) }, server.admin);
  expect(r.errors).toBeUndefined();
  return r.data?.learner?.recommendations ?? [];
}

interface Facts {
  status: string;
  decisions: Array<{ learnerId: string; unitId: string | null; variant: string | null; excluded: string | null; at: number }>;
  exposures: Array<{ learnerId: string; variant: string; conceptIds: string[]; at: number }>;
}
/** The experiment's stored decisions and exposures of this file's learners (other files' learners, asking for recommendations on the shared database meanwhile, are recorded too). */
async function facts(id: string): Promise<Facts> {
  const [row] = await s.query("test/experiment-facts", { id });
  const f = row as unknown as Facts;
  const ours = (x: { learnerId: string }) => x.learnerId.startsWith(P);
  return { ...f, decisions: f.decisions.filter(ours), exposures: f.exposures.filter(ours) };
}

beforeAll(async () => {
  s = await startTestServer();
  s2 = await startTestServer();
  const doc = {
    topics: [{ id: c("topic"), name: "Experiment subject", level: "SUBJECT" }],
    concepts: ["a", "b", "f"].map((x) => ({ id: c(x), name: x.toUpperCase(), topicId: c("topic") })),
    prerequisites: [{ conceptId: c("b"), prerequisiteId: c("a") }],
    items: ["a", "b", "f"].map((x) => ({ id: c(`${x}-q`), kind: "QUESTION", title: `${x} q`, difficulty: 0, assesses: [{ conceptId: c(x) }] })),
  };
  const r = await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer);
  expect(r.data?.importCurriculum.applied).toBe(true);
  await s.frontier.services.learners.upsertPeople({
    classes: [{ id: c("class"), name: "Class" }, ...Array.from({ length: 6 }, (_, i) => ({ id: c(`k${i}`), name: `K${i}` }))],
    teachers: [{ id: c("teacher"), classIds: [c("class")] }],
    learners: [...LEARNERS, EXCLUDED].map((id) => ({ id, classIds: [c("class")] })).concat([{ id: OUTSIDER, classIds: [] }], CLASS_LEARNERS.map((l) => ({ id: l.id, classIds: [l.classId] }))),
  });
});

afterAll(async () => {
  // Delete the experiments (running ones too): one left behind would keep asking about every learner.
  await s?.frontier.infra.db.write(offlineCypher("test/delete-experiments-by-prefix"), { prefix: P });
  await s?.cleanup(P);
  await s2?.stop();
  await s?.stop();
});

describe("experiment definitions and lifecycle", () => {
  it("creates a DRAFT; rejects bad definitions, duplicates and callers without the role", async () => {
    const r = await s.gql(CreateExperimentDocument, { input: definition }, s.designer);
    expect(r.errors).toBeUndefined();
    expect(r.data?.createExperiment.status).toBe("DRAFT");
    expect(r.data?.createExperiment.variants.map((v) => [v.key, v.strategy])).toEqual([["A", "BALANCED"], ["B", null]]);
    expect(r.data?.createExperiment.variants[0]?.weights).toEqual(BALANCED);
    expect(r.data?.createExperiment.variants[1]?.weights).toEqual(READINESS_ONLY);
    expect(r.data?.createExperiment.eligibility).toEqual({ classIds: [c("class")], topicIds: null, createdAfter: null, excludeLearnerIds: [EXCLUDED] });

    expect(codes(await s.gql(CreateExperimentDocument, { input: definition }, s.designer))).toEqual(["CONFLICT"]);
    const dupKeys = { ...definition, id: c("bad1"), variants: [{ key: "A", weight: 1, strategy: "BALANCED" as const }, { key: "A", weight: 1, strategy: "EXPLORE" as const }] };
    expect(codes(await s.gql(CreateExperimentDocument, { input: dupKeys }, s.designer))).toEqual(["BAD_USER_INPUT"]);
    const both = { ...definition, id: c("bad2"), variants: [{ key: "A", weight: 1, strategy: "BALANCED" as const, weights: BALANCED }, { key: "B", weight: 1, strategy: "EXPLORE" as const }] };
    expect(codes(await s.gql(CreateExperimentDocument, { input: both }, s.designer))).toEqual(["BAD_USER_INPUT"]);
    const one = { ...definition, id: c("bad3"), variants: [{ key: "A", weight: 1, strategy: "BALANCED" as const }] };
    expect(codes(await s.gql(CreateExperimentDocument, { input: one }, s.designer))).toEqual(["BAD_USER_INPUT"]);
    const learner = await s.token(Role.LEARNER, LEARNERS[0] as string);
    expect(codes(await s.gql(CreateExperimentDocument, { input: { ...definition, id: c("bad4") } }, learner))).toEqual(["FORBIDDEN"]);
    expect(codes(await s.gql(ExperimentReadoutDocument, { id: EXP }, learner))).toEqual(["FORBIDDEN"]);
  });

  it("edits a draft; once running, the definition is frozen and only stop applies", async () => {
    const u = await s.gql(UpdateExperimentDocument, { input: { ...definition, name: "Readiness only vs balanced" } }, s.designer);
    expect(u.data?.updateExperiment.name).toBe("Readiness only vs balanced");
    const started = await s.gql(StartExperimentDocument, { id: EXP }, s.designer);
    expect(started.data?.startExperiment.status).toBe("RUNNING");
    expect(started.data?.startExperiment.startedAt).not.toBeNull();
    expect(codes(await s.gql(UpdateExperimentDocument, { input: { ...definition, name: "changed" } }, s.designer))).toEqual(["CONFLICT"]);
    expect(codes(await s.gql(StartExperimentDocument, { id: EXP }, s.designer))).toEqual(["CONFLICT"]);
    expect(codes(await s.gql(StopExperimentDocument, { id: c("nope") }, s.designer))).toEqual(["NOT_FOUND"]);
    expect((await facts(EXP)).status).toBe("RUNNING");
  });
});

describe("assignment, exposure and the explanation", () => {
  it("serves each eligible learner the variant of the hash, says so, ranks with its weights and logs the list", async () => {
    const seen = new Map<string, string>();
    for (const id of LEARNERS) {
      const list = await recs(s, id);
      expect(list.length).toBeGreaterThan(0);
      const want = expectedVariant(EXP, id);
      seen.set(id, want);
      for (const r of list) {
        expect(r.explanation.endsWith(` (experiment: ${EXP}, variant ${want})`)).toBe(true);
        const weights = want === "A" ? BALANCED : READINESS_ONLY;
        for (const f of r.factors) expect(f.weight).toBe(weights[FACTOR_KEY[f.name] as keyof typeof BALANCED]);
      }
    }
    // Both variants occur among 24 learners (the hash is not constant).
    expect(new Set(seen.values()).size).toBe(2);
    const f = await facts(EXP);
    expect(f.decisions.filter((d) => d.variant !== null).map((d) => [d.learnerId, d.variant, d.unitId])).toEqual(LEARNERS.map((id) => [id, seen.get(id), id]));
    expect(f.exposures).toHaveLength(LEARNERS.length);
    const first = f.exposures.find((e) => e.learnerId === LEARNERS[0]);
    expect(first?.variant).toBe(seen.get(LEARNERS[0] as string));
    expect(first?.conceptIds.every((id) => id.startsWith(P))).toBe(true);
  });

  it("a named strategy wins: no experiment line, nothing logged", async () => {
    const before = (await facts(EXP)).exposures.length;
    const list = await recs(s, LEARNERS[0] as string, "BALANCED");
    expect(list.every((r) => !r.explanation.includes("experiment:"))).toBe(true);
    expect((await facts(EXP)).exposures).toHaveLength(before);
  });

  it("excludes before assigning, and records why", async () => {
    for (const id of [EXCLUDED, OUTSIDER]) {
      const list = await recs(s, id);
      expect(list.every((r) => !r.explanation.includes("experiment:"))).toBe(true);
    }
    const f = await facts(EXP);
    expect(f.decisions.filter((d) => d.excluded !== null).map((d) => [d.learnerId, d.excluded, d.variant])).toEqual([
      [EXCLUDED, "EXCLUDED_LEARNER", null],
      [OUTSIDER, "NOT_IN_CLASSES", null],
    ]);
    expect(f.exposures.filter((e) => e.learnerId === EXCLUDED || e.learnerId === OUTSIDER)).toEqual([]);
  });

  it("is the same on another server: the stored decision is kept, the first exposure time unchanged", async () => {
    const before = await facts(EXP);
    for (const id of LEARNERS.slice(0, 6)) {
      const list = await recs(s2, id);
      expect(list[0]?.explanation.endsWith(`variant ${expectedVariant(EXP, id)})`)).toBe(true);
    }
    const after = await facts(EXP);
    expect(after.decisions).toEqual(before.decisions);
    expect(after.exposures).toHaveLength(before.exposures.length + 6);
  });

  it("a separate process computes the same assignment from the ids alone", () => {
    const script = `import { assign } from "./src/domain/experiments/assignment.ts";
      const v = [{ key: "A", weight: 1 }, { key: "B", weight: 1 }];
      console.log(JSON.stringify(${JSON.stringify(LEARNERS)}.map((id) => assign(${JSON.stringify(EXP)}, id, v).key)));`;
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(JSON.parse(out)).toEqual(LEARNERS.map((id) => expectedVariant(EXP, id)));
  });
});

/** Welch's t-test written out in the test (the distribution from stdlib, the rest by hand). */
function welch(a: number[], b: number[]) {
  const mean = (x: number[]) => x.reduce((s1, v) => s1 + v, 0) / x.length;
  const vr = (x: number[]) => x.reduce((s1, v) => s1 + (v - mean(x)) ** 2, 0) / (x.length - 1);
  const se2a = vr(a) / a.length;
  const se2b = vr(b) / b.length;
  const t = (mean(b) - mean(a)) / Math.sqrt(se2a + se2b);
  const df = (se2a + se2b) ** 2 / (se2a ** 2 / (a.length - 1) + se2b ** 2 / (b.length - 1));
  const d = (mean(b) - mean(a)) / Math.sqrt(((a.length - 1) * vr(a) + (b.length - 1) * vr(b)) / (a.length + b.length - 2));
  return { diff: mean(b) - mean(a), p: 2 * tCdf(-Math.abs(t), df), d, meanA: mean(a), meanB: mean(b), sdA: Math.sqrt(vr(a)), sdB: Math.sqrt(vr(b)) };
}

describe("read-out", () => {
  it("computes per-variant statistics from the learners' events after their first exposure", async () => {
    // Learner i answers (i % 4) + 1 times, each answer taking 30 s · (i % 3 + 1): minutes known by hand.
    const now = Date.now();
    const minutes = new Map<string, number>();
    const answers = new Map<string, number>();
    const events = LEARNERS.flatMap((id, i) => {
      const k = (i % 4) + 1;
      const dur = 30_000 * ((i % 3) + 1);
      minutes.set(id, (k * dur) / 60_000);
      answers.set(id, k);
      return Array.from({ length: k }, (_, j) => ({ eventId: `${id}-e${j}`, learnerId: id, itemId: c("a-q"), correct: j % 2 === 0, occurredAt: new Date(now + j).toISOString(), durationMs: dur }));
    });
    // An event before the exposures does not count: the excluded learner's is outside the experiment anyway.
    const rec = await s.gql(RecordEventsDocument, { events }, s.admin);
    expect(rec.data?.recordEvents.accepted).toBe(events.length);

    const r = await s.gql(ExperimentReadoutDocument, { id: EXP }, s.designer);
    expect(r.errors).toBeUndefined();
    const x = r.data?.experiment;
    const group = (k: string) => LEARNERS.filter((id) => expectedVariant(EXP, id) === k);
    const mA = group("A").map((id) => minutes.get(id) ?? 0);
    const mB = group("B").map((id) => minutes.get(id) ?? 0);
    const w = welch(mA, mB);
    expect(x?.variants.map((v) => v.n)).toEqual([mA.length, mB.length]);
    expect(x?.variants[0]?.mean).toBeCloseTo(w.meanA, 10);
    expect(x?.variants[1]?.mean).toBeCloseTo(w.meanB, 10);
    expect(x?.variants[0]?.sd).toBeCloseTo(w.sdA, 10);
    expect(x?.variants[0]?.ci).toBeNull();
    expect(x?.variants[1]?.diff).toBeCloseTo(w.diff, 10);
    expect(x?.pValue).toBeCloseTo(w.p, 10);
    expect(x?.variants[1]?.pValue).toBeCloseTo(w.p, 10);
    expect(x?.effectSize).toBeCloseTo(w.d, 10);
    const ci = x?.variants[1]?.ci;
    expect(ci?.level).toBe(0.95);
    expect((ci?.lower ?? 0) < w.diff && w.diff < (ci?.upper ?? 0)).toBe(true);

    // SRM: observed counts against 50/50, χ² by hand.
    const n = LEARNERS.length;
    const chi = ((mA.length - n / 2) ** 2 + (mB.length - n / 2) ** 2) / (n / 2);
    expect(x?.srm.observed).toEqual([mA.length, mB.length]);
    expect(x?.srm.expected).toEqual([n / 2, n / 2]);
    expect(x?.srm.chiSquare).toBeCloseTo(chi, 12);
    expect(x?.srm.df).toBe(1);

    // Secondary metrics: answers per variant.
    const ans = x?.metrics.find((m) => m.metric === "ANSWERS");
    expect(ans?.primary).toBe(false);
    expect(ans?.variants[0]?.mean).toBeCloseTo(group("A").reduce((a, id) => a + (answers.get(id) ?? 0), 0) / mA.length, 10);
    expect(x?.metrics.map((m) => m.metric)).toEqual(["PRACTICE_MINUTES", "ANSWERS", "RETURNED_7D"]);
    // Our outsider is one of the NOT_IN_CLASSES learners: other files' learners that asked for
    // recommendations on the shared database while the experiment ran are recorded too.
    expect(x?.exclusions.find((e) => e.reason === "EXCLUDED_LEARNER")?.learners).toBe(1);
    expect(x?.exclusions.find((e) => e.reason === "NOT_IN_CLASSES")?.learners).toBeGreaterThanOrEqual(1);
    expect(x?.exclusions.map((e) => e.reason)).toEqual(["EXCLUDED_LEARNER", "NOT_IN_CLASSES"]);

    const csv = (x?.exportCsv ?? "").trim().split("\n");
    expect(csv[0]).toBe("unit_id,variant,learners,practice_minutes,answers,mastery_gain,concepts_mastered,returned_7d");
    expect(csv).toHaveLength(n + 1);
    const row = csv.find((l) => l.startsWith(`${LEARNERS[5]},`))?.split(",");
    expect(row?.slice(0, 5)).toEqual([LEARNERS[5], expectedVariant(EXP, LEARNERS[5] as string), "1", String(minutes.get(LEARNERS[5] as string)), String(answers.get(LEARNERS[5] as string))]);
  });

  it("stopped: nobody is served a variant any more, the read-out stays", async () => {
    const r = await s.gql(StopExperimentDocument, { id: EXP }, s.designer);
    expect(r.data?.stopExperiment.status).toBe("STOPPED");
    const list = await recs(s, LEARNERS[1] as string);
    expect(list.every((x) => !x.explanation.includes("experiment:"))).toBe(true);
    expect(codes(await s.gql(StopExperimentDocument, { id: EXP }, s.designer))).toEqual(["CONFLICT"]);
    const read = await s.gql(ExperimentReadoutDocument, { id: EXP }, s.designer);
    expect(read.data?.experiment?.status).toBe("STOPPED");
    expect(read.data?.experiment?.variants.reduce((a, v) => a + v.n, 0)).toBe(LEARNERS.length);
  });
});

describe("class as the unit", () => {
  it("classmates share a variant, and the class is the unit of analysis", async () => {
    const input = { ...definition, id: CLASS_EXP, unit: "CLASS" as const, eligibility: { classIds: Array.from({ length: 6 }, (_, i) => c(`k${i}`)) } };
    expect((await s.gql(CreateExperimentDocument, { input }, s.designer)).errors).toBeUndefined();
    expect((await s.gql(StartExperimentDocument, { id: CLASS_EXP }, s.designer)).errors).toBeUndefined();
    for (const l of CLASS_LEARNERS) {
      const list = await recs(s, l.id);
      expect(list[0]?.explanation.endsWith(`(experiment: ${CLASS_EXP}, variant ${expectedVariant(CLASS_EXP, l.classId)})`)).toBe(true);
    }
    const f = await facts(CLASS_EXP);
    expect(f.decisions.map((d) => [d.learnerId, d.unitId])).toEqual(CLASS_LEARNERS.map((l) => [l.id, l.classId]));
    const read = await s.gql(ExperimentReadoutDocument, { id: CLASS_EXP }, s.designer);
    expect(read.data?.experiment?.variants.reduce((a, v) => a + v.n, 0)).toBe(6);
    expect((await s.gql(StopExperimentDocument, { id: CLASS_EXP }, s.designer)).errors).toBeUndefined();
  });
});
