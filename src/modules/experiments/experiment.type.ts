import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { RecommendationStrategy } from "../recommendations/recommendation.type.js";

export enum ExperimentStatus {
  DRAFT = "DRAFT",
  RUNNING = "RUNNING",
  STOPPED = "STOPPED",
}
registerEnumType(ExperimentStatus, { name: "ExperimentStatus", description: "DRAFT: editable, assigns nobody. RUNNING: assigns on first exposure; the definition is frozen. STOPPED: assigns nobody; results stay readable." });

export enum ExperimentUnit {
  LEARNER = "LEARNER",
  CLASS = "CLASS",
}
registerEnumType(ExperimentUnit, { name: "ExperimentUnit", description: "What is randomised: each learner, or each class (classmates share a variant; the class is then the unit of analysis)." });

export enum ExperimentMetric {
  PRACTICE_MINUTES = "PRACTICE_MINUTES",
  ANSWERS = "ANSWERS",
  MASTERY_GAIN = "MASTERY_GAIN",
  CONCEPTS_MASTERED = "CONCEPTS_MASTERED",
  RETURNED_7D = "RETURNED_7D",
}
registerEnumType(ExperimentMetric, {
  name: "ExperimentMetric",
  description:
    "Per learner, over the window after the first exposure (docs/experiments.md): PRACTICE_MINUTES (sum of durationMs), ANSWERS, MASTERY_GAIN (on the concepts shown), CONCEPTS_MASTERED (newly), RETURNED_7D (1 if active on any of the 7 UTC days after the first exposure's day).",
});

@ObjectType({ description: "A ranking weight set (the factors of the recommendations README)." })
export class RankingWeightSet {
  @Field(() => Float) readiness!: number;
  @Field(() => Float) masteryGap!: number;
  @Field(() => Float) unlockValue!: number;
  @Field(() => Float) goalRelevance!: number;
  @Field(() => Float) reviewDue!: number;
  @Field(() => Float) continuity!: number;
  @Field(() => Float) variety!: number;
}

@ObjectType({ description: "A confidence interval." })
export class ConfidenceInterval {
  @Field(() => Float) lower!: number;
  @Field(() => Float) upper!: number;
  @Field(() => Float, { description: "The confidence level, e.g. 0.95." }) level!: number;
}

@ObjectType({ description: "A variant: its definition and, for the primary metric, its read-out against the first (control) variant." })
export class ExperimentVariant {
  @Field(() => String) key!: string;
  @Field(() => Float, { description: "Allocation weight (relative)." }) weight!: number;
  @Field(() => RecommendationStrategy, { nullable: true, description: "The named strategy, or null when the variant is a weight set." }) strategy!: RecommendationStrategy | null;
  @Field(() => RankingWeightSet, { description: "The weights it ranks with (the strategy's, or its own)." }) weights!: RankingWeightSet;
  /** The experiment this variant belongs to (not in the schema: the read-out fields find the analysis through it). */
  experiment!: Experiment;
}

@ObjectType({ description: "One variant's summary of one metric, with the comparison against the control (the first variant)." })
export class VariantMetric {
  @Field(() => String) variant!: string;
  @Field(() => Int, { description: "Units (learners or classes) with at least one exposure." }) n!: number;
  @Field(() => Float) mean!: number;
  @Field(() => Float, { description: "Sample standard deviation (n − 1)." }) sd!: number;
  @Field(() => Float, { nullable: true, description: "mean − control's mean; null for the control." }) diff!: number | null;
  @Field(() => ConfidenceInterval, { nullable: true, description: "Welch's 95% interval of diff; null for the control or when undefined (n < 2)." }) ci!: ConfidenceInterval | null;
  @Field(() => Float, { nullable: true, description: "Two-sided Welch's t-test p-value against the control." }) pValue!: number | null;
  @Field(() => Float, { nullable: true, description: "Cohen's d against the control (pooled sd)." }) effectSize!: number | null;
}

@ObjectType()
export class ExperimentMetricResult {
  @Field(() => ExperimentMetric) metric!: ExperimentMetric;
  @Field(() => Boolean) primary!: boolean;
  @Field(() => [VariantMetric]) variants!: VariantMetric[];
}

@ObjectType({ description: "Sample-ratio mismatch check: Pearson's chi-square of the assigned units per variant against the weights." })
export class SampleRatioCheck {
  @Field(() => [Int]) observed!: number[];
  @Field(() => [Float]) expected!: number[];
  @Field(() => Float) chiSquare!: number;
  @Field(() => Int) df!: number;
  @Field(() => Float, { nullable: true }) pValue!: number | null;
  @Field(() => Boolean, { description: "pValue < 0.001: assignment or logging is broken, do not trust the comparison." }) mismatch!: boolean;
}

@ObjectType({ description: "Learners excluded before assignment, by the first rule that excluded them." })
export class ExclusionCount {
  @Field(() => String, { description: "EXCLUDED_LEARNER, NOT_IN_CLASSES, CREATED_BEFORE, NO_TOPIC_PRACTICE or NO_CLASS." }) reason!: string;
  @Field(() => Int) learners!: number;
}

@ObjectType()
export class ExperimentEligibility {
  @Field(() => [ID], { nullable: true }) classIds!: string[] | null;
  @Field(() => [ID], { nullable: true }) topicIds!: string[] | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) createdAfter!: Date | null;
  @Field(() => [ID]) excludeLearnerIds!: string[];
}

@ObjectType({ description: "An A/B test of recommendation strategies (docs/experiments.md)." })
export class Experiment {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) hypothesis!: string | null;
  @Field(() => ExperimentStatus) status!: ExperimentStatus;
  @Field(() => ExperimentUnit) unit!: ExperimentUnit;
  @Field(() => ExperimentEligibility) eligibility!: ExperimentEligibility;
  @Field(() => ExperimentMetric) primaryMetric!: ExperimentMetric;
  @Field(() => [ExperimentMetric]) secondaryMetrics!: ExperimentMetric[];
  @Field(() => Int, { description: "Days after each learner's first exposure that the metrics cover." }) windowDays!: number;
  @Field(() => GraphQLISODateTime, { nullable: true, description: "While running, assign only from this time." }) startAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: "While running, assign only before this time." }) stopAt!: Date | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) startedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) stoppedAt!: Date | null;
  /** Definition of the variants (the schema's `variants` adds the read-out). */
  variantDefs!: ExperimentVariantDef[];
}

export interface ExperimentVariantDef {
  key: string;
  weight: number;
  strategy: string | null;
  weights: RankingWeightSet;
}
