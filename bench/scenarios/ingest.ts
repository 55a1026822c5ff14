/**
 * ingest: answers through recordEvents in batches of 500 from 4 writers (answers/s), single
 * answers from 16 writers (latency), and the baseline: one bare transaction per answer through
 * the driver, 4 sessions for throughput and 16 for latency (the floor under the single-answer
 * figure: a write transaction's round trips and commit, without the model). Every writer answers for its own learners, so no late-event replays.
 */
import { log } from "../log.js";
import { figures, type Bench } from "./common.js";

export interface IngestResult {
  perSecond: number;
  batchSize: number;
  batchP99Ms: number;
  singleP50Ms: number;
  singleP99Ms: number;
  singlePerSecond: number;
  perTransactionBaselinePerSecond: number;
  perTransactionBaselineP99Ms: number;
  /** The bare transaction per answer from 16 sessions, like the single answers. */
  baseline16P50Ms: number;
  baseline16P99Ms: number;
  /** Single answers' p99 against the bare transaction per answer's, both at 16 writers (target <= 1). */
  singleToBaselineP99: number;
  errors: number;
}

export async function ingestScenario(bench: Bench): Promise<IngestResult> {
  const { client, timing } = bench;
  const batchSize = 500;
  log(`ingest: recordEvents, batches of ${batchSize}, 4 writers, ${timing.runMs / 1000} s`);
  const bulk = figures(await client.run({ task: "ingestBatch", options: { size: batchSize }, workers: 4, ms: timing.runMs, warmupMs: timing.warmupMs }));
  log(`ingest: single answers, 16 writers, ${timing.runMs / 1000} s`);
  const single = figures(await client.run({ task: "ingestSingle", workers: 16, ms: timing.runMs, warmupMs: timing.warmupMs / 2 }));
  log(`ingest baseline: one bare transaction per answer, 4 sessions, ${timing.runMs / 1000} s`);
  const baseline = figures(await client.run({ task: "ingestBaseline", workers: 4, ms: timing.runMs, warmupMs: timing.warmupMs / 2 }));
  log(`ingest baseline: one bare transaction per answer, 16 sessions, ${timing.runMs / 2000} s`);
  const baseline16 = figures(await client.run({ task: "ingestBaseline", workers: 16, ms: timing.runMs / 2, warmupMs: 0 }));
  return {
    perSecond: bulk.perSecond,
    batchSize,
    batchP99Ms: bulk.p99Ms,
    singleP50Ms: single.p50Ms,
    singleP99Ms: single.p99Ms,
    singlePerSecond: single.perSecond,
    perTransactionBaselinePerSecond: baseline.perSecond,
    perTransactionBaselineP99Ms: baseline.p99Ms,
    baseline16P50Ms: baseline16.p50Ms,
    baseline16P99Ms: baseline16.p99Ms,
    singleToBaselineP99: Math.round((single.p99Ms / Math.max(0.01, baseline16.p99Ms)) * 100) / 100,
    errors: bulk.errors + single.errors + baseline.errors + baseline16.errors,
  };
}
