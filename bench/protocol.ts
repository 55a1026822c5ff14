/** Messages between the orchestrator (bench/run.ts) and the load client process (bench/client/main.ts). */
import type { Spec } from "./generate.js";
import type { RunResult } from "./stats.js";

export interface ClientInit {
  spec: Spec;
  /** Frontier's /graphql endpoint. */
  url: string;
  /** The @neo4j/graphql peer's endpoint, when one runs. */
  peerUrl: string | null;
  tokens: { admin: string; designer: string };
  /** A request without an answer after this long fails with TIMEOUT (keeps a run's drain bounded). */
  requestTimeoutMs: number;
}

export type TaskName =
  | "recommendations"
  | "warmLearners"
  | "recommendationsCypher"
  | "recommendationsReadPath"
  | "transportFloor"
  | "learningPath"
  | "conceptGraph"
  | "conceptGraphPeer"
  | "ingestBatch"
  | "ingestSingle"
  | "ingestBaseline"
  | "mixed";

export interface Job {
  task: TaskName;
  /** Task options, e.g. { depth: 12 } for learningPath, { size: 500 } for ingestBatch. */
  options?: Record<string, number | string>;
  /** Concurrent clients (each one loop, one request at a time). */
  workers: number;
  /** Measured run, ms; calls in flight at the deadline finish. */
  ms: number;
  /** Unmeasured run before it, ms (same task and clients). */
  warmupMs: number;
  /** Upper bound on calls started in the measured run (default 500,000). */
  maxCalls?: number;
}

/** A run's raw results; `kinds` splits a mixed run by operation. */
export interface JobResult extends RunResult {
  kinds?: Record<string, RunResult>;
}

export type ToClient = { type: "init"; init: ClientInit } | { type: "job"; id: number; job: Job } | { type: "stop" };
export type FromClient = { type: "ready" } | { type: "result"; id: number; result: JobResult } | { type: "failed"; id: number; message: string };
