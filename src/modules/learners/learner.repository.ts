import { z } from "zod";
import type { Database } from "../../neo4j/run.js";
import { first, groupById, readRows, typedQuery, writeRows } from "../../neo4j/typed.js";
import type { Classroom, Learner } from "./learner.type.js";

const id = z.string();
const ClassRow = z
  .object({ id, name: z.string(), teacherIds: z.array(id).nullish() })
  .transform((k): Classroom => ({ id: k.id, name: k.name, teacherIds: [...(k.teacherIds ?? [])].sort() }));
const LearnerRow = z.object({ id }).transform((l): Learner => ({ id: l.id }));

const Q = {
  learners: typedQuery("learners/get-learners-by-ids", z.object({ id })),
  classesOfLearners: typedQuery("learners/classes-of-learners", z.object({ id, class: ClassRow })),
  classes: typedQuery("learners/get-classes-by-ids", z.object({ class: ClassRow })),
  learnersOfClasses: typedQuery("learners/learners-of-classes", z.object({ id, learner: LearnerRow })),
  classesOfTeacher: typedQuery("learners/classes-of-teacher", z.object({ class: ClassRow })),
  teacherSees: typedQuery("learners/teacher-sees-learners", z.object({ id })),
  teacherTeaches: typedQuery("learners/teacher-teaches-class", z.object({ teaches: z.boolean() })),
  teacherClassSizes: typedQuery("learners/teacher-class-sizes", z.object({ classes: z.number(), largest: z.number() })),
  taughtBy: typedQuery("learners/learners-taught-by", z.object({ ids: z.array(id) })),
  upsertPeople: typedQuery("seed/upsert-people", z.object({ memberships: z.number() })),
};

/** The only code that names the learners' .cypher files. */
export class LearnerRepository {
  constructor(private readonly db: Database) {}

  async learnersByIds(ids: readonly string[]): Promise<Learner[]> {
    return (await readRows(this.db, Q.learners, { ids })).map((r) => ({ id: r.id }));
  }

  async classesOfLearners(ids: readonly string[]): Promise<Classroom[][]> {
    return groupById(ids, await readRows(this.db, Q.classesOfLearners, { ids }), (r) => r.class);
  }

  async classesByIds(ids: readonly string[]): Promise<Classroom[]> {
    return (await readRows(this.db, Q.classes, { ids })).map((r) => r.class);
  }

  async learnersOfClasses(ids: readonly string[]): Promise<Learner[][]> {
    return groupById(ids, await readRows(this.db, Q.learnersOfClasses, { ids }), (r) => r.learner);
  }

  async classesOfTeacher(teacherId: string): Promise<Classroom[]> {
    return (await readRows(this.db, Q.classesOfTeacher, { teacherId })).map((r) => r.class);
  }

  /** The subset of learnerIds that teacherId teaches. */
  async learnersTaughtBy(teacherId: string, learnerIds: readonly string[]): Promise<Set<string>> {
    return new Set((await readRows(this.db, Q.teacherSees, { teacherId, learnerIds })).map((r) => r.id));
  }

  /** Every learner in the teacher's classes. */
  async allLearnersTaughtBy(teacherId: string): Promise<Set<string>> {
    return new Set((await first(readRows(this.db, Q.taughtBy, { teacherId })))?.ids ?? []);
  }

  /** How many classes the teacher teaches, and the largest one's size. */
  async teacherClassSizes(teacherId: string): Promise<{ classes: number; largest: number }> {
    return (await first(readRows(this.db, Q.teacherClassSizes, { teacherId }))) ?? { classes: 0, largest: 0 };
  }

  async teaches(teacherId: string, classId: string): Promise<boolean> {
    return (await first(readRows(this.db, Q.teacherTeaches, { teacherId, classId })))?.teaches === true;
  }

  async upsertPeople(people: { classes: unknown[]; teachers: unknown[]; learners: unknown[] }): Promise<void> {
    await writeRows(this.db, Q.upsertPeople, people);
  }
}
