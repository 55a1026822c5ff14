import { byIdLoader, listLoader } from "../common/loader.js";
import type { ReadThroughCache } from "../common/cache.js";
import type { CurriculumRepository } from "./curriculum.repository.js";
import type { Item } from "./item.type.js";

/** Per-request loaders; items of concepts read through the process-wide cache (cleared on every curriculum change). */
export function curriculumLoaders(repo: CurriculumRepository, itemsCache: ReadThroughCache<Array<Item & { weight: number }>>) {
  return {
    concept: byIdLoader((ids) => repo.conceptsByIds(ids)),
    item: byIdLoader((ids) => repo.itemsByIds(ids)),
    topic: byIdLoader((ids) => repo.topicsByIds(ids)),
    prerequisitesOf: listLoader((ids) => repo.prerequisitesOf(ids)),
    dependentsOf: listLoader((ids) => repo.dependentsOf(ids)),
    itemsOfConcept: listLoader((ids) => itemsCache.getMany(ids, (missing) => repo.itemsOfConcepts(missing))),
    conceptsOfItem: listLoader((ids) => repo.conceptsOfItems(ids)),
    topicOfConcept: listLoader((ids) => repo.topicsOfConcepts(ids)),
    childrenOfTopic: listLoader((ids) => repo.childrenOfTopics(ids)),
    conceptIdsUnderTopic: listLoader((ids) => repo.conceptIdsUnderTopics(ids)),
  };
}
