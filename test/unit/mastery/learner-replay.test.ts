import { describe, expect, it } from "vitest";
import { advanceLearner, type ResolvedEvent } from "../../../src/domain/mastery/learner-replay.js";
import { defaultModelParams } from "../../../src/domain/mastery/model.js";

const base = defaultModelParams();
const params = { ...base, ability: { ...base.ability, k0: 0.3, kDecay: 0.05 }, forgetting: { ...base.forgetting, halfLifeMs: 7 * 24 * 3600 * 1000, perInterleavedEvent: 0.02 } };
const ev = (n: number, concepts: string[], score: number, minute: number): ResolvedEvent => ({
  eventId: `e${n}`, kind: "ANSWER", learnerId: "l", itemId: `i${n % 3}`, conceptIds: null, concepts, score,
  occurredAt: Date.UTC(2026, 0, 1) + minute * 3600_000, durationMs: null, hintsUsed: null, attemptNumber: null, source: null, watchFraction: null,
});

describe("advanceLearner", () => {
  const events = [ev(1, ["a"], 1, 0), ev(2, ["b"], 0, 5), ev(3, ["a", "b"], 1, 30), ev(4, ["a"], 0, 200), ev(5, ["b"], 1, 400)];

  it("gives the same state whatever order the events arrive in", async () => {
    const inOrder = await advanceLearner(params, null, null, events, async () => ({ events: [], stored: null }), 0);
    // Deliver 1, 2, 4, 5 first, then 3 late: the replay must land on the same state.
    const first = await advanceLearner(params, null, null, [events[0], events[1], events[3], events[4]] as ResolvedEvent[], async () => ({ events: [], stored: null }), 0);
    const lastAt = events[4]?.occurredAt ?? 0;
    const late = await advanceLearner(params, first.state, lastAt, [events[2] as ResolvedEvent], async () => ({ events: [events[0], events[1], events[3], events[4]] as ResolvedEvent[], stored: first.state }), 0);
    expect(late.replayed).toBe(true);
    expect(late.state).toEqual(inOrder.state);
    expect(late.changes.filter((c) => c.reason === "LATE_EVIDENCE").map((c) => c.conceptId).sort()).toEqual(["a", "b"]);
    // A late event shifts the event counter of everything after it: every concept is rewritten.
    expect(late.touched.sort()).toEqual(["a", "b"]);
    // The newest recorded value of each concept is its final mastery.
    for (const [id, c] of Object.entries(late.state.concepts)) {
      const lastChange = [...late.changes].reverse().find((x) => x.conceptId === id);
      const recorded = lastChange?.after ?? first.state.concepts[id]?.mastery;
      expect(recorded).toBeCloseTo(c.mastery, 12);
    }
  });

  it("writes no REPLAY change for a concept whose stored state is gone (a deleted concept)", async () => {
    const first = await advanceLearner(params, null, null, [events[0], events[1], events[3], events[4]] as ResolvedEvent[], async () => ({ events: [], stored: null }), 0);
    // Concept 'b' was deleted: its MASTERY edges went with it, its events stay in the history.
    const stored = { ...first.state, concepts: { a: first.state.concepts.a as NonNullable<(typeof first.state.concepts)["a"]> } };
    const late = await advanceLearner(params, stored, events[4]?.occurredAt ?? 0, [ev(6, ["a"], 1, 100)], async () => ({ events: [events[0], events[1], events[3], events[4]] as ResolvedEvent[], stored }), 0);
    expect(late.replayed).toBe(true);
    expect(late.changes.filter((c) => c.conceptId === "b")).toEqual([]);
    expect(late.changes.some((c) => c.conceptId === "a" && c.reason === "LATE_EVIDENCE")).toBe(true);
  });

  it("applies in-order events incrementally, one change per concept per answer", async () => {
    const r = await advanceLearner(params, null, null, events.slice(0, 3), async () => {
      throw new Error("history must not be read for in-order events");
    }, 0);
    expect(r.changes.map((c) => [c.eventId, c.conceptId])).toEqual([["e1", "a"], ["e2", "b"], ["e3", "a"], ["e3", "b"]]);
    expect(r.changes.every((c) => c.reason === "EVIDENCE")).toBe(true);
    expect(r.touched.sort()).toEqual(["a", "b"]);
  });

  it("needs only the touched concepts of the stored state for in-order events", async () => {
    const whole = await advanceLearner(params, null, null, events.slice(0, 3), async () => ({ events: [], stored: null }), 0);
    // What ingestion reads: the scalars and only concept 'a' (the next event touches only 'a').
    const partial = { ...whole.state, concepts: { a: whole.state.concepts.a as NonNullable<(typeof whole.state.concepts)["a"]> } };
    const next = [events[3] as ResolvedEvent];
    const fromWhole = await advanceLearner(params, whole.state, events[2]?.occurredAt ?? 0, next, async () => ({ events: [], stored: null }), 0);
    const fromPartial = await advanceLearner(params, partial, events[2]?.occurredAt ?? 0, next, async () => ({ events: [], stored: null }), 0);
    expect(fromPartial.touched).toEqual(["a"]);
    expect(fromPartial.changes).toEqual(fromWhole.changes);
    expect(fromPartial.state.concepts.a).toEqual(fromWhole.state.concepts.a);
    expect(fromPartial.state.ability).toBe(fromWhole.state.ability);
  });
});
