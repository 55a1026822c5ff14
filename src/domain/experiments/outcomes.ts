/**
 * Per-unit outcomes of an experiment, from the learner's own events and mastery changes after
 * their first exposure (docs/experiments.md defines each metric).
 */
export const METRICS = ["PRACTICE_MINUTES", "ANSWERS", "MASTERY_GAIN", "CONCEPTS_MASTERED", "RETURNED_7D"] as const;
export type Metric = (typeof METRICS)[number];
export type Outcome = Record<Metric, number>;

const DAY = 86_400_000;

export interface LearnerWindow {
  learnerId: string;
  unitId: string;
  variant: string;
  /** Epoch ms of the first exposure: the start of the window. */
  firstExposedAt: number;
  /** The learner's events from firstExposedAt for max(window, 8 days). */
  events: ReadonlyArray<{ at: number; kind: string; durationMs: number | null }>;
  /** The learner's mastery changes in the window (before, after in [0, 1]). */
  changes: ReadonlyArray<{ conceptId: string; at: number; before: number; after: number }>;
  /** Concepts in the lists served to the learner during the window. */
  shownConceptIds: readonly string[];
}

/** Start of the UTC day holding `t` (epoch ms). */
const utcDay = (t: number) => Math.floor(t / DAY) * DAY;

/**
 * One learner's outcomes over [t0, t0 + windowDays), t0 = first exposure:
 *   PRACTICE_MINUTES  Σ durationMs / 60 000 over the window's events (a missing duration counts 0)
 *   ANSWERS           number of ANSWER events in the window
 *   MASTERY_GAIN      Σ over shown concepts with a change in the window of (last after − first before)
 *   CONCEPTS_MASTERED concepts whose mastery crossed `mastered` upwards in the window (first before < mastered ≤ last after)
 *   RETURNED_7D       1 when the learner has an event on any of the 7 UTC days after the day of t0, else 0
 */
export function learnerOutcome(w: LearnerWindow, windowDays: number, mastered: number): Outcome {
  const end = w.firstExposedAt + windowDays * DAY;
  const inWindow = w.events.filter((e) => e.at >= w.firstExposedAt && e.at < end);
  const minutes = inWindow.reduce((a, e) => a + (e.durationMs ?? 0), 0) / 60_000;
  const answers = inWindow.filter((e) => e.kind === "ANSWER").length;
  const byConcept = new Map<string, { first: { at: number; before: number }; last: { at: number; after: number } }>();
  for (const c of w.changes) {
    if (c.at < w.firstExposedAt || c.at >= end) continue;
    const s = byConcept.get(c.conceptId);
    if (!s) byConcept.set(c.conceptId, { first: { at: c.at, before: c.before }, last: { at: c.at, after: c.after } });
    else {
      if (c.at < s.first.at) s.first = { at: c.at, before: c.before };
      if (c.at >= s.last.at) s.last = { at: c.at, after: c.after };
    }
  }
  const shown = new Set(w.shownConceptIds);
  let gain = 0;
  let newlyMastered = 0;
  for (const [conceptId, s] of byConcept) {
    if (shown.has(conceptId)) gain += s.last.after - s.first.before;
    if (s.first.before < mastered && s.last.after >= mastered) newlyMastered += 1;
  }
  const day0 = utcDay(w.firstExposedAt);
  const returned = w.events.some((e) => e.at >= day0 + DAY && e.at < day0 + 8 * DAY) ? 1 : 0;
  return { PRACTICE_MINUTES: minutes, ANSWERS: answers, MASTERY_GAIN: gain, CONCEPTS_MASTERED: newlyMastered, RETURNED_7D: returned };
}

export interface UnitOutcome {
  unitId: string;
  variant: string;
  learners: number;
  outcome: Outcome;
}

/** Outcomes per unit: the learner's own, or for a class the mean over its exposed learners. */
export function unitOutcomes(windows: readonly LearnerWindow[], windowDays: number, mastered: number): UnitOutcome[] {
  const units = new Map<string, { variant: string; outcomes: Outcome[] }>();
  for (const w of windows) {
    const u = units.get(w.unitId) ?? { variant: w.variant, outcomes: [] };
    u.outcomes.push(learnerOutcome(w, windowDays, mastered));
    units.set(w.unitId, u);
  }
  return [...units.entries()]
    .map(([unitId, u]) => ({
      unitId,
      variant: u.variant,
      learners: u.outcomes.length,
      outcome: Object.fromEntries(METRICS.map((m) => [m, u.outcomes.reduce((a, o) => a + o[m], 0) / u.outcomes.length])) as Outcome,
    }))
    .sort((a, b) => a.unitId.localeCompare(b.unitId));
}
