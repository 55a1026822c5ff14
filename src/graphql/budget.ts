import { defaultFieldResolver, isObjectType, type GraphQLSchema } from "graphql";
import { QueryTooComplexError } from "../errors/errors.js";
import { FIELD_COSTS } from "./limits.js";

/**
 * A wall-clock budget per operation: an expensive field (FIELD_COSTS) that would start more than
 * `budgetMs` after the operation's first expensive field is refused with QUERY_TOO_COMPLEX
 * (`extensions.budgetMs`), so a costly operation that slipped under the cost estimate ends
 * instead of holding the server. Operations are told apart by their context object, which is
 * made once per HTTP request and once per subscription event.
 */
export function applyOperationBudget(schema: GraphQLSchema, budgetMs: number): GraphQLSchema {
  const started = new WeakMap<object, number>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (FIELD_COSTS[`${type.name}.${field.name}`] === undefined) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: unknown, info) => {
        if (typeof context === "object" && context !== null) {
          const now = performance.now();
          const first = started.get(context);
          if (first === undefined) started.set(context, now);
          else if (now - first > budgetMs) {
            throw new QueryTooComplexError(`The operation ran past its ${budgetMs} ms budget; '${type.name}.${field.name}' was not started. Ask for less in one operation.`, { budgetMs });
          }
        }
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
