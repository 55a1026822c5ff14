import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../../src/auth/roles.js";
import { thompson } from "../../../src/domain/effectiveness/effectiveness.js";
import { ExploreRecommendationsDocument, ImportCurriculumDocument, ItemEffectivenessDocument, NeverHelpingDocument, RecordEventsDocument } from "../../generated/graphql.js";
import { uniquePrefix } from "../../utils/ids.js";
import { codes, startTestServer, type TestServer } from "../../utils/server.js";

let s: TestServer;
const P = uniquePrefix("effect");
const c = (x: string) => `${P}${x}`;
const HISTORY = Array.from({ length: 20 }, (_, i) => c(`h${String(i).padStart(2, "0")}`));
const TARGET = c("target");
const ITEMS = ["good", "bad", "mid"].map((x) => c(`q-${x}`));

/** FNV-1a (32 bits), written out again: the seed mixing docs/effectiveness.md describes. */
function fnv1a(str: string): number {
  let h = 2166136261;
  for (const ch of str) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

beforeAll(async () => {
  s = await startTestServer();
  const doc = {
    topics: [{ id: c("topic"), name: "Effect subject", level: "SUBJECT" }],
    concepts: [{ id: c("a"), name: "A", topicId: c("topic") }, { id: c("b"), name: "B", topicId: c("topic") }],
    items: [
      ...ITEMS.map((id) => ({ id, kind: "QUESTION", title: id.slice(P.length), difficulty: 0, assesses: [{ conceptId: c("a") }] })),
      ...["good", "bad", "mid"].map((x) => ({ id: c(`qb-${x}`), kind: "QUESTION", title: `b ${x}`, difficulty: 0, assesses: [{ conceptId: c("b") }] })),
    ],
  };
  expect((await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer)).data?.importCurriculum.applied).toBe(true);
  // History learner k: bad (right), mid (wrong), good (right when k is even), mid (right when k < 14).
  // Follow-ups: bad -> wrong 20 times; mid -> right 10 of 20; good -> right 14 of 20.
  const t0 = Date.now() - 3_600_000;
  const events = HISTORY.flatMap((learnerId, k) =>
    (
      [
        ["bad", true],
        ["mid", false],
        ["good", k % 2 === 0],
        ["mid", k < 14],
      ] as const
    ).map(([x, correct], j) => ({ eventId: `${learnerId}-${j}`, learnerId, itemId: c(`q-${x}`), correct, occurredAt: new Date(t0 + j * 60_000).toISOString() })),
  );
  // The target learner practises concept b (its own follow-ups; concept a stays new to it).
  const mine = (["bad", "mid", "good", "mid"] as const).map((x, k) => ({ eventId: `${TARGET}-${k}`, learnerId: TARGET, itemId: c(`qb-${x}`), correct: k !== 1, occurredAt: new Date(t0 + k * 60_000).toISOString() }));
  const r = await s.gql(RecordEventsDocument, { events: [...events, ...mine] }, s.admin);
  expect(r.data?.recordEvents.accepted).toBe(events.length + mine.length);
  // Everyone in the MID band, whatever the answers did to their abilities.
  expect(await s.query("test/set-ability", { prefix: P, ability: 0 })).toEqual([{ learners: HISTORY.length + 1 }]);
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("item effectiveness", () => {
  it("`frontier analyse items` computes and stores it, with progress", async () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "analyse", "items", "--prefix", P], { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent" } });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`learners: ${HISTORY.length + 1}/${HISTORY.length + 1}`);
    // Three follow-ups per learner: bad -> mid, mid -> good, good -> mid (the target's on concept b too).
    expect(run.stderr).toContain(`analysed ${HISTORY.length + 1} learners`);
    expect(run.stderr).toContain(`${3 * (HISTORY.length + 1)} follow-ups, 6 items stored`);
  });

  it("per band: counts, successes of the next answer and the mean mastery gain, against the database read directly", async () => {
    // The gain after `bad`, by hand from each learner's stored history: after(next) − before(bad).
    const gains: number[] = [];
    for (const id of HISTORY) {
      const rows = (await s.query("test/learner-evidence-steps", { learnerId: id })) as Array<{ itemId: string; before: number; after: number }>;
      const k = rows.findIndex((x) => x.itemId === c("q-bad"));
      gains.push((rows[k + 1]?.after ?? NaN) - (rows[k]?.before ?? NaN));
    }
    const all = async (item: string) => {
      const r = await s.gql(ItemEffectivenessDocument, { id: item }, s.designer);
      expect(r.errors).toBeUndefined();
      return r.data?.item?.effectiveness ?? [];
    };
    const bad = await all(c("q-bad"));
    expect(bad.reduce((a, b) => a + b.n, 0)).toBe(HISTORY.length);
    expect(bad.reduce((a, b) => a + b.successes, 0)).toBe(0);
    const weighted = bad.reduce((a, b) => a + b.meanGain * b.n, 0) / HISTORY.length;
    expect(weighted).toBeCloseTo(gains.reduce((a, g) => a + g, 0) / gains.length, 10);
    const good = await all(c("q-good"));
    expect(good.map((b) => [b.band, b.n, b.successes])).toEqual([["MID", 20, 14]]);
    expect((await all(c("q-mid"))).map((b) => [b.band, b.n, b.successes])).toEqual([["MID", 20, 10]]);
    for (const b of good) if (b.n >= 2) expect((b.ci?.lower ?? 0) <= b.meanGain && b.meanGain <= (b.ci?.upper ?? 0)).toBe(true);
    for (const b of [...good, ...bad]) expect(b.verdict).toBe((b.ci?.lower ?? 0) > 0 ? "TEACHES" : b.n >= 20 && (b.ci?.upper ?? 1) <= 0 ? "ONLY_TESTS" : "UNCLEAR");
    // Designers and admins only.
    const learner = await s.token(Role.LEARNER, TARGET);
    expect(codes(await s.gql(ItemEffectivenessDocument, { id: c("q-good") }, learner))).toContain("FORBIDDEN");
    const never = await s.gql(NeverHelpingDocument, {}, s.designer);
    expect(never.errors).toBeUndefined();
    expect(never.data?.curriculumReport.itemsThatNeverHelp.map((i) => i.id)).not.toContain(c("q-good"));
  });

  it("explores by Thompson sampling, reproducibly under a seed, and says when a choice was exploratory", async () => {
    // Every learner is MID: one band holds all the data.
    const stats = new Map<string, { n: number; successes: number }>();
    let band = "";
    for (const id of ITEMS) {
      const r = await s.gql(ItemEffectivenessDocument, { id }, s.designer);
      const [only, ...more] = r.data?.item?.effectiveness ?? [];
      expect(more).toEqual([]);
      band = only?.band ?? "";
      stats.set(id, { n: only?.n ?? 0, successes: only?.successes ?? 0 });
    }
    const expected = (seed: number) => thompson([...ITEMS].sort(), (id) => stats.get(id) ?? { n: 0, successes: 0 }, (seed ^ fnv1a(c("a"))) >>> 0);
    const ask = async (seed: number) => {
      const r = await s.gql(ExploreRecommendationsDocument, { id: TARGET, topicId: c("topic"), seed }, s.admin);
      expect(r.errors).toBeUndefined();
      return r.data?.learner?.recommendations.find((x) => x.concept.id === c("a"));
    };
    const seeds = Array.from({ length: 300 }, (_, i) => i + 1);
    const exploring = seeds.find((x) => expected(x).exploratory);
    const exploiting = seeds.find((x) => !expected(x).exploratory);
    expect(exploring).toBeDefined();
    expect(exploiting).toBeDefined();
    for (const seed of [exploring, exploiting] as number[]) {
      const one = await ask(seed);
      const two = await ask(seed);
      expect(one?.items.map((i) => i.item.id)).toEqual(two?.items.map((i) => i.item.id));
      // The server's order is the draw's order.
      expect(one?.items.map((i) => i.item.id)).toEqual(expected(seed).order.map((d) => d.item));
      const note = `is an exploratory choice (Thompson sampling on item effectiveness for the ${band} ability band, seed ${seed}).`;
      expect(one?.explanation.includes(note)).toBe(seed === exploring);
    }
    // Without THOMPSON, nothing is said about exploration.
    const plain = await s.gql(ExploreRecommendationsDocument, { id: TARGET, topicId: c("topic"), itemSelection: "CLOSEST" }, s.admin);
    expect(plain.data?.learner?.recommendations.every((x) => !x.explanation.includes("exploratory"))).toBe(true);
  });
});
