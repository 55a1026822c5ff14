import { GraphQLLocalDate } from "graphql-scalars";
import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Concept } from "../curriculum/concept.type.js";
import { Item } from "../curriculum/item.type.js";

export enum RecommendationKind {
  LEARN = "LEARN",
  REVIEW = "REVIEW",
  REMEDIATION = "REMEDIATION",
}
registerEnumType(RecommendationKind, {
  name: "RecommendationKind",
  description: "LEARN: on the frontier. REVIEW: mastered, recall has decayed. REMEDIATION: a weak prerequisite of a concept the learner struggles with (may itself have unmastered prerequisites).",
});

/** Named weight sets of the ranking (src/domain/recommendations/ranking.ts), by their keys there. */
export enum RecommendationStrategy {
  BALANCED = "balanced",
  GOAL_FIRST = "goal-first",
  REVIEW_HEAVY = "review-heavy",
  EXPLORE = "explore",
}
registerEnumType(RecommendationStrategy, { name: "RecommendationStrategy", description: "Which named weight set ranks the candidates (see the recommendations README)." });

/** The ranking's factors, by their names in src/domain/recommendations/ranking.ts. */
export enum RankingFactorName {
  READINESS = "readiness",
  MASTERY_GAP = "masteryGap",
  UNLOCK_VALUE = "unlockValue",
  GOAL_RELEVANCE = "goalRelevance",
  REVIEW_DUE = "reviewDue",
  CONTINUITY = "continuity",
  VARIETY = "variety",
}
registerEnumType(RankingFactorName, { name: "RankingFactorName", description: "A ranking factor; VARIETY is a penalty (it counts against the score)." });

export enum LearningPathStatus {
  PATH = "PATH",
  ALREADY_MASTERED = "ALREADY_MASTERED",
  TOO_DEEP = "TOO_DEEP",
}
registerEnumType(LearningPathStatus, { name: "LearningPathStatus", description: "PATH: the steps lead to the goal. ALREADY_MASTERED: nothing to do. TOO_DEEP: the goal's prerequisites go deeper than 12 levels; the steps are the first part." });

@ObjectType({ description: "One ranking factor: its value in [0, 1], its weight and value x weight." })
export class RankingFactor {
  @Field(() => RankingFactorName)
  name!: RankingFactorName;

  @Field(() => Float)
  value!: number;

  @Field(() => Float)
  weight!: number;

  @Field(() => Float, { description: "Signed contribution to the score (variety counts against)." })
  contribution!: number;
}

@ObjectType()
export class RecommendedItem {
  @Field(() => Item)
  item!: Item;

  @Field(() => Float, { description: "The model's P(correct) for this learner now." })
  predictedCorrect!: number;
}

@ObjectType({ description: "Something to do next, with why." })
export class Recommendation {
  @Field(() => Concept)
  concept!: Concept;

  @Field(() => RecommendationKind)
  kind!: RecommendationKind;

  @Field(() => Boolean, {
    description:
      "True for a stretch: offered because the list has room, though the evidence says the learner is not ready (failing it although its prerequisites look mastered: the map may miss one). The explanation says why; stretches come after every other recommendation.",
  })
  stretch!: boolean;

  @Field(() => Float, { description: "The ranking score (REMEDIATION comes first regardless)." })
  score!: number;

  @Field(() => Float, { description: "Mastery now, in [0, 1]." })
  mastery!: number;

  @Field(() => [RankingFactor])
  factors!: RankingFactor[];

  @Field(() => String, { description: "One plain sentence a teacher can audit." })
  explanation!: string;

  @Field(() => [RecommendedItem], { description: "Items in the target difficulty band, not attempted recently." })
  items!: RecommendedItem[];
}

@ObjectType()
export class LearningPathStep {
  @Field(() => Concept)
  concept!: Concept;

  @Field(() => Float)
  mastery!: number;

  @Field(() => Int, { description: "Estimated practice opportunities to reach mastery, from the model." })
  estimatedPractice!: number;
}

@ObjectType({ description: "The unmastered prerequisites of a goal, in an order that respects every prerequisite." })
export class LearningPath {
  @Field(() => ID)
  learnerId!: string;

  @Field(() => ID)
  goalConceptId!: string;

  @Field(() => LearningPathStatus)
  status!: LearningPathStatus;

  @Field(() => [LearningPathStep])
  steps!: LearningPathStep[];

  @Field(() => Int, { description: "Sum of the steps' estimated practice." })
  totalEstimatedPractice!: number;

  @Field(() => String)
  explanation!: string;
}

@ObjectType()
export class Goal {
  @Field(() => ID, { description: "The learner whose goal it is (one goal per learner: a client caches it under this)." })
  learnerId!: string;

  @Field(() => ID)
  conceptId!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: "A calendar date, e.g. 2027-06-30." })
  targetDate!: string | null;
}

@ObjectType({ description: "A mastered concept due for review." })
export class ReviewItem {
  @Field(() => Concept)
  concept!: Concept;

  @Field(() => Float, { description: "Predicted recall now." })
  mastery!: number;

  @Field(() => GraphQLISODateTime, { description: "When recall fell (or falls) below the review threshold." })
  dueAt!: Date;
}

export enum ItemSelection {
  CLOSEST = "closest",
  THOMPSON = "thompson",
}
registerEnumType(ItemSelection, {
  name: "ItemSelection",
  description: "How a concept's in-band items are ordered. CLOSEST: predicted P(correct) nearest the band's middle. THOMPSON: Thompson sampling on each item's effectiveness for the learner's ability band (docs/effectiveness.md), seeded; the explanation says when the first item is an exploratory choice.",
});
