/**
 * Offline item effectiveness on a history file (no database): the model replays every learner's
 * answers online (kt/replay.ts), each answer's concept updates become the steps that
 * domain/effectiveness tallies, and the learners are split in two halves by a hash of their id to
 * see how stable the per-item estimates are (docs/effectiveness.md).
 */
import { createHash } from "node:crypto";
import { addLearner, bandEffect, bandOf, type ConceptStep, type EffectTable } from "../domain/effectiveness/effectiveness.js";
import type { LearnerAttemptEvent, ModelParams } from "../domain/mastery/model.js";
import { replay } from "./replay.js";

export interface StabilityReport {
  learners: number;
  answers: number;
  itemsWithFollowUps: number;
  followUps: number;
  halves: [number, number];
  /** (item, band) cells with at least minN follow-ups in both halves. */
  cellsCompared: number;
  minN: number;
  /** Pearson correlation between the halves, over the compared cells. */
  successRateCorrelation: number | null;
  meanGainCorrelation: number | null;
  /** Share of compared cells whose mean-gain intervals in the two halves overlap. */
  intervalOverlap: number | null;
}

export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((a, x) => a + x, 0) / n;
  const my = ys.reduce((a, y) => a + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/** Half 0 or 1 of a learner: the low bit of SHA-256(id) (stable, independent of file order). */
export const halfOf = (learnerId: string): 0 | 1 => ((createHash("sha256").update(learnerId).digest()[0] as number) & 1) as 0 | 1;

export function offlineEffectiveness(params: ModelParams, events: readonly LearnerAttemptEvent[], minN = 10): StabilityReport {
  const steps = new Map<string, ConceptStep[]>();
  const result = replay(params, events, {
    onEvent: (_i, ev, res) => {
      const list = steps.get(ev.learnerId) ?? [];
      for (const c of res.concepts) list.push({ conceptId: c.conceptId, itemId: ev.itemId, at: ev.occurredAt, before: c.masteryBefore, after: c.masteryAfter, score: ev.score });
      steps.set(ev.learnerId, list);
    },
  });
  const all: EffectTable = new Map();
  const halves: [EffectTable, EffectTable] = [new Map(), new Map()];
  const counts: [number, number] = [0, 0];
  for (const [learnerId, list] of steps) {
    const band = bandOf(result.states.get(learnerId)?.ability ?? null);
    addLearner(all, band, list);
    const h = halfOf(learnerId);
    counts[h] += 1;
    addLearner(halves[h], band, list);
  }
  let followUps = 0;
  for (const bands of all.values()) for (const t of bands.values()) followUps += t.n;
  const rate: [number[], number[]] = [[], []];
  const gain: [number[], number[]] = [[], []];
  let overlap = 0;
  for (const [itemId, bands0] of halves[0]) {
    const bands1 = halves[1].get(itemId);
    if (!bands1) continue;
    for (const [band, t0] of bands0) {
      const t1 = bands1.get(band);
      if (!t1 || t0.n < minN || t1.n < minN) continue;
      const e0 = bandEffect(band, t0);
      const e1 = bandEffect(band, t1);
      rate[0].push(t0.successes / t0.n);
      rate[1].push(t1.successes / t1.n);
      gain[0].push(e0.meanGain);
      gain[1].push(e1.meanGain);
      if (e0.ci && e1.ci && e0.ci.lower <= e1.ci.upper && e1.ci.lower <= e0.ci.upper) overlap += 1;
    }
  }
  const cells = rate[0].length;
  return {
    learners: steps.size,
    answers: events.length,
    itemsWithFollowUps: all.size,
    followUps,
    halves: counts,
    cellsCompared: cells,
    minN,
    successRateCorrelation: pearson(rate[0], rate[1]),
    meanGainCorrelation: pearson(gain[0], gain[1]),
    intervalOverlap: cells > 0 ? overlap / cells : null,
  };
}
