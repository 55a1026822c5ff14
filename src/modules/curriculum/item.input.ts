import { ArgsType, Field, Float, ID, InputType } from "type-graphql";
import { ArrayMaxSize, IsOptional, IsUrl, Max, MaxLength, Min, MinLength, ValidateNested } from "class-validator";
import { IsEntityId } from "../../common/validation.js";
import { PageArgs } from "../common/pagination.js";
import { WeightedConceptInput } from "./concept.input.js";
import { ItemKind } from "./item.type.js";

@InputType()
export class CreateItemInput {
  @Field(() => ID)
  @IsEntityId()
  id!: string;

  @Field(() => ItemKind)
  kind!: ItemKind;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @Field(() => Float, { nullable: true, description: "Logits, -10..10; 0 is average. Leave it out (or null) when unknown: the model then uses the fitted difficulty, else the mean difficulty of the item's concepts." })
  @IsOptional()
  @Min(-10)
  @Max(10)
  difficulty?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_tld: false })
  @MaxLength(2000)
  url?: string | null;

  @Field(() => [WeightedConceptInput], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  assesses!: WeightedConceptInput[];
}

@InputType()
export class UpdateItemInput {
  @Field(() => ItemKind, { nullable: true })
  @IsOptional()
  kind?: ItemKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(300)
  title?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-10)
  @Max(10)
  difficulty?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_tld: false })
  @MaxLength(2000)
  url?: string | null;
}

@ArgsType()
export class ItemsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsEntityId()
  conceptId?: string | null;

  @Field(() => ItemKind, { nullable: true })
  @IsOptional()
  kind?: ItemKind | null;
}

@ArgsType()
export class LinkItemArgs {
  @Field(() => ID)
  @IsEntityId()
  itemId!: string;

  @Field(() => ID)
  @IsEntityId()
  conceptId!: string;

  @Field(() => Float, { defaultValue: 1, description: "In (0, 1]." })
  @Min(0.000001)
  @Max(1)
  weight!: number;
}
