import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClassHeatmapDocument, ImportCurriculumDocument, LearnerMasteryDocument, MasteryChangedDocument, MasteryHistoryDocument, RecommendationsDocument, RecordEventsDocument } from "../../generated/graphql.js";
import { Role } from "../../../src/auth/roles.js";
import { uniquePrefix } from "../../utils/ids.js";
import { collect, until, wsClient } from "../../utils/ws.js";
import { startTestServer, type TestServer } from "../../utils/server.js";

/**
 * Implied evidence (src/domain/mastery/implied.ts) through the GraphQL endpoint on the real Neo4j:
 * strong answers on a concept raise the mastery of its unpractised prerequisites, marked implied
 * in mastery, history, heatmap, explanations and on the MASTERY edge; direct evidence wins.
 * Expected numbers are worked out here from the rule as the model README writes it, with the
 * recorded values of each answer (not by calling the rule).
 */
let s: TestServer;
const P = uniquePrefix("implied");
const c = (x: string) => `${P}${x}`;
const un = (id: string) => id.slice(P.length);
let n = 0;
const start = Date.now() - 3_600_000;

// [id, name, prerequisites with weights]. Fractions needs Division (1) and Numbers (0.5);
// Division needs Multiplication (1); Ratio needs Division; Colour stands alone.
const MAP: Array<[string, string, Array<[string, number]>]> = [
  ["mul", "Multiplication", []],
  ["num", "Numbers", []],
  ["div", "Division", [["mul", 1]]],
  ["frac", "Fractions", [["div", 1], ["num", 0.5]]],
  ["ratio", "Ratio", [["div", 1]]],
  ["colour", "Colour", []],
];

async function answer(learner: string, concept: string, correct: boolean[], at: number) {
  const events = correct.map((ok, k) => ({ eventId: c(`e${n++}`), learnerId: c(learner), itemId: c(`q-${concept}-${k % 4}`), correct: ok, occurredAt: new Date(at + k * 60_000).toISOString() }));
  const r = await s.gql(RecordEventsDocument, { events }, s.admin);
  expect(r.errors).toBeUndefined();
  expect(r.data?.recordEvents.accepted).toBe(correct.length);
}
const mastery = async (learner: string) => {
  const r = await s.gql(LearnerMasteryDocument, { id: c(learner), topicId: c("T") }, s.admin);
  expect(r.errors).toBeUndefined();
  return new Map((r.data?.learner?.mastery ?? []).map((m) => [un(m.conceptId), m]));
};
const history = async (learner: string) => {
  const r = await s.gql(MasteryHistoryDocument, { learnerId: c(learner) }, s.admin);
  expect(r.errors).toBeUndefined();
  return (r.data?.masteryHistory ?? []).map((h) => ({ ...h, conceptId: un(h.conceptId) }));
};
const edges = async (learner: string) => {
  const [row] = (await s.query("test/learner-facts", { learnerId: c(learner) })) as Array<{ state: { concepts: Array<[string, number, number, number, number, number, string | null]> } }>;
  return new Map((row?.state.concepts ?? []).map(([id, p, attempts, , , , impliedBy]) => [un(id), { p, attempts, impliedBy: impliedBy === null ? null : un(impliedBy) }]));
};

beforeAll(async () => {
  s = await startTestServer();
  const doc = {
    topics: [{ id: c("T"), name: "Maths", level: "TOPIC" }],
    concepts: MAP.map(([id, name]) => ({ id: c(id), name, topicId: c("T") })),
    prerequisites: MAP.flatMap(([id, , ps]) => ps.map(([p, weight]) => ({ conceptId: c(id), prerequisiteId: c(p), weight }))),
    items: MAP.flatMap(([id]) => [0, 1, 2, 3].map((k) => ({ id: c(`q-${id}-${k}`), kind: "QUESTION", title: `q ${id} ${k}`, difficulty: 0, assesses: [{ conceptId: c(id) }] }))),
  };
  const imported = await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer);
  expect(imported.data?.importCurriculum.applied).toBe(true);
  await s.frontier.services.learners.upsertPeople({
    classes: [{ id: c("class"), name: "Class" }],
    teachers: [{ id: c("ada"), classIds: [c("class")] }],
    learners: [{ id: c("kim"), classIds: [c("class")] }, { id: c("lee"), classIds: [c("class")] }, { id: c("max"), classIds: [c("class")] }],
  });
  // Kim answers Fractions right four times, then gets Division wrong once, then Fractions right again.
  await answer("kim", "frac", [true, true, true, true], start);
  await answer("lee", "frac", [true, true, true, true], start);
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("implied evidence through ingestion", () => {
  it("raises unpractised prerequisites by the written rule, each change recorded as IMPLIED from its answer", async () => {
    const h = await history("kim");
    const evidence = h.filter((x) => x.reason === "EVIDENCE");
    expect(evidence.map((x) => x.conceptId)).toEqual(["frac", "frac", "frac", "frac"]);
    const implied = h.filter((x) => x.reason === "IMPLIED");
    expect(new Set(implied.map((x) => x.conceptId))).toEqual(new Set(["div", "num", "mul"]));
    // Strength by the README: 0.6 x 0.5^(d-1) x edge weights along the strongest path.
    const strength: Record<string, number> = { div: 0.6, num: 0.6 * 0.5, mul: 0.6 * 0.5 * 1 };
    for (const x of implied) {
      const source = evidence.find((e) => e.eventId === x.eventId);
      expect(source, "an IMPLIED change comes from an answer on Fractions").toBeDefined();
      // Only answers from the second on, leaving Fractions at or above 0.8, imply anything.
      expect(evidence.indexOf(source as (typeof evidence)[number])).toBeGreaterThanOrEqual(1);
      expect(source?.after).toBeGreaterThanOrEqual(0.8);
      const s0 = strength[x.conceptId] as number;
      expect(x.after).toBeCloseTo(x.before + s0 * ((source?.after ?? 0) - x.before), 6);
      expect(JSON.parse(x.detail)).toMatchObject({ impliedBy: c("frac"), impliedByName: "Fractions" });
    }
    // The edge holds the newest value, marked implied, with no attempts.
    const stored = await edges("kim");
    for (const id of ["div", "num", "mul"]) {
      const last = implied.filter((x) => x.conceptId === id).at(-1);
      expect(stored.get(id)).toEqual({ p: last?.after, attempts: 0, impliedBy: "frac" });
    }
    expect(stored.get("frac")?.impliedBy).toBeNull();
    expect(stored.has("colour")).toBe(false);
  });

  it("shows implied mastery as implied: mastery, its explanation, and the class heatmap", async () => {
    const m = await mastery("kim");
    const div = m.get("div");
    expect(div).toMatchObject({ implied: true, impliedBy: c("frac"), practised: false, attempts: 0 });
    expect(div?.explanation[0]?.name).toBe("IMPLIED");
    expect(div?.explanation[0]?.text).toMatch(/^implied by success on Fractions on \d{4}-\d{2}-\d{2}: never answered directly$/);
    expect(m.get("frac")).toMatchObject({ implied: false, impliedBy: null, practised: true });
    expect(m.get("colour")).toMatchObject({ implied: false, practised: false });
    const r = await s.gql(ClassHeatmapDocument, { id: c("class"), topicId: c("T") }, s.admin);
    expect(r.errors).toBeUndefined();
    const hm = r.data?.classroom?.heatmap;
    const i = hm?.learnerIds.indexOf(c("kim")) ?? -1;
    const col = (id: string) => hm?.conceptIds.indexOf(c(id)) ?? -1;
    expect(hm?.implied[i]?.[col("div")]).toBe(true);
    expect(hm?.implied[i]?.[col("mul")]).toBe(true);
    expect(hm?.implied[i]?.[col("frac")]).toBe(false);
    expect(hm?.implied[i]?.[col("colour")]).toBe(false);
  });

  it("offers what an implied prerequisite opens, and says the prerequisite is implied", async () => {
    const m = await mastery("lee");
    expect(m.get("div")?.p).toBeGreaterThanOrEqual(0.8);
    const r = await s.gql(RecommendationsDocument, { id: c("lee"), topicId: c("T"), limit: 10 }, s.admin);
    expect(r.errors).toBeUndefined();
    const list = r.data?.learner?.recommendations ?? [];
    // Division counts as mastered by implication: not offered; Ratio, which needs only it, is ready.
    expect(list.map((x) => un(x.concept.id))).not.toContain("div");
    const ratio = list.find((x) => un(x.concept.id) === "ratio");
    expect(ratio?.explanation).toContain("You have mastered Division (implied by your success on Fractions), which Ratio needs");
  });

  it("pushes implied changes to the class's teacher on masteryChanged, with the stored values", async () => {
    const ws = wsClient(s, await s.token(Role.TEACHER, c("ada")));
    const sub = collect(ws, MasteryChangedDocument, { classId: c("class") }, () => s.frontier.services.live.hub.mastery.size);
    try {
      await sub.ready;
      expect(sub.errors).toEqual([]);
      await answer("max", "ratio", [true, true, true], start);
      const h = await history("max");
      const implied = h.filter((x) => x.reason === "IMPLIED");
      expect(new Set(implied.map((x) => x.conceptId))).toEqual(new Set(["div", "mul"]));
      expect(await until(() => sub.got.filter((g) => g.masteryChanged.learnerId === c("max")).length >= h.length)).toBe(true);
      const pushed = sub.got.map((g) => g.masteryChanged).filter((m) => m.learnerId === c("max") && m.reason === "IMPLIED");
      expect(pushed.map((m) => [un(m.conceptId), m.seq, m.after])).toEqual(implied.map((x) => [x.conceptId, x.seq, x.after]));
      expect(pushed[0]?.explanation).toMatch(/^Implied by a correct answer on Ratio, which requires this concept \(strength 0\.\d\d; no direct evidence here yet\): mastery /);
    } finally {
      sub.stop();
      await ws.dispose();
    }
  });

  it("lets direct evidence win: a failed prerequisite is direct from then on and success upstream leaves it", async () => {
    const before = await edges("kim");
    await answer("kim", "div", [false], start + 10 * 60_000);
    const afterFail = await edges("kim");
    const failed = afterFail.get("div");
    expect(failed?.impliedBy).toBeNull();
    expect(failed?.attempts).toBe(1);
    expect(failed?.p).toBeLessThan(before.get("div")?.p ?? 0);
    await answer("kim", "frac", [true, true], start + 20 * 60_000);
    const afterSuccess = await edges("kim");
    expect(afterSuccess.get("div")).toEqual(failed);
    const h = await history("kim");
    const divChanges = h.filter((x) => x.conceptId === "div");
    expect(divChanges.at(-1)?.reason).toBe("EVIDENCE");
    // Multiplication, below Division, is still reached by implication (through Division's edge).
    expect(afterSuccess.get("mul")?.impliedBy).toBe("frac");
    const m = await mastery("kim");
    expect(m.get("div")).toMatchObject({ implied: false, practised: true, attempts: 1 });
  });
});
