import { cypher } from "../../neo4j/cypher.js";
import type { Tx } from "../../neo4j/run.js";
import type { ResolvedEvent } from "../mastery/learner-replay.js";
import type { EventKindName } from "./validate-event.js";

const Q = {
  lockLearners: cypher("events/lock-learners"),
  existing: cypher("events/existing-events"),
  resolveItems: cypher("events/resolve-items"),
  conceptsExist: cypher("curriculum/concepts-exist"),
  learnerEvents: cypher("events/learner-events"),
  createEvents: cypher("events/create-events"),
  writeMastery: cypher("events/write-mastery"),
  createChanges: cypher("events/create-changes"),
  updateLearners: cypher("events/update-learners"),
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
  async lockLearners(tx: Tx, learnerIds: string[]): Promise<LockedLearner[]> {
    return (await tx.run(Q.lockLearners, { learnerIds })) as unknown as LockedLearner[];
  }

  async existingEventIds(tx: Tx, ids: string[]): Promise<Set<string>> {
    return new Set((await tx.run(Q.existing, { ids })).map((r) => r.id as string));
  }

  async resolveItems(tx: Tx, ids: string[]): Promise<Map<string, ResolvedItem>> {
    const rows = (await tx.run(Q.resolveItems, { ids })) as unknown as ResolvedItem[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  async existingConcepts(tx: Tx, ids: string[]): Promise<Set<string>> {
    return new Set((await tx.run(Q.conceptsExist, { ids })).filter((r) => r.exists).map((r) => r.id as string));
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

  async write(
    tx: Tx,
    rows: { events: unknown[]; mastery: unknown[]; changes: unknown[]; learners: unknown[] },
  ): Promise<void> {
    if (rows.events.length > 0) await tx.run(Q.createEvents, { rows: rows.events });
    if (rows.mastery.length > 0) await tx.run(Q.writeMastery, { rows: rows.mastery });
    if (rows.changes.length > 0) await tx.run(Q.createChanges, { rows: rows.changes });
    if (rows.learners.length > 0) await tx.run(Q.updateLearners, { rows: rows.learners });
  }
}
