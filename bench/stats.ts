/** Latency statistics and the bounded load loop (shared by the load client and the orchestrator). */

export interface LatencySummary {
  n: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Latency summary in ms (nearest-rank percentiles). */
export function summarise(samples: readonly number[]): LatencySummary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { n: s.length, p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), meanMs: round(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)) };
}

export interface RunResult {
  /** Per-call latency (ms) of successful calls. */
  latencies: number[];
  /** Work units done (requests, or answers for batches). */
  units: number;
  errors: number;
  /** Error count by code (GraphQL `extensions.code`, or the error's name). */
  errorCodes: Record<string, number>;
  seconds: number;
}

/**
 * Runs `workers` loops of `task` until `ms` have passed (calls in flight then finish) or `maxCalls`
 * calls have started; `task` resolves to the work units it did.
 */
export async function runFor(ms: number, workers: number, task: (worker: number, i: number) => Promise<number>, maxCalls = Infinity): Promise<RunResult> {
  const latencies: number[] = [];
  const errorCodes: Record<string, number> = {};
  let units = 0;
  let errors = 0;
  let started = 0;
  const start = performance.now();
  const deadline = start + ms;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; performance.now() < deadline && started < maxCalls; i++) {
        started++;
        const t = performance.now();
        try {
          // Read `units` after the await: `units += await ...` would lose concurrent updates.
          const done = await task(w, i);
          units += done;
          latencies.push(performance.now() - t);
        } catch (err) {
          errors++;
          const code = (err as { code?: unknown }).code;
          const key = typeof code === "string" ? code : (err as Error).name;
          errorCodes[key] = (errorCodes[key] ?? 0) + 1;
        }
      }
    }),
  );
  return { latencies, units, errors, errorCodes, seconds: (performance.now() - start) / 1000 };
}

/** Throughput, rounded. */
export const perSecond = (run: Pick<RunResult, "units" | "seconds">) => Math.round(run.units / Math.max(1e-9, run.seconds));
