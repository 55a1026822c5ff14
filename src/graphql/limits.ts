import type { ApolloServerPlugin } from "@apollo/server";
import { separateOperations, type DocumentNode, type GraphQLSchema } from "graphql";
import depthLimit from "graphql-depth-limit";
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import { BadUserInputError, QueryTooComplexError } from "../errors/errors.js";

/** Validation rule: rejects documents nested deeper than `maxDepth` (introspection is exempt). */
export function depthRule(maxDepth: number) {
  return depthLimit(maxDepth, { ignore: [/^__/] });
}

/**
 * Throws QUERY_TOO_COMPLEX when the operation's estimated cost is above `maxCost`, before anything
 * executes. Lists cost their children times their page size (common/cost.ts); other fields 1.
 */
export function assertCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | null | undefined,
  maxCost: number,
): void {
  const query = operationName ? (separateOperations(document)[operationName] ?? document) : document;
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query,
      variables,
      operationName: operationName ?? undefined,
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (err) {
    // The estimate coerces variables first; a missing or mistyped variable is the client's error.
    throw new BadUserInputError((err as Error).message);
  }
  if (cost > maxCost) {
    throw new QueryTooComplexError(`Operation cost ${cost} exceeds the limit of ${maxCost}. Ask for fewer rows or fields.`, {
      cost,
      maxCost,
    });
  }
}

export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operationName }) {
          assertCost(schema, document, request.variables ?? {}, operationName, maxCost);
        },
      };
    },
  };
}
