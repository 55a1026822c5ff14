import { Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Role } from "../../auth/roles.js";
import { perRows } from "../../common/cost.js";
import type { Context } from "../../server/context.js";
import { Item } from "../curriculum/item.type.js";
import { CurriculumReport } from "../curriculum/report.type.js";
import { verdict } from "../../domain/effectiveness/effectiveness.js";
import { ItemBandEffect, type AbilityBand, type ItemVerdict } from "./effectiveness.type.js";

@Resolver(() => Item)
export class ItemEffectivenessResolver {
  @Authorized(Role.DESIGNER, Role.ADMIN)
  @FieldResolver(() => [ItemBandEffect], { description: "Which items teach and which only test: the stored result of `frontier analyse items`, per ability band (designers, admins)." })
  async effectiveness(@Root() item: Item, @Ctx() ctx: Context): Promise<ItemBandEffect[]> {
    return (await ctx.services.effectiveness.of(item.id)).map((e) => ({ ...e, band: e.band as AbilityBand, verdict: verdict(e) as ItemVerdict }));
  }
}

@Resolver(() => CurriculumReport)
export class ReportEffectivenessResolver {
  @FieldResolver(() => [Item], { complexity: perRows(50), description: "Items that never help: in every band with at least 20 follow-ups, the 95% interval of the mastery gain lies at or below 0." })
  async itemsThatNeverHelp(@Ctx() ctx: Context) {
    const ids = await ctx.services.effectiveness.neverHelpingIds();
    const items = await ctx.loaders.item.loadMany(ids);
    return items.filter((i) => i !== null && !(i instanceof Error));
  }
}
