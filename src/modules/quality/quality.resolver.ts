import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver } from "type-graphql";
import { Role } from "../../auth/roles.js";
import { BadUserInputError } from "../../errors/errors.js";
import type { Context } from "../../server/context.js";
import type { DriftAlertRecord } from "./drift-monitor.js";
import { DataQuality, DriftAlert, DriftReport } from "./quality.type.js";

@Resolver(() => DataQuality)
export class QualityResolver {
  @Authorized(Role.ADMIN)
  @Query(() => DataQuality, { complexity: 100, description: "Events per kind, rejections per code, freshness, learners without events, drift per source." })
  dataQuality(@Ctx() ctx: Context): Promise<DataQuality> {
    return ctx.services.quality.summary();
  }

  @FieldResolver(() => DriftReport, {
    complexity: 200,
    description: "Per source: the recent window (default the last 7 days) against the baseline before it (default the 28 days before), each feature's PSI, the model's calibration per window (docs/drift.md).",
  })
  async drift(
    @Arg("recentDays", () => Int, { defaultValue: 7 }) recentDays: number,
    @Arg("baselineDays", () => Int, { defaultValue: 28 }) baselineDays: number,
    @Arg("sources", () => [String], { nullable: true }) sources: string[] | null,
    @Ctx() ctx: Context,
  ): Promise<DriftReport> {
    const problems = [
      ...(recentDays >= 1 && recentDays <= 90 ? [] : [{ path: "recentDays", message: "must be in 1..90" }]),
      ...(baselineDays >= 1 && baselineDays <= 365 ? [] : [{ path: "baselineDays", message: "must be in 1..365" }]),
      ...((sources?.length ?? 0) <= 100 ? [] : [{ path: "sources", message: "at most 100" }]),
    ];
    if (problems.length > 0) throw new BadUserInputError("Invalid drift windows.", problems);
    const r = await ctx.services.drift.report({ recentDays, baselineDays, sources: sources ?? null });
    return { ...r, recentFrom: new Date(r.recentFrom), baselineFrom: new Date(r.baselineFrom), to: new Date(r.to) };
  }

}

export const driftAlert = (a: DriftAlertRecord): DriftAlert => ({ ...a, recentFrom: new Date(a.recentFrom), baselineFrom: new Date(a.baselineFrom), detectedAt: new Date(a.detectedAt) });

/** Drift checks on demand (the `driftDetected` subscription is in modules/live/derived.resolver.ts). */
@Resolver(() => DriftAlert)
export class DriftAlertResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => [DriftAlert], {
    complexity: 200,
    description: "Checks for drift now (the configured windows; all sources, or only `sources`) and returns the alerts raised: features that drifted since the last check. Subscribers to driftDetected receive them too.",
  })
  async checkDrift(@Arg("sources", () => [String], { nullable: true }) sources: string[] | null, @Ctx() ctx: Context): Promise<DriftAlert[]> {
    if ((sources?.length ?? 0) > 100) throw new BadUserInputError("Invalid drift sources.", [{ path: "sources", message: "at most 100" }]);
    const { alerts } = await ctx.services.driftMonitor.check(sources ?? null);
    return alerts.map(driftAlert);
  }
}
