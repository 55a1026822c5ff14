import { Arg, Authorized, Ctx, ID, Int, Query, Resolver, Root, Subscription } from "type-graphql";
import { hasRole, Role } from "../../auth/roles.js";
import { BadUserInputError } from "../../errors/errors.js";
import type { Context } from "../../server/context.js";
import { assertId } from "../common/args.js";
import type { AppliedChange } from "../events/events.service.js";
import { MasteryChange } from "../mastery/mastery.type.js";

const toChange = (c: AppliedChange): MasteryChange => ({
  seq: c.seq,
  learnerId: c.learnerId,
  conceptId: c.conceptId,
  eventId: c.eventId,
  at: new Date(c.at),
  before: c.before,
  after: c.after,
  reason: c.reason,
  detail: JSON.stringify(c.detail),
});

@Resolver()
export class LiveResolver {
  @Authorized(Role.LEARNER, Role.TEACHER, Role.ADMIN)
  @Subscription(() => MasteryChange, {
    description:
      "Mastery changes as they happen, of one learner or of a class's learners. Authorised at subscribe and for every event. Delivery is at most once: after a reconnect, call masteryChanges with the last seq you saw.",
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const { learnerId, classId } = args as { learnerId?: string | null; classId?: string | null };
      if ((learnerId ? 1 : 0) + (classId ? 1 : 0) !== 1) {
        throw new BadUserInputError("Give exactly one of learnerId or classId.", [{ path: "learnerId", message: "one of learnerId, classId" }]);
      }
      const user = ctx.user as NonNullable<Context["user"]>;
      const expired = () => user.expiresAt !== null && user.expiresAt <= Date.now();
      if (learnerId) {
        assertId("learnerId", learnerId);
        await ctx.services.access.assertCanReadLearner(user, learnerId);
        return ctx.services.live.subscribe((c) => c.learnerId === learnerId, expired);
      }
      const id = classId as string;
      assertId("classId", id);
      await ctx.services.access.assertCanReadClass(user, id);
      // Class membership, refreshed at most every 30 s, is checked for every event.
      let members = new Set<string>();
      let loadedAt = 0;
      const refresh = async () => {
        const [list] = await ctx.services.learners.learnersOfClasses([id]);
        members = new Set((list ?? []).map((l) => l.id));
        loadedAt = Date.now();
      };
      await refresh();
      return ctx.services.live.subscribe(async (c) => {
        if (Date.now() - loadedAt > 30_000) await refresh();
        return members.has(c.learnerId) && (hasRole(user, Role.ADMIN) || hasRole(user, Role.TEACHER));
      }, expired);
    },
  })
  masteryChanged(
    @Root() change: AppliedChange,
    @Arg("learnerId", () => ID, { nullable: true }) _learnerId: string | null,
    @Arg("classId", () => ID, { nullable: true }) _classId: string | null,
  ): MasteryChange {
    return toChange(change);
  }

  @Authorized(Role.LEARNER, Role.TEACHER, Role.ADMIN)
  @Query(() => [MasteryChange], { description: "Catch-up after a reconnect: a learner's mastery changes with seq greater than afterSequence, in order." })
  async masteryChanges(
    @Arg("learnerId", () => ID) learnerId: string,
    @Arg("afterSequence", () => Int, { defaultValue: 0 }) afterSequence: number,
    @Arg("limit", () => Int, { defaultValue: 1000 }) limit: number,
    @Ctx() ctx: Context,
  ) {
    assertId("learnerId", learnerId);
    if (limit < 1 || limit > 5000) throw new BadUserInputError("'limit' must be in 1..5000.", [{ path: "limit", message: "out of range" }]);
    await ctx.services.access.assertCanReadLearner(ctx.user, learnerId);
    return ctx.services.mastery.changesAfter(learnerId, afterSequence, limit);
  }
}
