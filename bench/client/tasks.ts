/** The load client's tasks by name: each builds the per-call function a run's workers loop over. */
import type { Job, TaskName } from "../protocol.js";
import type { RunResult } from "../stats.js";
import type { Context } from "./context.js";
import { mixed } from "./mixed.js";
import { conceptGraph, conceptGraphPeer, learningPath, recommendations, recommendationsCypher, recommendationsReadPath, transportFloor, warmLearners } from "./reads.js";
import { ingestBaseline, ingestBatch, ingestSingle } from "./writes.js";

export interface Task {
  /** One call; resolves to the work units done (1 per request, answers for batches). */
  run(worker: number, i: number): Promise<number>;
  /** Undo what the run left behind (e.g. temporary edges), after the run. */
  finish?(): Promise<void>;
  /** Per-operation results of a blended run. */
  kinds?(): Record<string, RunResult>;
}

type Factory = (ctx: Context, options: Record<string, number | string>, workers: number) => Task;

const TASKS: Record<TaskName, Factory> = {
  recommendations,
  warmLearners,
  recommendationsCypher,
  recommendationsReadPath,
  transportFloor,
  learningPath,
  conceptGraph,
  conceptGraphPeer,
  ingestBatch,
  ingestSingle,
  ingestBaseline,
  mixed,
};

export const taskFor = (ctx: Context, job: Job): Task => TASKS[job.task](ctx, job.options ?? {}, job.workers);
