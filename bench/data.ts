/**
 * The data a run measures: reused when the database already holds this exact spec's data (left by
 * a run with BENCH_KEEP=1; the signature is written last, so an interrupted load never counts),
 * otherwise cleaned and loaded. Answers go through the in-process events service by default
 * (faster on a small machine: about 5,500 against 3,500 answers/s over HTTP on 2 cores);
 * BENCH_LOADER=http sends them through the recordEvents mutation instead.
 */
import { cleanup, type BenchDb } from "./db.js";
import { conceptId, curriculum, type Spec } from "./generate.js";
import type { GqlClient } from "./http.js";
import { inProcessSink } from "./in-process.js";
import { httpSink, loadAnswers, loadCurriculum } from "./load.js";
import { log } from "./log.js";
import { UPDATE_CONCEPT } from "./queries.js";
import { simulator } from "./simulate.js";

export interface DataReport {
  reused: boolean;
  loader: "in-process" | "http";
  topics: number;
  prerequisites: number;
  /** Seconds spent cleaning and loading (0 when reused). */
  loadSeconds: number;
  /** Answers stored per second while loading (null when reused). */
  loadAnswersPerSecond: number | null;
  /** Answers the histories held (a tiny curriculum can run out before `spec.answers`; null when reused). */
  answersLoaded: number | null;
}

const SIGNATURE_CONCEPT = conceptId(0);
const signature = (spec: Spec) => `bench-data v1 seed=${spec.seed} concepts=${spec.concepts} items=${spec.itemsPerConcept} learners=${spec.learners} answers=${spec.answers}`;

export async function prepareData(db: BenchDb, client: GqlClient, tokens: { admin: string; designer: string }, spec: Spec, fresh: boolean): Promise<DataReport> {
  const doc = curriculum(spec);
  const loader = process.env.BENCH_LOADER === "http" ? "http" : "in-process";
  const base = { loader, topics: doc.topics.length, prerequisites: doc.prerequisites.length } as const;
  const stored = await client.request("query Sig($id: ID!) { concept(id: $id) { description } }", { id: SIGNATURE_CONCEPT }, tokens.admin).catch(() => null);
  if (!fresh && (stored?.concept as { description?: string } | null)?.description === signature(spec)) {
    log(`reusing the data already loaded (${signature(spec)})`);
    return { ...base, reused: true, loadSeconds: 0, loadAnswersPerSecond: null, answersLoaded: null };
  }
  const started = performance.now();
  log("removing earlier bench data");
  await cleanup(db);
  await loadCurriculum(client, tokens.designer, doc);
  log(`simulating ${spec.learners.toLocaleString("en")} learners' histories with the mastery model (${spec.answers.toLocaleString("en")} answers), loading them ${loader}`);
  const sim = simulator(spec, Date.now(), doc);
  const local = loader === "in-process" ? await inProcessSink() : null;
  let answers;
  try {
    answers = await loadAnswers(spec, sim, local?.sink ?? httpSink(client, tokens.admin), { writers: 4, batchSize: 1000 });
  } finally {
    await local?.close();
  }
  await client.request(UPDATE_CONCEPT, { id: SIGNATURE_CONCEPT, d: signature(spec) }, tokens.designer);
  return { ...base, reused: false, loadSeconds: Math.round((performance.now() - started) / 100) / 10, loadAnswersPerSecond: answers.perSecond, answersLoaded: answers.answers };
}
