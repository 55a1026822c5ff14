import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { crossValidate, type CrossValidationResult } from "../kt/evaluate.js";
import { BASELINES, type Baseline } from "../kt/baselines.js";
import { FULL_MODEL, fit, type FitProgress, type ModelVariant } from "../kt/fit.js";
import type { CreditRule, LearnerAttemptEvent, ModelParams } from "../domain/mastery/model.js";
import { replay } from "../kt/replay.js";
import { correctionGap, gapText, type LabelledCorrection } from "../kt/corrections.js";
import { readAttempts } from "../kt/read-attempts.js";
import { progressBar, withServices } from "./runtime.js";
import { grid, lineChart } from "./svg.js";

export { readAttempts };

function fitProgress(label: string) {
  const bar = progressBar(label);
  const stages = ["index", "em", "globals", "items", "concepts", "done"];
  return {
    onProgress: (p: FitProgress) => bar.update(Math.round((stages.indexOf(p.stage) + p.fraction) * 100 + p.round * 500), 100 * stages.length + 1000),
    stop: () => bar.stop(),
  };
}

/** A report a person can read: the global weights, and the spread of the per-concept parameters. */
export function describeParams(params: ModelParams): string {
  const concepts = Object.values(params.concepts);
  const stat = (k: keyof (typeof concepts)[number]) => {
    const v = concepts.map((c) => c[k]).sort((a, b) => a - b);
    const q = (x: number) => (v[Math.min(v.length - 1, Math.floor(x * v.length))] ?? 0).toFixed(3);
    return `${String(k).padEnd(4)} median ${q(0.5)}  [10% ${q(0.1)}, 90% ${q(0.9)}]`;
  };
  const items = Object.values(params.itemDifficulty);
  return [
    `weights: ${JSON.stringify(params.weights)}`,
    `ability (Elo): ${JSON.stringify(params.ability)}`,
    `forgetting: half-life ${(params.forgetting.halfLifeMs / 86_400_000).toFixed(1)} days, grace ${(params.forgetting.graceMs / 60_000).toFixed(0)} min, per interleaved event ${params.forgetting.perInterleavedEvent}`,
    `${concepts.length} concepts fitted (others use ${JSON.stringify(params.defaultConcept)}):`,
    ...(concepts.length ? (["pL0", "pT", "pG", "pS", "pF"] as const).map((k) => `  ${stat(k)}`) : []),
    `${items.length} item difficulties, from ${Math.min(0, ...items).toFixed(2)} to ${Math.max(0, ...items).toFixed(2)} logits${params.conceptDifficulty ? `; ${Object.keys(params.conceptDifficulty).length} concept mean difficulties (the prior centre, and the difficulty of an unseen item)` : ""}`,
    `credit rule of multi-concept items: ${params.credit ?? "conjunctive"}`,
    `guard rails: guess <= ${params.guards.maxGuess}, slip <= ${params.guards.maxSlip}, mastery in [${params.guards.minMastery}, ${params.guards.maxMastery}]`,
  ].join("\n");
}

/** Observed and predicted error rate by attempt number, per concept (the classic learning curve). */
function learningCurves(events: LearnerAttemptEvent[], predictions: Float64Array, concepts: number, maxAttempt: number) {
  const counts = new Map<string, number>();
  const stats = new Map<string, Array<{ n: number; err: number; pred: number }>>();
  events.forEach((e, i) => {
    const c = e.conceptIds[0] ?? "";
    const key = `${e.learnerId}|${c}`;
    const k = (counts.get(key) ?? 0) + 1;
    counts.set(key, k);
    if (k > maxAttempt) return;
    const list = stats.get(c) ?? Array.from({ length: maxAttempt }, () => ({ n: 0, err: 0, pred: 0 }));
    const cell = list[k - 1] as { n: number; err: number; pred: number };
    cell.n++;
    cell.err += 1 - e.score;
    cell.pred += 1 - (predictions[i] ?? 0);
    stats.set(c, list);
  });
  return [...stats]
    .sort((a, b) => (b[1][0]?.n ?? 0) - (a[1][0]?.n ?? 0))
    .slice(0, concepts)
    .map(([concept, list]) => ({ concept, points: list.map((c, i) => ({ attempt: i + 1, n: c.n, observed: c.n ? c.err / c.n : NaN, predicted: c.n ? c.pred / c.n : NaN })).filter((p) => p.n >= 20) }));
}

/** Model variants for ablations: each adds one component to the previous. */
export const VARIANTS: Record<string, ModelVariant> = {
  bkt: { forgetting: false, difficulty: false, ability: false, recent: false },
  "bkt+forgetting": { forgetting: true, difficulty: false, ability: false, recent: false },
  "bkt+forgetting+difficulty": { forgetting: true, difficulty: true, ability: false, recent: false },
  "bkt+forgetting+difficulty+ability": { forgetting: true, difficulty: true, ability: true, recent: false },
  full: FULL_MODEL,
};

function baselinesOf(list: string): Baseline[] {
  if (list === "none" || list === "") return [];
  if (list === "all") return [...BASELINES];
  return list.split(",").map((name) => {
    const b = BASELINES.find((x) => x.name === name.trim());
    if (!b) throw new InvalidArgumentError(`--baselines: unknown ${name}; known: ${BASELINES.map((x) => x.name).join(", ")}`);
    return b;
  });
}

/** The side-by-side table of one evaluate run: every model on the same folds and answers. */
export function reportText(cv: CrossValidationResult): string {
  const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : "-");
  const lines = [
    `pooled over ${cv.pooled.n} held-out answers (${cv.folds.length} folds):`,
    "model                       AUC     RMSE    logloss  |p-o| dec  first-10 AUC  cold-item AUC  per-fold AUC",
  ];
  for (const r of cv.reports) {
    const cold = r.byItemCount[0]!;
    lines.push(`${r.name.padEnd(26)}  ${f4(r.pooled.auc)}  ${f4(r.pooled.rmse)}  ${f4(r.pooled.logLoss)}   ${f4(r.decileError)}    ${f4(r.firstAnswers.auc)}        ${f4(cold.metrics.auc)}         ${r.perFold.map((m) => m.auc.toFixed(3)).join(", ")}`);
  }
  const main = cv.reports[0]!;
  lines.push(`by the item's training answer count (${main.name}): group  n  AUC  mean predicted  observed  |p-o| per decile`);
  for (const g of main.byItemCount) lines.push(`  ${g.label.padEnd(14)} ${String(g.metrics.n).padStart(7)}  ${f4(g.metrics.auc)}  ${f4(g.metrics.meanPredicted)}  ${f4(g.metrics.meanObserved)}  ${f4(g.decileError)}`);
  lines.push(`calibration (${main.name}): bin        n   predicted  observed`);
  for (const b of cv.calibration.filter((x) => x.n > 0)) lines.push(`  ${b.lo.toFixed(1)}-${b.hi.toFixed(1)}  ${String(b.n).padStart(8)}   ${b.meanPredicted.toFixed(3)}      ${b.meanObserved.toFixed(3)}`);
  return lines.join("\n");
}

function creditOf(rule: string): CreditRule {
  if (rule === "conjunctive" || rule === "product" || rule === "independent") return rule;
  throw new InvalidArgumentError("--credit must be conjunctive, product or independent");
}

function itemPriorOf(prior: string): "hierarchical" | "fixed" {
  if (prior === "hierarchical" || prior === "fixed") return prior;
  throw new InvalidArgumentError("--item-prior must be hierarchical or fixed");
}

function variantOf(name: string): ModelVariant {
  const v = VARIANTS[name];
  if (!v) throw new InvalidArgumentError(`--variant must be one of ${Object.keys(VARIANTS).join(", ")}`);
  return v;
}

/** Writes every correction in the graph as labelled NDJSON; returns how many. */
async function exportCorrections(file: string): Promise<number> {
  return withServices(async (s) => {
    const lines: string[] = [];
    for await (const c of s.corrections.all()) {
      const row: LabelledCorrection = { learnerId: c.learnerId, conceptId: c.conceptId, at: new Date(c.at).toISOString(), label: c.p, modelBefore: c.before, active: c.revertedAt === null, by: c.by, byRole: c.byRole, reason: c.note };
      lines.push(JSON.stringify(row));
    }
    writeFileSync(file, lines.length ? `${lines.join("\n")}\n` : "");
    return lines.length;
  });
}

function readCorrections(file: string): LabelledCorrection[] {
  return readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as LabelledCorrection);
}

export function ktCommand(): Command {
  const kt = new Command("kt").description("Knowledge tracing: fit, load, predict, evaluate");

  kt.command("fit")
    .description("Fit the model (EM per concept with restarts, then joint maximum-likelihood rounds) and write its parameters")
    .requiredOption("--events <file>", "NDJSON events")
    .requiredOption("--out <file>", "where to write the model JSON")
    .option("--restarts <n>", "EM restarts per concept", (v) => Number(v), 3)
    .option("--rounds <n>", "joint refinement rounds", (v) => Number(v), 2)
    .option("--variant <name>", `model components (ablations): ${Object.keys(VARIANTS).join(", ")}`, "full")
    .option("--credit <rule>", "credit rule of multi-concept items: conjunctive, product, independent", "conjunctive")
    .option("--item-prior <prior>", "item difficulty prior: hierarchical or fixed", "hierarchical")
    .option("--export-corrections <file>", "also write the teachers' corrections stored in the graph as labelled NDJSON (label = the teacher's p)")
    .action(async (opts: { events: string; out: string; restarts: number; rounds: number; variant: string; credit: string; itemPrior: string; exportCorrections?: string }) => {
      const { events } = readAttempts(opts.events);
      process.stderr.write(`fitting on ${events.length} answers\n`);
      const progress = fitProgress("fit");
      const result = fit(events, { restarts: opts.restarts, rounds: opts.rounds, variant: variantOf(opts.variant), credit: creditOf(opts.credit), itemPrior: itemPriorOf(opts.itemPrior), onProgress: progress.onProgress });
      progress.stop();
      writeFileSync(opts.out, `${JSON.stringify(result.params)}\n`);
      process.stderr.write(`${describeParams(result.params)}\ntrain mean log-likelihood ${result.trainMeanLogLik.toFixed(4)} over ${result.trainEvents} answers, ${(result.elapsedMs / 1000).toFixed(1)} s\nwrote ${opts.out}\n`);
      if (opts.exportCorrections) {
        const n = await exportCorrections(opts.exportCorrections);
        process.stderr.write(`wrote ${n} corrections to ${opts.exportCorrections}\n`);
        if (n > 0) process.stderr.write(`${gapText(correctionGap(result.params, events, readCorrections(opts.exportCorrections)))}\n`);
      }
    });

  kt.command("corrections")
    .description("Export the teachers' corrections stored in the graph as labelled NDJSON (label = the teacher's p, modelBefore = the server's mastery then)")
    .requiredOption("--out <file>")
    .action(async (opts: { out: string }) => {
      const n = await exportCorrections(opts.out);
      process.stderr.write(`wrote ${n} corrections to ${opts.out}\n`);
    });

  kt.command("load")
    .description("Store fitted parameters on the graph; every server using that model id (KT_MODEL) picks them up within 30 s")
    .argument("<model>")
    .option("--as <id>", "the model id to store it under (default: KT_MODEL, else 'current', what servers use by default)")
    .action(async (file: string, opts: { as?: string }) => {
      const params = JSON.parse(readFileSync(file, "utf8")) as ModelParams;
      if (params.version !== 1 || typeof params.concepts !== "object") throw new InvalidArgumentError(`${file} is not a Frontier model (version 1)`);
      // The services read KT_MODEL from the validated config.
      if (opts.as) process.env.KT_MODEL = opts.as;
      const version = await withServices((s) => s.models.put(params, describeParams(params)));
      process.stderr.write(`loaded ${file} as model '${process.env.KT_MODEL ?? "current"}' version ${version}\n${describeParams(params)}\n`);
    });

  kt.command("predict")
    .description('Online predictions: one JSON line {"eventId","p"} per answer, p computed before that answer from the learner\'s earlier answers in the file')
    .requiredOption("--model <file>")
    .requiredOption("--events <file>")
    .action((opts: { model: string; events: string }) => {
      const params = JSON.parse(readFileSync(opts.model, "utf8")) as ModelParams;
      const { events, eventIds } = readAttempts(opts.events);
      const { predictions } = replay(params, events);
      const out: string[] = [];
      for (let i = 0; i < events.length; i++) out.push(JSON.stringify({ eventId: eventIds[i], p: Math.round((predictions[i] ?? 0) * 1e6) / 1e6 }));
      process.stdout.write(`${out.join("\n")}\n`);
    });

  kt.command("evaluate")
    .description("Learner-level k-fold cross-validation of the model and the baselines on the same folds: AUC, RMSE, calibration, cold learners and items; draws calibration plots and learning curves (SVG)")
    .requiredOption("--events <file>")
    .option("--folds <k>", "folds", (v) => Number(v), 5)
    .option("--seed <n>", "fold assignment seed", (v) => Number(v), 42)
    .option("--out-dir <dir>", "where to write the SVG files and the JSON report", "kt-report")
    .option("--variant <name>", `model components (ablations): ${Object.keys(VARIANTS).join(", ")}`, "full")
    .option("--baselines <list>", `comma-separated baselines (${BASELINES.map((b) => b.name).join(", ")}), "all" or "none"`, "all")
    .option("--only-folds <list>", "run only these folds (0-based, comma-separated), e.g. for a quick look")
    .option("--credit <rule>", "credit rule of multi-concept items: conjunctive, product, independent", "conjunctive")
    .option("--item-prior <prior>", "item difficulty prior: hierarchical (shrunk toward the concepts' mean, fitted strength) or fixed (N(0, 1))", "hierarchical")
    .option("--corrections <file>", "teachers' corrections (kt corrections): report how far the model (fitted on all the events) was from them")
    .action((opts: { events: string; folds: number; seed: number; outDir: string; variant: string; baselines: string; onlyFolds?: string; credit: string; itemPrior: string; corrections?: string }) => {
      const { events } = readAttempts(opts.events);
      const baselines = baselinesOf(opts.baselines);
      const onlyFolds = opts.onlyFolds?.split(",").map((x) => Number(x));
      process.stderr.write(`${opts.folds}-fold learner-level cross-validation of the ${opts.variant} model${baselines.length ? ` and ${baselines.map((b) => b.name).join(", ")}` : ""} on ${events.length} answers\n`);
      const started = Date.now();
      const cv: CrossValidationResult = crossValidate(events, {
        k: opts.folds,
        seed: opts.seed,
        baselines,
        modelName: opts.variant === "full" ? "frontier" : `frontier ${opts.variant}`,
        ...(onlyFolds ? { onlyFolds } : {}),
        fitOptions: { variant: variantOf(opts.variant), credit: creditOf(opts.credit), itemPrior: itemPriorOf(opts.itemPrior) },
        onFold: (f) =>
          process.stderr.write(
            f.phase === "start"
              ? `fold ${f.fold + 1}/${opts.folds}: fitting...\n`
              : `fold ${f.fold + 1}/${opts.folds}: ${f.phase === "baseline" ? f.name : "model"} AUC ${f.metrics?.auc.toFixed(4)} (fit ${((f.fitMs ?? 0) / 1000).toFixed(1)} s)\n`,
          ),
      });
      process.stdout.write(`${reportText(cv)}\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      let gap: ReturnType<typeof correctionGap> | null = null;
      if (opts.corrections) {
        const fitted = fit(events, { variant: variantOf(opts.variant), credit: creditOf(opts.credit), itemPrior: itemPriorOf(opts.itemPrior) });
        gap = correctionGap(fitted.params, events, readCorrections(opts.corrections));
        process.stdout.write(`${gapText(gap)}\n`);
      }

      mkdirSync(opts.outDir, { recursive: true });
      const main = cv.reports[0]!;
      const p = cv.pooled;
      const calibration = lineChart({
        title: `Calibration (${opts.folds}-fold CV, AUC ${p.auc.toFixed(3)})`,
        xLabel: "predicted P(correct)",
        yLabel: "observed fraction correct",
        x: [0, 1],
        y: [0, 1],
        diagonal: true,
        series: [{ name: "held-out answers", color: "#1f6feb", points: cv.calibration.filter((b) => b.n > 0).map((b) => [b.meanPredicted, b.meanObserved]) }],
      });
      writeFileSync(join(opts.outDir, "calibration.svg"), calibration);
      const colors = ["#d1242f", "#bc4c00", "#9a6700", "#1a7f37", "#0969da", "#8250df", "#57606a"];
      const byCount = lineChart({
        title: "Calibration by the item's training answer count",
        xLabel: "predicted P(correct)",
        yLabel: "observed fraction correct",
        x: [0, 1],
        y: [0, 1],
        width: 640,
        height: 480,
        diagonal: true,
        series: main.byItemCount.map((g, i) => ({
          name: `${g.label} (n=${g.metrics.n})`,
          color: colors[i % colors.length]!,
          points: g.calibration.filter((b) => b.n >= 30).map((b) => [b.meanPredicted, b.meanObserved] as [number, number]),
        })),
      });
      writeFileSync(join(opts.outDir, "calibration-by-item-count.svg"), byCount);
      const curves = learningCurves(cv.heldOut.events, Float64Array.from(cv.heldOut.predictions), 12, 10);
      const charts = curves.map((c) =>
        lineChart({
          title: c.concept,
          xLabel: "attempt",
          yLabel: "error rate",
          x: [1, 10],
          y: [0, 1],
          width: 320,
          height: 240,
          series: [
            { name: "observed", color: "#d1242f", points: c.points.map((q) => [q.attempt, q.observed]) },
            { name: "model", color: "#1f6feb", dashed: true, points: c.points.map((q) => [q.attempt, q.predicted]) },
          ],
        }),
      );
      writeFileSync(join(opts.outDir, "learning-curves.svg"), grid(charts, 4, 320, 240));
      const json = {
        events: opts.events,
        folds: opts.folds,
        seed: opts.seed,
        variant: opts.variant,
        reports: cv.reports.map((r) => ({ ...r, byItemCount: r.byItemCount.map((g) => ({ label: g.label, metrics: g.metrics, decileError: g.decileError })) })),
        foldFits: cv.folds.map((f) => ({ fold: f.fold, fitMs: f.fitMs, trainEvents: f.trainEvents, testEvents: f.testEvents })),
        ...(gap ? { corrections: gap } : {}),
      };
      writeFileSync(join(opts.outDir, "report.json"), `${JSON.stringify(json, null, 2)}\n`);
      process.stderr.write(`wrote calibration.svg, calibration-by-item-count.svg, learning-curves.svg and report.json in ${opts.outDir}\n`);
    });
  return kt;
}
