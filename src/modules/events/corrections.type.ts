import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A teacher's correction of one learner's mastery of one concept: who, when, why, before and after. Kept when reverted." })
export class Correction {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  learnerId!: string;

  @Field(() => ID)
  conceptId!: string;

  @Field(() => Float, { description: "The mastery the teacher set, in [0, 1]." })
  p!: number;

  @Field(() => Float, { description: "Mastery just before (forgetting included), in [0, 1]." })
  before!: number;

  @Field(() => Float, { description: "Mastery just after (p within the model's guard range), in [0, 1]." })
  after!: number;

  @Field(() => String, { description: "Why, in the teacher's words." })
  reason!: string;

  @Field(() => ID, { description: "Who corrected (the token's subject)." })
  by!: string;

  @Field(() => String, { description: "As which role: TEACHER or ADMIN." })
  byRole!: string;

  @Field(() => GraphQLISODateTime)
  at!: Date;

  @Field(() => Int, { description: "The learner's mastery-change sequence number of the correction (masteryHistory, masteryChanged)." })
  seq!: number;

  @Field(() => Boolean, { description: "False once reverted." })
  active!: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  revertedAt!: Date | null;

  @Field(() => ID, { nullable: true })
  revertedBy!: string | null;

  @Field(() => String, { nullable: true })
  revertReason!: string | null;
}
