import { describe, expect, it } from "vitest";
import { columns } from "../../../src/neo4j/columns.js";

describe("columns", () => {
  it("turns rows into one list per key, row order kept, missing values null", () => {
    expect(columns([{ a: 1, b: "x" }, { a: 2 }, { b: "z" }], ["a", "b"])).toEqual({ a: [1, 2, null], b: ["x", null, "z"] });
  });
  it("gives empty columns for no rows (size(col) - 1 = -1: the UNWIND range is empty)", () => {
    expect(columns([], ["a"])).toEqual({ a: [] });
  });
});
