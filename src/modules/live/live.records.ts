import type { Recommendation } from "../recommendations/recommendation.type.js";

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
}

/** A learner's top recommendations changed (derived on each server, for its own subscribers). */
export interface RecommendationsChangeRecord {
  learnerId: string;
  /** The mastery change that triggered the recomputation (null: a curriculum change). */
  causeSeq: number | null;
  previousConceptIds: string[];
  recommendations: Recommendation[];
  recordedAt: number;
}

/** A LOW_MASTERY alert that a mastery change has just raised in a class. */
export interface AlertRaisedRecord {
  classId: string;
  learnerId: string;
  conceptId: string;
  p: number;
  attempts: number;
  seq: number;
  text: string;
  recordedAt: number;
}
