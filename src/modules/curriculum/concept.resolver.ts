import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { CURRICULUM_READ, Role } from "../../auth/roles.js";
import { perPage, perRows } from "../../common/cost.js";
import type { Context } from "../../server/context.js";
import { assertId } from "../common/args.js";
import { conceptsOf } from "./curriculum.loaders.js";
import { requireTopics } from "./require.js";
import { ConceptGraphArgs, ConceptsArgs, CreateConceptInput, UpdateConceptInput } from "./concept.input.js";
import { Attribute, Concept, ConceptConnection, ConceptGraph, DeleteResult, PrerequisiteEdge } from "./concept.type.js";
import { Item, ItemKind } from "./item.type.js";
import { CurriculumReport } from "./report.type.js";
import { Topic } from "./topic.type.js";

@Resolver(() => Concept)
export class ConceptResolver {
  @Authorized(CURRICULUM_READ)
  @Query(() => Concept, { nullable: true, description: "A concept by id, or null." })
  concept(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Concept | null> {
    assertId("id", id);
    return ctx.loaders.concept.load(id);
  }

  @Authorized(CURRICULUM_READ)
  @Query(() => ConceptConnection, { complexity: perPage, description: "Concepts ordered by id, filtered and paginated." })
  async concepts(@Args(() => ConceptsArgs) args: ConceptsArgs, @Ctx() ctx: Context) {
    if (args.topicId) await requireTopics(ctx.loaders, [args.topicId]);
    return ctx.services.curriculum.listConcepts(args);
  }

  @Authorized(CURRICULUM_READ)
  @Query(() => ConceptGraph, {
    complexity: perRows(200),
    description: "The prerequisite and/or dependent subgraph around some concepts (from the server's copy of the graph, fresh as of the request). Depth is at most 12.",
  })
  conceptGraph(@Args(() => ConceptGraphArgs) args: ConceptGraphArgs, @Ctx() ctx: Context) {
    return ctx.services.curriculum.conceptGraph(args, conceptsOf(ctx.loaders), ctx.curriculumMark);
  }

  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Query(() => CurriculumReport, { complexity: 200, description: "Validation report over the whole curriculum." })
  curriculumReport(@Ctx() ctx: Context) {
    return ctx.services.curriculum.report();
  }

  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Mutation(() => Concept)
  createConcept(@Arg("input", () => CreateConceptInput) input: CreateConceptInput, @Ctx() ctx: Context) {
    return ctx.services.curriculum.createConcept(input);
  }

  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Mutation(() => Concept)
  updateConcept(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateConceptInput) input: UpdateConceptInput,
    @Ctx() ctx: Context,
  ) {
    assertId("id", id);
    return ctx.services.curriculum.updateConcept(id, input);
  }

  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Mutation(() => DeleteResult, { description: "Refused with CONFLICT when other concepts require it, unless detach is true." })
  deleteConcept(
    @Arg("id", () => ID) id: string,
    @Arg("detach", () => Boolean, { defaultValue: false }) detach: boolean,
    @Ctx() ctx: Context,
  ) {
    assertId("id", id);
    return ctx.services.curriculum.deleteConcept(id, detach);
  }

  @FieldResolver(() => [PrerequisiteEdge], { complexity: perRows(5), description: "Direct prerequisites." })
  prerequisites(@Root() concept: Concept, @Ctx() ctx: Context) {
    return ctx.loaders.prerequisitesOf.load(concept.id);
  }

  @FieldResolver(() => [PrerequisiteEdge], { complexity: perRows(5), description: "Concepts that directly require this one." })
  dependents(@Root() concept: Concept, @Ctx() ctx: Context) {
    return ctx.loaders.dependentsOf.load(concept.id);
  }

  @FieldResolver(() => [Item], { complexity: perRows(10) })
  async items(
    @Root() concept: Concept,
    @Arg("kind", () => ItemKind, { nullable: true }) kind: ItemKind | null,
    @Ctx() ctx: Context,
  ) {
    const items = await ctx.loaders.itemsOfConcept.load(concept.id);
    return kind ? items.filter((i) => i.kind === kind) : items;
  }

  @FieldResolver(() => Topic, { nullable: true })
  topic(@Root() concept: Concept, @Ctx() ctx: Context) {
    return ctx.loaders.topicOfConcept.load(concept.id);
  }

  @FieldResolver(() => [Attribute], { description: "Extra properties kept from imports." })
  attributes(@Root() concept: Concept): Attribute[] {
    if (!concept.attributes) return [];
    return Object.entries(JSON.parse(concept.attributes) as Record<string, string>).map(([key, value]) => ({ key, value }));
  }
}

@Resolver(() => PrerequisiteEdge)
export class PrerequisiteEdgeResolver {
  @FieldResolver(() => Concept, { description: "The concept that requires." })
  async concept(@Root() edge: PrerequisiteEdge, @Ctx() ctx: Context) {
    return ctx.loaders.concept.load(edge.conceptId);
  }

  @FieldResolver(() => Concept, { description: "The concept required." })
  async prerequisite(@Root() edge: PrerequisiteEdge, @Ctx() ctx: Context) {
    return ctx.loaders.concept.load(edge.prerequisiteId);
  }
}
