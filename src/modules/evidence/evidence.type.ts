import { Field, ID, InputType, Int, ObjectType } from "type-graphql";

@InputType({ description: "One row of the activity -> item table: which Frontier item an xAPI activity (or Caliper object) IRI stands for." })
export class ActivityMappingInput {
  @Field(() => String, { description: "The activity IRI, exactly as producers send it in `object.id`." })
  activityId!: string;

  @Field(() => ID, { nullable: true, description: "The item; null removes the row." })
  itemId?: string | null;
}

@ObjectType()
export class MapActivitiesResult {
  @Field(() => Int, { description: "Rows written (new or changed)." })
  mapped!: number;

  @Field(() => Int, { description: "Rows removed (itemId: null)." })
  removed!: number;
}
