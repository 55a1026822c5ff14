import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CheckDriftDocument, DriftDetectedDocument, ImportCurriculumDocument, RecordEventsDocument, type EventInput } from "../../generated/graphql.js";
import { collect, until, wsClient } from "../../utils/ws.js";
import { uniquePrefix } from "../../utils/ids.js";
import { rng } from "../../utils/numeric.js";
import { codes, startTestServer, type TestServer } from "../../utils/server.js";
import { Role } from "../../../src/auth/roles.js";

let s: TestServer;
const P = uniquePrefix("drift");
const STABLE = `${P}stable`;
const SHIFT = `${P}shift`;
const DAY = 24 * 3600 * 1000;
const now = Date.now();
const random = rng(20261203);

const DRIFT = `query Drift($sources: [String!]) {
  dataQuality { drift(sources: $sources) { threshold sources { source drifted calibrationShift
    recent { events correctRate meanPredicted meanObserved learners rejected { key count } }
    baseline { events correctRate meanPredicted meanObserved learners }
    features { feature bins recent baseline psi level } } } }
}`;
interface Drift {
  dataQuality: { drift: { threshold: number; sources: Array<{ source: string; drifted: boolean; calibrationShift: number | null; recent: { events: number; correctRate: number; meanPredicted: number; meanObserved: number; learners: number; rejected: Array<{ key: string; count: number }> }; baseline: { events: number; correctRate: number }; features: Array<{ feature: string; bins: string[]; recent: number[]; baseline: number[]; psi: number | null; level: string }> }> } };
}

/** A generated stream: per learner, answers spread over a window, with the given behaviour. */
function stream(source: string, learners: number, perLearner: number, from: number, to: number, behaviour: { pCorrect: number; durationS: () => number; hints: () => number }): EventInput[] {
  const out: EventInput[] = [];
  for (let l = 0; l < learners; l++) {
    const times = Array.from({ length: perLearner }, () => from + random() * (to - from)).sort((a, b) => a - b);
    times.forEach((t, i) =>
      out.push({
        eventId: `${source}-${from}-${l}-${i}`,
        learnerId: `${source}-l${l}`,
        itemId: `${P}q`,
        correct: random() < behaviour.pCorrect,
        occurredAt: new Date(t).toISOString(),
        durationMs: Math.round(behaviour.durationS() * 1000),
        hintsUsed: behaviour.hints(),
        source,
      }),
    );
  }
  return out;
}
const around = (centre: number) => () => centre * Math.exp((random() - 0.5) * 1.2);
const usual = { pCorrect: 0.8, durationS: around(30), hints: () => (random() < 0.8 ? 0 : 1) };
const changed = { pCorrect: 0.35, durationS: around(200), hints: () => (random() < 0.3 ? 1 : 2 + Math.floor(random() * 3)) };
const recentFrom = now - 7 * DAY;
const baselineFrom = recentFrom - 28 * DAY;
const sent: EventInput[] = [];

/** The test's own binning and PSI (written from docs/drift.md, not imported). */
function expectedPsi(events: EventInput[], feature: "score" | "duration" | "hints"): number {
  const bin = (e: EventInput): number => {
    if (feature === "score") return e.correct ? 2 : 0;
    if (feature === "hints") return Math.min(e.hintsUsed ?? 0, 3) + 1;
    const ms = e.durationMs ?? 0;
    return ms < 10_000 ? 1 : ms < 30_000 ? 2 : ms < 60_000 ? 3 : ms < 120_000 ? 4 : ms < 300_000 ? 5 : ms < 900_000 ? 6 : 7;
  };
  const size = feature === "duration" ? 8 : feature === "hints" ? 5 : 3;
  const hist = (w: EventInput[]) => {
    const h = new Array<number>(size).fill(0);
    for (const e of w) h[bin(e)] = (h[bin(e)] ?? 0) + 1;
    return h.map((x) => Math.max(x / w.length, 1e-4));
  };
  const recent = hist(events.filter((e) => Date.parse(e.occurredAt) >= recentFrom));
  const baseline = hist(events.filter((e) => Date.parse(e.occurredAt) < recentFrom));
  return recent.reduce((sum, r, i) => sum + (r - (baseline[i] as number)) * Math.log(r / (baseline[i] as number)), 0);
}

beforeAll(async () => {
  s = await startTestServer();
  const doc = { concepts: [{ id: `${P}c`, name: "C" }], items: [{ id: `${P}q`, kind: "QUESTION", title: "q", difficulty: 0, assesses: [{ conceptId: `${P}c` }] }] };
  expect((await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer)).data?.importCurriculum.applied).toBe(true);
  // Baseline then recent, per source: each learner's answers in time order.
  sent.push(
    ...stream(STABLE, 20, 10, baselineFrom + DAY, recentFrom - DAY, usual),
    ...stream(SHIFT, 20, 10, baselineFrom + DAY, recentFrom - DAY, usual),
    ...stream(STABLE, 20, 5, recentFrom + DAY, now - DAY, usual),
    ...stream(SHIFT, 20, 5, recentFrom + DAY, now - DAY, changed),
  );
  for (let i = 0; i < sent.length; i += 500) {
    const r = await s.gql(RecordEventsDocument, { events: sent.slice(i, i + 500) }, s.admin);
    expect(r.data?.recordEvents.rejected).toBe(0);
  }
  // The changed source also starts sending items the graph does not know: rejected, counted per source and day.
  const unknown = stream(SHIFT, 3, 10, now - 2 * DAY, now - DAY, changed).map((e) => ({ ...e, eventId: `${e.eventId}-x`, itemId: `${P}ghost` }));
  const r = await s.gql(RecordEventsDocument, { events: unknown }, s.admin);
  expect(r.data?.recordEvents.rejected).toBe(30);
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("dataQuality.drift", () => {
  it("finds the source whose distribution changed, with each PSI equal to the formula's, and not the stable one", async () => {
    const r = await s.gql<Drift, { sources: string[] }>(DRIFT, { sources: [STABLE, SHIFT] }, s.admin);
    expect(r.errors).toBeUndefined();
    const report = r.data?.dataQuality.drift;
    expect(report?.threshold).toBe(0.25);
    const [stable, shift] = [report?.sources.find((x) => x.source === STABLE), report?.sources.find((x) => x.source === SHIFT)];
    for (const [src, name] of [[stable, STABLE], [shift, SHIFT]] as const) {
      const mine = sent.filter((e) => e.source === name);
      expect(src?.recent.events).toBe(100);
      expect(src?.baseline.events).toBe(200);
      expect(src?.recent.learners).toBe(20);
      for (const feature of ["score", "duration", "hints"] as const) {
        expect(src?.features.find((f) => f.feature === feature)?.psi, `${name} ${feature}`).toBeCloseTo(expectedPsi(mine, feature), 9);
      }
      expect(src?.recent.correctRate).toBeCloseTo(mine.filter((e) => Date.parse(e.occurredAt) >= recentFrom && e.correct).length / 100, 12);
    }
    const level = (src: typeof stable, feature: string) => src?.features.find((f) => f.feature === feature)?.level;
    expect(["score", "duration", "hints"].map((f) => level(shift, f))).toEqual(["DRIFTED", "DRIFTED", "DRIFTED"]);
    expect(shift?.drifted).toBe(true);
    // Unknown items: 30 rejected beside 100 stored, none in the baseline's 200.
    expect(shift?.recent.rejected).toEqual([{ key: "UNKNOWN_ITEM", count: 30 }]);
    const rej = shift?.features.find((f) => f.feature === "rejections");
    expect([rej?.recent, rej?.baseline]).toEqual([[100, 30, 0, 0, 0], [200, 0, 0, 0, 0]]);
    const [r0, r1, q1] = [100 / 130, 30 / 130, 1e-4];
    expect(rej?.psi).toBeCloseTo((r0 - 1) * Math.log(r0 / 1) + (r1 - q1) * Math.log(r1 / q1), 9);
    expect(rej?.level).toBe("DRIFTED");
    for (const f of ["kind", "score", "duration", "hints", "answersPerLearner", "rejections"]) expect(level(stable, f), f).not.toBe("DRIFTED");
    expect(stable?.features.find((f) => f.feature === "rejections")?.psi).toBeCloseTo(0, 12);
    // A backfill arrives late by construction: the arrival delay differs between the windows for both.
    expect(stable?.features.find((f) => f.feature === "delay")?.recent.reduce((a, b) => a + b, 0)).toBe(100);
    // The model still expects the old success rate: over-predicts in the recent window.
    expect(shift?.calibrationShift).toBeGreaterThan(0.1);
    expect(shift?.recent.meanObserved).toBeCloseTo(shift?.recent.correctRate ?? -1, 12);
  });

  it("raises driftDetected for admins when a source drifts, once until another feature drifts", async () => {
    const hub = s.frontier.services.live.hub;
    const admin = wsClient(s, s.admin);
    const sub = collect(admin, DriftDetectedDocument, {}, () => hub.drift.size);
    await sub.ready;
    const teacher = wsClient(s, await s.token(Role.TEACHER, `${P}t`));
    const refused = collect(teacher, DriftDetectedDocument, {}, () => hub.drift.size);
    await until(() => refused.errors.length > 0);
    expect(JSON.stringify(refused.errors)).toMatch(/FORBIDDEN/);

    const r = await s.gql(CheckDriftDocument, { sources: [STABLE, SHIFT] }, s.admin);
    expect(r.errors).toBeUndefined();
    const alerts = r.data?.checkDrift ?? [];
    const shift = alerts.find((a) => a.source === SHIFT);
    const mine = sent.filter((e) => e.source === SHIFT);
    // The changed behaviour: score, duration and hints drifted, each PSI the formula's, highest first.
    for (const feature of ["score", "duration", "hints"] as const) {
      expect(shift?.features.find((f) => f.feature === feature)?.psi, feature).toBeCloseTo(expectedPsi(mine, feature), 9);
    }
    const psis = shift?.features.map((f) => f.psi) ?? [];
    expect(psis).toEqual([...psis].sort((a, b) => b - a));
    expect(shift?.drifted).toEqual(expect.arrayContaining(["score", "duration", "hints", "rejections"]));
    expect(shift?.calibrationShift).toBeGreaterThan(0.1);
    // The stable source's behaviour did not change (only its arrival delay can, by construction).
    const stable = alerts.find((a) => a.source === STABLE);
    expect(stable?.features.map((f) => f.feature) ?? []).not.toEqual(expect.arrayContaining(["score"]));
    for (const f of ["score", "duration", "hints", "kind"]) expect(stable?.drifted ?? []).not.toContain(f);

    // The subscriber got the same alert.
    await until(() => sub.got.some((g) => g.driftDetected.source === SHIFT));
    expect(sub.got.find((g) => g.driftDetected.source === SHIFT)?.driftDetected.id).toBe(shift?.id);
    // Nothing newly drifted since: a second check raises nothing for these sources.
    const again = await s.gql(CheckDriftDocument, { sources: [STABLE, SHIFT] }, s.admin);
    expect(again.data?.checkDrift).toEqual([]);
    await Promise.all([admin.dispose(), teacher.dispose()]);
  });

  it("exports the figures as /metrics gauges", async () => {
    // A scrape answers the last figures and refreshes them in the background: the first may have
    // none yet. The gauges cover every source in the database (in a full run, every other test
    // file's too), so one computation can take long on a loaded machine, and figures are kept for
    // 60 s: wait for more than one refresh.
    let text = "";
    await expect
      .poll(async () => (text = await (await fetch(`${s.frontier.url}/metrics`)).text()), { timeout: 170_000, interval: 500 })
      .toMatch(new RegExp(`frontier_drift_drifted\\{source="${SHIFT}"\\} 1`));
    expect(text).toMatch(new RegExp(`frontier_drift_psi\\{source="${SHIFT}",feature="score"\\} [0-9.]+`));
    expect(text).toMatch(new RegExp(`frontier_calibration_shift\\{source="${SHIFT}"\\} [0-9.]+`));
  }, 200_000);

  it("is for admins only", async () => {
    const teacher = await s.token(Role.TEACHER, `${P}t`);
    expect(codes(await s.gql(DRIFT, { sources: [SHIFT] }, teacher))).toEqual(["FORBIDDEN"]);
    expect(codes(await s.gql("{ dataQuality { drift(recentDays: 0) { threshold } } }", {}, s.admin))).toEqual(["BAD_USER_INPUT"]);
  });

  it("refuses a check of more than 100 sources, with the reason, and raises nothing", async () => {
    const many = Array.from({ length: 101 }, (_, i) => `${P}src-${i}`);
    const r = await s.gql(CheckDriftDocument, { sources: many }, s.admin);
    expect(r.status).toBe(200);
    expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
    expect(JSON.stringify(r.errors)).toContain("at most 100");
    expect(r.data?.checkDrift ?? null).toBeNull();
    // 100 is allowed.
    expect((await s.gql(CheckDriftDocument, { sources: many.slice(0, 100) }, s.admin)).errors).toBeUndefined();
  });
});
