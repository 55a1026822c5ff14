import { Field, Float, GraphQLISODateTime, ID, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../common/pagination.js";

export enum ItemKind {
  QUESTION = "QUESTION",
  EXERCISE = "EXERCISE",
  VIDEO = "VIDEO",
  READING = "READING",
}
registerEnumType(ItemKind, { name: "ItemKind", description: "What a practice item is." });

@ObjectType({ description: "Something a learner does or sees: a question, exercise, video or reading." })
export class Item {
  @Field(() => ID)
  id!: string;

  @Field(() => ItemKind)
  kind!: ItemKind;

  @Field(() => String)
  title!: string;

  @Field(() => Float, {
    nullable: true,
    description: "IRT-style difficulty in logits set by the designer: 0 is average, +1 is harder; typical range -3..3. Null: not set (the model uses the fitted difficulty, else the mean difficulty of the item's concepts), which is not the same as 0.",
  })
  difficulty!: number | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  attributes?: string | null;
}

@ObjectType({ description: "An item assesses a concept with a weight in (0, 1]." })
export class ItemConceptLink {
  @Field(() => ID)
  itemId!: string;

  @Field(() => ID)
  conceptId!: string;

  @Field(() => Float)
  weight!: number;
}

@ObjectType()
export class ItemConnection extends Connection(Item, "Item") {}

export const ITEM_KINDS = Object.values(ItemKind);
