import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { hasRole, Role } from "../../auth/roles.js";
import { BadUserInputError } from "../../errors/errors.js";
import type { Context } from "../../server/context.js";
import { MAX_EVENTS_PER_CALL } from "./events.service.js";
import { EventInput, RecordEventsResult } from "./events.type.js";

@Resolver()
export class EventsResolver {
  @Authorized(Role.ADMIN, Role.PRODUCER, Role.TEACHER, Role.LEARNER)
  @Mutation(() => RecordEventsResult, {
    complexity: 50,
    description: `Records up to ${MAX_EVENTS_PER_CALL} events. Each is ACCEPTED, DUPLICATE or REJECTED on its own; with atomic: true any rejection writes nothing. Learners record their own events, teachers those of learners they teach, admins and producers (platform back-ends) anyone's.`,
  })
  async recordEvents(
    // Every event is validated (zod, validate-event.ts) and rejected on its own; class-validator would only repeat it.
    @Arg("events", () => [EventInput], { validate: false }) events: EventInput[],
    @Arg("atomic", () => Boolean, { defaultValue: false }) atomic: boolean,
    @Ctx() ctx: Context,
  ): Promise<RecordEventsResult> {
    if (events.length > MAX_EVENTS_PER_CALL) {
      throw new BadUserInputError(`At most ${MAX_EVENTS_PER_CALL} events per call (got ${events.length}).`, [{ path: "events", message: "too many" }]);
    }
    const user = ctx.user as NonNullable<Context["user"]>;
    const mayRecordFor = hasRole(user, Role.ADMIN, Role.PRODUCER) ? null : await ctx.services.access.recorder(user, events.map((e) => e.learnerId));
    const outcome = await ctx.services.events.record(events, { atomic, mayRecordFor });
    return { ...outcome, masteryChangeCount: outcome.changes.length, results: outcome.results as RecordEventsResult["results"] };
  }
}
