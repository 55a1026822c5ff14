import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";

/** Latency summary in ms. */
export function summarise(samples: number[]): { n: number; p50Ms: number; p99Ms: number; meanMs: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { n: s.length, p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), meanMs: round(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)) };
}

/** Runs `workers` loops of `task` until `ms` have passed; returns per-call latencies and completed work units. */
export async function runFor(ms: number, workers: number, task: (worker: number, i: number) => Promise<number>): Promise<{ latencies: number[]; units: number; errors: number; seconds: number }> {
  const latencies: number[] = [];
  let units = 0;
  let errors = 0;
  const start = performance.now();
  const deadline = start + ms;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t = performance.now();
        try {
          // Read `units` after the await: `units += await ...` would lose concurrent updates.
          const done = await task(w, i);
          units += done;
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { latencies, units, errors, seconds: (performance.now() - start) / 1000 };
}

/** Starts the built server (dist/) as a separate process and waits for /healthz. */
export async function startServer(port: number, env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ["dist/main.js"], { env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    neo4jHeap: process.env.FRONTIER_NEO4J_HEAP ?? "2g",
    neo4jPageCache: process.env.FRONTIER_NEO4J_PAGECACHE ?? "2g",
  };
}
