/**
 * Learner-level k-fold cross-validation: fit on the learners of k−1 folds, replay (replay.ts) the held-out
 * learners online, pool all held-out predictions and compute AUC / RMSE / accuracy / log-loss and a
 * calibration table.
 */
import { fit, type FitOptions, type FitResult } from './fit.js';
import type { LearnerAttemptEvent, ModelParams } from '../domain/mastery/model.js';
import { replay } from './replay.js';

export interface Metrics {
  n: number;
  /** ROC AUC with positives = score ≥ 0.5 (ties get half credit). */
  auc: number;
  /** sqrt(mean (p − score)²). */
  rmse: number;
  /** fraction with (p ≥ 0.5) == (score ≥ 0.5). */
  accuracy: number;
  /** mean −[s·ln p + (1−s)·ln(1−p)]. */
  logLoss: number;
  meanPredicted: number;
  meanObserved: number;
}

export interface CalibrationBin {
  lo: number;
  hi: number;
  n: number;
  meanPredicted: number;
  meanObserved: number;
}

/** ROC AUC of predictions p against labels (score ≥ 0.5 is positive); O(n log n), ties averaged. */
export function auc(p: ArrayLike<number>, score: ArrayLike<number>): number {
  const n = p.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[a]! - p[b]!);
  let rankSumPos = 0;
  let nPos = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && p[idx[j + 1]!] === p[idx[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) {
      if (score[idx[t]!]! >= 0.5) {
        rankSumPos += rank;
        nPos++;
      }
    }
    i = j + 1;
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return Number.NaN;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

export function metrics(p: ArrayLike<number>, score: ArrayLike<number>): Metrics {
  const n = p.length;
  let se = 0;
  let acc = 0;
  let ll = 0;
  let mp = 0;
  let mo = 0;
  for (let i = 0; i < n; i++) {
    const q = p[i]!;
    const s = score[i]!;
    se += (q - s) ** 2;
    acc += q >= 0.5 === s >= 0.5 ? 1 : 0;
    ll -= s * Math.log(Math.max(q, 1e-12)) + (1 - s) * Math.log(Math.max(1 - q, 1e-12));
    mp += q;
    mo += s;
  }
  return { n, auc: auc(p, score), rmse: Math.sqrt(se / n), accuracy: acc / n, logLoss: ll / n, meanPredicted: mp / n, meanObserved: mo / n };
}

/** Equal-width calibration bins over [0, 1]. */
export function calibrationTable(p: ArrayLike<number>, score: ArrayLike<number>, bins = 10): CalibrationBin[] {
  const out: CalibrationBin[] = Array.from({ length: bins }, (_, b) => ({ lo: b / bins, hi: (b + 1) / bins, n: 0, meanPredicted: 0, meanObserved: 0 }));
  for (let i = 0; i < p.length; i++) {
    const b = Math.min(bins - 1, Math.floor(p[i]! * bins));
    const bin = out[b]!;
    bin.n++;
    bin.meanPredicted += p[i]!;
    bin.meanObserved += score[i]!;
  }
  for (const bin of out) {
    if (bin.n > 0) {
      bin.meanPredicted /= bin.n;
      bin.meanObserved /= bin.n;
    }
  }
  return out;
}

/** Deterministic pseudo-random generator (xorshift32) for fold assignment. */
function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 0x9e3779b9;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/** Assign each learner (in order of first appearance) to one of k folds: seeded shuffle, then round robin. */
export function learnerFolds(events: readonly LearnerAttemptEvent[], k: number, seed = 42): Map<string, number> {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const e of events) {
    if (!seen.has(e.learnerId)) {
      seen.add(e.learnerId);
      ids.push(e.learnerId);
    }
  }
  const rnd = xorshift(seed);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = ids[i]!;
    ids[i] = ids[j]!;
    ids[j] = t;
  }
  const folds = new Map<string, number>();
  ids.forEach((id, i) => folds.set(id, i % k));
  return folds;
}

export interface FoldResult {
  fold: number;
  trainEvents: number;
  testEvents: number;
  fitMs: number;
  replayMs: number;
  metrics: Metrics;
  params: ModelParams;
  fitHistory: FitResult['history'];
}

export interface CrossValidationResult {
  k: number;
  seed: number;
  pooled: Metrics;
  folds: FoldResult[];
  calibration: CalibrationBin[];
}

export interface CrossValidationOptions {
  k?: number;
  seed?: number;
  fitOptions?: FitOptions;
  /** Run only these folds (default: all k). Pooled metrics then cover only those folds' learners. */
  onlyFolds?: readonly number[];
  /** Called when a fold starts / ends. */
  onFold?: (info: { fold: number; phase: 'start' | 'done'; metrics?: Metrics; fitMs?: number }) => void;
}

/**
 * k-fold learner-level cross-validation. Held-out learners are replayed online with replay.ts from an empty
 * state; all held-out predictions are pooled for the metrics.
 */
export function crossValidate(events: readonly LearnerAttemptEvent[], options: CrossValidationOptions = {}): CrossValidationResult {
  const k = options.k ?? 5;
  const seed = options.seed ?? 42;
  const folds = learnerFolds(events, k, seed);
  const allP: number[] = [];
  const allS: number[] = [];
  const foldResults: FoldResult[] = [];
  for (let f = 0; f < k; f++) {
    if (options.onlyFolds && !options.onlyFolds.includes(f)) continue;
    options.onFold?.({ fold: f, phase: 'start' });
    const train = events.filter((e) => folds.get(e.learnerId) !== f);
    const test = events.filter((e) => folds.get(e.learnerId) === f);
    const t0 = Date.now();
    const fitted = fit(train, options.fitOptions);
    const fitMs = Date.now() - t0;
    const t1 = Date.now();
    const r = replay(fitted.params, test);
    const replayMs = Date.now() - t1;
    for (let i = 0; i < r.predictions.length; i++) {
      allP.push(r.predictions[i]!);
      allS.push(r.scores[i]!);
    }
    const m = metrics(r.predictions, r.scores);
    foldResults.push({ fold: f, trainEvents: train.length, testEvents: test.length, fitMs, replayMs, metrics: m, params: fitted.params, fitHistory: fitted.history });
    options.onFold?.({ fold: f, phase: 'done', metrics: m, fitMs });
  }
  return { k, seed, pooled: metrics(allP, allS), folds: foldResults, calibration: calibrationTable(allP, allS) };
}
