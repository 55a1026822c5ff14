import { byIdLoader, listLoader } from "../common/loader.js";
import type { ReadThroughCache } from "../../common/cache.js";
import type { LearnerRepository } from "./learner.repository.js";
import type { Learner } from "./learner.type.js";

/**
 * Per-request loaders. Learner records (an id, never edited) read through a process-wide cache
 * of learners known to exist; an unknown id is asked again every time.
 */
export function learnerLoaders(repo: LearnerRepository, learnerCache: ReadThroughCache<Learner | null>) {
  const learners = async (ids: readonly string[]): Promise<Learner[]> => {
    const found = await learnerCache.getMany(
      ids,
      async (missing) => {
        const byId = new Map((await repo.learnersByIds(missing)).map((l) => [l.id, l]));
        return missing.map((id) => byId.get(id) ?? null);
      },
      (l) => l !== null,
    );
    return found.filter((l): l is Learner => l !== null);
  };
  return {
    learner: byIdLoader(learners),
    classroom: byIdLoader((ids) => repo.classesByIds(ids)),
    classesOfLearner: listLoader((ids) => repo.classesOfLearners(ids)),
    learnersOfClass: listLoader((ids) => repo.learnersOfClasses(ids)),
  };
}
