import { READ_CACHE_TTL_MS, ReadThroughCache } from "../../common/cache.js";
import { hasRole, Role, type AuthUser } from "../../auth/roles.js";
import type { KnownListSizes } from "../../common/cost.js";
import type { LearnerRepository } from "./learner.repository.js";
import { learnerLoaders } from "./learner.loaders.js";
import type { Classroom, Learner } from "./learner.type.js";

export interface People {
  classes: unknown[];
  teachers: unknown[];
  learners: unknown[];
}

/** Learners, classes and teachers: reads for the resolvers, and the people a seed or an SIS sync writes. */
export class LearnerService {
  /** Learner records (an id, never edited) known to exist. */
  private readonly learnerCache = new ReadThroughCache<Learner | null>(READ_CACHE_TTL_MS);

  /** A teacher's class count and largest class, re-read at most every READ_CACHE_TTL_MS. */
  private readonly sizesCache = new ReadThroughCache<{ classes: number; largest: number }>(READ_CACHE_TTL_MS);

  constructor(private readonly repo: LearnerRepository) {}

  /**
   * The list sizes a cost estimate can know before executing, for this caller: a teacher's
   * `myClasses` holds their classes, a class's `learners` at most their largest class. Nothing
   * for admins (any class) and callers without a teacher role.
   */
  async knownListSizes(user: AuthUser | null): Promise<KnownListSizes> {
    if (!user || !hasRole(user, Role.TEACHER) || hasRole(user, Role.ADMIN)) return {};
    try {
      const [sizes] = await this.sizesCache.getMany([user.sub], (ids) => Promise.all(ids.map((id) => this.repo.teacherClassSizes(id))));
      return sizes ? { "Query.myClasses": sizes.classes, "Classroom.learners": sizes.largest } : {};
    } catch {
      // Neo4j unreachable: estimate with the assumed sizes; the operation itself then meets the
      // outage and is answered SERVICE_UNAVAILABLE, never an error from the cost estimate.
      return {};
    }
  }

  /** Fresh DataLoaders for one request. */
  loaders() {
    return learnerLoaders(this.repo, this.learnerCache);
  }

  classesOfTeacher(teacherId: string): Promise<Classroom[]> {
    return this.repo.classesOfTeacher(teacherId);
  }

  async learnersOfClass(classId: string): Promise<Learner[]> {
    return (await this.repo.learnersOfClasses([classId]))[0] ?? [];
  }

  upsertPeople(people: People): Promise<void> {
    return this.repo.upsertPeople(people);
  }
}
