import { bktTransition, conceptParamsFor, conceptPosterior, itemEmission, type ForgettingParams, type ModelParams } from "../mastery/model.js";
import { THRESHOLDS } from "../mastery/thresholds.js";

/**
 * Readiness of a concept: the weighted mean mastery of its prerequisites,
 *   readiness = sum_p w_p * m_p / sum_p w_p,
 * and 1 for a concept without prerequisites (nothing stands in the way).
 */
export function readiness(prerequisites: ReadonlyArray<{ weight: number; mastery: number }>): number {
  const need = prerequisites.reduce((s, p) => s + p.weight, 0);
  return need === 0 ? 1 : prerequisites.reduce((s, p) => s + p.weight * p.mastery, 0) / need;
}

/** The cap of estimatePractice: a concept the model says practice cannot move. */
export const MAX_PRACTICE_ESTIMATE = 50;

/**
 * Expected practice opportunities for mastery to reach the mastered threshold under the model:
 * each step moves mastery to its expectation over a right and a wrong answer,
 *   m' = P(correct) * T(posterior | right) + (1 - P(correct)) * T(posterior | wrong),
 * with P(correct) = m(1 - slip) + (1 - m) guess and T the BKT transition (learn, forget).
 * Capped at MAX_PRACTICE_ESTIMATE, and that cap when a step no longer raises mastery.
 */
export function estimatePractice(params: ModelParams, conceptId: string, mastery: number, threshold: number = THRESHOLDS.mastered): number {
  const cp = conceptParamsFor(params, conceptId);
  const em = itemEmission([cp]);
  let m = mastery;
  let n = 0;
  while (m < threshold && n < MAX_PRACTICE_ESTIMATE) {
    const pCorrect = m * em.noSlip + (1 - m) * em.guess;
    const right = bktTransition(conceptPosterior(m, 1, em, 1).posterior, cp);
    const wrong = bktTransition(conceptPosterior(m, 1, em, 0).posterior, cp);
    const next = pCorrect * right + (1 - pCorrect) * wrong;
    if (next <= m + 1e-6) return MAX_PRACTICE_ESTIMATE;
    m = next;
    n++;
  }
  return n;
}

/**
 * When a mastered concept's predicted recall falls to `threshold`: the clock-time part of the
 * forgetting curve solved for stored * interleave * 2^(-(t - last - grace)/halfLife) = threshold,
 *   t = last + grace + max(0, halfLife * log2(stored * interleave / threshold)),
 * the interleaving part held as it is now. Without clock-time forgetting (halfLife <= 0) recall
 * changes only with interleaving: due at last + grace.
 */
export function reviewDueAt(forgetting: ForgettingParams, stored: number, lastPracticedAt: number, interleave: number, threshold: number): number {
  if (!(forgetting.halfLifeMs > 0) || stored <= 0) return lastPracticedAt + forgetting.graceMs;
  const x = forgetting.halfLifeMs * Math.log2((stored * interleave) / threshold);
  return lastPracticedAt + forgetting.graceMs + Math.max(0, x);
}

/**
 * How far forgetting has moved a learner since they last practised: the mean over practised
 * concepts of (mastery now - stored mastery at the last practice). Negative: falling. 0 for none.
 */
export function masteryTrend(concepts: ReadonlyArray<{ now: number; stored: number }>): number {
  if (concepts.length === 0) return 0;
  return concepts.reduce((s, c) => s + (c.now - c.stored), 0) / concepts.length;
}
