import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
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

@ObjectType({ description: "One ranking factor: its value in [0, 1], its weight and value x weight." })
export class RankingFactor {
  @Field(() => String, { description: "readiness, masteryGap, unlockValue, goalRelevance, reviewDue or variety (a penalty)." })
  name!: string;

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
  goalConceptId!: string;

  @Field(() => String, { description: "PATH, ALREADY_MASTERED, NOT_FOUND or TOO_DEEP (prerequisites deeper than 12 levels)." })
  status!: string;

  @Field(() => [LearningPathStep])
  steps!: LearningPathStep[];

  @Field(() => Int, { description: "Sum of the steps' estimated practice." })
  totalEstimatedPractice!: number;

  @Field(() => String)
  explanation!: string;
}

@ObjectType()
export class Goal {
  @Field(() => ID)
  conceptId!: string;

  @Field(() => String, { nullable: true, description: "ISO date." })
  targetDate!: string | null;
}

@ObjectType({ description: "A mastered concept due for review." })
export class ReviewItem {
  @Field(() => Concept)
  concept!: Concept;

  @Field(() => Float, { description: "Predicted recall now." })
  mastery!: number;

  @Field(() => String, { description: "When recall fell (or falls) below the review threshold, ISO-8601." })
  dueAt!: string;
}
