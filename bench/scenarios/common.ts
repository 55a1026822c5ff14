/** What every scenario gets from the orchestrator, and the figures it reports for one run. */
import type { LoadClient } from "../load-client.js";
import type { JobResult } from "../protocol.js";
import { perSecond, summarise, type LatencySummary, type RunResult } from "../stats.js";

export interface Timing {
  /** Unmeasured warm-up before a scenario's first run, ms. */
  warmupMs: number;
  /** A scenario's measured time, ms (split between its runs). */
  runMs: number;
  /** A request slower than this counts as an error (TIMEOUT), ms. */
  requestTimeoutMs: number;
}

export interface Bench {
  client: LoadClient;
  timing: Timing;
}

export interface RunFigures extends LatencySummary {
  perSecond: number;
  errors: number;
  /** Errors by code, when there were any. */
  errorCodes?: Record<string, number>;
}

/** Latency percentiles, throughput and errors of one run (throughput over `seconds` when given: kinds of a mixed run). */
export function figures(run: RunResult | JobResult, seconds = run.seconds): RunFigures {
  const out: RunFigures = { ...summarise(run.latencies), perSecond: perSecond({ units: run.units, seconds }), errors: run.errors };
  if (run.errors > 0) out.errorCodes = run.errorCodes;
  return out;
}

export const round2 = (x: number) => Math.round(x * 100) / 100;
