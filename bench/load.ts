/**
 * Loads the generated data with the project's bulk paths: the curriculum through the
 * `importCurriculum` mutation (chunked under the server's 8 MB body limit), the answer histories
 * through recordEvents' service (`EventsService.record`, the path of `frontier ingest`) or the
 * `recordEvents` mutation, from several writers that each own disjoint learners (so every
 * learner's events arrive in time order and no late-event replay happens).
 */
import type { Curriculum, Spec } from "./generate.js";
import type { GqlClient } from "./http.js";
import { IMPORT, RECORD } from "./queries.js";
import type { AnswerEvent, Simulator } from "./simulate.js";
import { log, progress } from "./log.js";

/** Writes a batch of answers; resolves to how many were stored (accepted or already there). */
export type AnswerSink = (events: AnswerEvent[]) => Promise<number>;

const CHUNK_ROWS = 10_000;

export async function loadCurriculum(client: GqlClient, designerToken: string, doc: Curriculum): Promise<void> {
  const chunks: Array<Record<string, unknown[]>> = [{ topics: doc.topics, concepts: doc.concepts }];
  for (let i = 0; i < doc.prerequisites.length; i += CHUNK_ROWS) chunks.push({ prerequisites: doc.prerequisites.slice(i, i + CHUNK_ROWS) });
  for (let i = 0; i < doc.items.length; i += CHUNK_ROWS) chunks.push({ items: doc.items.slice(i, i + CHUNK_ROWS) });
  const started = performance.now();
  for (const chunk of chunks) {
    const out = (await client.request(IMPORT, { c: JSON.stringify(chunk) }, designerToken)).importCurriculum as { applied: boolean; problems: Array<{ message: string }> };
    if (!out.applied) throw new Error(`importCurriculum refused the bench curriculum: ${JSON.stringify(out.problems.slice(0, 3))}`);
  }
  log(`curriculum: ${doc.concepts.length} concepts, ${doc.prerequisites.length} prerequisites, ${doc.items.length} items, ${doc.topics.length} topics in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** A sink over HTTP: the recordEvents mutation. */
export function httpSink(client: GqlClient, adminToken: string): AnswerSink {
  return async (events) => {
    const out = (await client.request(RECORD, { e: events }, adminToken)).recordEvents as { accepted: number; duplicates: number; rejected: number };
    if (out.rejected > 0) throw new Error(`recordEvents rejected ${out.rejected} generated answers`);
    return out.accepted + out.duplicates;
  };
}

/**
 * Every learner's simulated history, `writers` lanes in parallel (lane w owns learners w, w + writers, ...),
 * in batches of about `batchSize` answers (whole learners where they fit). Returns answers stored per second.
 */
export async function loadAnswers(spec: Spec, sim: Simulator, sink: AnswerSink, opts: { writers: number; batchSize: number }): Promise<{ answers: number; perSecond: number }> {
  const perLearner = Math.floor(spec.answers / spec.learners);
  const extra = spec.answers - perLearner * spec.learners;
  const bar = progress("answers", spec.answers);
  let stored = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.writers }, async (_, w) => {
      let batch: AnswerEvent[] = [];
      const flush = async () => {
        for (let i = 0; i < batch.length; i += 1000) {
          // Add after the await: `stored += await ...` would lose the other writers' updates.
          const n = await sink(batch.slice(i, i + 1000));
          stored += n;
        }
        batch = [];
        bar.update(stored);
      };
      for (let l = w; l < spec.learners; l += opts.writers) {
        batch.push(...sim.history(l, perLearner + (l < extra ? 1 : 0)));
        if (batch.length >= opts.batchSize) await flush();
      }
      await flush();
    }),
  );
  bar.done();
  const seconds = (performance.now() - started) / 1000;
  return { answers: stored, perSecond: Math.round(stored / seconds) };
}
