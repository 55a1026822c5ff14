import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Concept } from "../curriculum/concept.type.js";
import { Item } from "../curriculum/item.type.js";

@ObjectType({ description: "A concept many learners of the class are ready for." })
export class ClassFrontierConcept {
  @Field(() => Concept)
  concept!: Concept;

  @Field(() => Int, { description: "Learners for whom it is on the frontier (ready, not mastered)." })
  readyLearners!: number;

  @Field(() => Int)
  learners!: number;
}

@ObjectType({ description: "A concept blocking many learners: not mastered by them, and needed by later concepts." })
export class Bottleneck {
  @Field(() => Concept)
  concept!: Concept;

  @Field(() => Int, { description: "Learners who have not mastered it." })
  blockedLearners!: number;

  @Field(() => Int, { description: "Concepts that directly require it." })
  dependents!: number;

  @Field(() => String)
  explanation!: string;
}

@ObjectType({ description: "A learner whose mastery is low or falling." })
export class AtRiskLearner {
  @Field(() => ID)
  learnerId!: string;

  @Field(() => Float, { description: "Mean mastery now over practised concepts." })
  meanMastery!: number;

  @Field(() => Float, { description: "Mean change from forgetting since last practice (negative = falling)." })
  trend!: number;

  @Field(() => String)
  reason!: string;
}

@ObjectType({ description: "Learners x concepts mastery matrix for dashboards: values[i][j] is learner i's mastery of concept j now." })
export class Heatmap {
  @Field(() => [ID])
  learnerIds!: string[];

  @Field(() => [ID])
  conceptIds!: string[];

  @Field(() => [[Float]])
  values!: number[][];
}

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
