import { Field, Float, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

export enum EventKind {
  ANSWER = "ANSWER",
  ASSIGNMENT = "ASSIGNMENT",
  CONTENT_VIEW = "CONTENT_VIEW",
}
registerEnumType(EventKind, {
  name: "EventKind",
  description: "ANSWER: one item answered. ASSIGNMENT: a scored submission over several concepts. CONTENT_VIEW: a video or reading (a learning opportunity, not evidence of mastery).",
});

export enum EventStatus {
  ACCEPTED = "ACCEPTED",
  DUPLICATE = "DUPLICATE",
  REJECTED = "REJECTED",
  NOT_APPLIED = "NOT_APPLIED",
}
registerEnumType(EventStatus, {
  name: "EventStatus",
  description: "ACCEPTED: applied. DUPLICATE: this eventId was seen before; nothing changed. REJECTED: see code and reason. NOT_APPLIED: valid, but an atomic batch was rejected.",
});

/**
 * One piece of learner evidence. Fields are checked per event (a bad one is REJECTED with a
 * reason without failing the others), so occurredAt is a string here, validated as ISO-8601.
 */
@InputType()
export class EventInput {
  @Field(() => String, { description: "Unique per event; a replayed eventId is a DUPLICATE and changes nothing." })
  eventId!: string;

  @Field(() => EventKind, { defaultValue: EventKind.ANSWER })
  kind!: EventKind;

  @Field(() => String, { description: "Opaque, pseudonymous learner id." })
  learnerId!: string;

  @Field(() => String, { nullable: true, description: "The item; its ASSESSES edges give the concepts." })
  itemId?: string | null;

  @Field(() => [String], { nullable: true, description: "Concepts, when the item is not in the graph (historic data)." })
  conceptIds?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  correct?: boolean | null;

  @Field(() => Float, { nullable: true, description: "Partial credit in [0, 1], instead of correct." })
  score?: number | null;

  @Field(() => String, { description: "ISO-8601 date-time with a time zone." })
  occurredAt!: string;

  @Field(() => Int, { nullable: true })
  durationMs?: number | null;

  @Field(() => Int, { nullable: true })
  hintsUsed?: number | null;

  @Field(() => Int, { nullable: true })
  attemptNumber?: number | null;

  @Field(() => String, { nullable: true, description: "Which platform or app sent it." })
  source?: string | null;

  @Field(() => Float, { nullable: true, description: "CONTENT_VIEW: fraction watched or read, in [0, 1]." })
  watchFraction?: number | null;
}

@ObjectType()
export class EventResult {
  @Field(() => Int, { description: "Position in the input list." })
  index!: number;

  @Field(() => String, { nullable: true })
  eventId!: string | null;

  @Field(() => EventStatus)
  status!: EventStatus;

  @Field(() => String, {
    nullable: true,
    description: "For REJECTED: MISSING_FIELD, INVALID_VALUE, FUTURE_EVENT, UNKNOWN_ITEM, UNKNOWN_CONCEPT, FORBIDDEN. For NOT_APPLIED: BATCH_REJECTED.",
  })
  code!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

@ObjectType()
export class RecordEventsResult {
  @Field(() => Int)
  accepted!: number;

  @Field(() => Int)
  duplicates!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => Int, { description: "Mastery changes the accepted events caused." })
  masteryChanges!: number;

  @Field(() => [EventResult], { description: "One per input event, in input order." })
  results!: EventResult[];
}

