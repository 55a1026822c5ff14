import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Min } from "class-validator";
import { AlertKind } from "../alerts/alerts.type.js";
import { Recommendation } from "../recommendations/recommendation.type.js";

export enum CurriculumEntityKind {
  CONCEPT = "CONCEPT",
  ITEM = "ITEM",
  PREREQUISITE = "PREREQUISITE",
  ITEM_LINK = "ITEM_LINK",
  IMPORT = "IMPORT",
}
registerEnumType(CurriculumEntityKind, { name: "CurriculumEntity", description: "What a curriculum change touched. IMPORT: a bulk import (see summary)." });

export enum CurriculumOperationKind {
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  DELETED = "DELETED",
}
registerEnumType(CurriculumOperationKind, { name: "CurriculumOperation" });

@ObjectType({ description: "A committed change to the curriculum graph (for designers' editors and caches)." })
export class CurriculumChange {
  @Field(() => CurriculumEntityKind)
  entity!: CurriculumEntityKind;

  @Field(() => CurriculumOperationKind)
  operation!: CurriculumOperationKind;

  @Field(() => ID, { description: "Unique per change: a client caches each change under it." })
  id!: string;

  @Field(() => ID, { description: "The concept or item changed; for PREREQUISITE the dependent concept, for ITEM_LINK the item, for IMPORT 'curriculum'." })
  entityId!: string;

  @Field(() => ID, { nullable: true, description: "PREREQUISITE: the prerequisite concept. ITEM_LINK: the concept." })
  relatedId!: string | null;

  @Field(() => String, { nullable: true, description: "IMPORT: JSON counts of what was created and updated." })
  summary!: string | null;

  @Field(() => GraphQLISODateTime)
  recordedAt!: Date;

  @Field(() => Int, { nullable: true, description: "The curriculum version this change's write made (it increases with every committed curriculum write; null for changes recorded before versions existed)." })
  curriculumVersion!: number | null;
}

@ObjectType({ description: "A learner's top recommendations changed." })
export class RecommendationsChange {
  @Field(() => ID)
  learnerId!: string;

  @Field(() => Int, { nullable: true, description: "The learner's mastery change (seq) that caused it; null for a curriculum change." })
  causeSeq!: number | null;

  @Field(() => [ID], { description: "Concepts recommended before, in order." })
  previousConceptIds!: string[];

  @Field(() => [Recommendation], { description: "The new top recommendations (limit 5, default strategy and band)." })
  recommendations!: Recommendation[];

  @Field(() => GraphQLISODateTime)
  recordedAt!: Date;
}

@ObjectType({ description: "A LOW_MASTERY alert raised in a class by a mastery change." })
export class RaisedAlert {
  @Field(() => ID, { description: "classId, learnerId and seq joined by '/': unique per raised alert." })
  id!: string;

  @Field(() => ID)
  classId!: string;

  @Field(() => AlertKind, { description: "LOW_MASTERY (INACTIVE alerts are read with classroom.alerts)." })
  kind!: AlertKind;

  @Field(() => ID)
  learnerId!: string;

  @Field(() => ID)
  conceptId!: string;

  @Field(() => Float)
  p!: number;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Int, { description: "The learner's mastery change (seq) that raised it." })
  seq!: number;

  @Field(() => String)
  text!: string;

  @Field(() => GraphQLISODateTime)
  recordedAt!: Date;
}

@InputType({ description: "The last sequence number a client has seen for one learner." })
export class LearnerSequenceInput {
  @Field(() => ID)
  learnerId!: string;

  @Field(() => Int)
  @Min(0)
  afterSequence!: number;
}
