import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Concept } from "../curriculum/concept.type.js";
import { Item } from "../curriculum/item.type.js";

@ObjectType({ description: "A placement estimate for one concept." })
export class PlacementEstimate {
  @Field(() => ID)
  conceptId!: string;

  @Field(() => Float)
  p!: number;

  @Field(() => Boolean, { description: "Asked directly." })
  asked!: boolean;

  @Field(() => Boolean, { description: "Moved only by evidence on related concepts (prerequisites or dependents)." })
  implied!: boolean;
}

@ObjectType({ description: "Adaptive placement: the next question, or done, and the estimates so far. Answer with recordEvents, source: \"placement\"." })
export class PlacementState {
  @Field(() => ID)
  learnerId!: string;

  @Field(() => ID, { nullable: true, description: "The subject, chapter or topic placed within (null: the whole curriculum)." })
  topicId!: string | null;

  @Field(() => Boolean)
  done!: boolean;

  @Field(() => Int)
  questionsAsked!: number;

  @Field(() => Concept, { nullable: true })
  nextConcept!: Concept | null;

  @Field(() => Item, { nullable: true, description: "A question on nextConcept to ask." })
  nextItem!: Item | null;

  @Field(() => Float, { nullable: true, description: "Expected information gain of the next question, in bits over all concepts." })
  expectedGain!: number | null;

  @Field(() => [PlacementEstimate], { description: "Concepts with evidence (asked or implied)." })
  estimates!: PlacementEstimate[];

  @Field(() => String)
  explanation!: string;
}
