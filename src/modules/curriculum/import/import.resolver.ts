import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { Role } from "../../../auth/roles.js";
import { BadUserInputError } from "../../../errors/errors.js";
import type { Context } from "../../../server/context.js";
import { ImportFormat, ImportReport } from "./import.type.js";

/** Imports larger than this go through the CLI (`frontier import`), which streams batches. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

@Resolver()
export class ImportResolver {
  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Mutation(() => ImportReport, {
    description:
      "Bulk import of a JSON document ({topics, concepts, prerequisites, items}) or a concepts CSV. By default any ERROR writes nothing; allowPartial writes the valid rows and reports the rest; dryRun only reports.",
  })
  importCurriculum(
    @Arg("format", () => ImportFormat) format: ImportFormat,
    @Arg("content", () => String, { description: "The file's text (UTF-8; a BOM is fine)." }) content: string,
    @Arg("dryRun", () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Arg("allowPartial", () => Boolean, { defaultValue: false }) allowPartial: boolean,
    @Ctx() ctx: Context,
  ) {
    if (Buffer.byteLength(content, "utf8") > MAX_IMPORT_BYTES) {
      throw new BadUserInputError(`Import content is larger than ${MAX_IMPORT_BYTES} bytes; use the CLI for large files.`, [
        { path: "content", message: "too large" },
      ]);
    }
    return ctx.services.imports.importCurriculum(content, { format, dryRun, allowPartial });
  }

  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Query(() => String, { complexity: 500, description: "The whole curriculum as the JSON import format." })
  async exportCurriculum(@Ctx() ctx: Context) {
    return JSON.stringify(await ctx.services.imports.exportCurriculum());
  }
}
