/**
 * Learner-level k-fold cross-validation: fit on the learners of k−1 folds, replay (replay.ts) the held-out
 * learners online, pool all held-out predictions and compute AUC / RMSE / accuracy / log-loss and a
 * calibration table.
 */
import { fit, type FitOptions, type FitResult } from './fit.js';
import type { LearnerAttemptEvent, ModelParams } from '../domain/mastery/model.js';
import { replay } from './replay.js';
import type { Baseline } from './baselines.js';

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

/** Mean |mean predicted − observed| over the 10 equal-count deciles of the prediction (the calibration measure). */
export function decileCalibrationError(p: ArrayLike<number>, score: ArrayLike<number>, bins = 10): number {
  const n = p.length;
  if (n === 0) return Number.NaN;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[a]! - p[b]!);
  let total = 0;
  let used = 0;
  for (let b = 0; b < bins; b++) {
    const lo = Math.floor((b * n) / bins);
    const hi = Math.floor(((b + 1) * n) / bins);
    if (hi <= lo) continue;
    let sp = 0;
    let so = 0;
    for (let k = lo; k < hi; k++) {
      sp += p[idx[k]!]!;
      so += score[idx[k]!]!;
    }
    total += Math.abs(sp - so) / (hi - lo);
    used++;
  }
  return total / used;
}

/** Groups of held-out answers by how often their item was answered in the training folds. */
export const ITEM_COUNT_BINS: ReadonlyArray<{ label: string; lo: number; hi: number }> = [
  { label: '0 (cold item)', lo: 0, hi: 0 },
  { label: '1-2', lo: 1, hi: 2 },
  { label: '3-5', lo: 3, hi: 5 },
  { label: '6-10', lo: 6, hi: 10 },
  { label: '11-30', lo: 11, hi: 30 },
  { label: '31-100', lo: 31, hi: 100 },
  { label: '>100', lo: 101, hi: Number.POSITIVE_INFINITY },
];

export interface GroupMetrics {
  label: string;
  metrics: Metrics;
  /** Mean |predicted − observed| over the group's deciles. */
  decileError: number;
  /** Equal-width calibration of the group (for the per-count calibration plot). */
  calibration: CalibrationBin[];
}

/** Everything measured for one model (the Frontier model or a baseline) over the pooled held-out answers. */
export interface ModelReport {
  name: string;
  pooled: Metrics;
  perFold: Metrics[];
  /** Mean |predicted − observed| over deciles of the prediction, pooled. */
  decileError: number;
  calibration: CalibrationBin[];
  /** Each learner's first 10 answers only (cold learners). */
  firstAnswers: Metrics;
  /** By the item's number of training answers (ITEM_COUNT_BINS). */
  byItemCount: GroupMetrics[];
  /** Total fitting time over the folds (ms). */
  fitMs: number;
}

/** Facts about each pooled held-out answer, shared by all models. */
export interface HeldOutFacts {
  scores: number[];
  /** Number of answers to this answer's item in its fold's training learners. */
  itemTrainCount: number[];
  /** 0-based position of the answer in its learner's sequence. */
  learnerIndex: number[];
}

function pick(a: ArrayLike<number>, keep: readonly number[]): number[] {
  return keep.map((i) => a[i]!);
}

/** The report of one model from its pooled held-out predictions (same order as `facts`). */
export function modelReport(name: string, predictions: readonly number[], facts: HeldOutFacts, perFold: Metrics[], fitMs: number, firstN = 10): ModelReport {
  const first: number[] = [];
  facts.learnerIndex.forEach((k, i) => {
    if (k < firstN) first.push(i);
  });
  const byItemCount = ITEM_COUNT_BINS.map((bin) => {
    const keep: number[] = [];
    facts.itemTrainCount.forEach((c, i) => {
      if (c >= bin.lo && c <= bin.hi) keep.push(i);
    });
    const p = pick(predictions, keep);
    const s = pick(facts.scores, keep);
    return { label: bin.label, metrics: metrics(p, s), decileError: decileCalibrationError(p, s), calibration: calibrationTable(p, s) };
  });
  return {
    name,
    pooled: metrics(predictions, facts.scores),
    perFold,
    decileError: decileCalibrationError(predictions, facts.scores),
    calibration: calibrationTable(predictions, facts.scores),
    firstAnswers: metrics(pick(predictions, first), pick(facts.scores, first)),
    byItemCount,
    fitMs,
  };
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
  /** The Frontier model's full report (first) and each baseline's, all on the same folds and answers. */
  reports: ModelReport[];
  /** The pooled held-out answers (in fold order) with the model's predictions. */
  heldOut: HeldOutFacts & { events: LearnerAttemptEvent[]; predictions: number[] };
}

export interface CrossValidationOptions {
  k?: number;
  seed?: number;
  fitOptions?: FitOptions;
  /** Run only these folds (default: all k). Pooled metrics then cover only those folds' learners. */
  onlyFolds?: readonly number[];
  /** Baselines fitted and scored on the same folds (default none). */
  baselines?: readonly Baseline[];
  /** Name of the model in the reports (default "frontier"). */
  modelName?: string;
  /** Called when a fold starts / ends, and after each baseline. */
  onFold?: (info: { fold: number; phase: 'start' | 'done' | 'baseline'; metrics?: Metrics; fitMs?: number; name?: string }) => void;
}

/**
 * k-fold learner-level cross-validation. Held-out learners are replayed online with replay.ts from an empty
 * state; all held-out predictions are pooled for the metrics. Baselines see the same training and test
 * learners of each fold.
 */
export function crossValidate(events: readonly LearnerAttemptEvent[], options: CrossValidationOptions = {}): CrossValidationResult {
  const k = options.k ?? 5;
  const seed = options.seed ?? 42;
  const baselines = options.baselines ?? [];
  const folds = learnerFolds(events, k, seed);
  const allP: number[] = [];
  const allS: number[] = [];
  const facts: HeldOutFacts = { scores: allS, itemTrainCount: [], learnerIndex: [] };
  const heldEvents: LearnerAttemptEvent[] = [];
  const baseP = baselines.map(() => [] as number[]);
  const basePerFold = baselines.map(() => [] as Metrics[]);
  const baseFitMs = baselines.map(() => 0);
  const foldResults: FoldResult[] = [];
  for (let f = 0; f < k; f++) {
    if (options.onlyFolds && !options.onlyFolds.includes(f)) continue;
    options.onFold?.({ fold: f, phase: 'start' });
    const train = events.filter((e) => folds.get(e.learnerId) !== f);
    const test = events.filter((e) => folds.get(e.learnerId) === f);
    const itemCount = new Map<string, number>();
    for (const e of train) itemCount.set(e.itemId, (itemCount.get(e.itemId) ?? 0) + 1);
    const seenByLearner = new Map<string, number>();
    for (const e of test) {
      const n = seenByLearner.get(e.learnerId) ?? 0;
      seenByLearner.set(e.learnerId, n + 1);
      facts.learnerIndex.push(n);
      facts.itemTrainCount.push(itemCount.get(e.itemId) ?? 0);
      heldEvents.push(e);
    }
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
    baselines.forEach((b, j) => {
      const tb = Date.now();
      const pred = b.fit(train)(test);
      const ms = Date.now() - tb;
      baseFitMs[j] = baseFitMs[j]! + ms;
      for (const x of pred) baseP[j]!.push(x);
      const bm = metrics(pred, r.scores);
      basePerFold[j]!.push(bm);
      options.onFold?.({ fold: f, phase: 'baseline', name: b.name, metrics: bm, fitMs: ms });
    });
  }
  const main = modelReport(options.modelName ?? 'frontier', allP, facts, foldResults.map((x) => x.metrics), foldResults.reduce((a, x) => a + x.fitMs, 0));
  const reports = [main, ...baselines.map((b, j) => modelReport(b.name, baseP[j]!, facts, basePerFold[j]!, baseFitMs[j]!))];
  return { k, seed, pooled: main.pooled, folds: foldResults, calibration: main.calibration, reports, heldOut: { ...facts, events: heldEvents, predictions: allP } };
}
