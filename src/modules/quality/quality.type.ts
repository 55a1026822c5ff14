import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from "type-graphql";

@ObjectType()
export class CountByKey {
  @Field(() => String)
  key!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "Data-quality figures for operators." })
export class DataQuality {
  @Field(() => [CountByKey], { description: "Stored events per kind." })
  eventsByKind!: CountByKey[];

  @Field(() => [CountByKey], { description: "Rejected events per code, since the database was created." })
  rejectedByCode!: CountByKey[];

  @Field(() => GraphQLISODateTime, { nullable: true, description: "Freshness: the newest event's time." })
  latestEventAt!: Date | null;

  @Field(() => Int)
  learners!: number;

  @Field(() => Int, { description: "Learners without any event." })
  learnersWithoutEvents!: number;
}

@ObjectType({ description: "One feature's distribution in the two windows and its population stability index." })
export class FeatureDrift {
  @Field(() => String, { description: "kind, score, duration, hints, answersPerLearner, delay (arrival after the event) or rejections (stored vs rejected per code)." })
  feature!: string;

  @Field(() => [String])
  bins!: string[];

  @Field(() => [Int], { description: "Counts per bin in the recent window." })
  recent!: number[];

  @Field(() => [Int], { description: "Counts per bin in the baseline window." })
  baseline!: number[];

  @Field(() => Float, { nullable: true, description: "PSI; null when a window has fewer than 30 observations." })
  psi!: number | null;

  @Field(() => String, { description: "STABLE (< 0.1), MODERATE (< 0.25), DRIFTED (>= 0.25) or TOO_FEW." })
  level!: string;
}

@ObjectType()
export class WindowFigures {
  @Field(() => Int)
  events!: number;

  @Field(() => [Int], { description: "Events per kind: ANSWER, ASSIGNMENT, CONTENT_VIEW." })
  byKind!: number[];

  @Field(() => Float, { nullable: true, description: "Mean score of answers and assignments." })
  correctRate!: number | null;

  @Field(() => Float, { nullable: true, description: "The model's mean predicted P(correct) before those answers." })
  meanPredicted!: number | null;

  @Field(() => Float, { nullable: true, description: "Their mean score (the same answers as meanPredicted)." })
  meanObserved!: number | null;

  @Field(() => Int, { description: "Learners with answers in the window." })
  learners!: number;

  @Field(() => [CountByKey], { description: "Events rejected in the window (by day received), per code: UNKNOWN_ITEM, UNKNOWN_CONCEPT, FUTURE_EVENT, ..." })
  rejected!: CountByKey[];
}

@ObjectType({ description: "Drift of one source (the events' `source`: a platform, an xAPI producer `xapi:<sub>`, a Caliper sensor `caliper:<sub>`)." })
export class SourceDrift {
  @Field(() => String)
  source!: string;

  @Field(() => WindowFigures)
  recent!: WindowFigures;

  @Field(() => WindowFigures)
  baseline!: WindowFigures;

  @Field(() => [FeatureDrift])
  features!: FeatureDrift[];

  @Field(() => Float, { nullable: true, description: "Calibration drift: (predicted - observed) recent minus the same in the baseline." })
  calibrationShift!: number | null;

  @Field(() => Boolean, { description: "Some feature's PSI is at or above the threshold." })
  drifted!: boolean;
}

@ObjectType()
export class DriftReport {
  @Field(() => GraphQLISODateTime)
  recentFrom!: Date;

  @Field(() => GraphQLISODateTime)
  baselineFrom!: Date;

  @Field(() => GraphQLISODateTime)
  to!: Date;

  @Field(() => Float, { description: "PSI at or above which a feature counts as drifted." })
  threshold!: number;

  @Field(() => [SourceDrift])
  sources!: SourceDrift[];
}

@ObjectType()
export class DriftedFeature {
  @Field(() => String)
  feature!: string;

  @Field(() => Float)
  psi!: number;
}

@ObjectType({ description: "A source's incoming evidence drifted: some feature newly reached the threshold (docs/drift.md)." })
export class DriftAlert {
  @Field(() => ID, { description: "`source@time`: unique per alert." })
  id!: string;

  @Field(() => String)
  source!: string;

  @Field(() => [DriftedFeature], { description: "The features that newly drifted, highest PSI first." })
  features!: DriftedFeature[];

  @Field(() => [String], { description: "Every feature of the source drifted now." })
  drifted!: string[];

  @Field(() => Float, { nullable: true, description: "Calibration drift at detection: when large, refit the model." })
  calibrationShift!: number | null;

  @Field(() => GraphQLISODateTime)
  recentFrom!: Date;

  @Field(() => GraphQLISODateTime)
  baselineFrom!: Date;

  @Field(() => GraphQLISODateTime)
  detectedAt!: Date;
}
