/**
 * The load client: a separate process (forked by bench/load-client.ts) that generates the load
 * over loopback and reports raw latencies back over IPC, so the orchestrator's set-up and
 * reporting never share an event loop with the measurement.
 */
import { runFor } from "../stats.js";
import type { FromClient, Job, JobResult, ToClient } from "../protocol.js";
import { createContext, type Context } from "./context.js";
import { taskFor } from "./tasks.js";

/** Calls a measured run may start unless its job says otherwise (time is the usual bound). */
const MAX_CALLS = 500_000;

let ctx: Context | null = null;
const send = (message: FromClient) => process.send?.(message);

async function runJob(job: Job): Promise<JobResult> {
  if (!ctx) throw new Error("the load client got a job before init");
  if (job.warmupMs > 0) {
    const warm = taskFor(ctx, job);
    await runFor(job.warmupMs, job.workers, (w, i) => warm.run(w, i));
    await warm.finish?.();
  }
  const task = taskFor(ctx, job);
  const result = await runFor(job.ms, job.workers, (w, i) => task.run(w, i), job.maxCalls ?? MAX_CALLS);
  await task.finish?.();
  return task.kinds ? { ...result, kinds: task.kinds() } : result;
}

process.on("message", (message: ToClient) => {
  if (message.type === "init") {
    ctx = createContext(message.init);
    send({ type: "ready" });
  } else if (message.type === "job") {
    runJob(message.job).then(
      (result) => send({ type: "result", id: message.id, result }),
      (err: unknown) => send({ type: "failed", id: message.id, message: err instanceof Error ? err.message : String(err) }),
    );
  } else {
    ctx?.frontier.close();
    ctx?.peer?.close();
    void (ctx?.db.close() ?? Promise.resolve()).finally(() => process.exit(0));
  }
});
// The orchestrator gone means nobody reads the results: end too.
process.on("disconnect", () => process.exit(0));
