import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { Role } from "../../auth/roles.js";
import { perRows } from "../../common/cost.js";
import type { Context } from "../../server/context.js";
import { assertId } from "../common/args.js";
import { Classroom } from "../learners/learner.type.js";
import { Alert, AlertRules, AlertRulesInput } from "./alerts.type.js";

@Resolver(() => Classroom)
export class AlertsResolver {
  @Authorized(Role.TEACHER, Role.ADMIN)
  @Mutation(() => AlertRules, { description: "Sets a class's alert thresholds (its teachers and admins)." })
  async setAlertRules(
    @Arg("classId", () => ID) classId: string,
    @Arg("rules", () => AlertRulesInput) rules: AlertRulesInput,
    @Ctx() ctx: Context,
  ) {
    assertId("classId", classId);
    await ctx.services.access.assertCanReadClass(ctx.user, classId);
    return ctx.services.alerts.setRules(classId, rules);
  }

  @FieldResolver(() => AlertRules)
  async alertRules(@Root() classroom: Classroom, @Ctx() ctx: Context) {
    await ctx.services.access.assertCanReadClass(ctx.user, classroom.id);
    return ctx.services.alerts.rules(classroom.id);
  }

  @FieldResolver(() => [Alert], { complexity: perRows(50), description: "Current threshold alerts of the class's learners." })
  async alerts(@Root() classroom: Classroom, @Ctx() ctx: Context) {
    // Reachable through `learner.classes` as well: check the class, not just the entry point.
    await ctx.services.access.assertCanReadClass(ctx.user, classroom.id);
    return ctx.services.alerts.alerts(classroom.id);
  }
}
