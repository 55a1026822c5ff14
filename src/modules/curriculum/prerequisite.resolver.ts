import { Args, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { Role } from "../../auth/roles.js";
import type { Context } from "../../server/context.js";
import { PrerequisiteArgs, WeightedPrerequisiteArgs } from "./concept.input.js";
import { PrerequisiteEdge } from "./concept.type.js";

@Resolver(() => PrerequisiteEdge)
export class PrerequisiteResolver {
  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Mutation(() => PrerequisiteEdge, {
    description: "conceptId REQUIRES prerequisiteId. Rejected with PREREQUISITE_CYCLE (and the cycle's path) when it would close a cycle.",
  })
  addPrerequisite(@Args(() => WeightedPrerequisiteArgs) args: WeightedPrerequisiteArgs, @Ctx() ctx: Context) {
    return ctx.services.curriculum.addPrerequisite({ ...args });
  }

  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Mutation(() => PrerequisiteEdge, { description: "Changes the weight of an existing prerequisite edge." })
  updatePrerequisite(@Args(() => WeightedPrerequisiteArgs) args: WeightedPrerequisiteArgs, @Ctx() ctx: Context) {
    return ctx.services.curriculum.updatePrerequisite({ ...args });
  }

  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Mutation(() => Boolean)
  removePrerequisite(@Args(() => PrerequisiteArgs) args: PrerequisiteArgs, @Ctx() ctx: Context) {
    return ctx.services.curriculum.removePrerequisite(args.conceptId, args.prerequisiteId);
  }
}
