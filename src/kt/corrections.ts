/**
 * Teachers' corrections as labelled data: a teacher who sets a learner's mastery of a concept to p
 * says what the mastery was at that moment. This compares a model's mastery at each correction's
 * time (replaying the learner's earlier answers) with the teacher's value.
 */
import { effectiveMastery, type LearnerAttemptEvent, type ModelParams } from "../domain/mastery/model.js";
import { replay } from "./replay.js";

/** One exported correction (`frontier kt corrections`): the label is the teacher's p. */
export interface LabelledCorrection {
  learnerId: string;
  conceptId: string;
  /** ISO-8601 UTC. */
  at: string;
  /** The teacher's mastery, in [0, 1]. */
  label: number;
  /** The server's model just before the correction (forgetting included), in [0, 1]. */
  modelBefore: number;
  /** False when the correction was reverted (a retracted label: left out of the gap). */
  active: boolean;
  by: string;
  byRole: string;
  reason: string;
}

export interface GapSummary {
  n: number;
  /** mean |teacher − model| */
  meanAbs: number;
  rmse: number;
  /** mean (teacher − model): positive when teachers think learners know more than the model does. */
  bias: number;
  /** Corrections that raised / lowered the model's value. */
  raised: number;
  lowered: number;
  /** Share of corrections within 0.1 of the model. */
  within01: number;
}

export interface CorrectionGapReport {
  /** The evaluated model, replayed over the learners' answers before each correction. */
  model: GapSummary;
  /** The server's own model at the time (the exported modelBefore). */
  server: GapSummary;
}

export function summariseGap(pairs: ReadonlyArray<{ teacher: number; model: number }>): GapSummary {
  const n = pairs.length;
  if (n === 0) return { n: 0, meanAbs: 0, rmse: 0, bias: 0, raised: 0, lowered: 0, within01: 0 };
  const d = pairs.map((x) => x.teacher - x.model);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    n,
    meanAbs: sum(d.map(Math.abs)) / n,
    rmse: Math.sqrt(sum(d.map((x) => x * x)) / n),
    bias: sum(d) / n,
    raised: d.filter((x) => x > 0).length,
    lowered: d.filter((x) => x < 0).length,
    within01: d.filter((x) => Math.abs(x) <= 0.1).length / n,
  };
}

/**
 * How far `params`' mastery is from the teachers' corrections in force: for each one, the learner's
 * answers before it (from `events`, any order) are replayed and the concept's effective mastery at
 * the correction's time is compared with the teacher's value.
 */
export function correctionGap(params: ModelParams, events: readonly LearnerAttemptEvent[], corrections: readonly LabelledCorrection[]): CorrectionGapReport {
  const active = corrections.filter((c) => c.active);
  const byLearner = new Map<string, LearnerAttemptEvent[]>();
  for (const e of events) byLearner.set(e.learnerId, [...(byLearner.get(e.learnerId) ?? []), e]);
  const pairs = active.map((c) => {
    const at = Date.parse(c.at);
    const earlier = (byLearner.get(c.learnerId) ?? []).filter((e) => e.occurredAt < at).sort((a, b) => a.occurredAt - b.occurredAt);
    const state = replay(params, earlier).states.get(c.learnerId);
    const model = effectiveMastery(params, state ?? { ability: 0, attempts: 0, events: 0, concepts: {} }, c.conceptId, at).mastery;
    return { teacher: c.label, model };
  });
  return { model: summariseGap(pairs), server: summariseGap(active.map((c) => ({ teacher: c.label, model: c.modelBefore }))) };
}

export function gapText(r: CorrectionGapReport): string {
  const line = (name: string, g: GapSummary) =>
    `  ${name.padEnd(8)} n ${String(g.n).padStart(5)}  mean |teacher - model| ${g.meanAbs.toFixed(3)}  RMSE ${g.rmse.toFixed(3)}  bias ${g.bias >= 0 ? "+" : ""}${g.bias.toFixed(3)}  raised ${g.raised}  lowered ${g.lowered}  within 0.1 ${(g.within01 * 100).toFixed(0)}%`;
  return ["teachers' corrections vs the model:", line("model", r.model), line("server", r.server)].join("\n");
}
