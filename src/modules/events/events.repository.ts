import { cypher } from "../../neo4j/cypher.js";
import { columns } from "../../neo4j/columns.js";
import type { Database, Tx } from "../../neo4j/run.js";
import type { ResolvedEvent } from "../../domain/mastery/learner-replay.js";
import type { StoredLearnerState } from "../../domain/mastery/model.js";
import type { EventKindName } from "../../domain/events/validate-event.js";

const Q = {
  prepare: cypher("events/prepare-batch"),
  learnerEvents: cypher("events/learner-events"),
  learnerState: cypher("events/learner-state"),
  writeBatch: cypher("events/write-batch"),
  createMissingConcepts: cypher("events/create-missing-concepts"),
  resolveItems: cypher("events/resolve-items"),
  recordRejections: cypher("quality/record-rejections"),
};

export interface LockedLearner {
  id: string;
  /** The model scalars and the MASTERY rows of the concepts the batch touches (not all of them). */
  state: StoredLearnerState;
  seq: number;
  /** Epoch ms of the newest event applied (null: none). */
  lastEventAt: number | null;
}

export interface ResolvedItem {
  id: string;
  kind: string;
  difficulty: number;
  concepts: Array<{ conceptId: string; weight: number }>;
}

/** What one ingestion transaction writes (epoch ms for times, probabilities in [0, 1]). */
export interface WriteRows {
  events: Array<{ id: string; kind: string; learnerId: string; itemId: string | null; conceptIds: string[]; score: number | null; occurredAt: number; durationMs: number | null; hintsUsed: number | null; attemptNumber: number | null; source: string | null; watchFraction: number | null }>;
  /**
   * `edge`: the element id of the MASTERY edge the prepare statement read (null: none read);
   * `absent`: the prepare statement looked for the edge and there was none.
   */
  mastery: Array<{ learnerId: string; conceptId: string; edge: string | null; absent: boolean; p: number; attempts: number; recent: number; lastPracticedAt: number; lastPracticedIndex: number }>;
  changes: Array<{ learnerId: string; conceptId: string; seq: number; eventId: string; at: number; before: number; after: number; attempts: number; reason: string; explanation: string }>;
  learners: Array<{ id: string; seq: number; lastEventAt: number; ability: number; attempts: number; events: number }>;
}

/** The only code that names the events' .cypher files. Every method runs inside the caller's transaction. */
export class EventsRepository {
  /**
   * Locks the learners (sorted by id) and reads what the batch needs, in one round trip: the
   * learners' model state for the concepts the batch touches, which events exist already, and
   * which explicit concept ids exist.
   */
  async prepare(
    tx: Tx,
    input: { learners: Array<{ id: string; conceptIds: string[] }>; eventIds: string[]; conceptIds: string[] },
  ): Promise<{ learners: LockedLearner[]; existing: Set<string>; concepts: Set<string> }> {
    const [row] = await tx.run(Q.prepare, input);
    return {
      learners: (row?.learners as LockedLearner[]) ?? [],
      existing: new Set((row?.existing as string[]) ?? []),
      concepts: new Set((row?.concepts as string[]) ?? []),
    };
  }

  /** Items with their concepts and designer-set difficulty, in the order of `ids` (null: no such item). */
  async resolveItems(db: Database, ids: string[]): Promise<Array<ResolvedItem | null>> {
    const found = new Map((await db.read(Q.resolveItems, { ids })).map((r) => [r.id as string, r as unknown as ResolvedItem]));
    return ids.map((id) => found.get(id) ?? null);
  }

  async createMissingConcepts(tx: Tx, ids: string[]): Promise<void> {
    await tx.run(Q.createMissingConcepts, { ids });
  }

  /** A learner's whole model state, every concept (for replay). */
  async learnerState(tx: Tx, learnerId: string): Promise<StoredLearnerState | null> {
    const [row] = await tx.run(Q.learnerState, { learnerId });
    return (row?.state as StoredLearnerState | undefined) ?? null;
  }

  /** A learner's stored events in time order (for replay). */
  async learnerEvents(tx: Tx, learnerId: string): Promise<ResolvedEvent[]> {
    const rows = await tx.run(Q.learnerEvents, { learnerId });
    return rows.map((r) => {
      const e = r.event as Record<string, unknown>;
      return {
        eventId: e.id as string,
        kind: e.kind as EventKindName,
        learnerId: e.learnerId as string,
        itemId: (e.itemId as string | null) ?? null,
        conceptIds: (e.conceptIds as string[] | null) ?? null,
        concepts: (e.conceptIds as string[] | null) ?? [],
        score: (e.score as number | null) ?? null,
        occurredAt: (e.occurredAt as Date).getTime(),
        durationMs: (e.durationMs as number | null) ?? null,
        hintsUsed: (e.hintsUsed as number | null) ?? null,
        attemptNumber: (e.attemptNumber as number | null) ?? null,
        source: (e.source as string | null) ?? null,
        watchFraction: (e.watchFraction as number | null) ?? null,
      };
    });
  }

  async recordRejections(tx: Tx, rows: Array<{ code: string; count: number }>): Promise<void> {
    await tx.run(Q.recordRejections, { rows });
  }

  /** Writes events, mastery, history and learner state in one statement (each table sent by columns). */
  async write(tx: Tx, rows: WriteRows): Promise<void> {
    await tx.run(Q.writeBatch, {
      events: columns(rows.events, ["id", "kind", "learnerId", "itemId", "conceptIds", "score", "occurredAt", "durationMs", "hintsUsed", "attemptNumber", "source", "watchFraction"]),
      mastery: columns(rows.mastery, ["learnerId", "conceptId", "edge", "absent", "p", "attempts", "recent", "lastPracticedAt", "lastPracticedIndex"]),
      changes: columns(rows.changes, ["learnerId", "conceptId", "seq", "eventId", "at", "before", "after", "attempts", "reason", "explanation"]),
      learners: columns(rows.learners, ["id", "seq", "lastEventAt", "ability", "attempts", "events"]),
    });
  }
}
