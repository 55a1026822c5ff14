import { Arg, Authorized, Ctx, FieldResolver, GraphQLISODateTime, ID, Int, Query, Resolver, Root } from "type-graphql";
import { Role } from "../../auth/roles.js";
import { BadUserInputError } from "../../errors/errors.js";
import { perRows } from "../../common/cost.js";
import type { Context } from "../../server/context.js";
import { assertId } from "../common/args.js";
import { requireConcepts, requireTopics } from "../curriculum/require.js";
import { Learner } from "../learners/learner.type.js";
import { ItemPrediction, Mastery, MasteryChange, TopicMastery } from "./mastery.type.js";

const MAX_IDS = 500;

function checkIds(name: string, ids: string[] | null | undefined): void {
  if (!ids) return;
  if (ids.length > MAX_IDS) throw new BadUserInputError(`At most ${MAX_IDS} ids in '${name}'.`, [{ path: name, message: "too many" }]);
  ids.forEach((id, i) => assertId(`${name}.${i}`, id));
}


/** Mastery fields of a learner (reached through `learner(id)`, which checks access). */
@Resolver(() => Learner)
export class MasteryResolver {
  @FieldResolver(() => [Mastery], {
    complexity: perRows(50),
    description: "Mastery now, with explanations: of conceptIds, or of every concept under topicId, or of every practised concept.",
  })
  async mastery(
    @Root() learner: Learner,
    @Arg("conceptIds", () => [ID], { nullable: true }) conceptIds: string[] | null,
    @Arg("topicId", () => ID, { nullable: true }) topicId: string | null,
    @Ctx() ctx: Context,
  ) {
    checkIds("conceptIds", conceptIds);
    if (topicId) assertId("topicId", topicId);
    if (conceptIds) await requireConcepts(ctx.loaders, conceptIds);
    if (topicId) await requireTopics(ctx.loaders, [topicId]);
    return ctx.services.mastery.mastery(learner.id, conceptIds ?? null, topicId ?? null);
  }

  @FieldResolver(() => [TopicMastery], { complexity: perRows(10), description: "Rollups to topics, chapters or subjects." })
  async topicMastery(@Root() learner: Learner, @Arg("topicIds", () => [ID]) topicIds: string[], @Ctx() ctx: Context) {
    checkIds("topicIds", topicIds);
    await requireTopics(ctx.loaders, topicIds);
    return ctx.services.mastery.topicMastery(learner.id, topicIds);
  }

  @FieldResolver(() => ItemPrediction, { description: "P(correct) for an item now, with the terms of the model's logit." })
  predictedCorrect(@Root() learner: Learner, @Arg("itemId", () => ID) itemId: string, @Ctx() ctx: Context) {
    assertId("itemId", itemId);
    return ctx.services.mastery.predictedCorrect(learner.id, itemId);
  }

  @Authorized(Role.LEARNER, Role.TEACHER, Role.ADMIN)
  @Query(() => [MasteryChange], { complexity: perRows(100), description: "Every change of a learner's mastery (of one concept, in a window), oldest first." })
  async masteryHistory(
    @Arg("learnerId", () => ID) learnerId: string,
    @Arg("conceptId", () => ID, { nullable: true }) conceptId: string | null,
    @Arg("from", () => GraphQLISODateTime, { nullable: true }) from: Date | null,
    @Arg("to", () => GraphQLISODateTime, { nullable: true }) to: Date | null,
    @Arg("limit", () => Int, { defaultValue: 500 }) limit: number,
    @Ctx() ctx: Context,
  ) {
    assertId("learnerId", learnerId);
    if (conceptId) assertId("conceptId", conceptId);
    if (limit < 1 || limit > 5000) throw new BadUserInputError("'limit' must be in 1..5000.", [{ path: "limit", message: "out of range" }]);
    await ctx.services.access.assertCanReadLearner(ctx.user, learnerId);
    if (conceptId) await requireConcepts(ctx.loaders, [conceptId]);
    return ctx.services.mastery.history(learnerId, conceptId ?? null, from?.toISOString() ?? null, to?.toISOString() ?? null, limit);
  }
}
