import type { TypePolicies } from "@apollo/client";

/**
 * Apollo Client type policies for Frontier's API: the key fields of every entity, and
 * `keyFields: false` for the values a client stores inside their parent (docs/client.md is the
 * table this implements). Exported on its own so any Apollo app can use it:
 *
 *   new InMemoryCache({ typePolicies: frontierTypePolicies })
 */
export const frontierTypePolicies: TypePolicies = {
  // Entities: `id` is Apollo's default for Concept, Item, Topic, Learner, Classroom, Viewer,
  // MasteryChange (learnerId/seq), CurriculumChange and RaisedAlert.
  PrerequisiteEdge: { keyFields: ["conceptId", "prerequisiteId"] },
  ItemConceptLink: { keyFields: ["itemId", "conceptId"] },
  Mastery: { keyFields: ["learnerId", "conceptId"] },
  TopicMastery: { keyFields: ["learnerId", "topicId"] },
  ItemPrediction: { keyFields: ["learnerId", "itemId"] },
  Goal: { keyFields: ["learnerId"] },
  AlertRules: { keyFields: ["classId"] },
  Heatmap: { keyFields: ["classId", "topicId"] },
  Alert: { keyFields: ["classId", "kind", "learnerId", "conceptId"] },
  // Values: answers computed now, replaced wholesale on refetch.
  ...Object.fromEntries(
    [
      "Attribute",
      "AtRiskLearner",
      "Bottleneck",
      "ClassFrontierConcept",
      "ConceptConnection",
      "ConceptEdge",
      "ItemConnection",
      "ItemEdge",
      "PageInfo",
      "ConceptGraph",
      "ConceptGraphNode",
      "CountByKey",
      "CurriculumReport",
      "DataQuality",
      "DeleteResult",
      "EventResult",
      "RecordEventsResult",
      "ImportCounts",
      "ImportProblem",
      "ImportReport",
      "LearningPathStep",
      "MasteryFactor",
      "PlacementEstimate",
      "PredictionTerm",
      "RankingFactor",
      "Recommendation",
      "RecommendationsChange",
      "RecommendedItem",
      "RedundantEdge",
      "ReviewItem",
    ].map((name) => [name, { keyFields: false as const }]),
  ),
  Learner: {
    fields: {
      // Computed lists: the newest answer replaces the old one (no merge, no warning).
      recommendations: { merge: false },
      reviewQueue: { merge: false },
      mastery: { merge: false },
      topicMastery: { merge: false },
      classes: { merge: false },
    },
  },
  Classroom: {
    fields: {
      atRisk: { merge: false },
      bottlenecks: { merge: false },
      frontier: { merge: false },
      alerts: { merge: false },
      learners: { merge: false },
    },
  },
  Concept: { fields: { prerequisites: { merge: false }, dependents: { merge: false }, items: { merge: false }, attributes: { merge: false } } },
  Item: { fields: { assesses: { merge: false } } },
  LearningPath: { keyFields: ["learnerId", "goalConceptId"], fields: { steps: { merge: false } } },
  PlacementState: { keyFields: ["learnerId", "topicId"], fields: { estimates: { merge: false } } },
  Query: {
    fields: {
      myClasses: { merge: false },
      masteryHistory: { merge: false },
      masteryChangesSince: { merge: false },
    },
  },
};
