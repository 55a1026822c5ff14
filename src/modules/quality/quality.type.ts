import { Field, GraphQLISODateTime, Int, ObjectType } from "type-graphql";

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
