import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType()
export class RedundantEdge {
  @Field(() => ID)
  conceptId!: string;

  @Field(() => ID)
  prerequisiteId!: string;

  @Field(() => [ID], { description: "The longer path that already implies this edge." })
  via!: string[];
}

@ObjectType({ description: "Validation of the whole curriculum graph, for designers." })
export class CurriculumReport {
  @Field(() => Int)
  conceptCount!: number;

  @Field(() => Int)
  prerequisiteCount!: number;

  @Field(() => Int)
  itemCount!: number;

  @Field(() => [ID])
  conceptsWithoutItems!: string[];

  @Field(() => [ID])
  itemsWithoutConcepts!: string[];

  @Field(() => [ID], { description: "Concepts with neither prerequisites nor dependents." })
  orphanConcepts!: string[];

  @Field(() => [RedundantEdge], { description: "Edges implied by transitivity." })
  redundantEdges!: RedundantEdge[];

  @Field(() => [ID], { description: "The longest prerequisite chain, from the most advanced concept down." })
  longestChain!: string[];

  @Field(() => Int, { description: "Edges in the longest chain." })
  longestChainLength!: number;
}
