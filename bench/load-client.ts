/** The orchestrator's handle on the load client process (bench/client/main.ts), forked with tsx. */
import { fork, type ChildProcess } from "node:child_process";
import type { ClientInit, FromClient, Job, JobResult, ToClient } from "./protocol.js";

export interface LoadClient {
  /** Runs one job in the client; rejects if it fails or overruns its time bound by a minute. */
  run(job: Job): Promise<JobResult>;
  stop(): Promise<void>;
}

export async function startLoadClient(init: ClientInit): Promise<LoadClient> {
  const child: ChildProcess = fork("bench/client/main.ts", [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const send = (message: ToClient) => child.send(message);
  const pending = new Map<number, { resolve: (r: JobResult) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let ready: () => void = () => {};
  let failed: (err: Error) => void = () => {};
  const isReady = new Promise<void>((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  child.on("message", (message: FromClient) => {
    if (message.type === "ready") return ready();
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.type === "result") waiter?.resolve(message.result);
    else waiter?.reject(new Error(`load client: ${message.message}`));
  });
  child.on("exit", (code) => {
    failed(new Error(`the load client exited (${code}) before it was ready`));
    for (const waiter of pending.values()) waiter.reject(new Error(`the load client exited (${code}) during a job`));
    pending.clear();
  });
  send({ type: "init", init });
  await isReady;
  return {
    run(job) {
      const id = nextId++;
      const bound = job.warmupMs + job.ms + 60_000;
      return new Promise<JobResult>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          child.kill("SIGKILL");
          reject(new Error(`load client: ${job.task} overran its time bound (${bound} ms)`));
        }, bound);
        const settle = <T>(f: (x: T) => void) => (x: T) => {
          clearTimeout(timer);
          f(x);
        };
        pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
        send({ type: "job", id, job });
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        send({ type: "stop" });
      }),
  };
}
