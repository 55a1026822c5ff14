import { ArgsType, Field, Float, ID, InputType, Int } from "type-graphql";
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, MinLength, ValidateNested, IsNotEmpty, ArrayMinSize } from "class-validator";
import { IsEntityId } from "../../common/validation.js";
import { PageArgs } from "../common/pagination.js";
import { GraphDirection } from "./concept.type.js";

export const MAX_GRAPH_DEPTH = 12;

@InputType({ description: "A concept with a weight in (0, 1]: a prerequisite of a new concept, or a concept an item assesses." })
export class WeightedConceptInput {
  @Field(() => ID)
  @IsEntityId()
  conceptId!: string;

  @Field(() => Float, { defaultValue: 1, description: "In (0, 1]." })
  @Min(0.000001)
  @Max(1)
  weight!: number;
}

@InputType()
export class CreateConceptInput {
  @Field(() => ID)
  @IsEntityId()
  id!: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  @IsNotEmpty({ each: true })
  @MaxLength(64, { each: true })
  tags!: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsEntityId()
  topicId?: string | null;

  @Field(() => [WeightedConceptInput], { defaultValue: [], description: "Created in the same transaction, cycle-checked." })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  prerequisites!: WeightedConceptInput[];
}

@InputType({ description: "Fields to change; omitted fields keep their value, null clears description or topic." })
export class UpdateConceptInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsNotEmpty({ each: true })
  @MaxLength(64, { each: true })
  tags?: string[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsEntityId()
  topicId?: string | null;
}

@ArgsType()
export class ConceptsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: "Case-insensitive substring of name or description." })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  tag?: string | null;

  @Field(() => ID, { nullable: true, description: "Concepts in this topic, chapter or subject." })
  @IsOptional()
  @IsEntityId()
  topicId?: string | null;
}

@ArgsType()
export class ConceptGraphArgs {
  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsEntityId({ each: true })
  rootIds!: string[];

  @Field(() => GraphDirection, { defaultValue: GraphDirection.PREREQUISITES })
  direction!: GraphDirection;

  @Field(() => Int, { defaultValue: 3, description: `Edges from the roots, 1-${MAX_GRAPH_DEPTH}.` })
  @Min(1)
  @Max(MAX_GRAPH_DEPTH)
  depth!: number;
}

@ArgsType()
export class PrerequisiteArgs {
  @Field(() => ID, { description: "The concept that requires." })
  @IsEntityId()
  conceptId!: string;

  @Field(() => ID, { description: "The concept required." })
  @IsEntityId()
  prerequisiteId!: string;
}

@ArgsType()
export class WeightedPrerequisiteArgs extends PrerequisiteArgs {
  @Field(() => Float, { defaultValue: 1, description: "In (0, 1]." })
  @Min(0.000001)
  @Max(1)
  weight!: number;
}
