/**
 * A realistic blend, drawn per call: 70 % reads (recommendations 30, mastery 25, conceptGraph 15),
 * 25 % single answers (each worker answers for its own learners), 5 % curriculum edits by a
 * designer (a concept's description, or a prerequisite edge added and later removed again). Added
 * edges always point to a lower level, so they can never close a cycle, and each worker edits
 * only its own concepts, so no two workers race on one edge. Edges still present at the end are
 * removed by `finish`.
 */
import { conceptId, levelOf, levelRange } from "../generate.js";
import { ADD_PREREQUISITE, REMOVE_PREREQUISITE, UPDATE_CONCEPT } from "../queries.js";
import type { RunResult } from "../stats.js";
import type { Context } from "./context.js";
import { conceptGraph, mastery, recommendations } from "./reads.js";
import type { Task } from "./tasks.js";
import { ingestSingle } from "./writes.js";

type Kind = "recommendations" | "mastery" | "conceptGraph" | "answer" | "edit";
const SHARES: Array<[Kind, number]> = [["recommendations", 0.3], ["mastery", 0.25], ["conceptGraph", 0.15], ["answer", 0.25], ["edit", 0.05]];

export function mixed(ctx: Context, _options: Record<string, number | string>, workers: number): Task {
  const reads = { recommendations: recommendations(ctx), mastery: mastery(ctx), conceptGraph: conceptGraph(ctx) };
  const answer = ingestSingle(ctx, {}, workers);
  const added = new Map<number, [string, string]>();
  const kinds = new Map<Kind, RunResult>();
  const designer = ctx.init.tokens.designer;

  const edit = async (worker: number) => {
    const pending = added.get(worker);
    if (pending) {
      added.delete(worker);
      await ctx.frontier.request(REMOVE_PREREQUISITE, { c: pending[0], p: pending[1] }, designer);
      return;
    }
    // A concept this worker owns, above level 1 (concept 0 carries the data signature: never edited).
    const owned = Math.floor((ctx.spec.concepts - 1 - worker) / workers);
    const c = worker + workers * (1 + Math.floor(ctx.random() * Math.max(1, owned)));
    if (c >= ctx.spec.concepts || levelOf(ctx.spec, c) === 0 || ctx.random() < 0.5) {
      await ctx.frontier.request(UPDATE_CONCEPT, { id: conceptId(Math.max(1, Math.min(c, ctx.spec.concepts - 1))), d: `edited ${new Date().toISOString()}` }, designer);
      return;
    }
    const below = Math.floor(ctx.random() * levelRange(ctx.spec, levelOf(ctx.spec, c))[0]);
    if (ctx.doc.requires[c]?.includes(below)) return;
    await ctx.frontier.request(ADD_PREREQUISITE, { c: conceptId(c), p: conceptId(below) }, designer);
    added.set(worker, [conceptId(c), conceptId(below)]);
  };

  const record = (kind: Kind, ms: number, error: unknown) => {
    const r = kinds.get(kind) ?? { latencies: [], units: 0, errors: 0, errorCodes: {}, seconds: 0 };
    if (error === undefined) {
      r.latencies.push(ms);
      r.units++;
    } else {
      r.errors++;
      const code = String((error as { code?: unknown }).code ?? (error as Error).name);
      r.errorCodes[code] = (r.errorCodes[code] ?? 0) + 1;
    }
    kinds.set(kind, r);
  };

  return {
    async run(worker, i) {
      let u = ctx.random();
      const kind = (SHARES.find(([, share]) => (u -= share) < 0) ?? SHARES[0])?.[0] as Kind;
      const t = performance.now();
      try {
        if (kind === "answer") await answer.run(worker, i);
        else if (kind === "edit") await edit(worker);
        else await reads[kind].run(worker, i);
      } catch (err) {
        record(kind, 0, err);
        throw err;
      }
      record(kind, performance.now() - t, undefined);
      return 1;
    },
    async finish() {
      for (const [c, p] of added.values()) await ctx.frontier.request(REMOVE_PREREQUISITE, { c, p }, designer);
      added.clear();
    },
    kinds: () => Object.fromEntries(SHARES.flatMap(([kind]) => (kinds.has(kind) ? [[kind, kinds.get(kind) as RunResult]] : []))),
  };
}
