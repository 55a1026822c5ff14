import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum TopicLevel {
  TOPIC = "TOPIC",
  CHAPTER = "CHAPTER",
  SUBJECT = "SUBJECT",
}
registerEnumType(TopicLevel, { name: "TopicLevel", description: "topic -> chapter -> subject rollup." });

@ObjectType({ description: "A grouping of concepts: a topic inside a chapter inside a subject." })
export class Topic {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => TopicLevel)
  level!: TopicLevel;

  parentId?: string | null;
}
