import { buildSchema, parse, type GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { FIELD_COSTS, assertCost } from "../../../src/graphql/limits.js";

// conceptGraph costs its FIELD_COSTS entry plus 1 (a leaf with no module estimate).
const schema = buildSchema("type Query { conceptGraph: Int, ping: Int }");
const graphCost = (FIELD_COSTS["Query.conceptGraph"] ?? 0) + 1;
const code = (f: () => void): string | null => {
  try {
    f();
    return null;
  } catch (err) {
    return String((err as GraphQLError).extensions.code);
  }
};

describe("assertCost on a document seen before", () => {
  it("estimates again when only the variables change: the same document passes or is refused by them", () => {
    // One parsed document, as Apollo's document store hands to every request with the same text.
    const doc = parse("query($x: Boolean!) { ping conceptGraph @include(if: $x) }");
    const limit = graphCost; // ping (1) + conceptGraph is one over it
    expect(code(() => assertCost(schema, doc, { x: false }, null, limit))).toBeNull();
    expect(code(() => assertCost(schema, doc, { x: true }, null, limit))).toBe("QUERY_TOO_COMPLEX");
    expect(code(() => assertCost(schema, doc, { x: false }, null, limit))).toBeNull();
    expect(code(() => assertCost(schema, doc, { x: true }, null, limit + 1))).toBeNull();
  });

  it("keeps a variable error to its own variables", () => {
    const doc = parse("query($x: Boolean!) { conceptGraph @include(if: $x) }");
    expect(code(() => assertCost(schema, doc, {}, null, 1000))).toBe("BAD_USER_INPUT");
    expect(code(() => assertCost(schema, doc, { x: true }, null, 1000))).toBeNull();
    expect(code(() => assertCost(schema, doc, {}, null, 1000))).toBe("BAD_USER_INPUT");
  });

  it("estimates the operation named, per name", () => {
    const doc = parse("query A { ping } query B { ping conceptGraph }");
    expect(code(() => assertCost(schema, doc, {}, "A", 1))).toBeNull();
    expect(code(() => assertCost(schema, doc, {}, "B", 1))).toBe("QUERY_TOO_COMPLEX");
    expect(code(() => assertCost(schema, doc, {}, "A", 1))).toBeNull();
  });
});
