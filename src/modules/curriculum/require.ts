import { NotFoundError } from "../../errors/errors.js";
import type { Concept } from "./concept.type.js";
import type { Topic } from "./topic.type.js";

interface Loads<T> {
  loadMany(ids: readonly string[]): Promise<Array<T | null | undefined | Error>>;
}

/**
 * Every id argument must name something that exists: an unknown concept or topic is NOT_FOUND
 * (with all the unknown ids in `extensions.ids`) wherever it is asked for, never a silent default.
 * Reads go through the request's loaders (and the process-wide concept cache).
 */
export async function requireConcepts(loaders: { concept: Loads<Concept> }, ids: readonly string[]): Promise<Concept[]> {
  const unique = [...new Set(ids)];
  const found = await loaders.concept.loadMany(unique);
  const missing = unique.filter((_, i) => !isFound(found[i]));
  if (missing.length > 0) throw new NotFoundError("Concept", missing);
  return found.filter(isFound);
}

export async function requireTopics(loaders: { topic: Loads<Topic> }, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const found = await loaders.topic.loadMany(unique);
  const missing = unique.filter((_, i) => !isFound(found[i]));
  if (missing.length > 0) throw new NotFoundError("Topic", missing);
}

function isFound<T>(x: T | null | undefined | Error): x is T {
  return x !== null && x !== undefined && !(x instanceof Error);
}
