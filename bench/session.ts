/**
 * One measurement at one data size: the server (and, for the full set, the @neo4j/graphql peer)
 * in their own processes, the data prepared, the load client forked, the scenarios run in order
 * (reads first, then the ones that write), everything stopped again.
 */
import type { BenchDb } from "./db.js";
import { log } from "./log.js";
import { prepareData, type DataReport } from "./data.js";
import type { Spec } from "./generate.js";
import { gqlClient } from "./http.js";
import { startLoadClient } from "./load-client.js";
import { startPeer, startServer } from "./processes.js";
import type { Timing } from "./scenarios/common.js";
import { conceptGraphScenario, type ConceptGraphResult } from "./scenarios/concept-graph.js";
import { ingestScenario, type IngestResult } from "./scenarios/ingest.js";
import { learningPathScenario, type LearningPathResult } from "./scenarios/learning-path.js";
import { mixedScenario, type MixedResult } from "./scenarios/mixed.js";
import { HEADLINE_CONCURRENCY, recommendationsScenario, type RecommendationsResult } from "./scenarios/recommendations.js";
import { itemId, PREFIX } from "./generate.js";
import { loadConfig } from "../src/config.js";
import { memoryFloor, metrics, subscriptionDelivery } from "./subscription-delivery.js";

const SERVER_PORT = 4555;
const PEER_PORT = 4556;

/** Scenario keys in run order; `--only a,b` runs a subset (the others are null). */
export const SCENARIO_KEYS = ["recommendations", "learningPath", "conceptGraph", "ingest", "mixed", "subscriptionDelivery"] as const;
export type ScenarioKey = (typeof SCENARIO_KEYS)[number];

/** Null: not measured (`--only`, or not part of a growth-only run). */
export interface Scenarios {
  recommendations: RecommendationsResult | null;
  learningPath: LearningPathResult | null;
  conceptGraph: ConceptGraphResult | null;
  ingest: IngestResult | null;
  /** bench/subscription-delivery.ts; null in the growth-only runs. */
  subscriptionDelivery: Awaited<ReturnType<typeof subscriptionDelivery>> | null;
  /** Null in the growth-only runs. */
  mixed: MixedResult | null;
}

export interface Measurement {
  spec: Spec;
  data: DataReport;
  scenarios: Scenarios;
  /** The server's memory after the read scenarios (data loaded, caches warm): the floor of 2 s of samples, and the learner snapshots it held. */
  serverMemory: ServerMemory | null;
}

export interface ServerMemory {
  rssMiB: number;
  heapUsedMiB: number;
  snapshotLearners: number;
  snapshotUnits: number;
}

async function serverMemory(url: string): Promise<ServerMemory> {
  const floor = await memoryFloor(url, 2000);
  const m = await metrics(url);
  const mib = (b: number) => Math.round((b / 1048576) * 10) / 10;
  return { rssMiB: mib(floor.rss), heapUsedMiB: mib(floor.heap), snapshotLearners: m.frontier_learner_snapshots_held ?? 0, snapshotUnits: m.frontier_learner_snapshot_units ?? 0 };
}

/** `full`: every concurrency, the @neo4j/graphql peer and mixed; otherwise the growth set (32 clients, no peer, no mixed). */
export async function measure(db: BenchDb, spec: Spec, opts: { timing: Timing; full: boolean; fresh: boolean; tokens: { admin: string; designer: string }; only?: ReadonlySet<ScenarioKey> | null }): Promise<Measurement> {
  const stops: Array<() => Promise<void>> = [];
  try {
    const needPeer = opts.full && (!opts.only || opts.only.has("conceptGraph"));
    const [server, peer] = await Promise.all([startServer(SERVER_PORT), needPeer ? startPeer(PEER_PORT) : Promise.resolve(null)]);
    stops.push(server.stop, ...(peer ? [peer.stop] : []));
    const setup = gqlClient(server.url, { maxSockets: 8, timeoutMs: 600_000 });
    stops.push(async () => setup.close());
    const data = await prepareData(db, setup, opts.tokens, spec, opts.fresh);
    const client = await startLoadClient({ spec, url: server.url, peerUrl: peer?.url ?? null, tokens: opts.tokens, requestTimeoutMs: opts.timing.requestTimeoutMs });
    stops.unshift(client.stop);
    const bench = { client, timing: opts.timing };
    const wanted = (key: ScenarioKey) => !opts.only || opts.only.has(key);
    if (process.env.BENCH_WARM_LEARNERS !== "0" && (wanted("recommendations") || wanted("learningPath"))) {
      // A deployment's active learners are held (learner snapshots): read each one once first, so
      // the read scenarios measure requests for held learners at every scale (BENCH_WARM_LEARNERS=0: cold).
      const t = performance.now();
      await client.run({ task: "warmLearners", workers: 32, ms: 600_000, warmupMs: 0, maxCalls: spec.learners });
      log(`warmed ${spec.learners.toLocaleString("en")} learners' snapshots in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const recommendations = wanted("recommendations") ? await recommendationsScenario(bench, opts.full ? [1, 8, HEADLINE_CONCURRENCY, 64] : [HEADLINE_CONCURRENCY]) : null;
    const learningPath = wanted("learningPath") ? await learningPathScenario(bench) : null;
    const conceptGraph = wanted("conceptGraph") ? await conceptGraphScenario(bench, opts.full) : null;
    const memory = recommendations || learningPath || conceptGraph ? await serverMemory(server.url.replace(/\/graphql$/, "")) : null;
    const ingest = wanted("ingest") ? await ingestScenario(bench) : null;
    const mixed = opts.full && wanted("mixed") ? await mixedScenario(bench) : null;
    // Last: it adds its own classes and learners, and ingests while measuring.
    const quick = opts.timing.runMs < 10_000;
    const delivery = opts.full && wanted("subscriptionDelivery")
      ? await subscriptionDelivery({
          config: loadConfig(),
          driver: db.driver,
          url: server.url.replace(/\/graphql$/, ""),
          prefix: PREFIX,
          subscribers: quick ? 200 : 1000,
          rate: quick ? 300 : 1000,
          seconds: quick ? 3 : 15,
          twoServers: !quick,
          items: Array.from({ length: Math.min(spec.concepts, 500) }, (_, i) => itemId(i, i % spec.itemsPerConcept)),
          log: (m) => process.stderr.write(`[bench] ${m}\n`),
        })
      : null;
    return { spec, data, scenarios: { recommendations, learningPath, conceptGraph, ingest, subscriptionDelivery: delivery, mixed }, serverMemory: memory };
  } finally {
    for (const stop of stops) await stop().catch(() => {});
  }
}
