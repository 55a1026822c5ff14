import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import { Role } from "../../auth/roles.js";
import { BadUserInputError, NotFoundError } from "../../errors/errors.js";
import { perRows } from "../../common/cost.js";
import type { Context } from "../../server/context.js";
import { conceptsOf } from "../curriculum/curriculum.loaders.js";
import { assertId } from "../common/args.js";
import type { Item } from "../curriculum/item.type.js";
import { ItemKind } from "../curriculum/item.type.js";
import { Classroom, Learner } from "../learners/learner.type.js";
import { AtRiskLearner, Bottleneck, ClassFrontierConcept, Heatmap } from "./classroom.type.js";
import { PlacementState } from "./placement.type.js";
import { GraphQLLocalDate } from "graphql-scalars";
import { requireConcepts, requireTopics } from "../curriculum/require.js";
import { Goal, ItemSelection, LearningPath, Recommendation, RecommendationStrategy, ReviewItem } from "./recommendation.type.js";
import { DEFAULT_BAND } from "./recommendations.service.js";

@Resolver(() => Learner)
export class RecommendationResolver {
  @FieldResolver(() => [Recommendation], {
    complexity: perRows(20),
    description:
      "What to do next: remediation of weak prerequisites first, then frontier concepts (not mastered, prerequisites mastered) and due reviews ranked by named factors, each with items of the right difficulty and an explanation.",
  })
  async recommendations(
    @Root() learner: Learner,
    @Arg("limit", () => Int, { defaultValue: 5, description: "1-50." }) limit: number,
    @Arg("goalConceptId", () => ID, { nullable: true, description: "Default: the learner's goal." }) goalConceptId: string | null,
    @Arg("kinds", () => [ItemKind], { nullable: true, description: "Item kinds to offer (default all)." }) kinds: ItemKind[] | null,
    @Arg("topicId", () => ID, { nullable: true, description: "Only concepts under this subject, chapter or topic." }) topicId: string | null,
    @Arg("strategy", () => RecommendationStrategy, { nullable: true, description: "Default: the learner's variant when an experiment applies to them, else balanced." }) strategy: RecommendationStrategy | null,
    @Arg("bandMin", () => Float, { defaultValue: DEFAULT_BAND.min, description: "Lowest predicted P(correct) of offered items." }) bandMin: number,
    @Arg("bandMax", () => Float, { defaultValue: DEFAULT_BAND.max, description: "Highest predicted P(correct) of offered items." }) bandMax: number,
    @Arg("itemSelection", () => ItemSelection, { defaultValue: ItemSelection.CLOSEST }) itemSelection: ItemSelection,
    @Arg("seed", () => Int, { nullable: true, description: "For THOMPSON: the same seed reproduces the same draws (default: a random one, named in the explanation)." }) seed: number | null,
    @Ctx() ctx: Context,
  ) {
    if (limit < 1 || limit > 50) throw new BadUserInputError("'limit' must be in 1..50.", [{ path: "limit", message: "out of range" }]);
    if (!(bandMin >= 0 && bandMax <= 1 && bandMin < bandMax)) throw new BadUserInputError("Need 0 <= bandMin < bandMax <= 1.", [{ path: "bandMin", message: "bad band" }]);
    if (goalConceptId) {
      assertId("goalConceptId", goalConceptId);
      await requireConcepts(ctx.loaders, [goalConceptId]);
    }
    return ctx.services.recommendations.recommendations(
      learner.id,
      { limit, within: await within(ctx, topicId), goalConceptId: goalConceptId ?? null, itemKinds: kinds ?? null, strategy: strategy ?? RecommendationStrategy.BALANCED, strategyExplicit: strategy !== null && strategy !== undefined, band: { min: bandMin, max: bandMax }, itemSelection, seed: seed ?? Math.floor(Math.random() * 2 ** 31) },
      async (ids) => (await ctx.loaders.itemsOfConcept.loadMany(ids)).map((r) => (r instanceof Error ? [] : (r as Item[]))),
      conceptsOf(ctx.loaders),
    );
  }

  @FieldResolver(() => LearningPath, { complexity: perRows(30), description: "The unmastered prerequisites of a goal in prerequisite order (default: the learner's goal)." })
  async learningPath(@Root() learner: Learner, @Arg("goalConceptId", () => ID, { nullable: true }) goalConceptId: string | null, @Ctx() ctx: Context) {
    const goal = goalConceptId ?? (await ctx.services.recommendations.goal(learner.id))?.conceptId;
    if (!goal) throw new BadUserInputError("No goalConceptId given and the learner has no goal.", [{ path: "goalConceptId", message: "required" }]);
    assertId("goalConceptId", goal);
    await requireConcepts(ctx.loaders, [goal]);
    return ctx.services.recommendations.learningPath(learner.id, goal, conceptsOf(ctx.loaders));
  }

  @FieldResolver(() => [ReviewItem], { complexity: perRows(20), description: "Mastered concepts whose predicted recall decayed below the review threshold, earliest due first." })
  reviewQueue(@Root() learner: Learner, @Arg("limit", () => Int, { defaultValue: 10 }) limit: number, @Ctx() ctx: Context) {
    if (limit < 1 || limit > 100) throw new BadUserInputError("'limit' must be in 1..100.", [{ path: "limit", message: "out of range" }]);
    return ctx.services.recommendations.reviewQueue(learner.id, limit);
  }

  @FieldResolver(() => PlacementState, {
    description: "Adaptive placement for a new learner: the most informative next question. Record its answer with recordEvents (source: \"placement\").",
  })
  async placement(
    @Root() learner: Learner,
    @Arg("topicId", () => ID, { nullable: true, description: "Place within this subject, chapter or topic (default: the whole curriculum)." }) topicId: string | null,
    @Ctx() ctx: Context,
  ) {
    const state = await ctx.services.placement.state(learner.id, await within(ctx, topicId), (conceptId) => ctx.loaders.itemsOfConcept.load(conceptId));
    return { ...state, learnerId: learner.id, topicId: topicId ?? null };
  }

  @FieldResolver(() => Goal, { nullable: true })
  goal(@Root() learner: Learner, @Ctx() ctx: Context) {
    return ctx.services.recommendations.goal(learner.id);
  }

  @Authorized(Role.LEARNER, Role.TEACHER, Role.ADMIN)
  @Mutation(() => Goal, { description: "Sets the learner's goal (one at a time); recommendations then favour concepts on the way to it." })
  async setGoal(
    @Arg("learnerId", () => ID) learnerId: string,
    @Arg("conceptId", () => ID) conceptId: string,
    @Arg("targetDate", () => GraphQLLocalDate, { nullable: true, description: "A calendar date, e.g. 2027-06-30." }) targetDate: string | null,
    @Ctx() ctx: Context,
  ) {
    assertId("learnerId", learnerId);
    assertId("conceptId", conceptId);
    await ctx.services.access.assertCanReadLearner(ctx.user, learnerId);
    const goal = await ctx.services.recommendations.setGoal(learnerId, conceptId, targetDate ?? null);
    if (!goal) throw new NotFoundError("Learner or concept", `${learnerId}/${conceptId}`);
    return goal;
  }
}

/** The concept ids under a topic, or null for no filter. */
async function within(ctx: Context, topicId: string | null | undefined): Promise<string[] | null> {
  if (!topicId) return null;
  assertId("topicId", topicId);
  await requireTopics(ctx.loaders, [topicId]);
  return ctx.loaders.conceptIdsUnderTopic.load(topicId);
}

/** Class views are reachable through `learner.classes` too: every field checks the class itself. */
@Resolver(() => Classroom)
export class ClassroomViewsResolver {
  @FieldResolver(() => [ClassFrontierConcept], { complexity: perRows(20), description: "Concepts the most learners are ready for." })
  async frontier(
    @Root() classroom: Classroom,
    @Arg("limit", () => Int, { defaultValue: 10 }) limit: number,
    @Arg("topicId", () => ID, { nullable: true, description: "Only concepts under this topic, chapter or subject." }) topicId: string | null,
    @Ctx() ctx: Context,
  ) {
    await ctx.services.access.assertCanReadClass(ctx.user, classroom.id);
    return ctx.services.classroom.frontier(classroom.id, Math.min(Math.max(limit, 1), 100), await within(ctx, topicId));
  }

  @FieldResolver(() => [Bottleneck], { complexity: perRows(20), description: "Concepts most learners are blocked on." })
  async bottlenecks(
    @Root() classroom: Classroom,
    @Arg("limit", () => Int, { defaultValue: 10 }) limit: number,
    @Arg("topicId", () => ID, { nullable: true, description: "Only concepts under this topic, chapter or subject." }) topicId: string | null,
    @Ctx() ctx: Context,
  ) {
    await ctx.services.access.assertCanReadClass(ctx.user, classroom.id);
    return ctx.services.classroom.bottlenecks(classroom.id, Math.min(Math.max(limit, 1), 100), await within(ctx, topicId));
  }

  @FieldResolver(() => [AtRiskLearner], { complexity: perRows(40), description: "Learners whose mastery is low or falling." })
  async atRisk(@Root() classroom: Classroom, @Ctx() ctx: Context) {
    await ctx.services.access.assertCanReadClass(ctx.user, classroom.id);
    return ctx.services.classroom.atRisk(classroom.id);
  }

  @FieldResolver(() => Heatmap, { complexity: 200, description: "Learners x concepts mastery matrix (concepts under topicId, or every practised concept)." })
  async heatmap(@Root() classroom: Classroom, @Arg("topicId", () => ID, { nullable: true }) topicId: string | null, @Ctx() ctx: Context) {
    await ctx.services.access.assertCanReadClass(ctx.user, classroom.id);
    return { ...(await ctx.services.classroom.heatmap(classroom.id, await within(ctx, topicId))), classId: classroom.id, topicId: topicId ?? null };
  }
}
