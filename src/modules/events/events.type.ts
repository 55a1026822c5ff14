import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

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

export enum EventResultCode {
  MISSING_FIELD = "MISSING_FIELD",
  INVALID_VALUE = "INVALID_VALUE",
  FUTURE_EVENT = "FUTURE_EVENT",
  UNKNOWN_ITEM = "UNKNOWN_ITEM",
  UNKNOWN_CONCEPT = "UNKNOWN_CONCEPT",
  FORBIDDEN = "FORBIDDEN",
  BATCH_REJECTED = "BATCH_REJECTED",
}
registerEnumType(EventResultCode, {
  name: "EventResultCode",
  description: "Why an event was REJECTED (MISSING_FIELD, INVALID_VALUE, FUTURE_EVENT, UNKNOWN_ITEM, UNKNOWN_CONCEPT, FORBIDDEN) or NOT_APPLIED (BATCH_REJECTED).",
});

/**
 * One piece of learner evidence. Values are checked per event (a bad score or an unknown item is
 * REJECTED with a reason without failing the others); a value the schema's types refuse (an
 * occurredAt that is not a date-time) fails the whole call before anything is written.
 */
@InputType()
export class EventInput {
  @Field(() => ID, { description: "Unique per event; a replayed eventId is a DUPLICATE and changes nothing." })
  eventId!: string;

  @Field(() => EventKind, { defaultValue: EventKind.ANSWER })
  kind!: EventKind;

  @Field(() => ID, { description: "Opaque, pseudonymous learner id." })
  learnerId!: string;

  @Field(() => ID, { nullable: true, description: "The item; its ASSESSES edges give the concepts." })
  itemId?: string | null;

  @Field(() => [ID], { nullable: true, description: "Concepts, when the item is not in the graph (historic data)." })
  conceptIds?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  correct?: boolean | null;

  @Field(() => Float, { nullable: true, description: "Partial credit in [0, 1], instead of correct." })
  score?: number | null;

  @Field(() => GraphQLISODateTime, { description: "When it happened: an RFC 3339 date-time with a time zone." })
  occurredAt!: Date;

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

  @Field(() => ID, { nullable: true })
  eventId!: string | null;

  @Field(() => EventStatus)
  status!: EventStatus;

  @Field(() => EventResultCode, { nullable: true, description: "Set for REJECTED and NOT_APPLIED." })
  code!: EventResultCode | null;

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

  @Field(() => Int, { description: "How many mastery changes the accepted events caused (each is pushed on masteryChanged)." })
  masteryChangeCount!: number;

  @Field(() => [EventResult], { description: "One per input event, in input order." })
  results!: EventResult[];
}

