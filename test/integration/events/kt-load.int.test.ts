import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultModelParams, type ModelParams } from "../../../src/domain/mastery/model.js";
import { uniquePrefix } from "../../utils/ids.js";
import { startTestServer, type TestServer } from "../../utils/server.js";

/**
 * `frontier kt load` changes what the server predicts and which items recommendations offer
 * (issue 16). The model is stored under this test's own id (`--as`, the server's KT_MODEL), so
 * the model every other server and test on the shared database uses is never touched.
 *
 * Four questions on one concept: qa and qb have fitted difficulties in the file, qc a designer
 * difficulty of 0 and qd none at all. Without the model every item is at difficulty 0. With it,
 * qa and qb take their fitted values, qc keeps its designer 0 and qd, unset, takes the concept's
 * mean difficulty: unset is not 0.
 */
const P = uniquePrefix("ktload");
const c = (x: string) => `${P}${x}`;
const FITTED = { qa: -0.9, qb: -0.5 };
const BAND = { min: 0.65, max: 0.9 };
const CONCEPT_MEAN = 1.2;
let without: TestServer;
let withModel: TestServer;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const logit = (p: number) => Math.log(p / (1 - p));

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "frontier-ktload-"));
  const model: ModelParams = { ...defaultModelParams(), itemDifficulty: { [c("qa")]: FITTED.qa, [c("qb")]: FITTED.qb }, conceptDifficulty: { [c("k")]: CONCEPT_MEAN } };
  writeFileSync(join(dir, "model.json"), JSON.stringify(model));
  const r = spawnSync("npx", ["tsx", "src/cli/main.ts", "kt", "load", join(dir, "model.json"), "--as", c("model")], { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent" } });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toMatch(new RegExp(`as model '${c("model")}' version 1`));
  [without, withModel] = await Promise.all([startTestServer({ KT_MODEL: c("none") }), startTestServer({ KT_MODEL: c("model") })]);
  const doc = {
    topics: [{ id: c("topic"), name: "Load test", level: "TOPIC" }],
    concepts: [{ id: c("k"), name: "K", topicId: c("topic") }, { id: c("other"), name: "Other", topicId: c("topic") }],
    items: [
      { id: c("qa"), kind: "QUESTION", title: "a", assesses: [{ conceptId: c("k") }] },
      { id: c("qb"), kind: "QUESTION", title: "b", assesses: [{ conceptId: c("k") }] },
      { id: c("qc"), kind: "QUESTION", title: "c", difficulty: 0, assesses: [{ conceptId: c("k") }] },
      { id: c("qd"), kind: "QUESTION", title: "d", assesses: [{ conceptId: c("k") }] },
      { id: c("qo"), kind: "QUESTION", title: "o", difficulty: 0, assesses: [{ conceptId: c("other") }] },
    ],
  };
  const imp = await without.gql("mutation($c: String!) { importCurriculum(format: JSON, content: $c) { applied } }", { c: JSON.stringify(doc) }, without.designer);
  expect(imp.data).toEqual({ importCurriculum: { applied: true } });
  // The learner exists once it has evidence: one correct answer on the other concept (its
  // ability moves the same way for every item of K, whichever model reads it).
  const ev = await without.gql("mutation($e: [EventInput!]!) { recordEvents(events: $e) { accepted } }", { e: [{ eventId: c("e1"), learnerId: c("new"), itemId: c("qo"), correct: true, occurredAt: new Date(Date.now() - 60_000).toISOString() }] }, without.admin);
  expect(ev.data).toEqual({ recordEvents: { accepted: 1 } });
}, 120_000);

afterAll(async () => {
  await without?.cleanup(P);
  await Promise.all([without?.stop(), withModel?.stop()]);
});

interface Recs {
  learner: { recommendations: Array<{ concept: { id: string }; items: Array<{ item: { id: string; difficulty: number | null }; predictedCorrect: number }> }> } | null;
}
const RECS = "query($id: ID!, $t: ID, $min: Float!, $max: Float!) { learner(id: $id) { recommendations(limit: 5, topicId: $t, bandMin: $min, bandMax: $max) { concept { id } items { item { id difficulty } predictedCorrect } } } }";
const predictions = async (s: TestServer) => {
  const out: Record<string, number> = {};
  for (const q of ["qa", "qb", "qc", "qd"]) {
    const r = await s.gql<{ learner: { predictedCorrect: { p: number } } }, Record<string, unknown>>("query($id: ID!, $item: ID!) { learner(id: $id) { predictedCorrect(itemId: $item) { p } } }", { id: c("new"), item: c(q) }, s.admin);
    expect(r.errors).toBeUndefined();
    out[q] = r.data?.learner.predictedCorrect.p as number;
  }
  return out;
};

describe("kt load", () => {
  it("an item without a designer difficulty reads as null, one with 0 as 0", async () => {
    const r = await without.gql<{ item: { difficulty: number | null } }, Record<string, unknown>>("query($id: ID!) { item(id: $id) { difficulty } }", { id: c("qd") });
    expect(r.data).toEqual({ item: { difficulty: null } });
    const zero = await without.gql<{ item: { difficulty: number | null } }, Record<string, unknown>>("query($id: ID!) { item(id: $id) { difficulty } }", { id: c("qc") });
    expect(zero.data).toEqual({ item: { difficulty: 0 } });
  });

  it("moves predictions by the loaded difficulties: fitted, designer 0, unset = concept mean", async () => {
    const base = await predictions(without);
    // Without the model all four are at difficulty 0: one prediction.
    expect(new Set(Object.values(base)).size).toBe(1);
    const loaded = await predictions(withModel);
    // The difficulty term is -b in the logit; everything else is the same new learner and concept.
    const z0 = logit(base.qc as number);
    expect(loaded.qc).toBeCloseTo(base.qc as number, 12);
    expect(loaded.qa).toBeCloseTo(sigmoid(z0 - FITTED.qa), 12);
    expect(loaded.qb).toBeCloseTo(sigmoid(z0 - FITTED.qb), 12);
    expect(loaded.qd).toBeCloseTo(sigmoid(z0 - CONCEPT_MEAN), 12);
  });

  it("changes the items recommendations offer: those in the band, nearest its middle first", async () => {
    const recs = async (s: TestServer) => {
      const r = await s.gql<Recs, Record<string, unknown>>(RECS, { id: c("new"), t: c("topic"), min: BAND.min, max: BAND.max }, s.admin);
      expect(r.errors).toBeUndefined();
      const rec = r.data?.learner?.recommendations.find((x) => x.concept.id === c("k"));
      expect(rec).toBeDefined();
      return rec?.items ?? [];
    };
    const loaded = await predictions(withModel);
    // The documented rule (recommendations README), applied by hand to the predictions.
    const expected = Object.entries(loaded)
      .filter(([, p]) => p >= BAND.min && p <= BAND.max)
      .sort(([, a], [, b]) => Math.abs(a - (BAND.min + BAND.max) / 2) - Math.abs(b - (BAND.min + BAND.max) / 2))
      .slice(0, 3)
      .map(([q]) => c(q));
    expect(expected.length).toBeGreaterThan(0);
    const before = (await recs(without)).map((i) => i.item.id);
    const after = await recs(withModel);
    expect(after.map((i) => i.item.id)).toEqual(expected);
    // Without the model the four are level at P = σ(z0), outside the band: nothing offered.
    expect(before).toEqual([]);
    for (const i of after) expect(i.predictedCorrect).toBeCloseTo(loaded[i.item.id.slice(P.length)] as number, 12);
  });
});
