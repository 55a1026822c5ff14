import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLError, GraphQLFormattedError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import { isErrorCode } from "../errors/codes.js";
import { AppError } from "../errors/errors.js";
import type { Logger } from "../logger.js";

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

function flatten(errors: ValidationErrorLike[], prefix: string): Array<{ path: string; message: string }> {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** No cause, our own error, or a GraphQL error that wraps nothing else (a parse or validation error). */
function isIntentional(cause: unknown): boolean {
  if (cause === undefined || cause === null || cause instanceof AppError) return true;
  // By name, not instanceof: graphql can be loaded twice (its CommonJS and ESM builds).
  return cause instanceof Error && cause.name === "GraphQLError" && ((cause as GraphQLError).originalError ?? null) === null;
}

/**
 * The one place errors are shaped for clients. Our AppErrors and GraphQL's own request errors
 * pass with their code; class-validator failures become BAD_USER_INPUT with each problem;
 * anything else is logged in full and masked as INTERNAL_SERVER_ERROR.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) {
      const problems = flatten(original.extensions.validationErrors as ValidationErrorLike[], "");
      return {
        message: `Invalid input: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: "BAD_USER_INPUT", problems },
      };
    }
    if (original instanceof AppError) return formatted;
    // Errors GraphQL or Apollo raise about the request itself (parse, validation, bad variables,
    // context creation) carry a documented code and no unknown exception underneath.
    const code = formatted.extensions?.code;
    const cause = (original as { originalError?: unknown } | null)?.originalError;
    if (isErrorCode(code) && code !== "INTERNAL_SERVER_ERROR" && isIntentional(cause)) {
      return formatted;
    }
    // graphql-js overflows its stack on absurd nesting (a few thousand levels): still a syntax problem.
    if (code === "GRAPHQL_PARSE_FAILED" && cause instanceof RangeError) {
      return { message: "Syntax Error: the document is nested too deeply.", extensions: { code: "GRAPHQL_PARSE_FAILED" } };
    }
    // Apollo's own refusals of a request that carry no code (a persisted-query hash that does not
    // match its query, an unsupported persisted-query version): raised before anything ran.
    // (Apollo fills in INTERNAL_SERVER_ERROR for an error without a code.)
    const ownCode = (original as GraphQLError | null)?.extensions?.code;
    if (ownCode === undefined && formatted.path === undefined && isIntentional(cause) && original instanceof Error && original.name === "GraphQLError") {
      return { message: formatted.message, locations: formatted.locations, extensions: { code: "BAD_REQUEST" } };
    }
    logger.error({ err: original, path: formatted.path }, "unexpected error (masked for the client)");
    return {
      message: "Internal server error. The server log has the details.",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}
