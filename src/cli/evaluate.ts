import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { BASELINE, CAUSES, DEFAULT_EVAL, evaluateRecommendations, type Cause, type DiagRecord, type EvalOptions, type StrategyResult } from "../kt/recommendations-eval.js";
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

/**
 * The decomposition of top-5 recommendations (`--diagnose`): share per cause overall, per list
 * position, per kind, per how many truly ready new concepts the whole map held at that step (with
 * the best share any list of five could have had there), and per phase of the session.
 */
export function diagnosisTables(results: readonly StrategyResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    const recs = r.diagnosis?.records ?? [];
    if (recs.length === 0) continue;
    const head = `| ${["group", "n", ...CAUSES, "jump ≤ 1"].join(" | ")} |`;
    const sep = `|${Array.from({ length: CAUSES.length + 3 }, () => "---").join("|")}|`;
    const row = (name: string, rs: readonly DiagRecord[]) => {
      const count = (c: Cause) => rs.filter((x) => x.cause === c).length;
      return `| ${name} | ${rs.length} | ${CAUSES.map((c) => (rs.length ? pct(count(c) / rs.length) : "-")).join(" | ")} | ${rs.length ? pct(rs.filter((x) => x.jump <= 1).length / rs.length) : "-"} |`;
    };
    const lists = recs.filter((x) => x.pos === 0);
    const short = lists.filter((x) => x.listLength < 5).length;
    const bucket = (a: number) => (a >= 5 ? "5+" : String(a));
    const ceiling = lists.length ? lists.reduce((s, x) => s + Math.min(5, x.available) / 5, 0) / lists.length : 0;
    out.push(
      `### ${r.strategy}: ${recs.length} top-5 recommendations in ${lists.length} lists (${short} lists shorter than 5); a list of five holding every truly ready new concept of the map would score ${pct(ceiling)}
`,
      head,
      sep,
      row("all", recs),
      ...[0, 1, 2, 3, 4].map((p) => row(`position ${p + 1}`, recs.filter((x) => x.pos === p))),
      ...[...new Set(recs.map((x) => x.kind))].sort().map((k) => row(`kind ${k}`, recs.filter((x) => x.kind === k))),
      ...[...new Set(recs.map((x) => x.part))].sort().map((k) => row(`part ${k}`, recs.filter((x) => x.part === k))),
      row("entry points", recs.filter((x) => x.root)),
      row("jump > 1", recs.filter((x) => x.jump > 1)),
      row("items used up", recs.filter((x) => x.exhausted)),
      row("never answered", recs.filter((x) => x.attempts === 0)),
      row("answered 1-2 times", recs.filter((x) => x.attempts > 0 && x.attempts < 3)),
      row("answered 3+ times", recs.filter((x) => x.attempts >= 3)),
      row("struggling (2+, recent < 0.5)", recs.filter((x) => x.struggling)),
      row("with prerequisites", recs.filter((x) => !x.root)),
      ...["0", "1", "2", "3", "4", "5+"].map((b) => {
        const rs = recs.filter((x) => bucket(x.available) === b);
        const ls = rs.filter((x) => x.pos === 0);
        return row(`map holds ${b} ready new (best ${ls.length ? pct(ls.reduce((t, x) => t + Math.min(5, x.available) / 5, 0) / ls.length) : "-"})`, rs);
      }),
      row("answers 1-10", recs.filter((x) => x.step < 10)),
      row("answers 11-40", recs.filter((x) => x.step >= 10 && x.step < 40)),
      row("answers 41+", recs.filter((x) => x.step >= 40)),
      row("knew < 20 at start", recs.filter((x) => x.knownAtStart < 20)),
      row("knew 20-39 at start", recs.filter((x) => x.knownAtStart >= 20 && x.knownAtStart < 40)),
      row("knew 40+ at start", recs.filter((x) => x.knownAtStart >= 40)),
      "",
    );
  }
  return out.join("\n");
}

/**
 * The table `frontier evaluate implied` prints (Markdown): per strategy, the same learners with
 * implied evidence off and on. Known recommendations removed: top-5 recommendations of concepts
 * the learner already knew, per learner, off minus on. Hidden by mistake: concepts the model
 * counts as mastered by implication alone that the learner truly does not know.
 */
export function impliedTable(pairs: ReadonlyArray<{ world: string; off: StrategyResult; on: StrategyResult }>, learners: number): string {
  const head =
    "| map | strategy | implied evidence | top-5 truly ready, not known | already known | known top-5 per learner | learned per 100 answers | implied-mastered per learner (session start / end) | of them truly unknown: hidden by mistake (start / end) | share of truly unknown concepts hidden (end) |";
  const rows: string[] = [];
  const signed = (x: number, digits: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(digits)}`;
  for (const { world, off, on } of pairs) {
    for (const [label, r] of [["off", off], ["on", on]] as const) {
      const i = r.implication;
      rows.push(
        `| ${world} | ${r.strategy} | ${label} | ${pct(r.readyNew)} | ${pct(r.known)} | ${((r.known * r.recommendations) / learners).toFixed(1)} | ${r.learnedPer100.toFixed(1)} | ${i.start.impliedMastered.toFixed(2)} / ${i.end.impliedMastered.toFixed(2)} | ${i.start.hiddenUnknown.toFixed(2)} / ${i.end.hiddenUnknown.toFixed(2)} | ${i.end.unknown ? pct(i.end.hiddenUnknown / i.end.unknown) : "-"} |`,
      );
    }
    rows.push(`| ${world} | ${off.strategy} | on − off | ${signed(100 * (on.readyNew - off.readyNew), 1)} pt | ${signed(100 * (on.known - off.known), 1)} pt | ${signed((on.known * on.recommendations - off.known * off.recommendations) / learners, 1)} | ${signed(on.learnedPer100 - off.learnedPer100, 1)} | | | |`);
  }
  return [head, "|---|---|---|---|---|---|---|---|---|---|", ...rows].join("\n");
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
    .option("--old-world", "the first version's correlated learners (consecutive LCG seeds), to compare with the first figures")
    .option("--diagnose", "decompose the top-5 recommendations by cause, list position, kind and learner state")
    .option("--fitted", "rank with a model fitted (kt fit) on an earlier cohort's answers instead of the default parameters")
    .option("--implied", "ingest with implied evidence, as the server does by default")
    .option("--svg <file>", "write the picture here")
    .option("--json <file>", "write the full results as JSON here")
    .action((opts: { seed: number; learners: number; answers: number; strategies: string; diagnose?: boolean; oldWorld?: boolean; fitted?: boolean; implied?: boolean; svg?: string; json?: string }) => {
      const o: EvalOptions = { ...DEFAULT_EVAL, seed: opts.seed, learners: opts.learners, answers: opts.answers, strategies: opts.strategies.split(",").map((x) => x.trim()), diagnose: opts.diagnose === true, correlatedLearners: opts.oldWorld === true, model: opts.fitted ? "fitted" : "default", implied: opts.implied === true };
      const started = Date.now();
      const { curriculum, model, results } = evaluateRecommendations(o, undefined, (m) => process.stderr.write(`${m}\n`));
      process.stdout.write(
        `${curriculum.concepts} concepts in ${o.strands} strands (${o.strands - Math.max(1, o.strands - 2)} unconnected), ${curriculum.entryPoints} entry points by true level ${JSON.stringify(curriculum.entryLevels)}; ` +
          `${o.learners} learners x ${o.answers} answers, seed ${o.seed}${o.correlatedLearners ? " (old world: correlated learners)" : ""}; model: ${model.kind === "fitted" ? `fitted on ${model.answers} answers of an earlier cohort of ${model.learners} learners` : "default parameters"}${o.implied ? "; implied evidence on" : ""}, ${((Date.now() - started) / 1000).toFixed(1)} s\n\n${recommendationsTable(results)}\n`,
      );
      if (o.diagnose) process.stdout.write(`\n${diagnosisTables(results)}\n`);
      for (const [file, text] of [
        [opts.svg, recommendationsSvg(results, o.answers)],
        [opts.json, JSON.stringify({ options: o, curriculum, results: results.map(({ diagnosis: _d, ...r }) => r) }, null, 2)],
      ] as const) {
        if (!file) continue;
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, `${text}\n`);
        process.stderr.write(`wrote ${file}\n`);
      }
    });
  cmd
    .command("implied")
    .description("Implied evidence on simulated learners whose true knowledge respects the graph: the same learners with the rule off and on (seeded, reproducible)")
    .option("--seed <n>", "seed", int("--seed"), DEFAULT_EVAL.seed)
    .option("--learners <n>", "simulated learners", int("--learners"), DEFAULT_EVAL.learners)
    .option("--answers <n>", "answers per learner", int("--answers"), DEFAULT_EVAL.answers)
    .option("--strategies <list>", "comma-separated strategies", "balanced,balanced~impliedByDependents")
    .option("--history <kind>", "share: histories on most of what each learner knows; advanced: only on the most advanced of it (joined mid-course)", "advanced")
    .option("--json <file>", "write the full results as JSON here")
    .action((opts: { seed: number; learners: number; answers: number; strategies: string; history: string; json?: string }) => {
      if (opts.history !== "share" && opts.history !== "advanced") throw new InvalidArgumentError("--history must be share or advanced");
      const base: EvalOptions = { ...DEFAULT_EVAL, seed: opts.seed, learners: opts.learners, answers: opts.answers, strategies: opts.strategies.split(",").map((x) => x.trim()), history: opts.history };
      const started = Date.now();
      const pairs: Array<{ world: string; off: StrategyResult; on: StrategyResult }> = [];
      let concepts = 0;
      for (const spurious of [0, 0.15]) {
        const world = spurious === 0 ? "edges only missing" : `${spurious * 100}% of concepts with a wrong edge`;
        process.stderr.write(`${world}: implied evidence off, ${base.learners} learners x ${base.strategies.length} strategies...\n`);
        const off = evaluateRecommendations({ ...base, spuriousEdgeRate: spurious, implied: false });
        process.stderr.write(`${world}: implied evidence on...\n`);
        const on = evaluateRecommendations({ ...base, spuriousEdgeRate: spurious, implied: true });
        concepts = off.curriculum.concepts;
        pairs.push(...off.results.map((r, i) => ({ world, off: r, on: on.results[i] as StrategyResult })));
      }
      process.stdout.write(
        `${concepts} concepts in ${base.strands} strands, true prerequisites missing from the map as in evaluate recommendations; histories: ${base.history}; ${base.learners} learners x ${base.answers} answers, seed ${base.seed}, ${((Date.now() - started) / 1000).toFixed(1)} s\n\n${impliedTable(pairs, base.learners)}\n`,
      );
      if (opts.json) {
        mkdirSync(dirname(opts.json), { recursive: true });
        writeFileSync(opts.json, `${JSON.stringify({ options: base, pairs: pairs.map(({ off: a, on: b }) => ({ off: { ...a, diagnosis: undefined }, on: { ...b, diagnosis: undefined } })) }, null, 2)}\n`);
        process.stderr.write(`wrote ${opts.json}\n`);
      }
    });
  return cmd;
}
