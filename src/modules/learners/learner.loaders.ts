import { byIdLoader, listLoader } from "../common/loader.js";
import type { LearnerRepository } from "./learner.repository.js";

export function learnerLoaders(repo: LearnerRepository) {
  return {
    learner: byIdLoader((ids) => repo.learnersByIds(ids)),
    classroom: byIdLoader((ids) => repo.classesByIds(ids)),
    classesOfLearner: listLoader((ids) => repo.classesOfLearners(ids)),
    learnersOfClass: listLoader((ids) => repo.learnersOfClasses(ids)),
  };
}
