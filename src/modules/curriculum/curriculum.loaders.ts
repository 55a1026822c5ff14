import { byIdLoader, listLoader } from "../common/loader.js";
import type { CurriculumRepository } from "./curriculum.repository.js";

export function curriculumLoaders(repo: CurriculumRepository) {
  return {
    concept: byIdLoader((ids) => repo.conceptsByIds(ids)),
    item: byIdLoader((ids) => repo.itemsByIds(ids)),
    topic: byIdLoader((ids) => repo.topicsByIds(ids)),
    prerequisitesOf: listLoader((ids) => repo.prerequisitesOf(ids)),
    dependentsOf: listLoader((ids) => repo.dependentsOf(ids)),
    itemsOfConcept: listLoader((ids) => repo.itemsOfConcepts(ids)),
    conceptsOfItem: listLoader((ids) => repo.conceptsOfItems(ids)),
    topicOfConcept: listLoader((ids) => repo.topicsOfConcepts(ids)),
    childrenOfTopic: listLoader((ids) => repo.childrenOfTopics(ids)),
    conceptIdsUnderTopic: listLoader((ids) => repo.conceptIdsUnderTopics(ids)),
  };
}
