/**
 * conceptGraph: three levels of prerequisites around a concept of levels 4-12, 32 clients, beside
 * the same three levels through @neo4j/graphql (its own process, same database) when it runs.
 */
import { log } from "../log.js";
import { figures, round2, type Bench } from "./common.js";

export interface ConceptGraphResult {
  p50Ms: number;
  p99Ms: number;
  perSecond: number;
  errors: number;
  neo4jGraphqlP50Ms: number | null;
  neo4jGraphqlP99Ms: number | null;
  neo4jGraphqlPerSecond: number | null;
  neo4jGraphqlErrors: number | null;
  speedupVsNeo4jGraphql: number | null;
}

export async function conceptGraphScenario(bench: Bench, withPeer: boolean): Promise<ConceptGraphResult> {
  const { client, timing } = bench;
  log(`conceptGraph: Frontier, 32 clients, ${timing.runMs / 2000} s`);
  const ours = figures(await client.run({ task: "conceptGraph", workers: 32, ms: timing.runMs / 2, warmupMs: timing.warmupMs }));
  const result: ConceptGraphResult = {
    p50Ms: ours.p50Ms,
    p99Ms: ours.p99Ms,
    perSecond: ours.perSecond,
    errors: ours.errors,
    neo4jGraphqlP50Ms: null,
    neo4jGraphqlP99Ms: null,
    neo4jGraphqlPerSecond: null,
    neo4jGraphqlErrors: null,
    speedupVsNeo4jGraphql: null,
  };
  if (!withPeer) return result;
  log(`conceptGraph: @neo4j/graphql, 32 clients, ${timing.runMs / 2000} s`);
  const theirs = figures(await client.run({ task: "conceptGraphPeer", workers: 32, ms: timing.runMs / 2, warmupMs: timing.warmupMs }));
  return {
    ...result,
    neo4jGraphqlP50Ms: theirs.p50Ms,
    neo4jGraphqlP99Ms: theirs.p99Ms,
    neo4jGraphqlPerSecond: theirs.perSecond,
    neo4jGraphqlErrors: theirs.errors,
    speedupVsNeo4jGraphql: round2(ours.perSecond / Math.max(1e-9, theirs.perSecond)),
  };
}
