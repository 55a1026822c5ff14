/** The results contract (bench/results/latest.json and a dated copy), the charts, and the table on stdout. */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { concurrencyChart, growthChart } from "./chart.js";
import type { GrowthRow } from "./growth.js";
import type { Machine } from "./machine.js";
import type { Timing } from "./scenarios/common.js";
import type { Measurement } from "./session.js";
import { checkTargets } from "./targets.js";
import { table } from "./table.js";

const DIR = "bench/results";

export interface Results {
  machine: Machine & { loadAverageEnd: number };
  scale: Record<string, unknown>;
  generatedAt: string;
  command: string;
  durationSeconds: number;
  /** Only some scenarios ran (`--only`): the others are null, and latest.json is not overwritten. */
  partial: boolean;
  timing: Timing;
  scenarios: Measurement["scenarios"];
  /** The server's RSS and heap after the read scenarios, data loaded and caches warm. */
  serverMemory: Measurement["serverMemory"];
  targetsMissed: string[];
  growth: GrowthRow[] | null;
  charts: string[];
}

export function results(opts: { machine: Machine; m: Measurement; quick: boolean; partial: boolean; command: string; started: number; timing: Results["timing"]; growth: GrowthRow[] | null }): Results {
  const { spec, data, scenarios } = opts.m;
  const targetsMissed = checkTargets(scenarios as unknown as Record<string, object | null>);
  return {
    // A load average well above the core count means other work shared the machine: noisy timings.
    machine: { ...opts.machine, loadAverageEnd: Math.round((os.loadavg()[0] ?? 0) * 100) / 100 },
    scale: {
      scale: spec.scale,
      quick: opts.quick,
      concepts: spec.concepts,
      levels: 12,
      topics: data.topics,
      prerequisites: data.prerequisites,
      items: spec.concepts * spec.itemsPerConcept,
      learners: spec.learners,
      answers: spec.answers,
      answersLoaded: data.answersLoaded,
      seed: spec.seed,
      reused: data.reused,
      loader: data.loader,
      loadSeconds: data.loadSeconds,
      loadAnswersPerSecond: data.loadAnswersPerSecond,
    },
    generatedAt: new Date().toISOString(),
    command: opts.command,
    durationSeconds: Math.round((performance.now() - opts.started) / 1000),
    partial: opts.partial,
    timing: opts.timing,
    scenarios,
    serverMemory: opts.m.serverMemory,
    targetsMissed,
    growth: opts.growth,
    charts: [],
  };
}

/** Writes the JSON (latest and dated) and the SVG charts; returns the paths written. */
export function write(r: Results): string[] {
  mkdirSync(DIR, { recursive: true });
  const charts: Array<[string, string]> = [];
  if (!r.partial && r.scenarios.recommendations) charts.push([`${DIR}/latency-vs-concurrency.svg`, concurrencyChart(r.scenarios.recommendations)]);
  if (r.growth) charts.push([`${DIR}/growth.svg`, growthChart(r.growth)]);
  for (const [path, svg] of charts) writeFileSync(path, `${svg}\n`);
  r.charts = charts.map(([path]) => path);
  const text = `${JSON.stringify(r, null, 2)}\n`;
  const dated = `${DIR}/${r.generatedAt.replace(/[:.]/g, "-")}.json`;
  if (!r.partial) writeFileSync(`${DIR}/latest.json`, text);
  writeFileSync(dated, text);
  return [...(r.partial ? [] : [`${DIR}/latest.json`]), dated, ...r.charts];
}

export function print(r: Results, written: string[]): void {
  process.stdout.write(`\n${table(r)}\nwrote ${written.join(", ")}\n`);
}
