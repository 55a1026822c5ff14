import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from "class-validator";
import { Field, Float, GraphQLISODateTime, ID, InputType, Int } from "type-graphql";
import { IsEntityId } from "../../common/validation.js";
import { RecommendationStrategy } from "../recommendations/recommendation.type.js";
import { ExperimentMetric, ExperimentUnit } from "./experiment.type.js";

@InputType({ description: "A ranking weight set, every factor named (each in [0, 10])." })
export class RankingWeightsInput {
  @Field(() => Float) @Min(0) @Max(10) readiness!: number;
  @Field(() => Float) @Min(0) @Max(10) masteryGap!: number;
  @Field(() => Float) @Min(0) @Max(10) unlockValue!: number;
  @Field(() => Float) @Min(0) @Max(10) goalRelevance!: number;
  @Field(() => Float) @Min(0) @Max(10) reviewDue!: number;
  @Field(() => Float) @Min(0) @Max(10) continuity!: number;
  @Field(() => Float) @Min(0) @Max(10) variety!: number;
}

@InputType({ description: "A variant: a named strategy or a weight set (exactly one), and its allocation weight." })
export class ExperimentVariantInput {
  @Field(() => String, { description: "Shown in explanations, e.g. A, B, control (letters, digits, - and _, up to 32)." })
  @Matches(/^[A-Za-z0-9_-]{1,32}$/)
  key!: string;

  @Field(() => Float, { description: "Relative allocation weight, > 0." })
  @Min(0.000001)
  @Max(1_000_000)
  weight!: number;

  @Field(() => RecommendationStrategy, { nullable: true })
  @IsOptional()
  strategy?: RecommendationStrategy | null;

  @Field(() => RankingWeightsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  weights?: RankingWeightsInput | null;
}

@InputType({ description: "Who may take part; every rule given must hold. Applied before assignment and recorded." })
export class ExperimentEligibilityInput {
  @Field(() => [ID], { nullable: true, description: "Only learners in one of these classes." })
  @IsOptional()
  @ArrayMaxSize(1000)
  @IsEntityId({ each: true })
  classIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Only learners who have practised a concept under one of these topics (any level)." })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsEntityId({ each: true })
  topicIds?: string[] | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "Only learners created at or after this time." })
  @IsOptional()
  createdAfter?: Date | null;

  @Field(() => [ID], { nullable: true, description: "Never these learners." })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsEntityId({ each: true })
  excludeLearnerIds?: string[] | null;
}

@InputType({ description: "An experiment's definition (create, or update while DRAFT)." })
export class ExperimentInput {
  @Field(() => ID) @IsEntityId() id!: string;

  @Field(() => String) @MinLength(1) @MaxLength(200) name!: string;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) hypothesis?: string | null;

  @Field(() => ExperimentUnit, { defaultValue: ExperimentUnit.LEARNER }) unit!: ExperimentUnit;

  @Field(() => [ExperimentVariantInput], { description: "2 to 10 variants; the first is the control every other is compared with." })
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @ValidateNested()
  variants!: ExperimentVariantInput[];

  @Field(() => ExperimentEligibilityInput, { nullable: true }) @IsOptional() @ValidateNested() eligibility?: ExperimentEligibilityInput | null;

  @Field(() => ExperimentMetric) primaryMetric!: ExperimentMetric;

  @Field(() => [ExperimentMetric], { nullable: true }) @IsOptional() secondaryMetrics?: ExperimentMetric[] | null;

  @Field(() => Int, { defaultValue: 7, description: "Days after each learner's first exposure that the metrics cover (1-90)." }) @Min(1) @Max(90) windowDays!: number;

  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() startAt?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() stopAt?: Date | null;
}
