import { Field, ID, ObjectType } from "type-graphql";
import { Role } from "../../auth/roles.js";

@ObjectType({ description: "A learner, known only by a pseudonymous id." })
export class Learner {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: "A class of learners, taught by teachers." })
export class Classroom {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [ID])
  teacherIds!: string[];
}

@ObjectType({ description: "Who the token says the caller is." })
export class Viewer {
  @Field(() => ID)
  id!: string;

  @Field(() => [Role])
  roles!: Role[];
}
