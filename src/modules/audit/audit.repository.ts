import { z } from "zod";
import type { Database } from "../../neo4j/run.js";
import { readRows, typedQuery, writeRows } from "../../neo4j/typed.js";

const Decision = z.object({
  conceptId: z.string(),
  prerequisiteId: z.string(),
  kind: z.enum(["MISSING", "CONTRADICTED"]),
  decision: z.enum(["ACCEPTED", "DISMISSED"]),
  by: z.string(),
  note: z.string().nullable(),
  learners: z.number(),
  at: z.date(),
});
export type DecisionRow = z.output<typeof Decision>;

const Q = {
  recordDecision: typedQuery("audit/record-decision", z.object({ at: z.date() })),
  decisionsOf: typedQuery("audit/decisions-of", Decision),
  learners: typedQuery("audit/learners-of-concepts", z.object({ id: z.string() })),
  answers: typedQuery(
    "audit/answers-of-learners",
    z.object({ learnerId: z.string(), answers: z.array(z.object({ conceptIds: z.array(z.string()), score: z.number() })) }),
  ),
};

export interface LearnerAnswers {
  learnerId: string;
  /** In time order; score in [0, 1]. */
  answers: Array<{ conceptIds: string[]; score: number }>;
}

/** The only code that names the evidence .cypher files: learner answers for the prerequisite audit. */
export class AuditRepository {
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

  /** Stores a designer's decision (a new node per decision: the history stays). */
  async recordDecision(d: Omit<DecisionRow, "at">): Promise<Date> {
    const [row] = await writeRows(this.db, Q.recordDecision, { ...d, key: findingKey(d.conceptId, d.prerequisiteId, d.kind) });
    return row?.at ?? new Date();
  }

  /** The decision in force for each of these findings that has one. */
  async decisionsOf(findings: ReadonlyArray<{ conceptId: string; prerequisiteId: string; kind: DecisionRow["kind"] }>): Promise<DecisionRow[]> {
    if (findings.length === 0) return [];
    return readRows(this.db, Q.decisionsOf, { keys: findings.map((f) => findingKey(f.conceptId, f.prerequisiteId, f.kind)) });
  }
}

/** Ids never contain `|` (src/common/validation.ts), so the key is unambiguous. */
export const findingKey = (conceptId: string, prerequisiteId: string, kind: string) => `${conceptId}|${prerequisiteId}|${kind}`;
