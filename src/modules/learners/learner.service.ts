import { READ_CACHE_TTL_MS, ReadThroughCache } from "../../common/cache.js";
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

  constructor(private readonly repo: LearnerRepository) {}

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
