import { z } from "zod";
import type { LearnerState } from "../../domain/mastery/model.js";
import type { Database } from "../../neo4j/run.js";
import { first, readRows, typedQuery, writeRows } from "../../neo4j/typed.js";
import { EdgeTuple } from "../curriculum/curriculum.rows.js";
import { StoredStateRow } from "../mastery/mastery.rows.js";

const id = z.string();
const optionalId = z.string().nullish().transform((v) => v ?? null);

/** A prerequisite of a candidate: `[id, name, weight, stored mastery]` (lists decode faster than maps). */
const PrereqTuple = z.tuple([id, z.string(), z.number(), z.number()]).transform(([pid, name, weight, storedMastery]) => ({ id: pid, name, weight, storedMastery }));
/** A candidate: `[id, name, topicId, unlocks, onGoalPath, prerequisites]`. */
const CandidateTuple = z
  .tuple([id, z.string(), z.string().nullable(), z.number(), z.boolean(), z.array(PrereqTuple)])
  .transform(([cid, name, topicId, unlocks, onGoalPath, prereqs]) => ({ id: cid, name, topicId, unlocks, onGoalPath, prereqs }));

const FrontierRow = z.object({
  frontier: z.array(CandidateTuple),
  remediation: z.array(z.object({ struggling: id, strugglingName: z.string(), id, name: z.string(), topicId: optionalId, weight: z.number() })),
  review: z.array(z.object({ id, name: z.string(), topicId: optionalId, unlocks: z.number(), onGoalPath: z.boolean() })),
  recentItemIds: z.array(id),
  state: StoredStateRow,
});
const GoalRow = z.object({ conceptId: id, targetDate: z.string().nullable() });

const Q = {
  frontier: typedQuery("recommendations/frontier", FrontierRow),
  closure: typedQuery("recommendations/prerequisite-closure", z.object({ nodes: z.array(id), edges: z.array(EdgeTuple) })),
  setGoal: typedQuery("recommendations/set-goal", GoalRow),
  getGoal: typedQuery("recommendations/get-goal", GoalRow),
};

export type FrontierRead = z.output<typeof FrontierRow>;
export type FrontierCandidate = FrontierRead["frontier"][number];

export interface FrontierQuery {
  learnerId: string;
  goalId: string | null;
  within: string[] | null;
  mastered: number;
  ready: number;
  struggleAttempts: number;
  struggleRecent: number;
  /** Items attempted at or after this time (epoch ms) are reported as recent. */
  since: number;
}

/** The only code that names the recommendations' .cypher files. */
export class RecommendationsRepository {
  constructor(private readonly db: Database) {}

  /** The candidates around the learner's frontier, remediation and review candidates, recent items, and the learner's state. */
  async frontier(q: FrontierQuery): Promise<(FrontierRead & { state: LearnerState }) | null> {
    return first(readRows(this.db, Q.frontier, { ...q }));
  }

  /** The goal's prerequisites within 12 levels, and every REQUIRES edge leaving them (some may leave the closure). */
  async prerequisiteClosure(goalId: string): Promise<{ nodes: string[]; edges: Array<{ conceptId: string; prerequisiteId: string; weight: number }> }> {
    const row = await first(readRows(this.db, Q.closure, { goalId }));
    return { nodes: row?.nodes ?? [], edges: (row?.edges ?? []).map(([conceptId, prerequisiteId, weight]) => ({ conceptId, prerequisiteId, weight })) };
  }

  /** null when the learner or the concept does not exist. */
  async setGoal(learnerId: string, conceptId: string, targetDate: string | null): Promise<{ conceptId: string; targetDate: string | null } | null> {
    return first(writeRows(this.db, Q.setGoal, { learnerId, conceptId, targetDate }));
  }

  async goal(learnerId: string): Promise<{ conceptId: string; targetDate: string | null } | null> {
    return first(readRows(this.db, Q.getGoal, { learnerId }));
  }
}
