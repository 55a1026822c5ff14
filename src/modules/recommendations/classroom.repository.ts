import { z } from "zod";
import type { Database } from "../../neo4j/run.js";
import { first, readRows, typedQuery } from "../../neo4j/typed.js";
import { StoredStateRow } from "../mastery/mastery.rows.js";

const id = z.string();
const ClassRow = z.object({
  learners: z.array(z.object({ id, state: StoredStateRow })),
});
const PlacementRow = z.object({
  ids: z.array(id),
  edges: z.array(z.tuple([id, id])),
  answers: z.array(z.object({ conceptIds: z.array(id), score: z.number() })),
});

const Q = {
  classLearners: typedQuery("recommendations/class-learners", ClassRow),
  placement: typedQuery("recommendations/placement-data", PlacementRow),
};

export type ClassRead = z.output<typeof ClassRow>;
export type PlacementRead = z.output<typeof PlacementRow>;

/** The only code that names the class views' and placement's .cypher files. */
export class ClassroomRepository {
  constructor(private readonly db: Database) {}

  /** A class's learners with their model state; null: no such class. */
  async classData(classId: string): Promise<ClassRead | null> {
    return first(readRows(this.db, Q.classLearners, { classId }));
  }

  /** The curriculum's concepts and edges, and the learner's placement answers in time order. */
  async placementData(learnerId: string): Promise<PlacementRead> {
    return (await first(readRows(this.db, Q.placement, { learnerId }))) ?? { ids: [], edges: [], answers: [] };
  }
}
