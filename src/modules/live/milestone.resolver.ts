import { Arg, Authorized, ID, Resolver, Root, Subscription } from "type-graphql";
import { Role, type AuthUser } from "../../auth/roles.js";
import type { Context } from "../../server/context.js";
import { assertId } from "../common/args.js";
import { Milestone } from "../practice/practice.type.js";
import { tokenExpired } from "./live.resolver.js";

@Resolver()
export class MilestoneLiveResolver {
  @Authorized(Role.LEARNER, Role.TEACHER, Role.ADMIN)
  @Subscription(() => Milestone, {
    description:
      "Milestones as the learner reaches them (streak of 7 and 30 days, daily and weekly target, first concept mastered in a topic), authorised like masteryChanged. At most once: after a reconnect read learner.practice.milestones.",
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const user = ctx.user as AuthUser;
      const learnerId = args.learnerId as string;
      assertId("learnerId", learnerId);
      await ctx.services.access.assertCanReadLearner(user, learnerId);
      const { hub, access, milestones } = ctx.services.live;
      const release = await milestones.watch(learnerId);
      return hub.milestones.subscribe(async (m) => ((await access.canSeeLearner(user, learnerId)) ? m : null), {
        route: { name: "learner", keys: [learnerId] },
        isExpired: tokenExpired(user),
        onClose: release,
      });
    },
  })
  learnerMilestone(@Root() m: Milestone, @Arg("learnerId", () => ID) _learnerId: string): Milestone {
    return m;
  }
}
