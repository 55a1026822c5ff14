import { Authorized, Ctx, Query, Resolver } from "type-graphql";
import { Role } from "../../auth/roles.js";
import type { Context } from "../../server/context.js";
import { DataQuality } from "./quality.type.js";

@Resolver()
export class QualityResolver {
  @Authorized(Role.ADMIN)
  @Query(() => DataQuality, { complexity: 100, description: "Events per kind, rejections per code, freshness, learners without events." })
  dataQuality(@Ctx() ctx: Context): Promise<DataQuality> {
    return ctx.services.quality.summary();
  }
}
