import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { CURRICULUM_READ, Role } from "../../auth/roles.js";
import { perPage, perRows } from "../../common/cost.js";
import { requireConcepts } from "./require.js";
import type { Context } from "../../server/context.js";
import { assertId } from "../common/args.js";
import { Concept, DeleteResult } from "./concept.type.js";
import { CreateItemInput, ItemsArgs, LinkItemArgs, UpdateItemInput } from "./item.input.js";
import { Item, ItemConceptLink, ItemConnection } from "./item.type.js";

@Resolver(() => Item)
export class ItemResolver {
  @Authorized(CURRICULUM_READ)
  @Query(() => Item, { nullable: true })
  item(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    assertId("id", id);
    return ctx.loaders.item.load(id);
  }

  @Authorized(CURRICULUM_READ)
  @Query(() => ItemConnection, { complexity: perPage })
  async items(@Args(() => ItemsArgs) args: ItemsArgs, @Ctx() ctx: Context) {
    if (args.conceptId) await requireConcepts(ctx.loaders, [args.conceptId]);
    return ctx.services.curriculum.listItems(args);
  }

  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Mutation(() => Item)
  createItem(@Arg("input", () => CreateItemInput) input: CreateItemInput, @Ctx() ctx: Context) {
    return ctx.services.curriculum.createItem(input);
  }

  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Mutation(() => Item)
  updateItem(@Arg("id", () => ID) id: string, @Arg("input", () => UpdateItemInput) input: UpdateItemInput, @Ctx() ctx: Context) {
    assertId("id", id);
    return ctx.services.curriculum.updateItem(id, input);
  }

  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Mutation(() => DeleteResult)
  deleteItem(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    assertId("id", id);
    return ctx.services.curriculum.deleteItem(id);
  }

  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Mutation(() => Item, { description: "The item assesses the concept (weight updated if linked already)." })
  linkItem(@Args(() => LinkItemArgs) args: LinkItemArgs, @Ctx() ctx: Context) {
    return ctx.services.curriculum.linkItem(args);
  }

  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Mutation(() => Item)
  unlinkItem(@Arg("itemId", () => ID) itemId: string, @Arg("conceptId", () => ID) conceptId: string, @Ctx() ctx: Context) {
    assertId("itemId", itemId);
    assertId("conceptId", conceptId);
    return ctx.services.curriculum.unlinkItem(itemId, conceptId);
  }

  @FieldResolver(() => [ItemConceptLink], { complexity: perRows(3), description: "Concepts this item assesses." })
  assesses(@Root() item: Item, @Ctx() ctx: Context) {
    return ctx.loaders.conceptsOfItem.load(item.id);
  }
}

@Resolver(() => ItemConceptLink)
export class ItemConceptLinkResolver {
  @FieldResolver(() => Concept)
  concept(@Root() link: ItemConceptLink, @Ctx() ctx: Context) {
    return ctx.loaders.concept.load(link.conceptId);
  }

  @FieldResolver(() => Item)
  item(@Root() link: ItemConceptLink, @Ctx() ctx: Context) {
    return ctx.loaders.item.load(link.itemId);
  }
}
