import type { Recommendation } from "../recommendations/recommendation.type.js";

export type { CurriculumChangeRecord, CurriculumEntity, CurriculumOperation } from "../curriculum/curriculum-change.js";

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
