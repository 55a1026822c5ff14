/**
 * What every load task shares inside the load client: the regenerated curriculum (same seed, so
 * the same ids and edges the orchestrator loaded), the HTTP clients, the driver for the bare-Cypher
 * baselines, a seeded random source and fresh answers for learners a worker owns.
 */
import { benchDb, type BenchDb } from "../db.js";
import { conceptId, curriculum, itemId, learnerId, levelRange, PREFIX, rng, type Curriculum, type Spec } from "../generate.js";
import { gqlClient, type GqlClient } from "../http.js";
import type { ClientInit } from "../protocol.js";
import type { AnswerEvent } from "../simulate.js";

export interface Context {
  init: ClientInit;
  spec: Spec;
  doc: Curriculum;
  frontier: GqlClient;
  peer: GqlClient | null;
  db: BenchDb;
  random: () => number;
  /** A learner with a loaded history. */
  anyLearner(): string;
  /** A learner only `worker` of `workers` writes for (per-learner order holds without locks). */
  ownLearner(worker: number, workers: number): string;
  /** A concept of a level (1-based, 1..12). */
  conceptAt(level: number): string;
  /** A new, correct-or-not answer of `learner`, stamped now. */
  answer(learner: string): AnswerEvent;
}

export function createContext(init: ClientInit): Context {
  const { spec } = init;
  const random = rng(spec.seed * 31 + Date.now());
  const run = Date.now().toString(36);
  let seq = 0;
  let last = 0;
  const pick = (n: number) => Math.floor(random() * n);
  return {
    init,
    spec,
    doc: curriculum(spec),
    frontier: gqlClient(init.url, { token: init.tokens.admin, timeoutMs: init.requestTimeoutMs }),
    peer: init.peerUrl ? gqlClient(init.peerUrl, { timeoutMs: init.requestTimeoutMs }) : null,
    db: benchDb(),
    random,
    anyLearner: () => learnerId(pick(spec.learners)),
    ownLearner: (worker, workers) => learnerId(worker + workers * pick(Math.max(1, Math.floor((spec.learners - worker - 1) / workers) + 1))),
    conceptAt(level) {
      const [first, end] = levelRange(spec, level - 1);
      return conceptId(first + pick(end - first));
    },
    answer(learner) {
      const c = pick(spec.concepts);
      // Never earlier than the previous answer: a learner's answers stay in time order.
      last = Math.max(last, Date.now());
      seq++;
      return { eventId: `${PREFIX}r${run}-${seq}`, learnerId: learner, itemId: itemId(c, pick(spec.itemsPerConcept)), correct: random() < 0.7, occurredAt: new Date(last).toISOString() };
    },
  };
}
