/**
 * recommendations: a learner's next steps over HTTP at 1, 8, 32 and 64 concurrent clients,
 * beside the frontier traversal as one bare Cypher query through the driver (32 sessions).
 * The headline figures are those at 32 clients.
 */
import { figures, round2, type Bench, type RunFigures } from "./common.js";
import { log } from "../log.js";

export const HEADLINE_CONCURRENCY = 32;

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
  byConcurrency: Record<string, RunFigures>;
}

export async function recommendationsScenario(bench: Bench, concurrencies: number[] = [1, 8, 32, 64]): Promise<RecommendationsResult> {
  const { client, timing } = bench;
  const byConcurrency: Record<string, RunFigures> = {};
  let warmupMs = timing.warmupMs;
  for (const workers of concurrencies) {
    log(`recommendations: ${workers} concurrent clients, ${timing.runMs / 2000} s`);
    byConcurrency[String(workers)] = figures(await client.run({ task: "recommendations", workers, ms: timing.runMs / 2, warmupMs }));
    warmupMs = 0;
  }
  log(`recommendations baseline: the frontier traversal as bare Cypher, ${HEADLINE_CONCURRENCY} sessions, ${timing.runMs / 2000} s`);
  const raw = figures(await client.run({ task: "recommendationsCypher", workers: HEADLINE_CONCURRENCY, ms: timing.runMs / 2, warmupMs: timing.warmupMs / 2 }));
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
    byConcurrency,
  };
}
