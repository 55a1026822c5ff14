/** SVG charts of a run (the CLI's small chart helpers): latency against concurrency, and against scale for --growth. */
import { grid, lineChart, type Series } from "../src/cli/svg.js";
import type { GrowthRow } from "./growth.js";
import type { RecommendationsResult } from "./scenarios/recommendations.js";

const ceiling = (values: number[]) => {
  const top = Math.max(1, ...values.filter(Number.isFinite));
  const step = 10 ** Math.floor(Math.log10(top));
  return Math.ceil(top / step) * step;
};

const chart = (title: string, xLabel: string, yLabel: string, series: Series[], x: [number, number]) =>
  lineChart({ title, xLabel, yLabel, series, x, y: [0, ceiling(series.flatMap((s) => s.points.map(([, y]) => y)))] });

/** Recommendations: p50 and p99 latency, and requests/s, against concurrent clients. */
export function concurrencyChart(recs: RecommendationsResult): string {
  const rows = Object.entries(recs.byConcurrency).map(([k, v]) => [Number(k), v] as const).sort((a, b) => a[0] - b[0]);
  const x: [number, number] = [0, Math.max(...rows.map(([k]) => k))];
  const latency = chart("recommendations: latency vs concurrency", "concurrent clients", "ms", [
    { name: "p50", color: "#1f77b4", points: rows.map(([k, v]) => [k, v.p50Ms]) },
    { name: "p99", color: "#d62728", points: rows.map(([k, v]) => [k, v.p99Ms]) },
    { name: "bare Cypher p99 (32)", color: "#7f7f7f", dashed: true, points: [[x[0], recs.rawCypherP99Ms], [x[1], recs.rawCypherP99Ms]] },
  ], x);
  const throughput = chart("recommendations: throughput vs concurrency", "concurrent clients", "requests/s", [{ name: "requests/s", color: "#2ca02c", points: rows.map(([k, v]) => [k, v.perSecond]) }], x);
  return grid([latency, throughput], 2, 520, 400);
}

/** Growth: p99 of each read and of a single answer, read and ingest throughput, against scale (x is log2 of the scale). */
export function growthChart(rows: GrowthRow[]): string {
  const at = (f: (r: GrowthRow) => number | null) => rows.flatMap((r) => (f(r) === null ? [] : [[Math.log2(r.scale), f(r) as number] as [number, number]]));
  const xs = rows.map((r) => Math.log2(r.scale));
  const x: [number, number] = [Math.floor(Math.min(...xs)), Math.ceil(Math.max(...xs))];
  const label = "log2(scale): -2 = 0.25x, 0 = 1x, 2 = 4x";
  const latency = chart("p99 latency vs data size", label, "p99 ms", [
    { name: "recommendations (32)", color: "#d62728", points: at((r) => r.recommendationsP99Ms) },
    { name: "learningPath (12 deep)", color: "#9467bd", points: at((r) => r.learningPathP99Ms) },
    { name: "conceptGraph (32)", color: "#1f77b4", points: at((r) => r.conceptGraphP99Ms) },
    { name: "single answer (16)", color: "#ff7f0e", points: at((r) => r.ingestSingleP99Ms) },
  ], x);
  const reads = chart("read throughput vs data size", label, "requests/s", [
    { name: "recommendations (32)", color: "#d62728", points: at((r) => r.recommendationsPerSecond) },
    { name: "conceptGraph (32)", color: "#1f77b4", points: at((r) => r.conceptGraphPerSecond) },
  ], x);
  const ingest = chart("ingest throughput vs data size", label, "answers/s", [{ name: "batches of 500 (4)", color: "#2ca02c", points: at((r) => r.ingestPerSecond) }], x);
  return grid([latency, reads, ingest], 3, 520, 400);
}
