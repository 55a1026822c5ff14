import { describe, expect, it } from "vitest";
import { IMPLIED, impliedReach, impliedTargets, type PrerequisiteLookup } from "../../../src/domain/mastery/implied.js";
import { advanceLearner, applyEvent, type ResolvedEvent } from "../../../src/domain/mastery/learner-replay.js";
import { defaultModelParams, initialLearnerState, type LearnerState } from "../../../src/domain/mastery/model.js";

// c requires b (weight 1) and d (weight 1); b requires a (weight 0.5); e stands alone.
const edges: Record<string, Array<{ id: string; weight: number }>> = { c: [{ id: "b", weight: 1 }, { id: "d", weight: 1 }], b: [{ id: "a", weight: 0.5 }] };
const lookup: PrerequisiteLookup = (id) => edges[id] ?? [];
const params = defaultModelParams();
const T0 = Date.UTC(2026, 0, 1);
let n = 0;
const answer = (concepts: string[], score: number, minute: number): ResolvedEvent => ({
  eventId: `e${++n}`, kind: "ANSWER", learnerId: "l", itemId: `i-${concepts.join("-")}`, conceptIds: null, concepts, score,
  occurredAt: T0 + minute * 60_000, durationMs: null, hintsUsed: null, attemptNumber: null, source: null, watchFraction: null,
});
/** A learner who knows c well already (direct evidence, practised a minute before). */
const knowsC = (extra: LearnerState["concepts"] = {}): LearnerState => ({
  ...initialLearnerState(),
  concepts: { c: { mastery: 0.9, attempts: 3, recent: 0.9, lastPracticedAt: T0 - 60_000, lastPracticedIndex: 0 }, ...extra },
  events: 1,
});
// The prior of a never-practised concept for an average learner (ability 0): the default pL0.
const prior = params.defaultConcept.pL0;

describe("implied evidence: the rule's reach", () => {
  it("gives prerequisites weight x decay^(d-1) x the edge weights, strongest path, sources excluded", () => {
    const t = impliedTargets(lookup, ["c"]);
    expect(t.get("b")).toEqual({ strength: 0.6, from: "c" });
    expect(t.get("d")).toEqual({ strength: 0.6, from: "c" });
    expect(t.get("a")?.strength).toBeCloseTo(0.6 * 0.5 * 0.5, 12);
    expect(t.has("c")).toBe(false);
    expect(t.has("e")).toBe(false);
    // From b itself, a is one edge away (weight 0.5).
    expect(impliedTargets(lookup, ["b"]).get("a")?.strength).toBeCloseTo(0.3, 12);
    expect([...impliedReach(lookup, ["c", "e"])].sort()).toEqual(["a", "b", "d"]);
  });

  it("stops at its depth", () => {
    const chain: PrerequisiteLookup = (id) => (id.length < 5 ? [{ id: `${id}x`, weight: 1 }] : []);
    expect([...impliedTargets(chain, ["x"]).keys()]).toEqual(["xx", "xxx"]);
    expect(IMPLIED.depth).toBe(2);
  });
});

describe("implied evidence in applyEvent", () => {
  it("raises unpractised prerequisites by a share of the gap to the answered concept", () => {
    const e = answer(["c"], 1, 0);
    const r = applyEvent(params, knowsC(), e, "EVIDENCE", lookup);
    const mc = r.changes.find((c) => c.conceptId === "c" && c.reason === "EVIDENCE")?.after as number;
    expect(mc).toBeGreaterThanOrEqual(IMPLIED.minMastery);
    const implied = Object.fromEntries(r.changes.filter((c) => c.reason === "IMPLIED").map((c) => [c.conceptId, c]));
    expect(Object.keys(implied).sort()).toEqual(["a", "b", "d"]);
    expect(implied.b?.before).toBeCloseTo(prior, 9);
    expect(implied.b?.after).toBeCloseTo(prior + 0.6 * (mc - prior), 9);
    expect(implied.a?.after).toBeCloseTo(prior + 0.15 * (mc - prior), 9);
    expect(implied.b?.detail.impliedBy).toBe("c");
    expect(r.state.concepts.b).toMatchObject({ impliedBy: "c", attempts: 0, lastPracticedAt: e.occurredAt });
    expect(r.state.concepts.c?.impliedBy).toBeUndefined();
  });

  it("never touches a concept with direct evidence: a failed prerequisite stays failed", () => {
    const failed = applyEvent(params, knowsC(), answer(["b"], 0, 0), "EVIDENCE", lookup);
    const mb = failed.state.concepts.b?.mastery as number;
    const r = applyEvent(params, failed.state, answer(["c"], 1, 1), "EVIDENCE", lookup);
    expect(r.changes.some((c) => c.conceptId === "b")).toBe(false);
    expect(r.state.concepts.b?.mastery).toBe(mb);
    // Its own prerequisite a is still reached through it.
    expect(r.changes.some((c) => c.conceptId === "a" && c.reason === "IMPLIED")).toBe(true);
  });

  it("implies nothing from a weak answer, a concept left below the mastered threshold, or a first answer", () => {
    expect(applyEvent(params, knowsC(), answer(["c"], 0.5, 0), "EVIDENCE", lookup).changes.map((c) => c.reason)).toEqual(["EVIDENCE"]);
    const unsure = knowsC({ c: { mastery: 0.05, attempts: 4, recent: 0.2, lastPracticedAt: T0 - 60_000, lastPracticedIndex: 0 } });
    const r = applyEvent(params, unsure, answer(["c"], 1, 0), "EVIDENCE", lookup);
    const mc = r.changes.find((c) => c.conceptId === "c")?.after as number;
    expect(mc).toBeLessThan(IMPLIED.minMastery);
    expect(r.changes.filter((c) => c.reason === "IMPLIED")).toEqual([]);
    // One correct answer on a concept never met: whatever mastery it gives, one answer implies nothing.
    expect(applyEvent(params, initialLearnerState(), answer(["c"], 1, 0), "EVIDENCE", lookup).changes.map((c) => c.reason)).toEqual(["EVIDENCE"]);
  });

  it("never lowers an implied value, and the first direct answer starts from it and makes the concept direct", () => {
    const once = applyEvent(params, knowsC(), answer(["c"], 1, 0), "EVIDENCE", lookup);
    const b1 = once.state.concepts.b?.mastery as number;
    // A weaker source than b's implied value: b keeps its value.
    const weaker = { ...once.state, concepts: { ...once.state.concepts, c: { ...(once.state.concepts.c as NonNullable<LearnerState["concepts"]["c"]>), mastery: b1 - 0.05 } } };
    const lower = applyEvent({ ...params, guards: { ...params.guards } }, weaker, { ...answer(["e"], 1, 1) }, "EVIDENCE", lookup);
    expect(lower.state.concepts.b?.mastery).toBe(b1);
    const direct = applyEvent(params, once.state, answer(["b"], 1, 2), "EVIDENCE", lookup);
    const change = direct.changes.find((c) => c.conceptId === "b") as NonNullable<(typeof direct.changes)[number]>;
    expect(change.reason).toBe("EVIDENCE");
    // Before = the implied value after two minutes of forgetting (one interleaved event at most): close to b1, not the prior.
    expect(change.before).toBeGreaterThan(b1 - 0.02);
    expect(change.before).toBeLessThanOrEqual(b1);
    expect(direct.state.concepts.b?.impliedBy).toBeUndefined();
    expect(direct.state.concepts.b?.attempts).toBe(1);
  });

  it("keeps a content view on an implied concept implied; a teacher's correction makes it direct", () => {
    const once = applyEvent(params, knowsC(), answer(["c"], 1, 0), "EVIDENCE", lookup);
    const view: ResolvedEvent = { ...answer(["b"], 0, 1), kind: "CONTENT_VIEW", score: null, watchFraction: 1 };
    expect(applyEvent(params, once.state, view, "EVIDENCE", lookup).state.concepts.b?.impliedBy).toBe("c");
    const corr: ResolvedEvent = { ...answer(["b"], 0, 2), kind: "CORRECTION", score: null, correction: { p: 0.2, by: "ada", byRole: "TEACHER", note: "cannot do it on paper" } };
    const corrected = applyEvent(params, once.state, corr, "CORRECTION", lookup).state;
    expect(corrected.concepts.b?.impliedBy).toBeUndefined();
    expect(applyEvent(params, corrected, answer(["c"], 1, 3), "EVIDENCE", lookup).state.concepts.b?.mastery).toBe(corrected.concepts.b?.mastery);
  });

  it("is off without a prerequisite lookup", () => {
    expect(applyEvent(params, knowsC(), answer(["c"], 1, 0), "EVIDENCE").changes.map((c) => c.conceptId)).toEqual(["c"]);
  });
});

describe("implied evidence through advanceLearner", () => {
  const history = [answer(["c"], 1, 0), answer(["c"], 1, 10), answer(["b"], 0, 20), answer(["c"], 1, 30)];
  const start = knowsC();

  it("lands on the same state in order and after a late event's replay, and touches the implied concepts", async () => {
    const none = async () => ({ events: [], stored: null });
    const inOrder = await advanceLearner(params, start, null, history, none, 0, lookup);
    expect(inOrder.touched.sort()).toEqual(["a", "b", "c", "d"]);
    const early = history.filter((_, i) => i !== 1);
    const first = await advanceLearner(params, null, null, early, none, 0, lookup);
    const late = await advanceLearner(params, first.state, history[3]?.occurredAt ?? 0, [history[1] as ResolvedEvent], async () => ({ events: early, stored: first.state }), 0, lookup);
    const replayedFromScratch = await advanceLearner(params, null, null, history, none, 0, lookup);
    expect(late.replayed).toBe(true);
    expect(late.state).toEqual(replayedFromScratch.state);
    // The first answer on c implies nothing (one answer), the second does; b failed at minute 20:
    // direct from then on, never raised by the success at minute 30.
    expect(replayedFromScratch.state.concepts.b?.impliedBy).toBeUndefined();
    expect(replayedFromScratch.changes.filter((c) => c.conceptId === "b").map((c) => [c.eventId, c.reason])).toEqual([
      [history[1]?.eventId, "IMPLIED"],
      [history[2]?.eventId, "EVIDENCE"],
    ]);
  });
});
