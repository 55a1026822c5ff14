/** What a curriculum change touched. */
export type CurriculumEntity = "CONCEPT" | "ITEM" | "PREREQUISITE" | "ITEM_LINK" | "IMPORT";
export type CurriculumOperation = "CREATED" | "UPDATED" | "DELETED";

/** One committed curriculum change, published after the transaction commits. */
export interface CurriculumChangeRecord {
  /** Unique per change (a client caches changes by it). */
  changeId: string;
  entity: CurriculumEntity;
  operation: CurriculumOperation;
  /** Concept or item id; for PREREQUISITE and ITEM_LINK, the dependent concept or the item. */
  id: string;
  /** PREREQUISITE: the prerequisite concept; ITEM_LINK: the concept; otherwise null. */
  relatedId: string | null;
  /** IMPORT: counts of what was written (JSON); otherwise null. */
  summary: string | null;
  /** Epoch ms (server clock) of the commit. */
  recordedAt: number;
  /**
   * The curriculum version its transaction made (every record of one commit carries the same);
   * null when unknown (e.g. a server of an older version published it).
   */
  version?: number | null;
}
