import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, InvalidArgumentError } from "commander";
import { ROLES, type Role } from "../auth/roles.js";
import { signToken } from "../auth/tokens.js";
import { loadConfig } from "../config.js";
import { detectFormat } from "../modules/curriculum/import/import.service.js";
import { ImportFormat, type ImportReport } from "../modules/curriculum/import/import.type.js";
import { seed } from "../modules/seed/seed.service.js";
import { ingestFile } from "./ingest.js";
import { analyseCommand } from "./analyse.js";
import { evaluateCommand } from "./evaluate.js";
import { ktCommand } from "./kt.js";
import { offlineEffectiveness } from "../kt/effectiveness-offline.js";
import { readAttempts } from "../kt/read-attempts.js";
import { defaultModelParams, type ModelParams } from "../domain/mastery/model.js";
import { progressBar, withServices } from "./runtime.js";
import { simulateCommand } from "./simulate.js";

const SEEDS_DIR = fileURLToPath(new URL("../../seeds", import.meta.url));
const program = new Command("frontier").description("Frontier command line").showHelpAfterError();

function printReport(report: ImportReport): void {
  const c = report.counts;
  const verb = report.applied ? "imported" : report.dryRun ? "dry run, nothing written" : "NOT imported, nothing written";
  process.stderr.write(
    `${report.format} ${verb}: concepts +${c.conceptsCreated} ~${c.conceptsUpdated}, prerequisites +${c.prerequisitesCreated} ~${c.prerequisitesUpdated}, items +${c.itemsCreated} ~${c.itemsUpdated}, topics ${c.topicsWritten}; ${report.problems.length} problem(s), ${report.skippedRows} row(s) skipped\n`,
  );
  for (const p of report.problems) {
    const where = p.row === null ? p.section : `${p.section} row ${p.row}`;
    process.stderr.write(`  ${p.severity} ${p.code} (${where}): ${p.message}\n`);
  }
}

program
  .command("import")
  .description("Import a curriculum file (JSON exchange format or concepts CSV)")
  .argument("<file>", "a .json or .csv file")
  .option("--dry-run", "validate and report only")
  .option("--allow-partial", "write the valid rows even when some rows have errors")
  .option("--format <format>", "JSON or CSV (default: from the file name)")
  .option("--json", "print the report as JSON on stdout")
  .action(async (file: string, opts: { dryRun?: boolean; allowPartial?: boolean; format?: string; json?: boolean }) => {
    const content = readFileSync(file, "utf8");
    const format = opts.format ? (opts.format.toUpperCase() as ImportFormat) : detectFormat(basename(file), content);
    if (!Object.values(ImportFormat).includes(format)) throw new InvalidArgumentError("format must be JSON or CSV");
    const bar = progressBar("import");
    const report = await withServices((s) =>
      s.imports.importCurriculum(content, { format, dryRun: !!opts.dryRun, allowPartial: !!opts.allowPartial, onProgress: (d, t) => bar.update(d, t) }),
    );
    bar.stop();
    printReport(report);
    if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (!report.valid && !(report.applied && opts.allowPartial)) process.exitCode = 1;
  });

program
  .command("export")
  .description("Export the curriculum as JSON (to stdout when no file is given); `import` reads it back")
  .argument("[file]")
  .action(async (file?: string) => {
    const doc = await withServices((s) => s.imports.exportCurriculum());
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    if (file) {
      writeFileSync(file, text);
      process.stderr.write(`wrote ${doc.concepts.length} concepts, ${doc.prerequisites.length} prerequisites, ${doc.items.length} items to ${file}\n`);
    } else {
      process.stdout.write(text);
    }
  });

program
  .command("seed")
  .description("Load the sample curriculum and demo learners from seeds/ (idempotent)")
  .option("--dir <dir>", "seed folder", SEEDS_DIR)
  .action(async (opts: { dir: string }) => {
    const bar = progressBar("seed");
    const report = await withServices((s) => seed(s, opts.dir, (d, t) => bar.update(d, t)));
    bar.stop();
    printReport(report);
  });

program
  .command("ingest")
  .description("Backfill learner events from an NDJSON file (one event per line, the recordEvents contract); re-running is harmless")
  .argument("<file>")
  .option("--batch-size <n>", "events per transaction", (v) => Number(v), 1000)
  .option("--writers <n>", "parallel lanes (events of one learner stay in order)", (v) => Number(v), 2)
  .option("--create-concepts", "create placeholder concepts for unknown conceptIds (historic data)")
  .action(async (file: string, opts: { batchSize: number; writers: number; createConcepts?: boolean }) => {
    if (!(opts.batchSize >= 1 && opts.batchSize <= 1000)) throw new InvalidArgumentError("--batch-size must be 1..1000");
    if (!(opts.writers >= 1 && opts.writers <= 16)) throw new InvalidArgumentError("--writers must be 1..16");
    const bar = progressBar("ingest");
    const summary = await withServices((s) =>
      ingestFile(s, file, { batchSize: opts.batchSize, writers: opts.writers, createConcepts: !!opts.createConcepts, onProgress: (d, t) => bar.update(d, t) }),
    );
    bar.stop();
    const rate = summary.seconds > 0 ? Math.round((summary.accepted + summary.duplicates) / summary.seconds) : 0;
    process.stderr.write(
      `ingested ${summary.lines} lines in ${summary.seconds.toFixed(1)} s (${rate} events/s): ${summary.accepted} accepted, ${summary.duplicates} duplicates, ${summary.rejected} rejected${summary.rejected ? ` ${JSON.stringify(summary.rejectedByCode)}` : ""}\n`,
    );
    if (summary.rejected > 0) process.exitCode = 1;
  });

const analyse = analyseCommand();
analyse
  .command("items")
  .description("Recompute every item's effectiveness (docs/effectiveness.md)")
  .option("--prefix <prefix>", "only learners whose id starts with this")
  .option("--events <file>", "offline, no database: replay this NDJSON history and report split-half stability (JSON on stdout)")
  .option("--model <file>", "with --events: model parameters (default: the built-in defaults)")
  .option("--min-n <n>", "with --events: follow-ups an (item, band) cell needs in each half", (v) => Number(v), 10)
  .action(async (opts: { prefix?: string; events?: string; model?: string; minN: number }) => {
    if (opts.events) {
      const { events } = readAttempts(opts.events);
      const params = opts.model ? (JSON.parse(readFileSync(opts.model, "utf8")) as ModelParams) : defaultModelParams();
      process.stdout.write(`${JSON.stringify(offlineEffectiveness(params, events, opts.minN), null, 2)}\n`);
      return;
    }
    const bar = progressBar("learners");
    const summary = await withServices((s) => s.effectiveness.analyse({ prefix: opts.prefix, onProgress: (d) => bar.update(d, Math.max(d, 1)) }));
    bar.stop();
    process.stderr.write(`analysed ${summary.learners} learners in ${summary.seconds.toFixed(1)} s: ${summary.followUps} follow-ups, ${summary.items} items stored\n`);
  });

program
  .command("migrate")
  .description("Create constraints and indexes (idempotent; the server also does this at start-up)")
  .action(async () => {
    await withServices(async () => undefined);
    process.stderr.write("migrations applied\n");
  });

program
  .command("token")
  .description("Print a development JWT signed with JWT_SECRET")
  .requiredOption("--role <role>", `one of ${ROLES.join(", ").toLowerCase()} (repeat with commas)`)
  .requiredOption("--sub <id>", "subject: the learner id, teacher id or user name")
  .option("--expires <duration>", "lifetime, e.g. 12h, 30m, 7d", "12h")
  .action(async (opts: { role: string; sub: string; expires: string }) => {
    const roles = opts.role.split(",").map((r) => r.trim().toUpperCase());
    const bad = roles.filter((r) => !(ROLES as string[]).includes(r));
    if (bad.length > 0) throw new InvalidArgumentError(`unknown role(s): ${bad.join(", ")}`);
    const config = loadConfig();
    process.stdout.write(`${await signToken(config, { sub: opts.sub, roles: roles as Role[], expiresIn: opts.expires })}\n`);
  });

program.addCommand(ktCommand());
program.addCommand(simulateCommand());
program.addCommand(analyse);
program.addCommand(evaluateCommand());
// `frontier kt predict ... | head` closes the pipe early: that is not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`frontier: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
