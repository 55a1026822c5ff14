import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { Role } from "../../auth/roles.js";
import { perRows } from "../../common/cost.js";
import type { Context } from "../../server/context.js";
import { assertId } from "../common/args.js";
import { Classroom, Learner } from "../learners/learner.type.js";
import { PracticeSettingsInput, PracticeSummary } from "./practice.type.js";

@Resolver(() => Learner)
export class PracticeResolver {
  @FieldResolver(() => PracticeSummary, { complexity: 20, description: "Daily streaks, targets and milestones in the learner's time zone (docs/practice.md)." })
  practice(@Root() learner: Learner, @Ctx() ctx: Context) {
    return ctx.services.practice.summary(learner.id);
  }

  @Authorized(Role.LEARNER, Role.TEACHER, Role.ADMIN)
  @Mutation(() => PracticeSummary, { description: "Sets the learner's time zone, daily target and weekly target (the learner, their teachers, admins)." })
  async setPracticeSettings(@Arg("learnerId", () => ID) learnerId: string, @Arg("settings", () => PracticeSettingsInput) settings: PracticeSettingsInput, @Ctx() ctx: Context) {
    assertId("learnerId", learnerId);
    await ctx.services.access.assertCanReadLearner(ctx.user, learnerId);
    return ctx.services.practice.setSettings(learnerId, settings);
  }
}

@Resolver(() => Classroom)
export class ClassPracticeResolver {
  @FieldResolver(() => [PracticeSummary], { complexity: perRows(40), description: "Each learner's streaks and this week's practice (who practised this week), by learner id." })
  async practice(@Root() classroom: Classroom, @Ctx() ctx: Context) {
    await ctx.services.access.assertCanReadClass(ctx.user, classroom.id);
    const members = (await ctx.services.learners.learnersOfClass(classroom.id)).map((l) => l.id).sort();
    return (await ctx.services.practice.summaries(members)).filter((s): s is PracticeSummary => s !== null);
  }
}
