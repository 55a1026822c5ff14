import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { Role } from "../../auth/roles.js";
import { BadUserInputError } from "../../errors/errors.js";
import type { Context } from "../../server/context.js";
import { ActivityMappingInput, MapActivitiesResult } from "./evidence.type.js";

/** Activity rows per call, at most. */
const MAX_ROWS = 5000;
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

@Resolver()
export class EvidenceResolver {
  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Mutation(() => MapActivitiesResult, {
    complexity: 50,
    description: `Loads rows of the activity -> item table used by /xapi/statements and /caliper (up to ${MAX_ROWS} per call). Every item must exist, or nothing is written (NOT_FOUND). The concepts come from the item's ASSESSES edges.`,
  })
  async mapActivities(@Arg("rows", () => [ActivityMappingInput]) rows: ActivityMappingInput[], @Ctx() ctx: Context): Promise<MapActivitiesResult> {
    if (rows.length > MAX_ROWS) throw new BadUserInputError(`At most ${MAX_ROWS} rows per call (got ${rows.length}).`, [{ path: "rows", message: "too many" }]);
    const problems = rows.flatMap((r, i) => (IRI.test(r.activityId) && r.activityId.length <= 2048 ? [] : [{ path: `rows.${i}.activityId`, message: "must be an IRI of at most 2048 characters" }]));
    if (problems.length > 0) throw new BadUserInputError("Invalid activity ids.", problems);
    return ctx.services.evidence.mapActivities(rows.map((r) => ({ activityId: r.activityId, itemId: r.itemId ?? null })));
  }
}
