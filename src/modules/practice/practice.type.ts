import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { IsOptional, Max, Min } from "class-validator";
import { GraphQLLocalDate } from "graphql-scalars";

export enum PracticeTargetKind {
  MINUTES = "MINUTES",
  ANSWERS = "ANSWERS",
}
registerEnumType(PracticeTargetKind, { name: "PracticeTargetKind", description: "MINUTES: practice time (sum of events' durationMs). ANSWERS: answers." });

export enum MilestoneKind {
  STREAK_7 = "STREAK_7",
  STREAK_30 = "STREAK_30",
  DAILY_GOAL = "DAILY_GOAL",
  WEEKLY_GOAL = "WEEKLY_GOAL",
  FIRST_MASTERED_IN_TOPIC = "FIRST_MASTERED_IN_TOPIC",
}
registerEnumType(MilestoneKind, { name: "MilestoneKind", description: "STREAK_7/30: the current streak reached 7/30 days. DAILY_GOAL, WEEKLY_GOAL: today's / this week's target met. FIRST_MASTERED_IN_TOPIC: a first concept mastered in a topic." });

@ObjectType()
export class PracticeTarget {
  @Field(() => PracticeTargetKind) kind!: PracticeTargetKind;
  @Field(() => Float) value!: number;
}

@ObjectType({ description: "One local day with practice." })
export class PracticeDay {
  @Field(() => GraphQLLocalDate, { description: "In the learner's time zone." }) date!: string;
  @Field(() => Float) minutes!: number;
  @Field(() => Int) answers!: number;
  @Field(() => Boolean, { description: "Met the daily target." }) met!: boolean;
}

@ObjectType()
export class PracticeWeek {
  @Field(() => GraphQLLocalDate, { description: "Its Monday, in the learner's time zone." }) weekStart!: string;
  @Field(() => Float, { description: "In the daily target's unit." }) total!: number;
}

@ObjectType({ description: "Something the learner reached (docs/practice.md)." })
export class Milestone {
  @Field(() => ID) learnerId!: string;
  @Field(() => MilestoneKind) kind!: MilestoneKind;
  @Field(() => String, { description: "What it is about: the streak's first day, the day, the week's Monday, or the topic id." }) subject!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: "The local day it was reached (null for topics)." }) date!: string | null;
  @Field(() => String) text!: string;
}

@ObjectType({ description: "Daily streaks and targets, recomputed from the learner's events in their time zone." })
export class PracticeSummary {
  @Field(() => ID) learnerId!: string;
  @Field(() => String, { description: "IANA zone (UTC when not set)." }) timeZone!: string;
  @Field(() => GraphQLLocalDate) today!: string;
  @Field(() => PracticeTarget, { description: "What a day needs to count (default: 1 answer)." }) dailyTarget!: PracticeTarget;
  @Field(() => Int, { description: "Counted days in a row, ending today (or yesterday while today is not met yet)." }) currentStreak!: number;
  @Field(() => Int) longestStreak!: number;
  @Field(() => Int, { description: "Counted days among the last 28, today included." }) daysPractisedLast28!: number;
  @Field(() => PracticeWeek) thisWeek!: PracticeWeek;
  @Field(() => [PracticeWeek], { description: "Up to 8 complete weeks before this one, the latest first." }) recentWeeks!: PracticeWeek[];
  @Field(() => Float, { nullable: true, description: "Set by the learner or a teacher; null: not set (suggestedWeeklyTarget applies)." }) weeklyTarget!: number | null;
  @Field(() => Float, { nullable: true, description: "ceil(1.1 × median of the last 4 complete weeks); null without one." }) suggestedWeeklyTarget!: number | null;
  @Field(() => Boolean, { description: "This week's total reached the weekly target (set, else suggested)." }) weeklyTargetMet!: boolean;
  @Field(() => [PracticeDay], { description: "Days with practice among the last 28." }) days!: PracticeDay[];
  @Field(() => [Milestone], { description: "Milestones that hold now." }) milestones!: Milestone[];
}

@InputType()
export class PracticeTargetInput {
  @Field(() => PracticeTargetKind) kind!: PracticeTargetKind;
  @Field(() => Float, { description: "Minutes (1-600) or answers (1-1000) a day." }) @Min(1) @Max(1000) value!: number;
}

@InputType({ description: "Practice settings; omitted fields keep their value." })
export class PracticeSettingsInput {
  @Field(() => String, { nullable: true, description: "An IANA time zone, e.g. Europe/Paris." }) @IsOptional() timeZone?: string | null;
  @Field(() => PracticeTargetInput, { nullable: true }) @IsOptional() dailyTarget?: PracticeTargetInput | null;
  @Field(() => Float, { nullable: true, description: "Per week, in the daily target's unit (1-10000)." }) @IsOptional() @Min(1) @Max(10_000) weeklyTarget?: number | null;
  @Field(() => Boolean, { defaultValue: false, description: "Remove the weekly target (the suggestion applies again)." }) clearWeeklyTarget!: boolean;
}
