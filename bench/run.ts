/**
 * Frontier benchmark: `npm run bench [-- --quick] [-- --scale X] [-- --growth] [-- --fresh]`.
 *
 * The built server (dist/) and the @neo4j/graphql peer run in their own processes; the load comes
 * from a third (bench/client/main.ts) over loopback, bounded in time and measured warm, after a
 * warm-up. The data is a seeded curriculum (12 levels, fan-in 1-4, topics, 10 items per concept)
 * and answer histories drawn from the project's mastery model, loaded through the project's bulk
 * paths. Every scenario runs beside its baseline in the same run; results go to
 * bench/results/latest.json (plus a dated copy) and SVG charts, the table to stdout.
 *
 *   --quick     short runs on a small data set (scale 0.03, 40 answers per learner): a smoke test under 2 minutes
 *   --scale X   data size: 1 = 2,000 concepts, 20,000 items, 10,000 learners, 1,000,000 answers
 *   --growth    the read and ingest scenarios at scales 0.25, 1 and 4 (BENCH_GROWTH_SCALES=a,b,c to change),
 *               the full set at the scale nearest 1
 *   --fresh     reload the data even if this scale's data is still there
 *   --only a,b  run only these scenarios (keys: recommendations, learningPath, conceptGraph, ingest,
 *               mixed, subscriptionDelivery); written to a dated file only, latest.json is left alone
 * BENCH_KEEP=1 leaves the data in place afterwards (a later run at the same scale reuses it);
 * BENCH_LOADER=http loads answers through the recordEvents mutation instead of the events service.
 */
import { writeFileSync } from "node:fs";
import { loadConfig } from "../src/config.js";
import { signToken } from "../src/auth/tokens.js";
import { benchDb, cleanup } from "./db.js";
import { specFor } from "./generate.js";
import { growthRow, growthScales, referenceScale, type GrowthRow } from "./growth.js";
import { log } from "./log.js";
import { machine } from "./machine.js";
import { print, results, write } from "./report.js";
import { measure, SCENARIO_KEYS, type Measurement, type ScenarioKey } from "./session.js";

const QUICK_SCALE = 0.03;

function parseArgs(argv: string[]) {
  const opts = { quick: false, growth: false, fresh: false, scale: null as number | null, only: null as Set<ScenarioKey> | null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--quick") opts.quick = true;
    else if (arg === "--growth") opts.growth = true;
    else if (arg === "--fresh") opts.fresh = true;
    else if (arg === "--scale" || arg.startsWith("--scale=")) {
      const value = Number(arg.includes("=") ? arg.slice("--scale=".length) : argv[++i]);
      if (!Number.isFinite(value) || value <= 0) throw new Error("--scale needs a positive number, e.g. --scale 0.25");
      opts.scale = value;
    } else if (arg === "--only" || arg.startsWith("--only=")) {
      const list = (arg.includes("=") ? arg.slice("--only=".length) : (argv[++i] ?? "")).split(",").filter(Boolean);
      const unknown = list.filter((k) => !(SCENARIO_KEYS as readonly string[]).includes(k));
      if (list.length === 0 || unknown.length > 0) throw new Error(`--only takes scenario keys separated by commas (${SCENARIO_KEYS.join(", ")})`);
      opts.only = new Set(list as ScenarioKey[]);
    } else throw new Error(`unknown option '${arg}' (options: --quick, --scale X, --growth, --fresh, --only a,b)`);
  }
  if (opts.growth && opts.scale !== null) throw new Error("--growth chooses its own scales (BENCH_GROWTH_SCALES); drop --scale");
  if (opts.growth && opts.only) throw new Error("--growth measures its fixed set; drop --only");
  return opts;
}

async function main() {
  const started = performance.now();
  const argv = process.argv.slice(2);
  const opts = parseArgs(argv);
  // Quick without an explicit scale: fewer answers per learner too, so loading takes seconds.
  const answersPerLearner = opts.quick && opts.scale === null ? 40 : 100;
  const spec = (scale: number) => specFor(scale, { answersPerLearner });
  const timing = opts.quick ? { warmupMs: 1500, runMs: 4000, requestTimeoutMs: 10_000 } : { warmupMs: 5000, runMs: 15000, requestTimeoutMs: 30_000 };
  const config = loadConfig();
  const tokens = {
    admin: await signToken(config, { sub: "bench-admin", roles: ["ADMIN" as never] }),
    designer: await signToken(config, { sub: "bench-designer", roles: ["DESIGNER" as never] }),
  };
  const db = benchDb();
  try {
    const host = await machine(db);
    let reference: Measurement | null = null;
    let growth: GrowthRow[] | null = null;
    if (opts.growth) {
      const scales = growthScales();
      const ref = referenceScale(scales);
      growth = [];
      for (const scale of scales) {
        log(`growth: scale ${scale}${scale === ref ? " (full scenario set)" : ""}`);
        const m = await measure(db, spec(scale), { timing, full: scale === ref, fresh: opts.fresh, tokens });
        growth.push(growthRow(m));
        if (scale === ref) reference = m;
        // A long growth run keeps what it has measured so far, should a later scale fail.
        writeFileSync("bench/results/growth-partial.json", `${JSON.stringify({ growth, reference }, null, 2)}\n`);
      }
    } else {
      reference = await measure(db, spec(opts.scale ?? (opts.quick ? QUICK_SCALE : 1)), { timing, full: true, fresh: opts.fresh, tokens, only: opts.only });
    }
    if (!reference) throw new Error("no measurement at the reference scale");
    const r = results({ machine: host, m: reference, quick: opts.quick, partial: opts.only !== null, command: `npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}`, started, timing, growth });
    print(r, write(r));
  } finally {
    if (process.env.BENCH_KEEP !== "1") {
      log("removing the bench data (BENCH_KEEP=1 keeps it)");
      await cleanup(db);
    }
    await db.close();
  }
}

await main();
