/** Who may take part in an experiment, applied before assignment (the decision is recorded). */
export interface EligibilityRules {
  /** Only learners in one of these classes; null: any learner. */
  classIds: readonly string[] | null;
  /** Only learners who have practised a concept under one of these topics (any level); null: no rule. */
  topicIds: readonly string[] | null;
  /** Only learners created at or after this time (epoch ms); null: no rule. */
  createdAfter: number | null;
  /** Never these learners (test accounts, opted out). */
  excludeLearnerIds: readonly string[];
}

export interface LearnerFacts {
  learnerId: string;
  classIds: readonly string[];
  /** Epoch ms; null for learners stored before creation times were kept. */
  createdAt: number | null;
  /** The topics of `EligibilityRules.topicIds` the learner has practised under. */
  practisedTopicIds: readonly string[];
}

export type ExperimentUnit = "LEARNER" | "CLASS";

export type ExclusionReason = "EXCLUDED_LEARNER" | "NOT_IN_CLASSES" | "CREATED_BEFORE" | "NO_TOPIC_PRACTICE" | "NO_CLASS";

export type Decision = { eligible: true; unitId: string } | { eligible: false; reason: ExclusionReason };

/**
 * The first failing rule in this order: explicit exclusion, classes, creation date, topics; for
 * class units, a learner with no (eligible) class. A class unit is the learner's first eligible
 * class by id, so a learner in two classes gets the same unit every time.
 */
export function decide(rules: EligibilityRules, unit: ExperimentUnit, f: LearnerFacts): Decision {
  if (rules.excludeLearnerIds.includes(f.learnerId)) return { eligible: false, reason: "EXCLUDED_LEARNER" };
  const classes = rules.classIds === null ? [...f.classIds] : f.classIds.filter((k) => rules.classIds?.includes(k));
  if (rules.classIds !== null && classes.length === 0) return { eligible: false, reason: "NOT_IN_CLASSES" };
  if (rules.createdAfter !== null && (f.createdAt === null || f.createdAt < rules.createdAfter)) return { eligible: false, reason: "CREATED_BEFORE" };
  if (rules.topicIds !== null && !f.practisedTopicIds.some((t) => rules.topicIds?.includes(t))) return { eligible: false, reason: "NO_TOPIC_PRACTICE" };
  if (unit === "CLASS") {
    const [first] = classes.sort();
    return first === undefined ? { eligible: false, reason: "NO_CLASS" } : { eligible: true, unitId: first };
  }
  return { eligible: true, unitId: f.learnerId };
}
