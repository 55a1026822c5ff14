import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultModelParams, initialLearnerState, predictCorrect, update, type ModelParams } from "../../../src/domain/mastery/model.js";
import { replay } from "../../../src/kt/replay.js";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Answers drawn from the model itself, so a fit has something real to find. */
function synthetic(learners: number, perLearner: number): string {
  const r = rng(9);
  const truth: ModelParams = { ...defaultModelParams(), concepts: { k1: { pL0: 0.2, pT: 0.25, pG: 0.15, pS: 0.08, pF: 0 }, k2: { pL0: 0.6, pT: 0.1, pG: 0.25, pS: 0.1, pF: 0 } } };
  const lines: string[] = [];
  for (let l = 0; l < learners; l++) {
    let state = initialLearnerState();
    for (let k = 0; k < perLearner; k++) {
      const concept = k % 3 === 0 ? "k2" : "k1";
      const at = Date.UTC(2025, 0, 1) + (l * 1000 + k) * 60_000;
      const item = { itemId: concept, conceptIds: [concept] };
      const correct = r() < predictCorrect(truth, state, item, at).p;
      state = update(truth, state, { ...item, score: correct ? 1 : 0, occurredAt: at }).state;
      lines.push(JSON.stringify({ eventId: `u${l}-${k}`, learnerId: `u${l}`, itemId: concept, conceptIds: [concept], correct, occurredAt: new Date(at).toISOString() }));
    }
  }
  return `${lines.join("\n")}\n`;
}

const cli = (args: string[]) => spawnSync("npx", ["tsx", "src/cli/main.ts", ...args], { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent" } });

describe("frontier kt", () => {
  const dir = mkdtempSync(join(tmpdir(), "frontier-kt-"));
  const events = join(dir, "events.ndjson");
  const model = join(dir, "model.json");
  writeFileSync(events, synthetic(150, 24));

  it("fits within the guard rails and reports the parameters", () => {
    const r = cli(["kt", "fit", "--events", events, "--out", model, "--restarts", "2", "--rounds", "1"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/2 concepts fitted/);
    const params = JSON.parse(readFileSync(model, "utf8")) as ModelParams;
    for (const cp of Object.values(params.concepts)) {
      expect(cp.pG).toBeLessThan(0.5);
      expect(cp.pS).toBeLessThan(0.5);
    }
    // The learner who starts weak on k1 is recovered as weaker than k2's prior.
    expect(params.concepts.k1?.pL0 ?? 1).toBeLessThan(params.concepts.k2?.pL0 ?? 0);
  });

  it("predicts online: one line per answer, computed before the answer, equal to the replay", () => {
    const r = cli(["kt", "predict", "--model", model, "--events", events]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { eventId: string; p: number });
    expect(lines).toHaveLength(150 * 24);
    expect(lines[0]?.eventId).toBe("u0-0");
    const params = JSON.parse(readFileSync(model, "utf8")) as ModelParams;
    const parsed = readFileSync(events, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { learnerId: string; itemId: string; conceptIds: string[]; correct: boolean; occurredAt: string });
    const expected = replay(params, parsed.map((e) => ({ learnerId: e.learnerId, itemId: e.itemId, conceptIds: e.conceptIds, score: e.correct ? 1 : 0, occurredAt: Date.parse(e.occurredAt) }))).predictions;
    lines.forEach((l, i) => expect(l.p).toBeCloseTo(expected[i] ?? -1, 5));
    // Learners' first answers see nothing of their own: all equal the same prior prediction per concept.
    const firsts = new Set(lines.filter((l) => l.eventId.endsWith("-0")).map((l) => l.p));
    expect(firsts.size).toBe(1);
  });

  it("evaluates with learner-level cross-validation and draws the pictures", () => {
    const out = join(dir, "report");
    const r = cli(["kt", "evaluate", "--events", events, "--folds", "3", "--out-dir", out]);
    expect(r.status, r.stderr).toBe(0);
    // The first row of the table after its header is the model: its pooled AUC comes first.
    const auc = Number(/AUC .*per-fold AUC\n\S+\s+(0\.\d+)/.exec(r.stdout)?.[1]);
    expect(auc).toBeGreaterThan(0.6);
    expect(r.stdout).toMatch(/calibration \(\S+\): bin/);
    for (const f of ["calibration.svg", "learning-curves.svg", "report.json"]) expect(existsSync(join(out, f))).toBe(true);
    expect(readFileSync(join(out, "calibration.svg"), "utf8")).toMatch(/^<svg /);
  });

  it("refuses to load a file that is not a model", () => {
    const bogus = join(dir, "bogus.json");
    writeFileSync(bogus, JSON.stringify({ hello: "world" }));
    const r = cli(["kt", "load", bogus]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not a Frontier model/);
  });
});
