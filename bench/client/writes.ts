/** Write tasks: answers through recordEvents (batches and single), and the per-transaction baseline. */
import { offlineCypher } from "../../src/neo4j/cypher.js";
import { RECORD } from "../queries.js";
import type { Context } from "./context.js";
import type { Task } from "./tasks.js";

/** Batches of `size` answers; each worker writes for its own learners. Units: answers accepted. */
export function ingestBatch(ctx: Context, options: Record<string, number | string>, workers: number): Task {
  const size = Number(options.size ?? 500);
  return {
    async run(worker) {
      const events = Array.from({ length: size }, () => ctx.answer(ctx.ownLearner(worker, workers)));
      const out = (await ctx.frontier.request(RECORD, { e: events })).recordEvents as { accepted: number };
      return out.accepted;
    },
  };
}

/** One answer per call, as a learner's app sends them. */
export const ingestSingle = (ctx: Context, _options: Record<string, number | string>, workers: number): Task => ({
  run: (worker) => ctx.frontier.request(RECORD, { e: [ctx.answer(ctx.ownLearner(worker, workers))] }).then(() => 1),
});

/**
 * The bare minimum write of one answer (event node, mastery edge), one transaction per answer,
 * through the driver: what a hand-written endpoint without the model, idempotency or history costs.
 */
export function ingestBaseline(ctx: Context, _options: Record<string, number | string>, workers: number): Task {
  const text = offlineCypher("bench/baseline-answer").text;
  return {
    async run(worker) {
      const a = ctx.answer(ctx.ownLearner(worker, workers));
      const session = ctx.db.driver.session({ database: ctx.db.database });
      try {
        const params = { learnerId: `${a.learnerId}-base`, eventId: `${a.eventId}-base`, itemId: a.itemId, score: a.correct ? 1 : 0, at: Date.parse(a.occurredAt), conceptId: a.itemId.replace(/-q\d+$/, "") };
        await session.executeWrite((tx) => tx.run(text, params));
      } finally {
        await session.close();
      }
      return 1;
    },
  };
}
