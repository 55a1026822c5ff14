import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../common/pagination.js";

@ObjectType({ description: "A free-form property kept from an import (extra CSV columns)." })
export class Attribute {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType({ description: "A unit of knowledge in the prerequisite graph." })
export class Concept {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [String])
  tags!: string[];

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  /** JSON object of extra properties; exposed through the `attributes` field resolver. */
  attributes?: string | null;
  topicId?: string | null;
}

@ObjectType({ description: "`concept` REQUIRES `prerequisite`, with a weight in (0, 1]." })
export class PrerequisiteEdge {
  @Field(() => ID)
  conceptId!: string;

  @Field(() => ID)
  prerequisiteId!: string;

  @Field(() => Float, { description: "How much the prerequisite matters for the concept, in (0, 1]." })
  weight!: number;
}

@ObjectType()
export class ConceptConnection extends Connection(Concept, "Concept") {}

export enum GraphDirection {
  PREREQUISITES = "PREREQUISITES",
  DEPENDENTS = "DEPENDENTS",
  BOTH = "BOTH",
}
registerEnumType(GraphDirection, {
  name: "GraphDirection",
  description: "Which way to walk REQUIRES edges from the roots.",
});

@ObjectType()
export class ConceptGraphNode {
  @Field(() => Concept)
  concept!: Concept;

  @Field(() => Int, { description: "Fewest edges from a root (roots are 0)." })
  depth!: number;
}

@ObjectType({ description: "A subgraph of the prerequisite graph around some concepts." })
export class ConceptGraph {
  @Field(() => [ConceptGraphNode])
  nodes!: ConceptGraphNode[];

  @Field(() => [PrerequisiteEdge])
  edges!: PrerequisiteEdge[];
}

@ObjectType()
export class DeleteResult {
  @Field(() => ID)
  id!: string;

  @Field(() => Boolean)
  deleted!: boolean;

  @Field(() => Int, { description: "Relationships removed with the object (prerequisite and item links)." })
  detachedRelationships!: number;
}
