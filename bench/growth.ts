/**
 * --growth: the read and ingest scenarios at several data sizes (0.25x, 1x and 4x by default;
 * BENCH_GROWTH_SCALES=0.02,0.04 for a short rehearsal), and how p99 and throughput change with size.
 */
import type { Measurement } from "./session.js";

export const DEFAULT_GROWTH_SCALES = [0.25, 1, 4];

export interface GrowthRow {
  scale: number;
  concepts: number;
  items: number;
  learners: number;
  answers: number;
  loadSeconds: number;
  recommendationsP99Ms: number;
  recommendationsPerSecond: number;
  learningPathP99Ms: number;
  conceptGraphP99Ms: number;
  conceptGraphPerSecond: number;
  ingestPerSecond: number;
  ingestSingleP99Ms: number;
  /** The server's RSS and heap after the read scenarios (data loaded, caches warm), and the learner snapshots it held then. */
  serverRssMiB: number | null;
  serverHeapMiB: number | null;
  snapshotLearners: number | null;
}

export function growthScales(): number[] {
  const env = process.env.BENCH_GROWTH_SCALES;
  if (!env) return DEFAULT_GROWTH_SCALES;
  const scales = env.split(",").map(Number);
  if (scales.some((s) => !Number.isFinite(s) || s <= 0)) throw new Error(`BENCH_GROWTH_SCALES must be positive numbers separated by commas, not '${env}'`);
  return scales.sort((a, b) => a - b);
}

/** The scale the full scenario set runs at during --growth: the one nearest 1x. */
export const referenceScale = (scales: number[]) => scales.reduce((best, s) => (Math.abs(Math.log(s)) < Math.abs(Math.log(best)) ? s : best));

export function growthRow(m: Measurement): GrowthRow {
  const { spec, data, scenarios } = m;
  const { recommendations, learningPath, conceptGraph, ingest } = scenarios;
  if (!recommendations || !learningPath || !conceptGraph || !ingest) throw new Error("a growth row needs the read and ingest scenarios");
  const s = { recommendations, learningPath, conceptGraph, ingest };
  return {
    scale: spec.scale,
    concepts: spec.concepts,
    items: spec.concepts * spec.itemsPerConcept,
    learners: spec.learners,
    answers: data.answersLoaded ?? spec.answers,
    loadSeconds: data.loadSeconds,
    recommendationsP99Ms: s.recommendations.p99Ms,
    recommendationsPerSecond: s.recommendations.perSecond,
    learningPathP99Ms: s.learningPath.p99Ms,
    conceptGraphP99Ms: s.conceptGraph.p99Ms,
    conceptGraphPerSecond: s.conceptGraph.perSecond,
    ingestPerSecond: s.ingest.perSecond,
    ingestSingleP99Ms: s.ingest.singleP99Ms,
    serverRssMiB: m.serverMemory?.rssMiB ?? null,
    serverHeapMiB: m.serverMemory?.heapUsedMiB ?? null,
    snapshotLearners: m.serverMemory?.snapshotLearners ?? null,
  };
}
