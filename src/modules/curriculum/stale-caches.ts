import type { CurriculumChangeRecord } from "./curriculum-change.js";

/** What committed curriculum changes make stale in the per-process curriculum caches. */
export interface StaleCaches {
  /** Everything: concepts, items, the concepts of items, prerequisite closures. */
  all: boolean;
  /** Concepts whose own record changed (name, description, tags, topic). */
  concepts: string[];
  /** Items, their links and difficulties (items of concepts, concepts of items). */
  items: boolean;
}

/**
 * A concept edit that leaves the graph alone (name, description, tags, topic) makes only that
 * concept's record stale; item edits and links make only the item caches stale. Anything that
 * touches the graph (concepts created or deleted, prerequisite edges, imports) can change derived
 * properties (`unlocks`, `root`) of many concepts and every closure: everything is forgotten.
 * Designers edit while learners work, so a description fix must not empty every cache.
 */
export function staleCaches(changes: readonly CurriculumChangeRecord[]): StaleCaches {
  const out: StaleCaches = { all: false, concepts: [], items: false };
  for (const c of changes) {
    if (c.entity === "CONCEPT" && c.operation === "UPDATED") out.concepts.push(c.id);
    else if (c.entity === "ITEM" || c.entity === "ITEM_LINK") out.items = true;
    else out.all = true;
  }
  return out;
}
