/**
 * `frontier analyse prerequisites` (the audit of issue 20 on stored evidence, or on an NDJSON file
 * of answers) and `frontier analyse simulate` (its precision and recall on seeded curricula with
 * a known truth). See docs/prerequisite-audit.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { auditPrerequisites, type AuditGraph, type AuditReport } from "../domain/audit/prerequisite-audit.js";
import { pooled, runSimulation, type SimulationRun } from "../kt/prerequisite-simulation.js";
import { evidenceFromFile } from "../kt/read-answers.js";
import { progressBar, withServices } from "./runtime.js";
import { lineChart, grid } from "./svg.js";

function formatReport(report: AuditReport & { decided?: Array<{ conceptId: string; prerequisiteId: string; kind: string; decision: string; evidenceMoved: boolean }> }, names: Map<string, string>, top: number): string {
  const name = (id: string) => (names.has(id) ? `${id} (${names.get(id)})` : id);
  const pct = (x: number | null) => (x === null ? "-" : `${(100 * x).toFixed(0)}%`);
  const out: string[] = [`${report.learners} learners; ${report.edges.length} edges; ${report.candidatesTested} candidate pairs tested, ${report.candidatesWithoutEnoughEvidence} without enough evidence, ${report.candidatesSharingAnswers} left out (the same answers assess both)`];
  const counts = new Map<string, number>();
  for (const e of report.edges) counts.set(e.verdict, (counts.get(e.verdict) ?? 0) + 1);
  if (report.edges.length) out.push(`edges: ${[...counts].map(([v, n]) => `${v} ${n}`).join(", ")}`);
  const decided = report.decided ?? [];
  const quiet = new Set(decided.filter((d) => !d.evidenceMoved).map((d) => `${d.conceptId}|${d.prerequisiteId}|${d.kind}`));
  if (decided.length) out.push(`decided by designers: ${decided.map((d) => `${d.kind} ${name(d.conceptId)} REQUIRES ${name(d.prerequisiteId)} ${d.decision}${d.evidenceMoved ? " (evidence moved since)" : ""}`).join("; ")}`);
  for (const e of report.edges.filter((x) => x.verdict === "CONTRADICTED" && !quiet.has(`${x.conceptId}|${x.prerequisiteId}|CONTRADICTED`))) {
    out.push(
      `  CONTRADICTED ${name(e.conceptId)} REQUIRES ${name(e.prerequisiteId)}: mastered c without p ${e.masteredWithoutPrerequisite.count}/${e.masteredWithoutPrerequisite.total}; ` +
        `P(c | p) ${pct(e.masteredGivenPrerequisite.rate)}, P(c | no p) ${pct(e.masteredGivenNoPrerequisite.rate)}, level-adjusted ${e.levelAdjusted.relativeRate?.toFixed(2) ?? "-"}`,
    );
  }
  out.push(`suggested missing edges (${report.missing.length}, strongest first; suggestions, not facts):`);
  for (const m of report.missing.slice(0, top)) {
    out.push(
      `  ${name(m.conceptId)} REQUIRES ${name(m.prerequisiteId)}: P(c | q) ${pct(m.masteredGivenPrerequisite.rate)} of ${m.masteredGivenPrerequisite.total}, ` +
        `P(c | no q) ${pct(m.masteredGivenNoPrerequisite.rate)} of ${m.masteredGivenNoPrerequisite.total} [${pct(m.masteredGivenNoPrerequisite.low)}, ${pct(m.masteredGivenNoPrerequisite.high)}], ` +
        `level-adjusted ${m.levelAdjusted.relativeRate?.toFixed(2) ?? "-"}, adjusted p ${m.adjustedPValue.toExponential(1)}`,
    );
  }
  return out.join("\n");
}

const f2 = (x: number | null) => (x === null ? "n/a" : x.toFixed(2));

/** The precision/recall table (markdown) and its picture, from seeded runs. */
export function simulationSummary(sizes: readonly number[], seeds: readonly number[], onProgress?: (done: number, total: number) => void) {
  const rows: Array<{ learners: number; runs: SimulationRun[] }> = [];
  let done = 0;
  for (const n of sizes) {
    const runs: SimulationRun[] = [];
    for (const seed of seeds) {
      runs.push(runSimulation(n, seed));
      onProgress?.(++done, sizes.length * seeds.length);
    }
    rows.push({ learners: n, runs });
  }
  const lines = [
    "| learners | wrong edges: flagged / planted | precision | recall | missing edges: suggested / planted | precision | recall | suggestions implied by the truth | edges NOT_ENOUGH_EVIDENCE |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const points = { wp: [] as Array<[number, number]>, wr: [] as Array<[number, number]>, mp: [] as Array<[number, number]>, mr: [] as Array<[number, number]> };
  for (const { learners, runs } of rows) {
    const w = pooled(runs, "wrong");
    const m = pooled(runs, "missing");
    const implied = runs.reduce((a, r) => a + r.missingImpliedByTruth, 0);
    const thin = runs.reduce((a, r) => a + r.notEnoughEvidence, 0);
    const edges = runs.reduce((a, r) => a + r.report.edges.length, 0);
    lines.push(`| ${learners.toLocaleString("en")} | ${w.found} of ${w.flagged} / ${w.planted} | ${f2(w.precision)} | ${f2(w.recall)} | ${m.found} of ${m.flagged} / ${m.planted} | ${f2(m.precision)} | ${f2(m.recall)} | ${implied} | ${thin} of ${edges} |`);
    const x = Math.log10(learners);
    if (w.precision !== null) points.wp.push([x, w.precision]);
    points.wr.push([x, w.recall]);
    if (m.precision !== null) points.mp.push([x, m.precision]);
    points.mr.push([x, m.recall]);
  }
  const chart = (title: string, p: Array<[number, number]>, r: Array<[number, number]>) =>
    lineChart({
      title,
      xLabel: "learners (log10: 2 = 100, 3 = 1,000, 4 = 10,000)",
      yLabel: "share",
      x: [2, 4],
      y: [0, 1],
      series: [
        { name: "precision", color: "#1f77b4", points: p },
        { name: "recall", color: "#d62728", points: r, dashed: true },
      ],
    });
  const svg = grid([chart("Wrong edges flagged (CONTRADICTED)", points.wp, points.wr), chart("Missing edges suggested", points.mp, points.mr)], 2, 520, 400);
  return { table: lines.join("\n"), svg };
}

export function analyseCommand(): Command {
  const cmd = new Command("analyse").description("Analyses of the curriculum against learner evidence");
  cmd
    .command("prerequisites")
    .description("Audit the prerequisite graph against learner answers: support per edge, suggested missing edges (docs/prerequisite-audit.md)")
    .option("--answers <file>", "read answers from an NDJSON file (the ingest format) instead of Neo4j; without --graph every pair of concepts is a candidate")
    .option("--graph <file>", "with --answers: a curriculum JSON export (frontier export) giving concepts, topics and edges")
    .option("--topic <id>", "from Neo4j: only the concepts directly in this topic")
    .option("--concepts <ids>", "from Neo4j: only these concepts (comma-separated)")
    .option("--names <file>", "a JSON object {conceptId: name} for the printed report")
    .option("--out <file>", "write the full report as JSON", "prerequisite-audit.json")
    .option("--top <n>", "suggestions printed", (v) => Number(v), 20)
    .action(async (opts: { answers?: string; graph?: string; topic?: string; concepts?: string; names?: string; out: string; top: number }) => {
      if (!(opts.top >= 0)) throw new InvalidArgumentError("--top must be a number");
      const names = new Map<string, string>(Object.entries(opts.names ? (JSON.parse(readFileSync(opts.names, "utf8")) as Record<string, string>) : {}));
      let report: AuditReport;
      if (opts.answers) {
        const bar = progressBar("learners");
        const table = evidenceFromFile(opts.answers, (d, t) => bar.update(d, t));
        bar.stop();
        let graph: AuditGraph = { concepts: [...table.columns.keys()].map((id) => ({ id, topicId: null })), edges: [] };
        if (opts.graph) {
          const doc = JSON.parse(readFileSync(opts.graph, "utf8")) as { concepts: Array<{ id: string; topicId?: string | null; name?: string }>; prerequisites: Array<{ conceptId: string; prerequisiteId: string }> };
          graph = { concepts: doc.concepts.map((c) => ({ id: c.id, topicId: c.topicId ?? null })), edges: doc.prerequisites.map((e) => ({ conceptId: e.conceptId, prerequisiteId: e.prerequisiteId })) };
          for (const c of doc.concepts) if (c.name && !names.has(c.id)) names.set(c.id, c.name);
        }
        report = auditPrerequisites(graph, table);
      } else {
        const bar = progressBar("learners");
        const conceptIds = opts.concepts ? opts.concepts.split(",").map((x) => x.trim()).filter(Boolean) : null;
        report = await withServices(async (s) => {
          const graph = await s.curriculum.graph();
          for (const c of graph.all()) if (!names.has(c.id)) names.set(c.id, c.name);
          return s.audit.audit({ topicId: opts.topic ?? null, conceptIds, onProgress: (d, t) => bar.update(d, t) });
        });
        bar.stop();
      }
      mkdirSync(dirname(opts.out), { recursive: true });
      writeFileSync(opts.out, `${JSON.stringify(report, null, 2)}\n`);
      process.stdout.write(`${formatReport(report, names, opts.top)}\n`);
      process.stderr.write(`report written to ${opts.out}\n`);
    });
  cmd
    .command("simulate")
    .description("Precision and recall of the prerequisite audit on seeded curricula with a known truth")
    .option("--learners <list>", "learner counts", "100,1000,10000")
    .option("--seeds <list>", "seeds (one curriculum and cohort each; 101-105 were never used while the method was tuned)", "101,102,103,104,105")
    .option("--svg <file>", "write the picture", "docs/prerequisite-audit/precision-recall.svg")
    .action((opts: { learners: string; seeds: string; svg: string }) => {
      const sizes = opts.learners.split(",").map(Number);
      const seeds = opts.seeds.split(",").map(Number);
      if (sizes.some((n) => !(n >= 1)) || seeds.some((s) => !Number.isInteger(s))) throw new InvalidArgumentError("--learners and --seeds are comma-separated numbers");
      const bar = progressBar("simulations");
      const { table, svg } = simulationSummary(sizes, seeds, (d, t) => bar.update(d, t));
      bar.stop();
      mkdirSync(dirname(opts.svg), { recursive: true });
      writeFileSync(opts.svg, svg);
      process.stdout.write(`${table}\n`);
      process.stderr.write(`picture written to ${opts.svg}\n`);
    });
  return cmd;
}
