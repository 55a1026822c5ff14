import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";

export enum AbilityBand {
  LOW = "LOW",
  MID = "MID",
  HIGH = "HIGH",
}
registerEnumType(AbilityBand, { name: "AbilityBand", description: "Learner ability in logits: LOW below −0.5, HIGH above +0.5, MID between." });

export enum ItemVerdict {
  TEACHES = "TEACHES",
  ONLY_TESTS = "ONLY_TESTS",
  UNCLEAR = "UNCLEAR",
}
registerEnumType(ItemVerdict, { name: "ItemVerdict", description: "TEACHES: the gain's 95% interval lies above 0. ONLY_TESTS: at or below 0, with at least 20 follow-ups. UNCLEAR: neither (too few data, or the interval spans 0)." });

@ObjectType()
export class GainInterval {
  @Field(() => Float) lower!: number;
  @Field(() => Float) upper!: number;
}

@ObjectType({ description: "What followed practice on an item, for learners of one ability band (docs/effectiveness.md)." })
export class ItemBandEffect {
  @Field(() => AbilityBand) band!: AbilityBand;
  @Field(() => Int, { description: "Answers on the item followed within 7 days by the learner's next answer on the same concept." }) n!: number;
  @Field(() => Int, { description: "Of those, next answers with score ≥ 0.5." }) successes!: number;
  @Field(() => Float, { description: "Mean of mastery after the next answer − mastery before the item." }) meanGain!: number;
  @Field(() => Float) sd!: number;
  @Field(() => GainInterval, { nullable: true, description: "95% t interval of meanGain (n ≥ 2)." }) ci!: GainInterval | null;
  @Field(() => ItemVerdict, { description: "Which items teach and which only test, in this band." }) verdict!: ItemVerdict;
}
