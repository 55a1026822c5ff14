import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { BASELINE, DEFAULT_EVAL, evaluateRecommendations, type EvalOptions, type StrategyResult } from "../kt/recommendations-eval.js";
import { grid, lineChart } from "./svg.js";

const COLORS = ["#888888", "#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#ff7f0e"];
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The table `frontier evaluate recommendations` prints (Markdown). */
export function recommendationsTable(results: readonly StrategyResult[]): string {
  const head = "| strategy | top-5 truly ready, not known | already known | mean level jump | jump ≤ 1 | learned per 100 answers | stuck learners | goal reached | answers to goal |";
  const rows = results.map(
    (r) =>
      `| ${r.strategy}${r.strategy === BASELINE ? " (baseline: today's ranking)" : ""} | ${pct(r.readyNew)} | ${pct(r.known)} | ${r.meanJump.toFixed(2)} | ${pct(r.jumpAtMostOne)} | ${r.learnedPer100.toFixed(1)} | ${r.stuck} | ${pct(r.goalReached)} | ${r.answersToGoal.toFixed(1)} |`,
  );
  return [head, "|---|---|---|---|---|---|---|---|---|", ...rows].join("\n");
}

/** Two charts: concepts learned against answers, and the share of top-5 truly ready and new per 10 answers. */
export function recommendationsSvg(results: readonly StrategyResult[], answers: number): string {
  const learned = lineChart({
    title: "Concepts truly learned (mean per learner)",
    xLabel: "answers",
    yLabel: "concepts learned",
    x: [0, answers],
    y: [0, Math.max(1, Math.ceil(Math.max(...results.flatMap((r) => r.learnedCurve))))],
    series: results.map((r, i) => ({ name: r.strategy, color: COLORS[i % COLORS.length] as string, dashed: r.strategy === BASELINE, points: r.learnedCurve.map((v, k) => [k, v] as [number, number]) })),
  });
  const ready = lineChart({
    title: "Top-5 truly ready and not known",
    xLabel: "answers (blocks of 10)",
    yLabel: "share",
    x: [0, answers],
    y: [0, 1],
    series: results.map((r, i) => ({ name: r.strategy, color: COLORS[i % COLORS.length] as string, dashed: r.strategy === BASELINE, points: r.readyNewCurve.map((v, b) => [b * 10 + 5, v] as [number, number]) })),
  });
  return grid([learned, ready], 2, 520, 400);
}

const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive integer`);
  return n;
};

export function evaluateCommand(): Command {
  const cmd = new Command("evaluate").description("Offline evaluations");
  cmd
    .command("recommendations")
    .description("Simulated learners on a generated curriculum shaped like a real map: each strategy against today's ranking (seeded, reproducible)")
    .option("--seed <n>", "seed", int("--seed"), DEFAULT_EVAL.seed)
    .option("--learners <n>", "simulated learners", int("--learners"), DEFAULT_EVAL.learners)
    .option("--answers <n>", "answers per learner", int("--answers"), DEFAULT_EVAL.answers)
    .option("--strategies <list>", "comma-separated strategies", DEFAULT_EVAL.strategies.join(","))
    .option("--svg <file>", "write the picture here")
    .option("--json <file>", "write the full results as JSON here")
    .action((opts: { seed: number; learners: number; answers: number; strategies: string; svg?: string; json?: string }) => {
      const o: EvalOptions = { ...DEFAULT_EVAL, seed: opts.seed, learners: opts.learners, answers: opts.answers, strategies: opts.strategies.split(",").map((x) => x.trim()) };
      const started = Date.now();
      const { curriculum, results } = evaluateRecommendations(o);
      process.stdout.write(
        `${curriculum.concepts} concepts in ${o.strands} strands (${o.strands - Math.max(1, o.strands - 2)} unconnected), ${curriculum.entryPoints} entry points by true level ${JSON.stringify(curriculum.entryLevels)}; ` +
          `${o.learners} learners x ${o.answers} answers, seed ${o.seed}, ${((Date.now() - started) / 1000).toFixed(1)} s\n\n${recommendationsTable(results)}\n`,
      );
      for (const [file, text] of [
        [opts.svg, recommendationsSvg(results, o.answers)],
        [opts.json, JSON.stringify({ options: o, curriculum, results }, null, 2)],
      ] as const) {
        if (!file) continue;
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, `${text}\n`);
        process.stderr.write(`wrote ${file}\n`);
      }
    });
  return cmd;
}
