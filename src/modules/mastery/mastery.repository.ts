import { z } from "zod";
import type { Database } from "../../neo4j/run.js";
import { first, readRows, typedQuery, writeRows } from "../../neo4j/typed.js";
import { StoredChangeRow, StoredStateRow, type StoredChange } from "./mastery.rows.js";

const Change = z.object({ change: StoredChangeRow });
const SnapshotRow = z.object({
  id: z.string(),
  found: z.boolean(),
  rev: z.string(),
  curriculumVersion: z.number().int().nonnegative(),
  snapshot: z.object({ goalId: z.string().nullable(), recent: z.array(z.tuple([z.string(), z.number()])), state: StoredStateRow }).nullable(),
});
const Q = {
  snapshots: typedQuery("mastery/learner-snapshots", SnapshotRow),
  recent: typedQuery("mastery/recent-evidence", z.object({ conceptId: z.string(), scores: z.array(z.number()), hints: z.array(z.number()) })),
  history: typedQuery("mastery/history", Change),
  corrections: typedQuery("mastery/active-corrections", z.object({ conceptId: z.string(), p: z.number(), by: z.string(), byRole: z.string(), note: z.string(), at: z.number() })),
  changesAfter: typedQuery("mastery/changes-after", Change),
  classChangesAfter: typedQuery("mastery/class-changes-after", Change),
  getModel: typedQuery("mastery/get-model", z.object({ params: z.string().nullable(), version: z.number().nullable(), loadedAt: z.date().nullable() })),
  putModel: typedQuery("mastery/put-model", z.object({ version: z.number() })),
  legacyRead: typedQuery("mastery/legacy-state-read", z.object({ id: z.string(), kt: z.string() })),
  legacyWrite: typedQuery("mastery/legacy-state-write", z.object({ migrated: z.number() })),
};

/** One learner of a snapshot batch: the revision this process holds (null: none) and the attempts window wanted. */
export interface SnapshotProbe {
  id: string;
  rev: string | null;
  since: number;
}
export type SnapshotProbeRow = z.output<typeof SnapshotRow>;

export interface LegacyStateRow {
  id: string;
  kt: string;
  ability: number;
  attempts: number;
  events: number;
  concepts: Array<{ id: string; lastPracticedAt: number; lastPracticedIndex: number }>;
}

/** The only code that names the mastery .cypher files: learner model state, its history, the fitted model. */
export class MasteryRepository {
  constructor(private readonly db: Database) {}

  /** One statement for a batch of learners: each one's revision, and its snapshot unless the revision asked with is current. */
  async snapshots(learners: SnapshotProbe[]): Promise<SnapshotProbeRow[]> {
    return readRows(this.db, Q.snapshots, { learners });
  }


  /** The last scores and hints per concept (newest last). */
  /** The newest correction in force per concept (explanations). */
  async activeCorrections(learnerId: string, conceptIds: readonly string[]): Promise<Map<string, { p: number; by: string; byRole: string; note: string; at: number }>> {
    if (conceptIds.length === 0) return new Map();
    return new Map((await readRows(this.db, Q.corrections, { learnerId, conceptIds })).map((r) => [r.conceptId, r]));
  }

  async recentEvidence(learnerId: string, conceptIds: readonly string[]): Promise<Map<string, { scores: number[]; hints: number[] }>> {
    const rows = await readRows(this.db, Q.recent, { learnerId, conceptIds });
    return new Map(rows.map((r) => [r.conceptId, { scores: r.scores, hints: r.hints }]));
  }

  async changesAfter(learnerId: string, afterSequence: number, limit: number): Promise<StoredChange[]> {
    return (await readRows(this.db, Q.changesAfter, { learnerId, afterSequence, limit })).map((r) => r.change);
  }

  async classChangesAfter(cursors: Array<{ learnerId: string; after: number | null }>, since: number | null, limit: number): Promise<StoredChange[]> {
    return (await readRows(this.db, Q.classChangesAfter, { cursors, since, limit })).map((r) => r.change);
  }

  async history(filter: { learnerId: string; conceptId: string | null; from: string | null; to: string | null; limit: number }): Promise<StoredChange[]> {
    return (await readRows(this.db, Q.history, filter)).map((r) => r.change);
  }

  /** The stored model parameters (JSON) under `id` and their version, or null when none were loaded. */
  async model(id: string): Promise<{ params: string; version: number } | null> {
    const row = await first(readRows(this.db, Q.getModel, { id }));
    return row?.params ? { params: row.params, version: row.version ?? 0 } : null;
  }

  async putModel(id: string, params: string, summary: string): Promise<number> {
    return (await first(writeRows(this.db, Q.putModel, { id, params, summary })))?.version ?? 0;
  }

  /** Learners still holding the old `kt` JSON property, a chunk at a time. */
  async legacyStates(limit: number): Promise<Array<{ id: string; kt: string }>> {
    return readRows(this.db, Q.legacyRead, { limit });
  }

  /** Writes migrated state; returns how many learners matched (a `kt` changed since it was read is skipped). */
  async writeLegacyStates(rows: LegacyStateRow[]): Promise<number> {
    return (await first(writeRows(this.db, Q.legacyWrite, { rows })))?.migrated ?? 0;
  }
}
