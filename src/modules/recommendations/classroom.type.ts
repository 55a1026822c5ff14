import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Concept } from "../curriculum/concept.type.js";

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
  @Field(() => ID)
  classId!: string;

  @Field(() => ID, { nullable: true, description: "The topic it covers (null: every practised concept)." })
  topicId!: string | null;

  @Field(() => [ID])
  learnerIds!: string[];

  @Field(() => [ID])
  conceptIds!: string[];

  @Field(() => [[Float]])
  values!: number[][];

  @Field(() => [[Int]], { description: "attempts[i][j]: learner i's answered attempts on concept j (0: never practised, values[i][j] is then the model's prior)." })
  attempts!: number[][];

  @Field(() => [[Boolean]], { description: "implied[i][j]: values[i][j] comes only from implied evidence (success on a concept that requires concept j; never answered directly)." })
  implied!: boolean[][];
}
