import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Role } from "../../auth/roles.js";
import type { MetricResult } from "../../domain/experiments/analysis.js";
import { BadUserInputError } from "../../errors/errors.js";
import type { Context } from "../../server/context.js";
import { assertId } from "../common/args.js";
import { ExperimentInput } from "./experiment.input.js";
import {
  ConfidenceInterval,
  ExclusionCount,
  Experiment,
  type ExperimentMetric,
  ExperimentMetricResult,
  ExperimentStatus,
  ExperimentVariant,
  SampleRatioCheck,
  type VariantMetric,
} from "./experiment.type.js";

const LEVEL = 0.95;

/** One metric result in the schema's shape. */
function toMetricResult(r: MetricResult, primary: boolean): ExperimentMetricResult {
  return {
    metric: r.metric as ExperimentMetric,
    primary,
    variants: r.variants.map(
      (v): VariantMetric => ({
        variant: v.variant,
        n: v.n,
        mean: v.mean,
        sd: v.sd,
        diff: v.comparison?.diff ?? null,
        ci: v.comparison?.ci ? { ...v.comparison.ci, level: LEVEL } : null,
        pValue: v.comparison?.pValue ?? null,
        effectSize: v.comparison?.cohensD ?? null,
      }),
    ),
  };
}

async function primary(ctx: Context, x: Experiment): Promise<ExperimentMetricResult> {
  const a = await ctx.services.experiments.analysis(x);
  return toMetricResult(a.metrics[0] as MetricResult, true);
}

@Resolver(() => Experiment)
export class ExperimentResolver {
  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Query(() => Experiment, { nullable: true, description: "An experiment with its read-out (designers and admins)." })
  async experiment(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    assertId("id", id);
    return (await ctx.services.experiments.byIds([id]))[0] ?? null;
  }

  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Query(() => [Experiment], { description: "Experiments, the newest first." })
  experiments(
    @Arg("status", () => ExperimentStatus, { nullable: true }) status: ExperimentStatus | null,
    @Arg("first", () => Int, { defaultValue: 50, description: "1-200." }) first: number,
    @Ctx() ctx: Context,
  ) {
    if (first < 1 || first > 200) throw new BadUserInputError("'first' must be in 1..200.", [{ path: "first", message: "out of range" }]);
    return ctx.services.experiments.list(status ?? null, first);
  }

  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Mutation(() => Experiment, { description: "Defines an experiment (DRAFT). Duplicate id: CONFLICT." })
  createExperiment(@Arg("input", () => ExperimentInput) input: ExperimentInput, @Ctx() ctx: Context) {
    return ctx.services.experiments.create(input);
  }

  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Mutation(() => Experiment, { description: "Replaces a DRAFT's definition; a running or stopped experiment answers CONFLICT." })
  updateExperiment(@Arg("input", () => ExperimentInput) input: ExperimentInput, @Ctx() ctx: Context) {
    return ctx.services.experiments.update(input);
  }

  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Mutation(() => Experiment, { description: "DRAFT -> RUNNING: learners are assigned on their next recommendations." })
  startExperiment(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    assertId("id", id);
    return ctx.services.experiments.start(id);
  }

  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Mutation(() => Experiment, { description: "RUNNING -> STOPPED: nobody is assigned or served a variant any more; the read-out stays." })
  stopExperiment(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    assertId("id", id);
    return ctx.services.experiments.stop(id);
  }

  @FieldResolver(() => [ExperimentVariant], { description: "The variants in order (the first is the control), each with the primary metric's read-out." })
  variants(@Root() x: Experiment): ExperimentVariant[] {
    return x.variantDefs.map((v) => ({ ...v, strategy: v.strategy as ExperimentVariant["strategy"], experiment: x }));
  }

  @FieldResolver(() => Float, { nullable: true, complexity: 50, description: "Welch's p-value of the primary metric, the second variant against the first (per variant: variants.pValue)." })
  async pValue(@Root() x: Experiment, @Ctx() ctx: Context) {
    return (await primary(ctx, x)).variants[1]?.pValue ?? null;
  }

  @FieldResolver(() => Float, { nullable: true, complexity: 50, description: "Cohen's d of the primary metric, the second variant against the first." })
  async effectSize(@Root() x: Experiment, @Ctx() ctx: Context) {
    return (await primary(ctx, x)).variants[1]?.effectSize ?? null;
  }

  @FieldResolver(() => SampleRatioCheck, { complexity: 50 })
  async srm(@Root() x: Experiment, @Ctx() ctx: Context) {
    return (await ctx.services.experiments.analysis(x)).srm;
  }

  @FieldResolver(() => [ExperimentMetricResult], { complexity: 50, description: "The primary metric, then the secondary ones." })
  async metrics(@Root() x: Experiment, @Ctx() ctx: Context) {
    return (await ctx.services.experiments.analysis(x)).metrics.map((m, i) => toMetricResult(m, i === 0));
  }

  @FieldResolver(() => [ExclusionCount], { complexity: 20 })
  async exclusions(@Root() x: Experiment, @Ctx() ctx: Context) {
    return (await ctx.services.experiments.analysis(x)).exclusions;
  }

  @FieldResolver(() => String, { complexity: 50, description: "Per-unit condition and outcomes as CSV (header: unit_id,variant,learners, then one column per metric)." })
  async exportCsv(@Root() x: Experiment, @Ctx() ctx: Context) {
    return (await ctx.services.experiments.analysis(x)).csv;
  }
}

/** The primary metric's read-out on each variant. */
@Resolver(() => ExperimentVariant)
export class ExperimentVariantResolver {
  private static async mine(v: ExperimentVariant, ctx: Context): Promise<VariantMetric | undefined> {
    return (await primary(ctx, v.experiment)).variants.find((m) => m.variant === v.key);
  }

  @FieldResolver(() => Int, { complexity: 10, description: "Units exposed." })
  async n(@Root() v: ExperimentVariant, @Ctx() ctx: Context) {
    return (await ExperimentVariantResolver.mine(v, ctx))?.n ?? 0;
  }

  @FieldResolver(() => Float, { complexity: 10 })
  async mean(@Root() v: ExperimentVariant, @Ctx() ctx: Context) {
    return (await ExperimentVariantResolver.mine(v, ctx))?.mean ?? 0;
  }

  @FieldResolver(() => Float, { complexity: 10 })
  async sd(@Root() v: ExperimentVariant, @Ctx() ctx: Context) {
    return (await ExperimentVariantResolver.mine(v, ctx))?.sd ?? 0;
  }

  @FieldResolver(() => Float, { nullable: true, complexity: 10 })
  async diff(@Root() v: ExperimentVariant, @Ctx() ctx: Context) {
    return (await ExperimentVariantResolver.mine(v, ctx))?.diff ?? null;
  }

  @FieldResolver(() => ConfidenceInterval, { nullable: true, complexity: 10, description: "95% CI of the difference from the control (Welch)." })
  async ci(@Root() v: ExperimentVariant, @Ctx() ctx: Context) {
    return (await ExperimentVariantResolver.mine(v, ctx))?.ci ?? null;
  }

  @FieldResolver(() => Float, { nullable: true, complexity: 10 })
  async pValue(@Root() v: ExperimentVariant, @Ctx() ctx: Context) {
    return (await ExperimentVariantResolver.mine(v, ctx))?.pValue ?? null;
  }

  @FieldResolver(() => Float, { nullable: true, complexity: 10 })
  async effectSize(@Root() v: ExperimentVariant, @Ctx() ctx: Context) {
    return (await ExperimentVariantResolver.mine(v, ctx))?.effectSize ?? null;
  }
}
