import { byIdLoader, listLoader } from "../common/loader.js";
import type { ReadThroughCache } from "../../common/cache.js";
import type { CurriculumRepository } from "./curriculum.repository.js";
import type { Concept } from "./concept.type.js";
import type { Item } from "./item.type.js";

/** Concepts in the order of `ids` (null: no such concept), read through the process-wide cache. */
async function cachedConcepts(cache: ReadThroughCache<Concept | null>, repo: CurriculumRepository, ids: readonly string[]): Promise<Array<Concept | null>> {
  return cache.getMany(
    ids,
    async (missing) => {
      const found = new Map((await repo.conceptsByIds(missing)).map((c) => [c.id, c]));
      return missing.map((id) => found.get(id) ?? null);
    },
    (c) => c !== null,
  );
}

/**
 * Per-request loaders. Concepts and the items of concepts read through process-wide caches
 * (cleared on every curriculum change, here at once and on other servers through the fan-out),
 * once `fresh` has proved them as fresh as the curriculum when the request began.
 */
export function curriculumLoaders(
  repo: CurriculumRepository,
  itemsCache: ReadThroughCache<Array<Item & { weight: number }>>,
  conceptCache: ReadThroughCache<Concept | null>,
  /** Resolves once the caches are as fresh as the curriculum when the request began. */
  fresh: () => Promise<void>,
) {
  return {
    concept: listLoader(async (ids) => {
      await fresh();
      return cachedConcepts(conceptCache, repo, ids);
    }),
    item: byIdLoader((ids) => repo.itemsByIds(ids)),
    topic: byIdLoader((ids) => repo.topicsByIds(ids)),
    prerequisitesOf: listLoader((ids) => repo.prerequisitesOf(ids)),
    dependentsOf: listLoader((ids) => repo.dependentsOf(ids)),
    itemsOfConcept: listLoader(async (ids) => {
      await fresh();
      return itemsCache.getMany(ids, (missing) => repo.itemsOfConcepts(missing));
    }),
    conceptsOfItem: listLoader((ids) => repo.conceptsOfItems(ids)),
    topicOfConcept: listLoader((ids) => repo.topicsOfConcepts(ids)),
    childrenOfTopic: listLoader((ids) => repo.childrenOfTopics(ids)),
    conceptIdsUnderTopic: listLoader((ids) => repo.conceptIdsUnderTopics(ids)),
  };
}

/** A request's concepts in the order of `ids` (null: no such concept), through its concept loader. */
export function conceptsOf(loaders: { concept: ReturnType<typeof curriculumLoaders>["concept"] }) {
  return async (ids: readonly string[]): Promise<Array<Concept | null>> => (await loaders.concept.loadMany(ids)).map((r) => (r instanceof Error ? null : r));
}
