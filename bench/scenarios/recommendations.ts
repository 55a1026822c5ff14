/**
 * recommendations: a learner's next steps over HTTP at 1, 8, 32 and 64 concurrent clients,
 * beside the frontier traversal as one bare Cypher query through the driver (32 sessions) and the
 * in-memory read path's own query (mastery/learner-snapshots, one held learner per statement) alone, the floor of its database work,
 * and `{ __typename }` over the same HTTP client, the floor of the transport and request pipeline.
 * The headline figures are those at 32 clients. At 32, our runs and the bare traversal's
 * alternate in short rounds and each side's latencies are pooled: measured one after the other,
 * whatever drifted between the two windows (a checkpoint of the data just loaded, Neo4j's JIT,
 * the machine's other load) fell on one side only, and the ratio moved 1.5x-2.7x between runs of
 * the same code.
 */
import { figures, round2, type Bench, type RunFigures } from "./common.js";
import { log } from "../log.js";
import type { RunResult } from "../stats.js";

export const HEADLINE_CONCURRENCY = 32;
/** Alternating rounds of the headline comparison (each side gets the same total time). */
export const HEADLINE_ROUNDS = 4;

/** One run's worth of figures from several runs of the same task: latencies pooled, time summed. */
export function pooled(runs: RunResult[]): RunResult {
  const errorCodes: Record<string, number> = {};
  for (const r of runs) for (const [code, n] of Object.entries(r.errorCodes)) errorCodes[code] = (errorCodes[code] ?? 0) + n;
  return {
    latencies: runs.flatMap((r) => r.latencies),
    units: runs.reduce((n, r) => n + r.units, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    errorCodes,
    seconds: runs.reduce((n, r) => n + r.seconds, 0),
  };
}

export interface RecommendationsResult {
  concurrency: number;
  p50Ms: number;
  p99Ms: number;
  perSecond: number;
  errors: number;
  rawCypherP50Ms: number;
  rawCypherP99Ms: number;
  rawCypherPerSecond: number;
  rawCypherErrors: number;
  ratioToRawCypher: number;
  /** The read path's own Cypher (mastery/learner-snapshots for one held learner) alone, 32 sessions, alternating with the others. */
  readPathCypherP50Ms: number;
  readPathCypherP99Ms: number;
  readPathCypherPerSecond: number;
  /** `{ __typename }` over HTTP at 32 clients, alternating with the others: the transport's floor. */
  transportFloorP50Ms: number;
  transportFloorP99Ms: number;
  transportFloorPerSecond: number;
  /** p99 against that bare read's p99 (target <= 1.5x). */
  ratioToReadPathCypher: number;
  /** Throughput against the full traversal's through the driver (target >= 5x). */
  speedupVsTraversal: number;
  byConcurrency: Record<string, RunFigures>;
}

export async function recommendationsScenario(bench: Bench, concurrencies: number[] = [1, 8, 32, 64]): Promise<RecommendationsResult> {
  const { client, timing } = bench;
  const byConcurrency: Record<string, RunFigures> = {};
  let warmupMs = timing.warmupMs;
  let raw: RunFigures | null = null;
  let readPath: RunFigures | null = null;
  let floor: RunFigures | null = null;
  for (const workers of concurrencies) {
    if (workers !== HEADLINE_CONCURRENCY) {
      log(`recommendations: ${workers} concurrent clients, ${timing.runMs / 2000} s`);
      byConcurrency[String(workers)] = figures(await client.run({ task: "recommendations", workers, ms: timing.runMs / 2, warmupMs }));
      warmupMs = 0;
      continue;
    }
    const ms = timing.runMs / 2 / HEADLINE_ROUNDS;
    log(`recommendations: ${workers} concurrent clients and the frontier traversal as bare Cypher (${workers} sessions), alternating, ${HEADLINE_ROUNDS} rounds of ${ms / 1000} s each`);
    const ours: RunResult[] = [];
    const bare: RunResult[] = [];
    const bareRead: RunResult[] = [];
    const transport: RunResult[] = [];
    for (let round = 0; round < HEADLINE_ROUNDS; round++) {
      ours.push(await client.run({ task: "recommendations", workers, ms, warmupMs: round === 0 ? warmupMs : 0 }));
      bare.push(await client.run({ task: "recommendationsCypher", workers, ms, warmupMs: round === 0 ? timing.warmupMs / 2 : 0 }));
      bareRead.push(await client.run({ task: "recommendationsReadPath", workers, ms, warmupMs: round === 0 ? timing.warmupMs / 2 : 0 }));
      transport.push(await client.run({ task: "transportFloor", workers, ms, warmupMs: round === 0 ? timing.warmupMs / 2 : 0 }));
    }
    warmupMs = 0;
    byConcurrency[String(workers)] = figures(pooled(ours));
    raw = figures(pooled(bare));
    readPath = figures(pooled(bareRead));
    floor = figures(pooled(transport));
  }
  if (!raw) {
    log(`recommendations baseline: the frontier traversal as bare Cypher, ${HEADLINE_CONCURRENCY} sessions, ${timing.runMs / 2000} s`);
    raw = figures(await client.run({ task: "recommendationsCypher", workers: HEADLINE_CONCURRENCY, ms: timing.runMs / 2, warmupMs: timing.warmupMs / 2 }));
  }
  if (!readPath) readPath = figures(await client.run({ task: "recommendationsReadPath", workers: HEADLINE_CONCURRENCY, ms: timing.runMs / 2, warmupMs: timing.warmupMs / 2 }));
  if (!floor) floor = figures(await client.run({ task: "transportFloor", workers: HEADLINE_CONCURRENCY, ms: timing.runMs / 2, warmupMs: timing.warmupMs / 2 }));
  const head = byConcurrency[String(HEADLINE_CONCURRENCY)] ?? Object.values(byConcurrency).at(-1);
  if (!head) throw new Error("recommendations: no concurrency measured");
  return {
    concurrency: HEADLINE_CONCURRENCY,
    p50Ms: head.p50Ms,
    p99Ms: head.p99Ms,
    perSecond: head.perSecond,
    errors: Object.values(byConcurrency).reduce((n, r) => n + r.errors, 0),
    rawCypherP50Ms: raw.p50Ms,
    rawCypherP99Ms: raw.p99Ms,
    rawCypherPerSecond: raw.perSecond,
    rawCypherErrors: raw.errors,
    ratioToRawCypher: round2(head.p99Ms / Math.max(0.01, raw.p99Ms)),
    readPathCypherP50Ms: readPath.p50Ms,
    readPathCypherP99Ms: readPath.p99Ms,
    readPathCypherPerSecond: readPath.perSecond,
    transportFloorP50Ms: floor.p50Ms,
    transportFloorP99Ms: floor.p99Ms,
    transportFloorPerSecond: floor.perSecond,
    ratioToReadPathCypher: round2(head.p99Ms / Math.max(0.01, readPath.p99Ms)),
    speedupVsTraversal: round2(head.perSecond / Math.max(0.01, raw.perSecond)),
    byConcurrency,
  };
}
