import { z } from "zod";
import type { Database } from "../../neo4j/run.js";
import { readRows, typedQuery } from "../../neo4j/typed.js";

const Q = {
  learners: typedQuery("evidence/learners-of-concepts", z.object({ id: z.string() })),
  answers: typedQuery(
    "evidence/answers-of-learners",
    z.object({ learnerId: z.string(), answers: z.array(z.object({ conceptIds: z.array(z.string()), score: z.number() })) }),
  ),
};

export interface LearnerAnswers {
  learnerId: string;
  /** In time order; score in [0, 1]. */
  answers: Array<{ conceptIds: string[]; score: number }>;
}

/** The only code that names the evidence .cypher files: learner answers for the prerequisite audit. */
export class EvidenceRepository {
  constructor(private readonly db: Database) {}

  /** Ids of learners with evidence on any of the concepts, in id order. */
  async learnersOf(conceptIds: readonly string[]): Promise<string[]> {
    return (await readRows(this.db, Q.learners, { conceptIds })).map((r) => r.id);
  }

  /** The answers of these learners, each in time order, in the order of `learnerIds`. */
  async answersOf(learnerIds: readonly string[]): Promise<LearnerAnswers[]> {
    const rows = await readRows(this.db, Q.answers, { learnerIds });
    const byId = new Map(rows.map((r) => [r.learnerId, r.answers]));
    return learnerIds.map((learnerId) => ({ learnerId, answers: byId.get(learnerId) ?? [] }));
  }
}
