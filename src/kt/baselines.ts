/**
 * Baselines scored by `kt evaluate` in the same folds as the model, each predicting every held-out
 * answer online (from the learner's earlier answers only, like replay.ts):
 *
 *  - `item-marginal`: the item's training success rate, smoothed toward the overall rate
 *    (p_i = (k_i + a·p̄)/(n_i + a), a = 1); an unseen item gets p̄.
 *  - `irt`: 1PL (Rasch), logit P = bias + θ_u − b_i, learners and items fitted jointly on the training
 *    learners (N(0, 1) priors); a held-out learner's θ is the MAP estimate from their earlier answers
 *    with the prior N(0, var of the training θ), re-estimated after every answer.
 *  - `pfa`: Performance Factors Analysis (Pavlik et al. 2009), logit P = Σ_c (β_c + γ_c·s_c + ρ_c·f_c)
 *    over the item's concepts, s_c / f_c = the learner's earlier correct / wrong answers on c.
 *  - `best-lr`: the logistic regression with count, item and skill features of Gervet et al. (JEDM 2020):
 *    item one-hot, skill one-hot, log(1 + earlier correct) and log(1 + earlier attempts) on each of the
 *    item's skills (skill-specific weights), on every skill (the learner's whole history), and in total.
 *    Their time-window features need real timestamps, which this data lacks.
 *
 * The logistic baselines use L2 priors of precision 1 (scikit-learn's default C = 1 of the paper).
 */
import type { LearnerAttemptEvent } from '../domain/mastery/model.js';
import { fitLogistic, RowBuilder } from './logreg.js';

/** A fitted baseline: online predictions P(correct) for events in file order. */
export type OnlinePredictor = (test: readonly LearnerAttemptEvent[]) => Float64Array;

export interface Baseline {
  name: string;
  description: string;
  fit: (train: readonly LearnerAttemptEvent[]) => OnlinePredictor;
}

const sig = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const score = (e: LearnerAttemptEvent): number => Math.min(1, Math.max(0, Number.isFinite(e.score) ? e.score : 0));

function uniq(ids: readonly string[]): string[] {
  return ids.length <= 1 ? [...ids] : [...new Set(ids)];
}

function indexer(): { get: (k: string) => number; has: (k: string) => boolean; peek: (k: string) => number | undefined; size: () => number } {
  const m = new Map<string, number>();
  return {
    get: (k) => {
      let i = m.get(k);
      if (i === undefined) {
        i = m.size;
        m.set(k, i);
      }
      return i;
    },
    has: (k) => m.has(k),
    peek: (k) => m.get(k),
    size: () => m.size,
  };
}

/** Per-learner running counts, in file order (learners may interleave). */
class Counts {
  private readonly byLearner = new Map<string, { succ: Map<string, number>; att: Map<string, number>; totalSucc: number; totalAtt: number }>();
  of(learnerId: string): { succ: Map<string, number>; att: Map<string, number>; totalSucc: number; totalAtt: number } {
    let s = this.byLearner.get(learnerId);
    if (!s) {
      s = { succ: new Map(), att: new Map(), totalSucc: 0, totalAtt: 0 };
      this.byLearner.set(learnerId, s);
    }
    return s;
  }
  record(e: LearnerAttemptEvent): void {
    const s = this.of(e.learnerId);
    const y = score(e);
    for (const c of uniq(e.conceptIds)) {
      s.succ.set(c, (s.succ.get(c) ?? 0) + y);
      s.att.set(c, (s.att.get(c) ?? 0) + 1);
    }
    s.totalSucc += y;
    s.totalAtt += 1;
  }
}

export const itemMarginal: Baseline = {
  name: 'item-marginal',
  description: "per-item success rate (training learners), smoothed toward the overall rate",
  fit: (train) => {
    const k = new Map<string, number>();
    const n = new Map<string, number>();
    let tot = 0;
    for (const e of train) {
      k.set(e.itemId, (k.get(e.itemId) ?? 0) + score(e));
      n.set(e.itemId, (n.get(e.itemId) ?? 0) + 1);
      tot += score(e);
    }
    const pBar = train.length > 0 ? tot / train.length : 0.5;
    const a = 1;
    return (test) => Float64Array.from(test, (e) => ((k.get(e.itemId) ?? 0) + a * pBar) / ((n.get(e.itemId) ?? 0) + a));
  },
};

/** MAP ability under N(0, priorVar) given offsets z0_j (= bias − b_j) and scores y_j, Newton from `start`. */
export function mapAbility(offsets: readonly number[], ys: readonly number[], priorVar: number, start: number, iterations = 3): number {
  let th = start;
  for (let it = 0; it < iterations; it++) {
    let g = -th / priorVar;
    let h = 1 / priorVar;
    for (let j = 0; j < offsets.length; j++) {
      const p = sig(offsets[j]! + th);
      g += ys[j]! - p;
      h += p * (1 - p);
    }
    th += g / h;
  }
  return th;
}

export const irt: Baseline = {
  name: 'irt',
  description: '1PL (Rasch): bias + θ_u − b_i; held-out θ by online MAP',
  fit: (train) => {
    const learners = indexer();
    const items = indexer();
    for (const e of train) {
      learners.get(e.learnerId);
      items.get(e.itemId);
    }
    const nL = learners.size();
    const nF = 1 + nL + items.size();
    const rb = new RowBuilder(nF);
    for (const e of train) {
      rb.add(0, 1);
      rb.add(1 + learners.get(e.learnerId), 1);
      rb.add(1 + nL + items.get(e.itemId), 1);
      rb.end(score(e));
    }
    const penalty = new Float64Array(nF).fill(1);
    penalty[0] = 0;
    const w = fitLogistic(rb.build(), penalty);
    let v = 0;
    for (let u = 0; u < nL; u++) v += w[1 + u]! ** 2;
    const priorVar = Math.max(0.05, nL > 0 ? v / nL : 1);
    const easiness = (itemId: string): number => {
      const i = items.peek(itemId);
      return i === undefined ? 0 : w[1 + nL + i]!;
    };
    return (test) => {
      const hist = new Map<string, { off: number[]; ys: number[]; theta: number }>();
      return Float64Array.from(test, (e) => {
        let h = hist.get(e.learnerId);
        if (!h) {
          h = { off: [], ys: [], theta: 0 };
          hist.set(e.learnerId, h);
        }
        const off = w[0]! + easiness(e.itemId);
        const p = sig(off + h.theta);
        h.off.push(off);
        h.ys.push(score(e));
        h.theta = mapAbility(h.off, h.ys, priorVar, h.theta);
        return p;
      });
    };
  },
};

export const pfa: Baseline = {
  name: 'pfa',
  description: 'Performance Factors Analysis: Σ_c β_c + γ_c·successes_c + ρ_c·failures_c',
  fit: (train) => {
    const concepts = indexer();
    for (const e of train) for (const c of e.conceptIds) concepts.get(c);
    const nC = concepts.size();
    const rowsOf = (events: readonly LearnerAttemptEvent[], rb: RowBuilder | null, w: Float64Array | null): Float64Array => {
      const counts = new Counts();
      const out = new Float64Array(events.length);
      events.forEach((e, r) => {
        const s = counts.of(e.learnerId);
        let z = 0;
        for (const c of uniq(e.conceptIds)) {
          const ci = concepts.peek(c);
          if (ci === undefined) continue;
          const succ = s.succ.get(c) ?? 0;
          const fail = (s.att.get(c) ?? 0) - succ;
          if (rb) {
            rb.add(ci, 1);
            rb.add(nC + ci, succ);
            rb.add(2 * nC + ci, fail);
          }
          if (w) z += w[ci]! + w[nC + ci]! * succ + w[2 * nC + ci]! * fail;
        }
        rb?.end(score(e));
        out[r] = sig(z);
        counts.record(e);
      });
      return out;
    };
    const rb = new RowBuilder(3 * nC);
    rowsOf(train, rb, null);
    const w = fitLogistic(rb.build(), new Float64Array(3 * nC).fill(1));
    return (test) => rowsOf(test, null, w);
  },
};

export const bestLr: Baseline = {
  name: 'best-lr',
  description: 'logistic regression, item + skill one-hot + log counts per item skill, per skill of the history, in total',
  fit: (train) => {
    const concepts = indexer();
    const items = indexer();
    for (const e of train) {
      items.get(e.itemId);
      for (const c of e.conceptIds) concepts.get(c);
    }
    const nC = concepts.size();
    const nI = items.size();
    // layout: [bias | items | skills | item-skill log succ | item-skill log att | history log succ | history log att | total succ | total att]
    const oItem = 1;
    const oSkill = oItem + nI;
    const oSs = oSkill + nC;
    const oSa = oSs + nC;
    const oHs = oSa + nC;
    const oHa = oHs + nC;
    const oT = oHa + nC;
    const nF = oT + 2;
    const walk = (events: readonly LearnerAttemptEvent[], rb: RowBuilder | null, w: Float64Array | null): Float64Array => {
      const counts = new Counts();
      const out = new Float64Array(events.length);
      const entries: Array<[number, number]> = [];
      events.forEach((e, r) => {
        const s = counts.of(e.learnerId);
        entries.length = 0;
        entries.push([0, 1]);
        const ii = items.peek(e.itemId);
        if (ii !== undefined) entries.push([oItem + ii, 1]);
        for (const c of uniq(e.conceptIds)) {
          const ci = concepts.peek(c);
          if (ci === undefined) continue;
          entries.push([oSkill + ci, 1], [oSs + ci, Math.log1p(s.succ.get(c) ?? 0)], [oSa + ci, Math.log1p(s.att.get(c) ?? 0)]);
        }
        for (const [c, a] of s.att) {
          const ci = concepts.peek(c);
          if (ci === undefined) continue;
          entries.push([oHs + ci, Math.log1p(s.succ.get(c) ?? 0)], [oHa + ci, Math.log1p(a)]);
        }
        entries.push([oT, Math.log1p(s.totalSucc)], [oT + 1, Math.log1p(s.totalAtt)]);
        let z = 0;
        for (const [j, x] of entries) {
          if (rb) rb.add(j, x);
          if (w) z += w[j]! * x;
        }
        rb?.end(score(e));
        out[r] = sig(z);
        counts.record(e);
      });
      return out;
    };
    const rb = new RowBuilder(nF);
    walk(train, rb, null);
    const penalty = new Float64Array(nF).fill(1);
    penalty[0] = 0;
    const w = fitLogistic(rb.build(), penalty);
    return (test) => walk(test, null, w);
  },
};

/** All baselines, in the order of the report. */
export const BASELINES: readonly Baseline[] = [itemMarginal, irt, pfa, bestLr];
