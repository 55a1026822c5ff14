import { cypher } from "../../neo4j/cypher.js";
import type { Tx } from "../../neo4j/run.js";
import type { ResolvedEvent } from "../mastery/learner-replay.js";
import type { EventKindName } from "./validate-event.js";

const Q = {
  prepare: cypher("events/prepare-batch"),
  learnerEvents: cypher("events/learner-events"),
  writeBatch: cypher("events/write-batch"),
  createMissingConcepts: cypher("events/create-missing-concepts"),
  recordRejections: cypher("quality/record-rejections"),
};

export interface LockedLearner {
  id: string;
  kt: string | null;
  seq: number;
  lastEventAt: Date | null;
}

export interface ResolvedItem {
  id: string;
  kind: string;
  difficulty: number;
  concepts: Array<{ conceptId: string; weight: number }>;
}

/** The only code that names the events' .cypher files. Every method runs inside the caller's transaction. */
export class EventsRepository {
  /**
   * Locks the learners (ids sorted) and reads what the batch needs, in one round trip: the
   * learners' stored state, which events exist already, items with their concepts, and which
   * explicit concept ids exist.
   */
  async prepare(
    tx: Tx,
    input: { learnerIds: string[]; eventIds: string[]; itemIds: string[]; conceptIds: string[] },
  ): Promise<{ learners: LockedLearner[]; existing: Set<string>; items: Map<string, ResolvedItem>; concepts: Set<string> }> {
    const [row] = await tx.run(Q.prepare, input);
    return {
      learners: (row?.learners as LockedLearner[]) ?? [],
      existing: new Set((row?.existing as string[]) ?? []),
      items: new Map(((row?.items as ResolvedItem[]) ?? []).map((i) => [i.id, i])),
      concepts: new Set((row?.concepts as string[]) ?? []),
    };
  }

  async createMissingConcepts(tx: Tx, ids: string[]): Promise<void> {
    await tx.run(Q.createMissingConcepts, { ids });
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

  /** Writes events, mastery, history and learner state in one statement. */
  async write(tx: Tx, rows: { events: unknown[]; mastery: unknown[]; changes: unknown[]; learners: unknown[] }): Promise<void> {
    await tx.run(Q.writeBatch, rows);
  }
}
