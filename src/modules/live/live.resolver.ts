import { Arg, Authorized, Ctx, GraphQLISODateTime, ID, Int, Query, Resolver, Root, Subscription } from "type-graphql";
import { Role, type AuthUser } from "../../auth/roles.js";
import { BadUserInputError, ForbiddenError } from "../../errors/errors.js";
import type { Context } from "../../server/context.js";
import { assertId } from "../common/args.js";
import type { AppliedChange } from "../events/events.service.js";
import { toMasteryChange } from "../mastery/mastery-change.js";
import { MasteryChange } from "../mastery/mastery.type.js";
import { ACCESS_TTL_MS } from "../learners/access.service.js";
import { LearnerSequenceInput } from "./live.types.js";

/** Exactly one of the named arguments must be given. */
export function exactlyOne(args: Record<string, string | null | undefined>): [string, string] {
  const given = Object.entries(args).filter(([, v]) => v);
  if (given.length !== 1) {
    const names = Object.keys(args).join(", ");
    throw new BadUserInputError(`Give exactly one of ${names}.`, [{ path: Object.keys(args)[0] ?? "args", message: `one of ${names}` }]);
  }
  const [name, value] = given[0] as [string, string];
  assertId(name, value);
  return [name, value];
}

export const tokenExpired = (user: AuthUser) => () => user.expiresAt !== null && user.expiresAt <= Date.now();

@Resolver()
export class LiveResolver {
  @Authorized(Role.LEARNER, Role.TEACHER, Role.ADMIN)
  @Subscription(() => MasteryChange, {
    description:
      "Mastery changes as they happen: of one learner, of a class's learners, or of one concept across the learners you may see. Authorised at subscribe and for every event (a teacher sees only their classes' learners). Delivery is at most once: after a reconnect, call masteryChangesSince with the last seq you saw.",
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const user = ctx.user as AuthUser;
      const { access, hub } = ctx.services.live;
      const [kind, id] = exactlyOne({ learnerId: args.learnerId as string | null, classId: args.classId as string | null, conceptId: args.conceptId as string | null });
      // The same change object goes to every subscriber, so equal payloads execute once.
      const expired = tokenExpired(user);
      if (kind === "learnerId") {
        await ctx.services.access.assertCanReadLearner(user, id);
        return hub.mastery.subscribe(async (c) => ((await access.canSeeLearner(user, id)) ? c : null), { route: { name: "learner", keys: [id] }, isExpired: expired });
      }
      if (kind === "classId") {
        await ctx.services.access.assertCanReadClass(user, id);
        let members = await access.classMembers(id);
        // Routed by the members' ids, re-read every ACCESS_TTL_MS (learners join and leave).
        const refresh = setInterval(() => {
          access
            .classMembers(id)
            .then((m) => {
              members = m;
              it.reroute(m);
            })
            .catch(() => {});
        }, ACCESS_TTL_MS);
        refresh.unref();
        const it = hub.mastery.subscribe(async (c) => (members.has(c.learnerId) && (await access.canSeeClass(user, id)) ? c : null), {
          route: { name: "learner", keys: members },
          isExpired: expired,
          onClose: () => clearInterval(refresh),
        });
        return it;
      }
      return hub.mastery.subscribe(async (c) => ((await access.canSeeLearner(user, c.learnerId)) ? c : null), { route: { name: "concept", keys: [id] }, isExpired: expired });
    },
  })
  masteryChanged(
    @Root() change: AppliedChange,
    @Arg("learnerId", () => ID, { nullable: true }) _learnerId: string | null,
    @Arg("classId", () => ID, { nullable: true }) _classId: string | null,
    @Arg("conceptId", () => ID, { nullable: true }) _conceptId: string | null,
  ): MasteryChange {
    return toMasteryChange(change);
  }

  @Authorized(Role.LEARNER, Role.TEACHER, Role.ADMIN)
  @Query(() => [MasteryChange], {
    description:
      "Catch-up after a reconnect, for one learner (changes with seq > afterSequence, in order) or a class (per learner: after its cursor in `cursors`; learners without a cursor: changes committed at or after `since`, or all when since is null; oldest commit first). Page with `limit`.",
  })
  async masteryChangesSince(
    @Arg("learnerId", () => ID, { nullable: true }) learnerId: string | null,
    @Arg("classId", () => ID, { nullable: true }) classId: string | null,
    @Arg("afterSequence", () => Int, { defaultValue: 0, description: "For learnerId." }) afterSequence: number,
    @Arg("cursors", () => [LearnerSequenceInput], { nullable: true, description: "For classId: the last seq seen per learner." }) cursors: LearnerSequenceInput[] | null,
    @Arg("since", () => GraphQLISODateTime, { nullable: true, description: "For classId: learners without a cursor, changes committed at or after this time." }) since: Date | null,
    @Arg("limit", () => Int, { defaultValue: 1000 }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<MasteryChange[]> {
    const [kind, id] = exactlyOne({ learnerId, classId });
    if (limit < 1 || limit > 5000) throw new BadUserInputError("'limit' must be in 1..5000.", [{ path: "limit", message: "out of range" }]);
    if (kind === "learnerId") {
      await ctx.services.access.assertCanReadLearner(ctx.user, id);
      return ctx.services.mastery.changesAfter(id, afterSequence, limit);
    }
    await ctx.services.access.assertCanReadClass(ctx.user, id);
    const members = (await ctx.services.learners.learnersOfClass(id)).map((l) => l.id);
    const map = new Map((cursors ?? []).map((c) => [c.learnerId, c.afterSequence]));
    const strangers = [...map.keys()].filter((l) => !members.includes(l));
    if (strangers.length > 0) throw new ForbiddenError(`Not members of class '${id}': ${strangers.slice(0, 10).join(", ")}.`);
    return ctx.services.mastery.classChangesAfter(members, map, since ? since.getTime() : null, limit);
  }
}
