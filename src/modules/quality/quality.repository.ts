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
const Q = { summary: typedQuery("quality/summary", Summary) };
export type QualitySummaryRow = z.output<typeof Summary>;

/** The only code that names the data-quality .cypher files. */
export class QualityRepository {
  constructor(private readonly db: Database) {}

  async summary(): Promise<QualitySummaryRow> {
    return (await first(readRows(this.db, Q.summary))) ?? { byKind: [], rejected: [], latest: null, learners: 0, silent: 0 };
  }
}
