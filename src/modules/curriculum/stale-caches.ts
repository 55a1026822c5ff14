import type { CurriculumChangeRecord } from "./curriculum-change.js";

/** What committed curriculum changes make stale in the per-process curriculum caches. */
export interface StaleCaches {
  /** Everything: concepts, items, the concepts of items, prerequisite closures. */
  all: boolean;
  /** Concepts whose own record changed (name, description, tags, topic). */
  concepts: string[];
  /** Items, their links and difficulties (items of concepts, concepts of items). */
  items: boolean;
  /** Prerequisite edges changed: closures and other derived walks of the graph are stale. */
  structure: boolean;
}

/**
 * A concept edit that leaves the graph alone (name, description, tags, topic) makes only that
 * concept's record stale; item edits and links make only the item caches stale. A prerequisite
 * edge added, reweighted or removed changes the record of its dependent end (its prerequisites,
 * its `root` flag) and every walk of the graph (closures), not items or other records: the
 * `unlocks` it shifts upstream are recounted after it (unlocks-refresher.ts), and the recount
 * forgets exactly the concepts whose count changed. Anything else that touches the graph
 * (concepts created or deleted, imports) forgets everything. Designers edit while learners work,
 * so a description fix or one new edge must not empty every cache.
 */
export function staleCaches(changes: readonly CurriculumChangeRecord[]): StaleCaches {
  const out: StaleCaches = { all: false, concepts: [], items: false, structure: false };
  for (const c of changes) {
    if (c.entity === "CONCEPT" && c.operation === "UPDATED") out.concepts.push(c.id);
    else if (c.entity === "ITEM" || c.entity === "ITEM_LINK") out.items = true;
    else if (c.entity === "PREREQUISITE") {
      out.concepts.push(c.id);
      out.structure = true;
    } else out.all = true;
  }
  return out;
}
