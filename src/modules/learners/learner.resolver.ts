import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Role } from "../../auth/roles.js";
import { perRows } from "../../common/cost.js";
import type { Context } from "../../server/context.js";
import { assertId } from "../common/args.js";
import { Classroom, Learner, Viewer } from "./learner.type.js";

@Resolver(() => Learner)
export class LearnerResolver {
  @Authorized()
  @Query(() => Viewer, { description: "The caller, as the token says." })
  me(@Ctx() ctx: Context): Viewer {
    const user = ctx.user as NonNullable<Context["user"]>;
    return { id: user.sub, roles: user.roles };
  }

  @Authorized(Role.LEARNER, Role.TEACHER, Role.ADMIN)
  @Query(() => Learner, { nullable: true, description: "A learner you may see: yourself, one you teach, or any (admin)." })
  async learner(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    assertId("id", id);
    await ctx.services.access.assertCanReadLearner(ctx.user, id);
    return ctx.loaders.learner.load(id);
  }

  @Authorized(Role.TEACHER, Role.ADMIN)
  @Query(() => Classroom, { nullable: true, description: "A class you teach (admins: any class)." })
  async classroom(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    assertId("id", id);
    await ctx.services.access.assertCanReadClass(ctx.user, id);
    return ctx.loaders.classroom.load(id);
  }

  @Authorized(Role.TEACHER)
  @Query(() => [Classroom], { complexity: perRows(10), description: "The classes the calling teacher teaches." })
  myClasses(@Ctx() ctx: Context) {
    return ctx.services.learners.classesOfTeacher((ctx.user as NonNullable<Context["user"]>).sub);
  }

  @FieldResolver(() => [Classroom], { complexity: perRows(5) })
  classes(@Root() learner: Learner, @Ctx() ctx: Context) {
    return ctx.loaders.classesOfLearner.load(learner.id);
  }
}

@Resolver(() => Classroom)
export class ClassroomResolver {
  @FieldResolver(() => [Learner], { complexity: perRows(40), description: "Only for the class's teachers and admins." })
  async learners(@Root() classroom: Classroom, @Ctx() ctx: Context) {
    // A learner reaching their class through `learner.classes` must not list classmates.
    await ctx.services.access.assertCanReadClass(ctx.user, classroom.id);
    return ctx.loaders.learnersOfClass.load(classroom.id);
  }
}
