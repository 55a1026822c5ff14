import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildFrontierSchema, printFrontierSchema } from "../../../src/graphql/build-schema.js";

describe("schema/schema.graphql", () => {
  it("matches the schema the code builds (run `npm run schema` after changing the API)", async () => {
    const emitted = printFrontierSchema(await buildFrontierSchema({ publicCurriculum: true }));
    expect(emitted).toBe(readFileSync("schema/schema.graphql", "utf8"));
  });
});
