/**
 * mixed: 32 clients for a fixed time, each call drawn from a realistic blend (70 % reads, 25 %
 * answers, 5 % curriculum edits; see bench/client/mixed.ts): throughput, p99 and errors overall
 * and per operation.
 */
import { log } from "../log.js";
import { figures, type Bench, type RunFigures } from "./common.js";

export const MIXED_CLIENTS = 32;

export interface MixedResult extends RunFigures {
  clients: number;
  seconds: number;
  blend: string;
  byKind: Record<string, RunFigures>;
  /** The designer edits' and the answers' p99 (their own targets). */
  editP99Ms: number | null;
  answerP99Ms: number | null;
}

export async function mixedScenario(bench: Bench): Promise<MixedResult> {
  const { client, timing } = bench;
  const ms = timing.runMs * 2;
  log(`mixed: 70 % reads, 25 % answers, 5 % edits, ${MIXED_CLIENTS} clients, ${ms / 1000} s`);
  const run = await client.run({ task: "mixed", workers: MIXED_CLIENTS, ms, warmupMs: timing.warmupMs });
  const byKind = Object.fromEntries(Object.entries(run.kinds ?? {}).map(([kind, r]) => [kind, figures(r, run.seconds)]));
  return {
    ...figures(run),
    clients: MIXED_CLIENTS,
    seconds: Math.round(run.seconds * 10) / 10,
    blend: "recommendations 30 %, mastery 25 %, conceptGraph 15 %, single answers 25 %, designer edits 5 %",
    byKind,
    editP99Ms: byKind.edit?.p99Ms ?? null,
    answerP99Ms: byKind.answer?.p99Ms ?? null,
  };
}
