import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { CURRICULUM_READ } from "../../auth/roles.js";
import { perRows } from "../../common/cost.js";
import type { Context } from "../../server/context.js";
import { assertId } from "../common/args.js";
import { Concept } from "./concept.type.js";
import { Topic, TopicLevel } from "./topic.type.js";

@Resolver(() => Topic)
export class TopicResolver {
  @Authorized(CURRICULUM_READ)
  @Query(() => Topic, { nullable: true })
  topic(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    assertId("id", id);
    return ctx.loaders.topic.load(id);
  }

  @Authorized(CURRICULUM_READ)
  @Query(() => [Topic], { complexity: perRows(50), description: "Topics, chapters and subjects (all levels unless one is named)." })
  topics(@Arg("level", () => TopicLevel, { nullable: true }) level: TopicLevel | null, @Ctx() ctx: Context) {
    return ctx.services.curriculum.listTopics(level ?? null);
  }

  @FieldResolver(() => Topic, { nullable: true })
  parent(@Root() topic: Topic, @Ctx() ctx: Context) {
    return topic.parentId ? ctx.loaders.topic.load(topic.parentId) : null;
  }

  @FieldResolver(() => [Topic], { complexity: perRows(10) })
  children(@Root() topic: Topic, @Ctx() ctx: Context) {
    return ctx.loaders.childrenOfTopic.load(topic.id);
  }

  @FieldResolver(() => [Concept], { complexity: perRows(50), description: "Concepts in this topic and every topic below it." })
  async concepts(@Root() topic: Topic, @Ctx() ctx: Context) {
    const ids = await ctx.loaders.conceptIdsUnderTopic.load(topic.id);
    const concepts = await ctx.loaders.concept.loadMany(ids);
    return concepts.filter((c): c is Concept => c !== null && !(c instanceof Error));
  }
}
