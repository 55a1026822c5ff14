import { cypher } from "../../neo4j/cypher.js";
import type { Database } from "../../neo4j/run.js";
import { groupBy } from "../curriculum/curriculum.repository.js";
import type { Classroom, Learner } from "./learner.type.js";

const Q = {
  learners: cypher("learners/get-learners-by-ids"),
  classesOfLearners: cypher("learners/classes-of-learners"),
  classes: cypher("learners/get-classes-by-ids"),
  learnersOfClasses: cypher("learners/learners-of-classes"),
  classesOfTeacher: cypher("learners/classes-of-teacher"),
  teacherSees: cypher("learners/teacher-sees-learners"),
  teacherTeaches: cypher("learners/teacher-teaches-class"),
  taughtBy: cypher("learners/learners-taught-by"),
  upsertPeople: cypher("seed/upsert-people"),
};

/** A class row; teacher ids sorted so answers are stable. */
function asClass(raw: unknown): Classroom {
  const k = raw as { id: string; name: string; teacherIds: string[] | null };
  return { id: k.id, name: k.name, teacherIds: [...(k.teacherIds ?? [])].sort() };
}

export class LearnerRepository {
  constructor(private readonly db: Database) {}

  async learnersByIds(ids: readonly string[]): Promise<Learner[]> {
    return (await this.db.read(Q.learners, { ids })).map((r) => ({ id: r.id as string }));
  }

  async classesOfLearners(ids: readonly string[]): Promise<Classroom[][]> {
    return groupBy(ids, await this.db.read(Q.classesOfLearners, { ids }), (r) => asClass(r.class));
  }

  async classesByIds(ids: readonly string[]): Promise<Classroom[]> {
    return (await this.db.read(Q.classes, { ids })).map((r) => asClass(r.class));
  }

  async learnersOfClasses(ids: readonly string[]): Promise<Learner[][]> {
    return groupBy(ids, await this.db.read(Q.learnersOfClasses, { ids }), (r) => r.learner as Learner);
  }

  async classesOfTeacher(teacherId: string): Promise<Classroom[]> {
    return (await this.db.read(Q.classesOfTeacher, { teacherId })).map((r) => asClass(r.class));
  }

  /** The subset of learnerIds that teacherId teaches. */
  async learnersTaughtBy(teacherId: string, learnerIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.read(Q.teacherSees, { teacherId, learnerIds });
    return new Set(rows.map((r) => r.id as string));
  }

  /** Every learner in the teacher's classes. */
  async allLearnersTaughtBy(teacherId: string): Promise<Set<string>> {
    const [row] = await this.db.read(Q.taughtBy, { teacherId });
    return new Set((row?.ids as string[] | undefined) ?? []);
  }

  async teaches(teacherId: string, classId: string): Promise<boolean> {
    const [row] = await this.db.read(Q.teacherTeaches, { teacherId, classId });
    return row?.teaches === true;
  }

  async upsertPeople(people: { classes: unknown[]; teachers: unknown[]; learners: unknown[] }): Promise<void> {
    await this.db.write(Q.upsertPeople, people);
  }
}
