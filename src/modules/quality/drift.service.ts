import { BOUNDS, driftLevel, FEATURES, psi, PSI_DRIFTED, rejectionBin, type DriftLevel, type FeatureName } from "../../domain/quality/drift.js";
import type { DriftRows, QualityRepository } from "./quality.repository.js";

const DAY = 24 * 3600 * 1000;

export interface WindowFigures {
  events: number;
  /** Events per kind, in FEATURES.kind order. */
  byKind: number[];
  /** Mean score of answers and assignments, in [0, 1] (null: none). */
  correctRate: number | null;
  /** The model's mean P(correct) before those answers, and their mean score (same answers), or null. */
  meanPredicted: number | null;
  meanObserved: number | null;
  learners: number;
  /** Events rejected in the window (by day received), per code. */
  rejected: Array<{ key: string; count: number }>;
}

export interface FeatureDriftRecord {
  feature: FeatureName;
  bins: string[];
  recent: number[];
  baseline: number[];
  psi: number | null;
  level: DriftLevel;
}

export interface SourceDriftRecord {
  source: string;
  recent: WindowFigures;
  baseline: WindowFigures;
  features: FeatureDriftRecord[];
  /** Recent minus baseline of (meanPredicted − meanObserved): the model's calibration moving. */
  calibrationShift: number | null;
  drifted: boolean;
}

export interface DriftReportRecord {
  recentFrom: number;
  baselineFrom: number;
  to: number;
  threshold: number;
  sources: SourceDriftRecord[];
}

export interface DriftOptions {
  /** Recent window, days (default 7), against the baseline window before it (default 28). */
  recentDays: number;
  baselineDays: number;
  sources: string[] | null;
  now?: number;
}

/**
 * Drift and data quality per source and window: counts per bin of each feature (event kind,
 * score, duration, hints, answers per learner, arrival delay) in the recent window against the
 * baseline window, each with its PSI (domain/quality/drift.ts), and the model's calibration
 * (mean predicted vs observed) per window. A source drifted when any feature's PSI reaches
 * PSI_DRIFTED.
 */
export class DriftService {
  constructor(private readonly repo: QualityRepository) {}

  async report(options: DriftOptions): Promise<DriftReportRecord> {
    const to = options.now ?? Date.now();
    const split = to - options.recentDays * DAY;
    const from = split - options.baselineDays * DAY;
    const rows = await this.repo.drift({ from, split, to, sources: options.sources, durationBounds: BOUNDS.duration, delayBounds: BOUNDS.delay, countBounds: BOUNDS.answersPerLearner });
    return { recentFrom: split, baselineFrom: from, to, threshold: PSI_DRIFTED, sources: bySource(rows) };
  }
}

type Hist = Record<FeatureName, number[]>;
const empty = (): Hist => Object.fromEntries(Object.entries(FEATURES).map(([k, bins]) => [k, bins.map(() => 0)])) as unknown as Hist;

function bySource(rows: DriftRows): SourceDriftRecord[] {
  const sources = [...new Set([...rows.cells.map((c) => c.source), ...rows.learners.map((l) => l.source), ...rows.rejections.map((r) => r.source)])].sort();
  return sources.map((source) => {
    const hist = { recent: empty(), baseline: empty() };
    const sums = { recent: { n: 0, graded: 0, score: 0, pN: 0, p: 0, pScore: 0, learners: 0 }, baseline: { n: 0, graded: 0, score: 0, pN: 0, p: 0, pScore: 0, learners: 0 } };
    for (const c of rows.cells.filter((x) => x.source === source)) {
      const h = hist[c.window];
      const s = sums[c.window];
      const k = (FEATURES.kind as readonly string[]).indexOf(c.kind);
      if (k >= 0) (h.kind[k] as number) += c.n;
      (h.delay[c.delayBin] as number) += c.n;
      s.n += c.n;
      if (c.scoreBin >= 0) {
        (h.score[c.scoreBin] as number) += c.n;
        (h.duration[c.durationBin] as number) += c.n;
        (h.hints[c.hintsBin] as number) += c.n;
        s.graded += c.n;
        s.score += c.scoreSum;
        s.pN += c.predictedN;
        s.p += c.predictedSum;
        s.pScore += c.scoreWithPredictedSum;
      }
    }
    for (const l of rows.learners.filter((x) => x.source === source)) {
      (hist[l.window].answersPerLearner[l.bin] as number) += l.learners;
      sums[l.window].learners += l.learners;
    }
    const rejected = { recent: new Map<string, number>(), baseline: new Map<string, number>() };
    for (const r of rows.rejections.filter((x) => x.source === source)) {
      (hist[r.window].rejections[rejectionBin(r.code)] as number) += r.count;
      rejected[r.window].set(r.code, (rejected[r.window].get(r.code) ?? 0) + r.count);
    }
    hist.recent.rejections[0] = sums.recent.n;
    hist.baseline.rejections[0] = sums.baseline.n;
    const figures = (w: "recent" | "baseline"): WindowFigures => {
      const s = sums[w];
      return {
        events: s.n,
        byKind: hist[w].kind,
        correctRate: s.graded > 0 ? s.score / s.graded : null,
        meanPredicted: s.pN > 0 ? s.p / s.pN : null,
        meanObserved: s.pN > 0 ? s.pScore / s.pN : null,
        learners: s.learners,
        rejected: [...rejected[w]].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, count]) => ({ key, count })),
      };
    };
    const features = (Object.keys(FEATURES) as FeatureName[]).map((feature): FeatureDriftRecord => {
      const value = psi(hist.recent[feature], hist.baseline[feature]);
      return { feature, bins: [...FEATURES[feature]], recent: hist.recent[feature], baseline: hist.baseline[feature], psi: value, level: driftLevel(value) };
    });
    const recent = figures("recent");
    const baseline = figures("baseline");
    const gap = (f: WindowFigures) => (f.meanPredicted === null || f.meanObserved === null ? null : f.meanPredicted - f.meanObserved);
    const [gr, gb] = [gap(recent), gap(baseline)];
    return { source, recent, baseline, features, calibrationShift: gr === null || gb === null ? null : gr - gb, drifted: features.some((f) => f.level === "DRIFTED") };
  });
}
