/**
 * learningPath: a learner's path to goals 3, 6 and 12 levels deep (a goal of level d has
 * prerequisite chains d - 1 edges long; 12 is the deepest level), 8 clients. The headline p99 is
 * that of the 12-level goals at 8 clients. The issue names no concurrency for paths, so the
 * 12-level goals are also measured with one client (a single learner's request on a quiet server).
 * Each depth has its own warm-up: the goals' prerequisite closures are cached per process (as they
 * are on a serving server), and the first request for each of the ~170 goals of a level reads it
 * from Neo4j. The figures are the steady state after that.
 */
import { LEVELS } from "../generate.js";
import { log } from "../log.js";
import { figures, type Bench, type RunFigures } from "./common.js";

export const PATH_DEPTHS = [3, 6, LEVELS];

export interface LearningPathResult {
  depth: number;
  p50Ms: number;
  p99Ms: number;
  perSecond: number;
  errors: number;
  byDepth: Record<string, RunFigures>;
  /** 12-level goals, one client. */
  oneClient: RunFigures;
}

export async function learningPathScenario(bench: Bench): Promise<LearningPathResult> {
  const { client, timing } = bench;
  const byDepth: Record<string, RunFigures> = {};
  for (const depth of PATH_DEPTHS) {
    log(`learningPath: goals ${depth} levels deep, 8 clients, ${(timing.runMs / 3000).toFixed(1)} s`);
    byDepth[String(depth)] = figures(await client.run({ task: "learningPath", options: { depth }, workers: 8, ms: timing.runMs / 3, warmupMs: timing.warmupMs / 2 }));
  }
  log(`learningPath: goals ${LEVELS} levels deep, 1 client, ${(timing.runMs / 3000).toFixed(1)} s`);
  const oneClient = figures(await client.run({ task: "learningPath", options: { depth: LEVELS }, workers: 1, ms: timing.runMs / 3, warmupMs: 0 }));
  const deepest = byDepth[String(LEVELS)] as RunFigures;
  const errors = Object.values(byDepth).reduce((n, r) => n + r.errors, 0) + oneClient.errors;
  return { depth: LEVELS, p50Ms: deepest.p50Ms, p99Ms: deepest.p99Ms, perSecond: deepest.perSecond, errors, byDepth, oneClient };
}
