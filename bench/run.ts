/**
 * Frontier benchmark (`npm run bench`, `npm run bench -- --quick`).
 *
 * The server runs as a separate process (the built dist/), load comes from this process over
 * loopback, bounded in time. Each scenario is measured warm, after a warm-up, beside its baseline
 * in the same run. Writes bench/results/latest.json and a dated copy.
 *
 * Scenarios so far: conceptGraph (3 levels of prerequisites, 32 clients; peer: @neo4j/graphql on the
 * same database in its own process), recommendations (1, 8, 32, 64 concurrent clients over HTTP; baseline: the same
 * frontier traversal as one bare Cypher query through the driver), learningPath (goals 3, 6 and 11
 * levels deep), ingest (recordEvents batches of 500 with 4 writers; single-answer p99 at 16
 * writers; baseline: one bare transaction per answer). Histories are drawn from the project's own
 * mastery model and loaded through recordEvents. Scenarios not built yet are reported as null.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import neo4j from "neo4j-driver";
import { loadConfig } from "../src/config.js";
import { signToken } from "../src/auth/tokens.js";
import { cypher } from "../src/neo4j/cypher.js";
import { defaultModelParams, initialLearnerState, predictCorrect, update } from "../src/modules/mastery/model.js";
import { machine, runFor, startServer, summarise } from "./lib.js";

const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const PREFIX = "bench-";
const CONCEPTS = quick ? 60 : 400;
const LEARNERS = quick ? 400 : 4000;
/** Learners with a simulated history (the ones recommendations are asked for). */
const HISTORY_LEARNERS = quick ? 60 : 1000;
const HISTORY_CONCEPTS = quick ? 12 : 40;
const WARMUP_MS = quick ? 1500 : 4000;
const RUN_MS = quick ? 4000 : 15000;

const config = loadConfig();
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A layered prerequisite DAG with 3 items per concept (deterministic). */
function curriculum() {
  const r = rng(7);
  const concepts = Array.from({ length: CONCEPTS }, (_, i) => ({ id: `${PREFIX}c${i}`, name: `Concept ${i}`, tags: ["bench"] }));
  const prerequisites: Array<{ conceptId: string; prerequisiteId: string; weight: number }> = [];
  const perLevel = Math.ceil(CONCEPTS / 12);
  for (let i = perLevel; i < CONCEPTS; i++) {
    const level = Math.floor(i / perLevel);
    const fanIn = 1 + Math.floor(r() * 3);
    const seen = new Set<number>();
    for (let k = 0; k < fanIn; k++) {
      const p = (level - 1) * perLevel + Math.floor(r() * perLevel);
      if (p < i && !seen.has(p)) {
        seen.add(p);
        prerequisites.push({ conceptId: `${PREFIX}c${i}`, prerequisiteId: `${PREFIX}c${p}`, weight: 1 });
      }
    }
  }
  const items = concepts.flatMap((c, i) =>
    [0, 1, 2].map((k) => ({ id: `${c.id}-q${k}`, kind: "QUESTION", title: `Q${k} of ${i}`, difficulty: k - 1, assesses: [{ conceptId: c.id, weight: 1 }] })),
  );
  return { concepts, prerequisites, items };
}

async function gql(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  return body.data as Record<string, unknown>;
}

const RECORD = "mutation($e: [EventInput!]!) { recordEvents(events: $e) { accepted rejected } }";
const RECS = "query($id: ID!) { learner(id: $id) { recommendations(limit: 5) { concept { id name } kind score explanation items { item { id } predictedCorrect } } } }";
const GRAPH = "query($id: ID!) { conceptGraph(rootIds: [$id], direction: PREREQUISITES, depth: 3) { nodes { depth concept { id name } } edges { conceptId prerequisiteId } } }";
const PEER_GRAPH = "query($id: ID!) { concepts(where: { id: { eq: $id } }) { id name prerequisites { id name prerequisites { id name prerequisites { id name } } } } }";
const PATH = "query($id: ID!, $g: ID!) { learner(id: $id) { learningPath(goalConceptId: $g) { status totalEstimatedPractice steps { concept { id } mastery estimatedPractice } } } }";

/**
 * Histories drawn from the mastery model: each learner works down the curriculum in order,
 * answering 3 items per concept; each answer is correct with the model's own P(correct).
 */
function simulatedHistories(doc: ReturnType<typeof curriculum>, count: number, perLearner: number) {
  const r = rng(23);
  const params = defaultModelParams();
  const events: Array<Record<string, unknown>> = [];
  const start = Date.now() - 20 * 24 * 3600 * 1000;
  for (let l = 0; l < count; l++) {
    let state = initialLearnerState();
    const offset = Math.floor(r() * 3);
    for (let k = 0; k < perLearner; k++) {
      const c = Math.min(doc.concepts.length - 1, offset + k * 2);
      for (let q = 0; q < 3; q++) {
        const at = start + (l * 1000 + events.length) * 1000;
        const item = { itemId: `${PREFIX}c${c}-q${q}`, conceptIds: [`${PREFIX}c${c}`] };
        const correct = r() < predictCorrect(params, state, item, at).p;
        state = update(params, state, { ...item, score: correct ? 1 : 0, occurredAt: at }).state;
        events.push({ eventId: `${PREFIX}h${l}-${k}-${q}`, learnerId: `${PREFIX}h${l}`, itemId: item.itemId, correct, occurredAt: new Date(at).toISOString() });
      }
    }
  }
  return events;
}

async function main() {
  const driver = neo4j.driver(config.NEO4J_URI, neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD), { disableLosslessIntegers: true });
  const cleanup = async () => {
    const session = driver.session({ database: config.NEO4J_DATABASE });
    try {
      await session.run(cypher("bench/cleanup").text, { prefix: PREFIX });
    } finally {
      await session.close();
    }
  };
  await cleanup();
  const server = await startServer(4555);
  const admin = await signToken(config, { sub: "bench", roles: ["ADMIN" as never] });
  const designer = await signToken(config, { sub: "bench", roles: ["DESIGNER" as never] });
  try {
    log(`loading a ${CONCEPTS}-concept curriculum through importCurriculum`);
    const doc = curriculum();
    await gql(server.url, designer, "mutation($c: String!) { importCurriculum(format: JSON, content: $c) { applied } }", { c: JSON.stringify(doc) });

    log(`simulating ${HISTORY_LEARNERS} learners' histories with the mastery model and loading them through recordEvents`);
    const history = simulatedHistories(doc, HISTORY_LEARNERS, HISTORY_CONCEPTS);
    for (let i = 0; i < history.length; i += 500) await gql(server.url, admin, RECORD, { e: history.slice(i, i + 500) });

    const pick = rng(5);
    const learner = () => `${PREFIX}h${Math.floor(pick() * HISTORY_LEARNERS)}`;
    log("recommendations: warm-up");
    await runFor(WARMUP_MS, 8, () => gql(server.url, admin, RECS, { id: learner() }).then(() => 1));
    const recommendations: Record<number, ReturnType<typeof summarise> & { perSecond: number; errors: number }> = {};
    for (const concurrency of [1, 8, 32, 64]) {
      log(`recommendations: ${concurrency} concurrent clients, ${RUN_MS / 2000} s`);
      const run = await runFor(RUN_MS / 2, concurrency, () => gql(server.url, admin, RECS, { id: learner() }).then(() => 1));
      recommendations[concurrency] = { ...summarise(run.latencies), perSecond: Math.round(run.units / run.seconds), errors: run.errors };
    }
    log("recommendations baseline: the frontier traversal as one bare Cypher query through the driver, 32 sessions");
    const frontierQuery = cypher("recommendations/frontier").text;
    const raw = await runFor(RUN_MS / 2, 32, async () => {
      const session = driver.session({ database: config.NEO4J_DATABASE, defaultAccessMode: neo4j.session.READ });
      try {
        await session.executeRead((tx) => tx.run(frontierQuery, { learnerId: learner(), goalId: null, within: null, mastered: 0.8, ready: 0.8, struggling: [], reviewIds: [], since: Date.now() - 3 * 86400_000 }));
      } finally {
        await session.close();
      }
      return 1;
    });
    const rawStats = summarise(raw.latencies);

    const perLevel = Math.ceil(CONCEPTS / 12);
    let conceptGraph: Record<string, unknown> | null = null;
    const paths: Record<string, ReturnType<typeof summarise>> = {};
    for (const depth of [3, 6, 11]) {
      log(`learningPath: goals ${depth} levels deep, 8 clients, ${RUN_MS / 3000} s`);
      const run = await runFor(RUN_MS / 3, 8, () => gql(server.url, admin, PATH, { id: learner(), g: `${PREFIX}c${depth * perLevel + Math.floor(pick() * perLevel)}` }).then(() => 1));
      paths[String(depth)] = summarise(run.latencies);
    }

    log("conceptGraph: starting the @neo4j/graphql peer in its own process");
    // node itself (not npx) so that killing the child really ends the peer.
    const peer = spawn(process.execPath, ["--import", "tsx", "bench/peer-neo4j-graphql.ts", "4556"], { stdio: ["ignore", "ignore", "ignore"] });
    const peerUrl = "http://127.0.0.1:4556/";
    try {
      for (let i = 0; i < 200; i++) {
        try {
          if ((await fetch(peerUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) })).ok) break;
        } catch {
          /* not up yet */
        }
        await new Promise((res) => setTimeout(res, 150));
      }
      const deep = () => `${PREFIX}c${Math.min(CONCEPTS - 1, 3 * perLevel + Math.floor(pick() * (CONCEPTS - 3 * perLevel)))}`;
      const peerQuery = async (id: string) => {
        const res = await fetch(peerUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: PEER_GRAPH, variables: { id } }) });
        const body = (await res.json()) as { errors?: unknown[] };
        if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
        return 1;
      };
      await runFor(WARMUP_MS, 8, () => gql(server.url, admin, GRAPH, { id: deep() }).then(() => 1));
      await runFor(WARMUP_MS, 8, () => peerQuery(deep()));
      log(`conceptGraph: Frontier, 32 clients, ${RUN_MS / 2000} s`);
      const ours = await runFor(RUN_MS / 2, 32, () => gql(server.url, admin, GRAPH, { id: deep() }).then(() => 1));
      log(`conceptGraph: @neo4j/graphql, 32 clients, ${RUN_MS / 2000} s`);
      const theirs = await runFor(RUN_MS / 2, 32, () => peerQuery(deep()));
      conceptGraph = {
        p99Ms: summarise(ours.latencies).p99Ms,
        perSecond: Math.round(ours.units / ours.seconds),
        neo4jGraphqlP99Ms: summarise(theirs.latencies).p99Ms,
        neo4jGraphqlPerSecond: Math.round(theirs.units / theirs.seconds),
        speedupVsNeo4jGraphql: Math.round((ours.units / ours.seconds / Math.max(1e-9, theirs.units / theirs.seconds)) * 100) / 100,
        errors: ours.errors + theirs.errors,
        targets: { speedupVsNeo4jGraphql: ">= 2" },
      };
    } finally {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          peer.kill("SIGKILL");
          resolve();
        }, 5000);
        peer.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        peer.kill("SIGTERM");
      });
    }

    const r = rng(11);
    let seq = 0;
    const clock = Date.now() - 30 * 24 * 3600 * 1000;
    const answer = (learner: number) => {
      const c = Math.floor(r() * CONCEPTS);
      seq++;
      return { eventId: `${PREFIX}e${seq}`, learnerId: `${PREFIX}l${learner}`, itemId: `${PREFIX}c${c}-q${seq % 3}`, correct: r() < 0.7, occurredAt: new Date(clock + seq * 1000).toISOString() };
    };
    // Writers own disjoint learner ranges, as ingest lanes do, so events of a learner stay in order.
    const batch = (writer: number, writers: number, size: number) =>
      Array.from({ length: size }, () => answer(writer + writers * Math.floor((r() * LEARNERS) / writers)));

    log("ingest: warm-up");
    await runFor(WARMUP_MS, 4, (w) => gql(server.url, admin, RECORD, { e: batch(w, 4, 500) }).then(() => 500));
    log(`ingest: recordEvents, batches of 500, 4 writers, ${RUN_MS / 1000} s`);
    const bulk = await runFor(RUN_MS, 4, (w) => gql(server.url, admin, RECORD, { e: batch(w, 4, 500) }).then((d) => (d.recordEvents as { accepted: number }).accepted));
    log(`ingest: single answers, 16 writers, ${RUN_MS / 1000} s`);
    const single = await runFor(RUN_MS, 16, (w) => gql(server.url, admin, RECORD, { e: batch(w, 16, 1) }).then(() => 1));

    log("ingest baseline: one bare transaction per answer through the driver, 4 sessions");
    const base = cypher("bench/baseline-answer").text;
    const baseline = await runFor(RUN_MS, 4, async (w) => {
      const a = answer(w + 4 * Math.floor((r() * LEARNERS) / 4));
      const session = driver.session({ database: config.NEO4J_DATABASE });
      try {
        await session.executeWrite((tx) => tx.run(base, { learnerId: `${a.learnerId}-base`, eventId: `${a.eventId}-base`, itemId: a.itemId, score: a.correct ? 1 : 0, at: Date.parse(a.occurredAt), conceptId: a.itemId.replace(/-q\d$/, "") }));
      } finally {
        await session.close();
      }
      return 1;
    });

    const singleStats = summarise(single.latencies);
    const results = {
      machine: machine(),
      scale: { concepts: CONCEPTS, items: CONCEPTS * 3, learners: LEARNERS, learnersWithHistory: HISTORY_LEARNERS, historyAnswers: HISTORY_LEARNERS * HISTORY_CONCEPTS * 3, quick },
      generatedAt: new Date().toISOString(),
      command: `npm run bench${quick ? " -- --quick" : ""}`,
      scenarios: {
        recommendations: {
          concurrency: 32,
          p50Ms: recommendations[32]?.p50Ms ?? null,
          p99Ms: recommendations[32]?.p99Ms ?? null,
          perSecond: recommendations[32]?.perSecond ?? null,
          rawCypherP99Ms: rawStats.p99Ms,
          rawCypherPerSecond: Math.round(raw.units / raw.seconds),
          rawCypherErrors: raw.errors,
          ratioToRawCypher: Math.round(((recommendations[32]?.p99Ms ?? 0) / Math.max(0.01, rawStats.p99Ms)) * 100) / 100,
          byConcurrency: recommendations,
          targets: { p99Ms: "< 25 at 32 clients", ratioToRawCypher: "<= 1.5" },
        },
        learningPath: { p99Ms: paths["11"]?.p99Ms ?? null, byDepth: paths, targets: { p99Ms: "< 50 for 12 levels" } },
        conceptGraph,
        ingest: {
          perSecond: Math.round(bulk.units / bulk.seconds),
          batchP99Ms: summarise(bulk.latencies).p99Ms,
          singleP50Ms: singleStats.p50Ms,
          singleP99Ms: singleStats.p99Ms,
          singlePerSecond: Math.round(single.units / single.seconds),
          perTransactionBaselinePerSecond: Math.round(baseline.units / baseline.seconds),
          errors: bulk.errors + single.errors + baseline.errors,
          targets: { perSecond: ">= 5000", singleP99Ms: "< 20" },
        },
        subscriptionDelivery: null,
        mixed: null,
      },
    };
    mkdirSync("bench/results", { recursive: true });
    const text = `${JSON.stringify(results, null, 2)}\n`;
    writeFileSync("bench/results/latest.json", text);
    writeFileSync(`bench/results/${results.generatedAt.replace(/[:.]/g, "-")}.json`, text);
    const i = results.scenarios.ingest;
    process.stdout.write(
      [
        "",
        `Frontier benchmark (${quick ? "quick" : "full"}) on ${results.machine.cpu}, ${results.machine.cores} cores, Node ${results.machine.node}`,
        "scenario  metric                                   value     target",
        ...[1, 8, 32, 64].map((k) => `recs      ${String(k).padStart(2)} clients p50 / p99 ms, req/s         ${recommendations[k]?.p50Ms} / ${recommendations[k]?.p99Ms}, ${recommendations[k]?.perSecond}${k === 32 ? "    p99 < 25" : ""}`),
        `recs      bare Cypher p99 (32 sessions), ratio     ${rawStats.p99Ms} ms, ${results.scenarios.recommendations.ratioToRawCypher}x   <= 1.5x`,
        ...Object.entries(paths).map(([d, v]) => `path      goal ${d.padStart(2)} levels deep p50 / p99      ${v.p50Ms} / ${v.p99Ms} ms${d === "11" ? "   p99 < 50" : ""}`),
        `graph     conceptGraph 3 deep, 32 clients: req/s, p99   ${String(conceptGraph?.perSecond)}, ${String(conceptGraph?.p99Ms)} ms`,
        `graph     @neo4j/graphql same query: req/s, p99      ${String(conceptGraph?.neo4jGraphqlPerSecond)}, ${String(conceptGraph?.neo4jGraphqlP99Ms)} ms; speed-up ${String(conceptGraph?.speedupVsNeo4jGraphql)}x (target >= 2)`,
        `ingest    answers/s (batches of 500, 4 writers)    ${String(i.perSecond).padStart(6)}    >= 5000`,
        `ingest    single answer p50 / p99 (16 writers)     ${i.singleP50Ms} / ${i.singleP99Ms} ms   p99 < 20 ms`,
        `ingest    baseline: 1 tx per answer, answers/s     ${String(i.perTransactionBaselinePerSecond).padStart(6)}`,
        `errors    ${i.errors}`,
        "wrote bench/results/latest.json",
        "",
      ].join("\n"),
    );
  } finally {
    await server.stop();
    // BENCH_KEEP=1 leaves the data in place for profiling (PROFILE the queries by hand).
    if (process.env.BENCH_KEEP !== "1") await cleanup();
    await driver.close();
  }
}

await main();
