import type { EventKindName, NormalizedEvent } from "../events/validate-event.js";
import { byTime } from "../events/validate-event.js";
import { IMPLIED, impliedTargets, type PrerequisiteLookup } from "./implied.js";
import {
  applyContentView,
  effectiveMastery,
  initialLearnerState,
  setMastery,
  update,
  type LearnerState,
  type ModelParams,
} from "./model.js";

/** A teacher's correction in the learner's timeline: the mastery of its one concept becomes `p`. */
export interface CorrectionMark {
  /** Corrected mastery, in [0, 1]. */
  p: number;
  /** Who corrected (token subject) and as which role (TEACHER or ADMIN). */
  by: string;
  byRole: string;
  /** Why, in the teacher's words. */
  note: string;
}

/**
 * An event whose concepts are known (from the item's ASSESSES edges or given explicitly), or a
 * teacher's correction (kind CORRECTION, one concept, `correction` set): corrections are replayed
 * at their time with the events, so a late event never undoes one.
 */
export interface ResolvedEvent extends Omit<NormalizedEvent, "kind"> {
  kind: EventKindName | "CORRECTION";
  concepts: string[];
  correction?: CorrectionMark;
}

export type ChangeReason = "EVIDENCE" | "CONTENT_VIEW" | "LATE_EVIDENCE" | "REPLAY" | "CORRECTION" | "CORRECTION_REVERTED" | "IMPLIED";

/** One mastery change, as stored in the history. Masteries are probabilities in [0, 1]. */
export interface MasteryChangeRecord {
  eventId: string;
  conceptId: string;
  /** Epoch ms of the event (or of the replay, for REPLAY corrections). */
  at: number;
  before: number;
  after: number;
  /** Answered attempts on the concept after this change (alert rules read it). */
  attempts: number;
  reason: ChangeReason;
  /** Numbers behind the change, for explanations. */
  detail: {
    score: number | null;
    predicted: number | null;
    evidenceRatio: number | null;
    retention: number | null;
    watchFraction: number | null;
    /** Corrections: who, as which role, why, and the day (YYYY-MM-DD, UTC). */
    by?: string;
    byRole?: string;
    note?: string;
    on?: string;
    /** Implied evidence: the concept whose answer implied this one (id and name), and the rule's strength for the path. */
    impliedBy?: string;
    impliedByName?: string;
    strength?: number;
  };
}

/**
 * Applies one event to a learner's state; returns the new state and the per-concept changes.
 * With `prerequisites`, a strong answer also raises the implied mastery of the answered concepts'
 * prerequisites that have no direct evidence (implied.ts; changes with reason IMPLIED).
 */
export function applyEvent(params: ModelParams, state: LearnerState, e: ResolvedEvent, reason: ChangeReason, prerequisites: PrerequisiteLookup | null = null): { state: LearnerState; changes: MasteryChangeRecord[] } {
  if (e.kind === "CORRECTION" && e.correction) {
    const conceptId = e.concepts[0] as string;
    const before = effectiveMastery(params, state, conceptId, e.occurredAt);
    const next = setMastery(params, state, conceptId, e.correction.p, e.occurredAt);
    const { by, byRole, note } = e.correction;
    return {
      state: next,
      changes: [
        {
          eventId: e.eventId,
          conceptId,
          at: e.occurredAt,
          before: before.mastery,
          after: next.concepts[conceptId]?.mastery ?? e.correction.p,
          attempts: next.concepts[conceptId]?.attempts ?? 0,
          reason: "CORRECTION",
          detail: { score: null, predicted: null, evidenceRatio: null, retention: before.retention, watchFraction: null, by, byRole, note, on: new Date(e.occurredAt).toISOString().slice(0, 10) },
        },
      ],
    };
  }
  if (e.kind === "CONTENT_VIEW") {
    const before = e.concepts.map((c) => effectiveMastery(params, state, c, e.occurredAt));
    const next = applyContentView(params, state, e.concepts, e.watchFraction ?? 0, e.occurredAt);
    return {
      state: next,
      changes: e.concepts.map((conceptId, i) => ({
        eventId: e.eventId,
        conceptId,
        at: e.occurredAt,
        before: before[i]?.mastery ?? 0,
        after: next.concepts[conceptId]?.mastery ?? 0,
        attempts: next.concepts[conceptId]?.attempts ?? 0,
        reason: reason === "EVIDENCE" ? "CONTENT_VIEW" : reason,
        detail: { score: null, predicted: null, evidenceRatio: null, retention: before[i]?.retention ?? null, watchFraction: e.watchFraction },
      })),
    };
  }
  const result = update(params, state, { itemId: e.itemId ?? `concepts:${e.concepts.join(",")}`, conceptIds: e.concepts, score: e.score ?? 0, occurredAt: e.occurredAt });
  const implied = prerequisites ? applyImplied(params, state.events, result.state, e, result.concepts, prerequisites) : { state: result.state, changes: [] };
  return {
    state: implied.state,
    changes: [
      ...result.concepts.map((c): MasteryChangeRecord => ({
      eventId: e.eventId,
      conceptId: c.conceptId,
      at: e.occurredAt,
      before: c.masteryBefore,
      after: c.masteryAfter,
      attempts: result.state.concepts[c.conceptId]?.attempts ?? 0,
      reason,
      detail: {
        score: e.score,
        predicted: result.prediction.p,
        evidenceRatio: Number.isFinite(c.evidenceRatio) ? c.evidenceRatio : null,
        retention: result.prediction.concepts.find((x) => x.conceptId === c.conceptId)?.retention ?? null,
        watchFraction: null,
      },
      })),
      ...implied.changes,
    ],
  };
}

/**
 * The implied-evidence rule (implied.ts) after answer `e` was applied (`state`: after the
 * answer; `eventIndex`: the learner's event counter before it). Concepts with direct evidence,
 * and the answer's own concepts, are never moved.
 */
function applyImplied(
  params: ModelParams,
  eventIndex: number,
  state: LearnerState,
  e: ResolvedEvent,
  answered: ReadonlyArray<{ conceptId: string; masteryAfter: number }>,
  prerequisites: PrerequisiteLookup,
): { state: LearnerState; changes: MasteryChangeRecord[] } {
  if ((e.score ?? 0) < IMPLIED.minScore) return { state, changes: [] };
  const strong = answered.filter((c) => c.masteryAfter >= IMPLIED.minMastery && (state.concepts[c.conceptId]?.attempts ?? 0) >= IMPLIED.minAttempts);
  if (strong.length === 0) return { state, changes: [] };
  const after = new Map(strong.map((c) => [c.conceptId, c.masteryAfter]));
  const own = new Set(e.concepts);
  const concepts = { ...state.concepts };
  const changes: MasteryChangeRecord[] = [];
  const targets = [...impliedTargets(prerequisites, strong.map((c) => c.conceptId))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [conceptId, { strength, from }] of targets) {
    const prev = state.concepts[conceptId];
    if (own.has(conceptId) || (prev !== undefined && prev.impliedBy === undefined)) continue;
    const now = effectiveMastery(params, state, conceptId, e.occurredAt).mastery;
    const source = after.get(from) as number;
    const name = prerequisites.nameOf?.(from);
    const target = Math.min(params.guards.maxMastery, now + strength * (source - now));
    if (!(target > now + 1e-9)) continue;
    concepts[conceptId] = {
      mastery: target,
      attempts: prev?.attempts ?? 0,
      recent: prev?.recent ?? 0.5,
      lastPracticedAt: e.occurredAt,
      lastPracticedIndex: eventIndex,
      impliedBy: from,
    };
    changes.push({
      eventId: e.eventId,
      conceptId,
      at: e.occurredAt,
      before: now,
      after: target,
      attempts: prev?.attempts ?? 0,
      reason: "IMPLIED",
      detail: { score: e.score, predicted: null, evidenceRatio: null, retention: null, watchFraction: null, impliedBy: from, ...(name !== undefined ? { impliedByName: name } : {}), strength },
    });
  }
  return { state: { ...state, concepts }, changes };
}

/**
 * Brings a learner's model state up to date with new events.
 *
 * In order (every new event at or after the last applied one): the events are applied to the
 * stored state. Late (an event older than the last applied one): the learner's whole history is
 * replayed in time order from the initial state, so the result is exactly what the model gives
 * for the events in time order; the late events' own changes are recorded as LATE_EVIDENCE, and
 * every concept whose final mastery then differs from its last recorded value gets a REPLAY
 * correction, so the newest history entry of a concept always equals its current mastery.
 *
 * @param stored the learner's state before this batch (null for a new learner); it needs only the
 *   concepts of `fresh` (the in-order path touches nothing else)
 * @param lastEventAt epoch ms of the newest event already applied (null if none)
 * @param fresh the batch's new events for this learner (any order)
 * @param history the learner's stored events and whole stored state (every concept); only read
 *   when a late event makes a replay necessary
 * @returns the new state, the changes, and `touched`: the concepts whose stored state must be
 *   written (the fresh events' concepts; after a replay, every concept, since a late event shifts
 *   the event counter of everything after it)
 */
export async function advanceLearner(
  params: ModelParams,
  stored: LearnerState | null,
  lastEventAt: number | null,
  fresh: ResolvedEvent[],
  history: () => Promise<{ events: ResolvedEvent[]; stored: LearnerState | null }>,
  now: number,
  prerequisites: PrerequisiteLookup | null = null,
): Promise<{ state: LearnerState; changes: MasteryChangeRecord[]; touched: string[]; replayed: boolean }> {
  const sorted = [...fresh].sort(byTime);
  const first = sorted[0];
  const late = lastEventAt !== null && first !== undefined && first.occurredAt < lastEventAt;
  if (!late) {
    let state = stored ?? initialLearnerState();
    const changes: MasteryChangeRecord[] = [];
    for (const e of sorted) {
      const r = applyEvent(params, state, e, "EVIDENCE", prerequisites);
      state = r.state;
      changes.push(...r.changes);
    }
    return { state, changes, touched: [...new Set([...sorted.flatMap((e) => e.concepts), ...changes.map((c) => c.conceptId)])], replayed: false };
  }
  const freshIds = new Set(sorted.map((e) => e.eventId));
  const past = await history();
  const all = [...past.events.filter((e) => !freshIds.has(e.eventId)), ...sorted].sort(byTime);
  let state = initialLearnerState();
  const changes: MasteryChangeRecord[] = [];
  for (const e of all) {
    const r = applyEvent(params, state, e, freshIds.has(e.eventId) && e.kind !== "CORRECTION" ? "LATE_EVIDENCE" : "EVIDENCE", prerequisites);
    state = r.state;
    if (freshIds.has(e.eventId)) changes.push(...r.changes);
  }
  const lastRecorded = new Map<string, number>();
  for (const [id, c] of Object.entries(past.stored?.concepts ?? {})) lastRecorded.set(id, c.mastery);
  for (const c of changes) lastRecorded.set(c.conceptId, c.after);
  const trigger = sorted[0] as ResolvedEvent;
  for (const [conceptId, c] of Object.entries(state.concepts)) {
    const recorded = lastRecorded.get(conceptId);
    // No stored state and no fresh change: the concept was deleted (its edges went with it).
    if (recorded === undefined) continue;
    if (Math.abs(recorded - c.mastery) > 1e-12) {
      changes.push({
        eventId: trigger.eventId,
        conceptId,
        at: now,
        before: recorded,
        after: c.mastery,
        attempts: c.attempts,
        reason: "REPLAY",
        detail: { score: null, predicted: null, evidenceRatio: null, retention: null, watchFraction: null },
      });
    }
  }
  return { state, changes, touched: Object.keys(state.concepts), replayed: true };
}

/**
 * The learner's state from their whole timeline (events and active corrections), replayed in time
 * order from the initial state: what the model gives for that history, and the last change of
 * each concept on the way (for explanations of what the replay moved).
 */
export function replayTimeline(params: ModelParams, timeline: readonly ResolvedEvent[], prerequisites: PrerequisiteLookup | null = null): LearnerState {
  let state = initialLearnerState();
  for (const e of [...timeline].sort(byTime)) state = applyEvent(params, state, e, "EVIDENCE", prerequisites).state;
  return state;
}
