import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

export enum AlertKind {
  LOW_MASTERY = "LOW_MASTERY",
  INACTIVE = "INACTIVE",
}
registerEnumType(AlertKind, { name: "AlertKind", description: "LOW_MASTERY: mastery below the class's threshold after enough attempts. INACTIVE: no event for longer than the class's inactiveDays." });
import { IsOptional, Max, Min } from "class-validator";

@InputType({ description: "Per-class alert thresholds." })
export class AlertRulesInput {
  @Field(() => Float, { defaultValue: 0.3, description: "Alert when mastery is below this, in (0, 1)..." })
  @Min(0.01)
  @Max(0.99)
  lowMastery!: number;

  @Field(() => Int, { defaultValue: 5, description: "...after at least this many attempts (1-1000)." })
  @Min(1)
  @Max(1000)
  minAttempts!: number;

  @Field(() => Int, { nullable: true, description: "Alert when a learner has had no event for this many days (1-365); null turns it off." })
  @IsOptional()
  @Min(1)
  @Max(365)
  inactiveDays?: number | null;
}

@ObjectType()
export class AlertRules {
  @Field(() => ID, { description: "The class whose rules these are (a client caches them under it)." })
  classId!: string;

  @Field(() => Float)
  lowMastery!: number;

  @Field(() => Int)
  minAttempts!: number;

  @Field(() => Int, { nullable: true })
  inactiveDays!: number | null;
}

@ObjectType({ description: "A threshold alert on a learner of a class." })
export class Alert {
  @Field(() => ID)
  classId!: string;

  @Field(() => AlertKind)
  kind!: AlertKind;

  @Field(() => ID)
  learnerId!: string;

  @Field(() => ID, { nullable: true })
  conceptId!: string | null;

  @Field(() => Float, { nullable: true })
  p!: number | null;

  @Field(() => Int, { nullable: true })
  attempts!: number | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "Last practice (LOW_MASTERY) or last event (INACTIVE)." })
  since!: Date | null;

  @Field(() => String)
  text!: string;
}
