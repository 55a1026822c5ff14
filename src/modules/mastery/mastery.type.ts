import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from "type-graphql";

export enum MasteryFactorName {
  EVIDENCE = "EVIDENCE",
  FORGETTING = "FORGETTING",
  HINTS = "HINTS",
  PRIOR = "PRIOR",
  PRACTICE = "PRACTICE",
  CORRECTION = "CORRECTION",
  IMPLIED = "IMPLIED",
}
registerEnumType(MasteryFactorName, { name: "MasteryFactorName", description: "What moved a mastery value: recent EVIDENCE, FORGETTING since practice, HINTS used, the PRIOR (never practised), the amount of PRACTICE, a teacher's CORRECTION (who, when, why), IMPLIED by success on a concept that requires it (no direct evidence yet)." });

export enum MasteryChangeReason {
  EVIDENCE = "EVIDENCE",
  CONTENT_VIEW = "CONTENT_VIEW",
  LATE_EVIDENCE = "LATE_EVIDENCE",
  REPLAY = "REPLAY",
  CORRECTION = "CORRECTION",
  CORRECTION_REVERTED = "CORRECTION_REVERTED",
  IMPLIED = "IMPLIED",
}
registerEnumType(MasteryChangeReason, {
  name: "MasteryChangeReason",
  description: "EVIDENCE: an answer or assignment. CONTENT_VIEW: a video or reading. LATE_EVIDENCE: an event older than the newest one applied, replayed in time order. REPLAY: a later change recomputed by that replay. CORRECTION: a teacher set the mastery (correctMastery). CORRECTION_REVERTED: that correction was undone and the evidence replayed without it. IMPLIED: a strong answer on a concept that requires this one raised its implied mastery (this concept has no direct evidence).",
});

/** The terms of the model's logit, by their names in the model (src/domain/mastery/model.ts). */
export enum PredictionTermName {
  BIAS = "bias",
  MASTERY = "mastery",
  ABILITY = "ability",
  DIFFICULTY = "difficulty",
  RECENT = "recent",
  PRACTICE = "practice",
}
registerEnumType(PredictionTermName, { name: "PredictionTermName", description: "A term of logit P(correct): the BIAS, the MASTERY of the item's concepts, the learner's ABILITY, minus the item's DIFFICULTY, RECENT success, amount of PRACTICE." });

@ObjectType({ description: "One reason behind a mastery value." })
export class MasteryFactor {
  @Field(() => MasteryFactorName)
  name!: MasteryFactorName;

  @Field(() => Float)
  value!: number;

  @Field(() => String, { description: "In words, e.g. '4 of the last 5 answers correct'." })
  text!: string;
}

@ObjectType({ description: "A learner's mastery of one concept, now." })
export class Mastery {
  @Field(() => ID, { description: "With conceptId, the key of this value (a client caches it under both)." })
  learnerId!: string;

  @Field(() => ID)
  conceptId!: string;

  @Field(() => Float, { description: "P(knows the concept) now, after forgetting, in [0, 1]." })
  p!: number;

  @Field(() => Float, { description: "Mastery right after the last practice, in [0, 1]." })
  storedP!: number;

  @Field(() => Boolean, { description: "False when the concept was never practised (p is the prior)." })
  practised!: boolean;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Boolean, { description: "True when p comes only from implied evidence: success on a concept that requires this one, never answered directly." })
  implied!: boolean;

  @Field(() => ID, { nullable: true, description: "When implied: the concept whose answer implied it." })
  impliedBy!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastPracticedAt!: Date | null;

  @Field(() => [MasteryFactor], { description: "The top three contributing factors." })
  explanation!: MasteryFactor[];
}

@ObjectType({ description: "Mastery rolled up over a topic, chapter or subject: the mean of its concepts." })
export class TopicMastery {
  @Field(() => ID)
  learnerId!: string;

  @Field(() => ID)
  topicId!: string;

  @Field(() => Float, { description: "Mean mastery of the concepts under it, in [0, 1]." })
  p!: number;

  @Field(() => Int)
  concepts!: number;

  @Field(() => Int, { description: "Concepts with p at or above the mastery threshold." })
  mastered!: number;
}

@ObjectType()
export class PredictionTerm {
  @Field(() => PredictionTermName)
  name!: PredictionTermName;

  @Field(() => Float, { description: "Contribution to logit P(correct)." })
  logit!: number;
}

@ObjectType({ description: "The model's probability that the learner answers the item correctly now." })
export class ItemPrediction {
  @Field(() => ID)
  learnerId!: string;

  @Field(() => ID)
  itemId!: string;

  @Field(() => Float)
  p!: number;

  @Field(() => [PredictionTerm])
  terms!: PredictionTerm[];
}

@ObjectType({ description: "One recorded change of mastery and the event behind it." })
export class MasteryChange {
  @Field(() => ID, { description: "learnerId and seq, joined by '/': unique, and stable (a client caches each change under it)." })
  id!: string;

  @Field(() => Int, { description: "Per-learner sequence number, increasing." })
  seq!: number;

  @Field(() => ID)
  learnerId!: string;

  @Field(() => ID)
  conceptId!: string;

  @Field(() => ID)
  eventId!: string;

  @Field(() => GraphQLISODateTime)
  at!: Date;

  @Field(() => Float)
  before!: number;

  @Field(() => Float)
  after!: number;

  @Field(() => Int, { nullable: true, description: "Answered attempts on the concept after this change (null on changes recorded before it was stored)." })
  attempts!: number | null;

  @Field(() => MasteryChangeReason)
  reason!: MasteryChangeReason;

  @Field(() => String, { description: "The change in one plain sentence, e.g. 'Correct answer (the model expected 62%): mastery 0.41 -> 0.58.'" })
  explanation!: string;

  @Field(() => String, { description: "JSON: score, predicted P(correct), evidence ratio, retention." })
  detail!: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "When the server committed the change (server clock); a class catch-up's `since` compares with it." })
  recordedAt!: Date | null;
}
