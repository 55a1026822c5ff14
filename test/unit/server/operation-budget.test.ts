import { buildSchema, graphql } from "graphql";
import { describe, expect, it } from "vitest";
import { applyOperationBudget } from "../../../src/graphql/budget.js";

/**
 * The per-operation budget: an expensive field (named in FIELD_COSTS) that would start after the
 * budget has passed is refused; one that starts in time runs. Timing here is the test's own
 * input (a resolver held for 60 ms against a 10 ms budget), not a measurement.
 */
const sdl = "type Learner { placement: String } type Query { curriculumReport: String learner: Learner }";
const held = (ms: number) => new Promise((r) => setTimeout(r, ms));

function schema(budgetMs: number, learnerDelayMs: number) {
  const s = buildSchema(sdl);
  s.getQueryType()!.getFields().curriculumReport!.resolve = () => "report";
  s.getQueryType()!.getFields().learner!.resolve = async () => {
    await held(learnerDelayMs);
    return {};
  };
  (s.getType("Learner") as import("graphql").GraphQLObjectType).getFields().placement!.resolve = () => "placed";
  return applyOperationBudget(s, budgetMs);
}

describe("operation budget", () => {
  it("refuses an expensive field that starts after the budget, with QUERY_TOO_COMPLEX and budgetMs", async () => {
    const r = await graphql({ schema: schema(10, 60), source: "{ curriculumReport learner { placement } }", contextValue: {} });
    expect(r.data).toEqual({ curriculumReport: "report", learner: { placement: null } });
    expect(r.errors?.map((e) => [e.extensions.code, e.extensions.budgetMs, e.path])).toEqual([["QUERY_TOO_COMPLEX", 10, ["learner", "placement"]]]);
  });

  it("runs every field when they start within the budget, and budgets each context separately", async () => {
    const s = schema(10_000, 5);
    for (let i = 0; i < 2; i++) {
      const r = await graphql({ schema: s, source: "{ curriculumReport learner { placement } }", contextValue: {} });
      expect(r).toEqual({ data: { curriculumReport: "report", learner: { placement: "placed" } } });
    }
  });
});
