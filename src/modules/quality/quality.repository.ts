import { z } from "zod";
import type { Database } from "../../neo4j/run.js";
import { first, readRows, typedQuery } from "../../neo4j/typed.js";

const Summary = z.object({
  byKind: z.array(z.object({ kind: z.string(), count: z.number() })),
  rejected: z.array(z.object({ code: z.string(), count: z.number() })),
  latest: z.date().nullable(),
  learners: z.number(),
  silent: z.number(),
});
const num = z.number().nullish().transform((v) => v ?? 0);
const Drift = z.object({
  cells: z.array(
    z.object({
      source: z.string(),
      window: z.enum(["recent", "baseline"]),
      kind: z.string(),
      scoreBin: z.number(),
      durationBin: z.number(),
      hintsBin: z.number(),
      delayBin: z.number(),
      n: z.number(),
      scoreSum: num,
      predictedSum: num,
      predictedN: num,
      scoreWithPredictedSum: num,
    }),
  ),
  learners: z.array(z.object({ source: z.string(), window: z.enum(["recent", "baseline"]), bin: z.number(), learners: z.number() })),
});
const Rejections = z.object({ source: z.string(), window: z.enum(["recent", "baseline"]), code: z.string(), count: z.number() });
const Q = { summary: typedQuery("quality/summary", Summary), drift: typedQuery("quality/drift", Drift), rejections: typedQuery("quality/drift-rejections", Rejections) };
export type QualitySummaryRow = z.output<typeof Summary>;
export type DriftRows = z.output<typeof Drift> & { rejections: Array<z.output<typeof Rejections>> };

/** The only code that names the data-quality .cypher files. */
export class QualityRepository {
  constructor(private readonly db: Database) {}

  /** Binned events of the drift windows (epoch ms; bounds as in domain/quality/drift.ts). */
  async drift(input: { from: number; split: number; to: number; sources: string[] | null; durationBounds: readonly number[]; delayBounds: readonly number[]; countBounds: readonly number[] }): Promise<DriftRows> {
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const [events, rejections] = await Promise.all([
      first(readRows(this.db, Q.drift, input)),
      // Rejections are counted per day received: the recent window includes today.
      readRows(this.db, Q.rejections, { fromDay: day(input.from), splitDay: day(input.split), toDay: day(input.to + 24 * 3600 * 1000), sources: input.sources }),
    ]);
    return { ...(events ?? { cells: [], learners: [] }), rejections };
  }

  async summary(): Promise<QualitySummaryRow> {
    return (await first(readRows(this.db, Q.summary))) ?? { byKind: [], rejected: [], latest: null, learners: 0, silent: 0 };
  }
}
