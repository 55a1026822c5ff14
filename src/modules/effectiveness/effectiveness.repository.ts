import { z } from "zod";
import type { Database } from "../../neo4j/run.js";
import { readRows, typedQuery, writeRows } from "../../neo4j/typed.js";
import type { ConceptStep } from "../../domain/effectiveness/effectiveness.js";

const StepsRow = z.object({
  id: z.string(),
  steps: z.array(z.tuple([z.string(), z.string(), z.number(), z.number(), z.number(), z.number()])),
});

const Q = {
  page: typedQuery("effectiveness/learners-page", z.object({ id: z.string(), ability: z.number().nullish().transform((v) => v ?? null) })),
  steps: typedQuery("effectiveness/learner-steps", StepsRow),
  write: typedQuery("effectiveness/write-effects", z.object({ items: z.number() })),
  read: typedQuery("effectiveness/read-effects", z.object({ itemId: z.string(), effects: z.string() })),
};

/** The only code that names the effectiveness .cypher files. */
export class EffectivenessRepository {
  constructor(private readonly db: Database) {}

  async learnersAfter(after: string, limit: number, prefix: string): Promise<Array<{ id: string; ability: number | null }>> {
    return readRows(this.db, Q.page, { after, limit, prefix });
  }

  /** Each learner's evidence steps (in the order of `ids`). */
  async steps(ids: readonly string[]): Promise<ConceptStep[][]> {
    const rows = new Map((await readRows(this.db, Q.steps, { ids })).map((r) => [r.id, r.steps]));
    return ids.map((id) => (rows.get(id) ?? []).map(([conceptId, itemId, at, before, after, score]) => ({ conceptId, itemId, at, before, after, score })));
  }

  /** `effects` is JSON; the number of items written. */
  async write(rows: ReadonlyArray<{ itemId: string; effects: string }>): Promise<number> {
    const [r] = await writeRows(this.db, Q.write, { rows });
    return r?.items ?? 0;
  }

  async readAll(): Promise<Array<{ itemId: string; effects: string }>> {
    return readRows(this.db, Q.read);
  }
}
