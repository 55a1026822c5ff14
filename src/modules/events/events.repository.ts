import { z } from "zod";
import { columns } from "../../neo4j/columns.js";
import type { Database, Tx } from "../../neo4j/run.js";
import { first, readRows, txRows, typedQuery, writeRows } from "../../neo4j/typed.js";
import type { ResolvedEvent } from "../../domain/mastery/learner-replay.js";
import { learnerStateFrom, type LearnerState } from "../../domain/mastery/model.js";
import { EVENT_KINDS } from "../../domain/events/validate-event.js";
import { ConceptStateTuple, StoredStateRow } from "../mastery/mastery.rows.js";

const id = z.string();
const nullableNumber = z.number().nullish().transform((v) => v ?? null);
const nullableText = z.string().nullish().transform((v) => v ?? null);

/** A locked learner: the model scalars and the MASTERY rows of the batch's concepts, each with the edge's element id. */
const LockedRow = z
  .object({
    id,
    seq: z.number(),
    lastEventAt: nullableNumber,
    lastCorrectionAt: nullableNumber,
    state: z.object({
      ability: nullableNumber,
      attempts: nullableNumber,
      events: nullableNumber,
      concepts: z.array(ConceptStateTuple),
    }),
  })
  .transform((l) => ({
    id: l.id,
    seq: l.seq,
    lastEventAt: l.lastEventAt,
    lastCorrectionAt: l.lastCorrectionAt,
    state: learnerStateFrom(l.state),
    /** Concept id -> element id of its MASTERY edge (written back by that id: no second lookup). */
    edges: new Map(l.state.concepts.map((row) => [row[0], String(row[7])])),
  }));

const EventRow = z
  .object({
    id,
    kind: z.enum(EVENT_KINDS),
    learnerId: id,
    itemId: nullableText,
    conceptIds: z.array(id).nullish().transform((v) => v ?? null),
    score: nullableNumber,
    occurredAt: z.date(),
    durationMs: nullableNumber,
    hintsUsed: nullableNumber,
    attemptNumber: nullableNumber,
    source: nullableText,
    watchFraction: nullableNumber,
  })
  .passthrough()
  .transform(
    (e): ResolvedEvent => ({
      eventId: e.id,
      kind: e.kind,
      learnerId: e.learnerId,
      itemId: e.itemId,
      conceptIds: e.conceptIds,
      concepts: e.conceptIds ?? [],
      score: e.score,
      occurredAt: e.occurredAt.getTime(),
      durationMs: e.durationMs,
      hintsUsed: e.hintsUsed,
      attemptNumber: e.attemptNumber,
      source: e.source,
      watchFraction: e.watchFraction,
    }),
  );

/** A teacher's correction as stored (times in epoch ms). */
const CorrectionRow = z.object({
  id,
  learnerId: id,
  conceptId: id,
  p: z.number(),
  before: z.number(),
  after: z.number(),
  note: z.string(),
  by: z.string(),
  byRole: z.string(),
  seq: z.number(),
  at: z.number(),
  revertedAt: nullableNumber,
  revertedBy: nullableText,
  revertedByRole: nullableText,
  revertNote: nullableText,
});
export type CorrectionRecord = z.output<typeof CorrectionRow>;

/** An active correction as a replay timeline entry. */
const TimelineCorrection = z
  .object({ id, conceptId: id, p: z.number(), note: z.string(), by: z.string(), byRole: z.string(), at: z.number() })
  .transform(
    (c): ResolvedEvent => ({
      eventId: c.id,
      kind: "CORRECTION",
      learnerId: "",
      itemId: null,
      conceptIds: [c.conceptId],
      concepts: [c.conceptId],
      score: null,
      occurredAt: c.at,
      durationMs: null,
      hintsUsed: null,
      attemptNumber: null,
      source: null,
      watchFraction: null,
      correction: { p: c.p, by: c.by, byRole: c.byRole, note: c.note },
    }),
  );

const Q = {
  removeMastery: typedQuery("events/remove-mastery", z.object({ removed: z.number() })),
  createCorrection: typedQuery("events/create-correction", z.object({ id })),
  revertCorrection: typedQuery("events/revert-correction", z.object({ id })),
  learnerCorrections: typedQuery("events/learner-corrections", z.object({ correction: TimelineCorrection })),
  getCorrection: typedQuery("events/get-correction", z.object({ correction: CorrectionRow })),
  allCorrections: typedQuery("events/all-corrections", z.object({ correction: CorrectionRow })),
  listCorrections: typedQuery("events/list-corrections", z.object({ correction: CorrectionRow })),
  prepare: typedQuery("events/prepare-batch", z.object({ learners: z.array(LockedRow), existing: z.array(id), concepts: z.array(id) })),
  learnerEvents: typedQuery("events/learner-events", z.object({ event: EventRow })),
  learnerState: typedQuery("events/learner-state", z.object({ state: StoredStateRow })),
  writeBatch: typedQuery("events/write-batch", z.object({ events: z.number() })),
  createMissingConcepts: typedQuery("events/create-missing-concepts", z.object({ concepts: z.number() })),
  recordRejections: typedQuery("quality/record-rejections", z.object({ codes: z.number() })),
};

export type LockedLearner = z.output<typeof LockedRow>;

/** What one ingestion transaction writes (epoch ms for times, probabilities in [0, 1]). */
export interface WriteRows {
  events: Array<{ predicted: number | null; id: string; kind: string; learnerId: string; itemId: string | null; conceptIds: string[]; score: number | null; occurredAt: number; durationMs: number | null; hintsUsed: number | null; attemptNumber: number | null; source: string | null; watchFraction: number | null }>;
  /**
   * `edge`: the element id of the MASTERY edge the prepare statement read (null: none read);
   * `absent`: the prepare statement looked for the edge and there was none.
   */
  mastery: Array<{ learnerId: string; conceptId: string; edge: string | null; absent: boolean; p: number; attempts: number; recent: number; lastPracticedAt: number; lastPracticedIndex: number; impliedBy: string | null }>;
  changes: Array<{ learnerId: string; conceptId: string; seq: number; eventId: string; at: number; before: number; after: number; attempts: number; reason: string; explanation: string }>;
  /** `lastEventAt` null: left as stored (a correction, which is no event). */
  learners: Array<{ id: string; seq: number; lastEventAt: number | null; ability: number; attempts: number; events: number }>;
}

/** The ingestion's statements inside one write transaction (from `EventsRepository.write`). */
export class EventWrites {
  constructor(private readonly tx: Tx) {}

  /**
   * Locks the learners (sorted by id) and reads what the batch needs, in one round trip: the
   * learners' model state for the concepts the batch touches, which events exist already, and
   * which explicit concept ids exist.
   */
  async prepare(input: { learners: Array<{ id: string; conceptIds: string[] }>; eventIds: string[]; conceptIds: string[] }): Promise<{ learners: LockedLearner[]; existing: Set<string>; concepts: Set<string> }> {
    const row = await first(txRows(this.tx, Q.prepare, input));
    return { learners: row?.learners ?? [], existing: new Set(row?.existing ?? []), concepts: new Set(row?.concepts ?? []) };
  }

  async createMissingConcepts(ids: string[]): Promise<void> {
    await txRows(this.tx, Q.createMissingConcepts, { ids });
  }

  /** A learner's whole model state, every concept (for replay); null: no such learner. */
  async learnerState(learnerId: string): Promise<LearnerState | null> {
    return (await first(txRows(this.tx, Q.learnerState, { learnerId })))?.state ?? null;
  }

  /** A learner's timeline for replay: stored events and the corrections in force (by time; the replay sorts again). */
  async learnerEvents(learnerId: string): Promise<ResolvedEvent[]> {
    const [events, corrections] = [await txRows(this.tx, Q.learnerEvents, { learnerId }), await txRows(this.tx, Q.learnerCorrections, { learnerId })];
    return [...events.map((r) => r.event), ...corrections.map((r) => ({ ...r.correction, learnerId }))];
  }

  /** Stores a correction's audit record and the learner's `lastCorrectionAt` (learner locked by `prepare`). */
  async createCorrection(c: { id: string; learnerId: string; conceptId: string; p: number; before: number; after: number; note: string; by: string; byRole: string; at: number; seq: number }): Promise<void> {
    await txRows(this.tx, Q.createCorrection, c);
  }

  /** The correction, read inside the transaction (null: none). */
  async correction(id: string): Promise<CorrectionRecord | null> {
    return (await first(txRows(this.tx, Q.getCorrection, { id })))?.correction ?? null;
  }

  /** Removes MASTERY edges (a concept practised only through a reverted correction). */
  async removeMastery(learnerId: string, conceptIds: string[]): Promise<void> {
    await txRows(this.tx, Q.removeMastery, { learnerId, conceptIds });
  }

  /** Marks it reverted; false when it already was. */
  async revertCorrection(r: { id: string; at: number; by: string; byRole: string; note: string | null }): Promise<boolean> {
    return (await txRows(this.tx, Q.revertCorrection, r)).length > 0;
  }

  /** Adds to the per-code rejection counters (data quality). */
  async recordRejections(rows: Array<{ code: string; count: number; source: string; day: string }>): Promise<void> {
    if (rows.length > 0) await txRows(this.tx, Q.recordRejections, { rows });
  }

  /** Writes events, mastery, history and learner state in one statement (each table sent by columns). */
  async write(rows: WriteRows): Promise<void> {
    await txRows(this.tx, Q.writeBatch, {
      events: columns(rows.events, ["id", "kind", "learnerId", "itemId", "conceptIds", "score", "occurredAt", "durationMs", "hintsUsed", "attemptNumber", "source", "watchFraction", "predicted"]),
      mastery: columns(rows.mastery, ["learnerId", "conceptId", "edge", "absent", "p", "attempts", "recent", "lastPracticedAt", "lastPracticedIndex", "impliedBy"]),
      changes: columns(rows.changes, ["learnerId", "conceptId", "seq", "eventId", "at", "before", "after", "attempts", "reason", "explanation"]),
      learners: columns(rows.learners, ["id", "seq", "lastEventAt", "ability", "attempts", "events"]),
    });
  }
}

/** The only code that names the events' .cypher files. */
export class EventsRepository {
  constructor(private readonly db: Database) {}

  /** Runs `work` in one write transaction (retried by the driver on transient errors). */
  write<T>(work: (w: EventWrites) => Promise<T>): Promise<T> {
    return this.db.writeTx((tx) => work(new EventWrites(tx)));
  }

  async correction(id: string): Promise<CorrectionRecord | null> {
    return (await first(readRows(this.db, Q.getCorrection, { id })))?.correction ?? null;
  }

  /** Every correction after a cursor (epoch ms, id), oldest first. */
  async allCorrections(after: { at: number; id: string }, limit: number): Promise<CorrectionRecord[]> {
    return (await readRows(this.db, Q.allCorrections, { after: after.at, afterId: after.id, limit })).map((r) => r.correction);
  }

  /** The corrections of these learners, newest first. */
  async corrections(learnerIds: readonly string[], limit: number): Promise<CorrectionRecord[]> {
    if (learnerIds.length === 0) return [];
    return (await readRows(this.db, Q.listCorrections, { learnerIds, limit })).map((r) => r.correction);
  }

  /** Rejection counters outside an ingestion transaction (batches that never reached one). */
  async recordRejections(rows: Array<{ code: string; count: number; source: string; day: string }>): Promise<void> {
    if (rows.length > 0) await writeRows(this.db, Q.recordRejections, { rows });
  }
}
