import type { ApolloServerPlugin } from "@apollo/server";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import {
  GraphQLError,
  getNamedType,
  isObjectType,
  separateOperations,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from "graphql-query-complexity";
import type { KnownListSizes } from "../common/cost.js";
import type { Config } from "../config.js";
import { BadUserInputError, QueryTooComplexError } from "../errors/errors.js";

export type Limits = Pick<
  Config,
  "MAX_QUERY_DEPTH" | "MAX_QUERY_COST" | "MAX_QUERY_ALIASES" | "MAX_EXPENSIVE_REPEATS" | "MAX_QUERY_DIRECTIVES" | "MAX_QUERY_TOKENS" | "OPERATION_BUDGET_MS"
>;

/**
 * What a field computes in the server beyond the rows it returns, in cost units (1 unit is about
 * one row fetched, ~20 µs). Measured on the seed curriculum (72 concepts, 17 learners) on the
 * 2-core machine: ms per call / 0.02 ms, rounded up (docs/reliability.md has the command). The
 * module's own estimate (rows x children) is added on top. Placement, for example, scores every
 * candidate item of the curriculum: 6.4 ms, so 320 units.
 */
export const FIELD_COSTS: Readonly<Record<string, number>> = {
  "Learner.placement": 320,
  "Learner.recommendations": 70,
  "Learner.learningPath": 60,
  "Learner.mastery": 55,
  "Learner.topicMastery": 65,
  "Learner.reviewQueue": 35,
  "Query.conceptGraph": 150,
  "Classroom.heatmap": 320,
  "Classroom.frontier": 55,
  "Classroom.bottlenecks": 60,
  "Classroom.atRisk": 45,
  "Query.curriculumReport": 1000,
  "Query.exportCurriculum": 170,
  "Query.dataQuality": 100,
  "Query.curriculumEvidence": 1000,
};

/** Fields whose base cost is at least this are "expensive" (every field in FIELD_COSTS today): their repeats per selection set are bounded. */
const EXPENSIVE = 30;

const fieldCost: ComplexityEstimator = (args) => {
  const key = `${args.type.name}.${args.field.name}` as keyof KnownListSizes;
  const known = (args.context as { sizes?: KnownListSizes } | undefined)?.sizes?.[key];
  // A list whose size is known for this caller (a teacher's classes, their largest class) costs its real rows.
  if (known !== undefined) return 1 + args.childComplexity * Math.max(1, known);
  const base = FIELD_COSTS[`${args.type.name}.${args.field.name}`];
  if (base === undefined) return undefined;
  const own = args.field.extensions?.complexity;
  const module = typeof own === "function" ? (own as ComplexityEstimator)(args) : typeof own === "number" ? own + args.childComplexity : 1 + args.childComplexity;
  return base + (typeof module === "number" ? module : 1 + args.childComplexity);
};

/**
 * Validation rule: one expensive field (FIELD_COSTS >= 30) may appear at most `max` times in one
 * selection set, under any aliases. `{ a0: placement ... a999: placement }` is refused however
 * cheap each copy looks.
 */
export function expensiveRepeatsRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    SelectionSet(node) {
      const parent = context.getParentType();
      if (!parent || !isObjectType(getNamedType(parent))) return;
      const seen = new Map<string, number>();
      for (const sel of node.selections) {
        if (sel.kind !== "Field") continue;
        const key = `${parent.name}.${sel.name.value}`;
        if ((FIELD_COSTS[key] ?? 0) < EXPENSIVE) continue;
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        if (n === max + 1) {
          context.reportError(new GraphQLError(`'${key}' is expensive: at most ${max} per selection set (aliases included).`, { nodes: [sel], extensions: { code: "QUERY_TOO_COMPLEX", maxRepeats: max } }));
        }
      }
    },
  });
}

/** graphql-armor's depth, alias and directive limits plus the expensive-field rule, for HTTP and WebSocket alike. */
export function limitRules(limits: Limits): ValidationRule[] {
  // graphql-armor throws by default (envelop's style); report instead, as validation rules do.
  const report = {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(new GraphQLError(err.message.replace(/^Syntax Error: /, ""), { extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }))],
  };
  return [
    maxDepthRule({ n: limits.MAX_QUERY_DEPTH, ignoreIntrospection: true, flattenFragments: true, ...report }),
    maxAliasesRule({ n: limits.MAX_QUERY_ALIASES, ...report }),
    maxDirectivesRule({ n: limits.MAX_QUERY_DIRECTIVES, ...report }),
    expensiveRepeatsRule(limits.MAX_EXPENSIVE_REPEATS),
  ];
}

/** Parser limits: a token cap bounds parsing time and nesting (graphql-js parses recursively). */
export const parseOptions = (limits: Limits): ParseOptions => ({ maxTokens: limits.MAX_QUERY_TOKENS });

/** Estimates kept per document (Apollo hands the same parsed document to every request with the same text). */
const MAX_ESTIMATES_PER_DOCUMENT = 256;
/** Keys longer than this (large variable batches) are estimated every time rather than kept. */
const MAX_ESTIMATE_KEY = 4_096;
/** Outcome of one estimate: the cost, or the client error the estimate raised. */
type Estimate = number | { error: string };
const estimates = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, Estimate>>>();

/**
 * The operation's estimated cost, remembered per (schema, document, operation, variables, known
 * list sizes): everything the estimate depends on, so a hit is exactly the estimate that would be
 * computed. Profiled at 4.6% of the server's CPU on recommendation requests before it was kept.
 */
function estimate(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName: string | null | undefined, sizes: KnownListSizes): Estimate {
  const key = `${operationName ?? ""}\u0000${JSON.stringify(variables)}\u0000${JSON.stringify(sizes)}`;
  const cacheable = key.length <= MAX_ESTIMATE_KEY;
  let byDocument = estimates.get(schema);
  if (!byDocument) estimates.set(schema, (byDocument = new WeakMap()));
  const kept = cacheable ? byDocument.get(document) : undefined;
  const hit = kept?.get(key);
  if (hit !== undefined) return hit;
  const query = operationName ? (separateOperations(document)[operationName] ?? document) : document;
  let result: Estimate;
  try {
    result = getComplexity({
      schema,
      query,
      variables,
      operationName: operationName ?? undefined,
      context: { sizes },
      estimators: [fieldCost, fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (err) {
    // The estimate coerces variables first; a missing or mistyped variable is the client's error.
    result = { error: (err as Error).message };
  }
  if (cacheable) {
    const map = kept ?? new Map<string, Estimate>();
    if (!kept) byDocument.set(document, map);
    if (map.size >= MAX_ESTIMATES_PER_DOCUMENT) map.delete(map.keys().next().value as string);
    map.set(key, result);
  }
  return result;
}

/**
 * Throws QUERY_TOO_COMPLEX when the operation's estimated cost is above `maxCost`, before anything
 * executes. Lists cost their children times their page size (common/cost.ts); fields that compute
 * a lot add their FIELD_COSTS; other fields cost 1.
 */
export function assertCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | null | undefined,
  maxCost: number,
  sizes: KnownListSizes = {},
): void {
  const cost = estimate(schema, document, variables, operationName, sizes);
  if (typeof cost !== "number") throw withStatus(new BadUserInputError(cost.error), 400);
  if (cost > maxCost) {
    throw withStatus(
      new QueryTooComplexError(`Operation cost ${cost} exceeds the limit of ${maxCost}. Ask for fewer rows or fields.`, { cost, maxCost }),
      400,
    );
  }
}

/** Errors raised before execution are the client's: Apollo would answer 500 for a plugin's error without this. */
function withStatus<E extends GraphQLError>(err: E, status: number): E {
  Object.defineProperty(err.extensions, "http", { value: { status, headers: new Map() }, enumerable: false });
  return err;
}

/** The cost limit for HTTP; `sizesOf` tells the list sizes known for the request's caller. */
export function costLimitPlugin<C extends object>(schema: GraphQLSchema, maxCost: number, sizesOf: (ctx: C) => Promise<KnownListSizes>): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operationName, contextValue }) {
          assertCost(schema, document, request.variables ?? {}, operationName, maxCost, await sizesOf(contextValue));
        },
      };
    },
  };
}
