import { z } from "zod";
import type { Database } from "../../neo4j/run.js";
import { first, readRows, typedQuery, writeRows } from "../../neo4j/typed.js";

const text = z.string().nullish().transform((v) => v ?? null);

const Q = {
  find: typedQuery("evidence/find-statements", z.object({ id: z.string(), compare: z.string() })),
  get: typedQuery(
    "evidence/get-statement",
    z.object({ id: z.string(), format: z.string(), json: z.string(), learnerId: text, status: z.string(), code: text, reason: text, eventId: text }),
  ),
  store: typedQuery("evidence/store-statements", z.object({ id: z.string(), created: z.boolean(), compare: z.string() })),
  itemsOf: typedQuery("evidence/items-of-activities", z.object({ activityId: z.string(), itemId: z.string() })),
  map: typedQuery("evidence/map-activities", z.object({ mapped: z.number() })),
  unmap: typedQuery("evidence/unmap-activities", z.object({ removed: z.number() })),
};

export type StoredStatement = z.output<typeof Q.get.row>;

/** One row of the audit trail (times in epoch ms). */
export interface StatementRow {
  id: string;
  format: "xapi" | "caliper";
  /** The statement as stored (pseudonymised, with the LRS's `stored`, `authority`, `version`). */
  json: string;
  /** Canonical text of what the producer sent (pseudonymised), for replay comparison. */
  compare: string;
  learnerId: string | null;
  verb: string | null;
  activityId: string | null;
  status: string;
  code: string | null;
  reason: string | null;
  eventId: string | null;
  producer: string;
  stored: number;
}

/** The only code that names the evidence intake's .cypher files. */
export class EvidenceRepository {
  constructor(private readonly db: Database) {}

  /** id -> canonical text of the statements already stored among `ids`. */
  async existing(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    return new Map((await readRows(this.db, Q.find, { ids })).map((r) => [r.id, r.compare]));
  }

  async get(id: string): Promise<StoredStatement | null> {
    return first(readRows(this.db, Q.get, { id }));
  }

  /** Stores new statements; an id that exists already is left alone (created: false, with its stored text). */
  async store(rows: readonly StatementRow[]): Promise<Array<{ id: string; created: boolean; compare: string }>> {
    if (rows.length === 0) return [];
    return writeRows(this.db, Q.store, { rows });
  }

  async itemsOfActivities(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    return new Map((await readRows(this.db, Q.itemsOf, { ids })).map((r) => [r.activityId, r.itemId]));
  }

  async mapActivities(rows: ReadonlyArray<{ activityId: string; itemId: string }>): Promise<number> {
    if (rows.length === 0) return 0;
    return (await first(writeRows(this.db, Q.map, { rows })))?.mapped ?? 0;
  }

  async unmapActivities(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return (await first(writeRows(this.db, Q.unmap, { ids })))?.removed ?? 0;
  }
}
