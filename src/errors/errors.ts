import { GraphQLError } from "graphql";
import type { ErrorCode } from "./codes.js";

/** Base of every error we raise on purpose: a literal code and safe extensions for the client. */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { ...extensions, code } });
    this.name = "AppError";
  }
}

export interface InputProblem {
  /** Dotted path of the offending field, e.g. `input.weight`. */
  path: string;
  message: string;
}

export class BadUserInputError extends AppError {
  constructor(message: string, problems: InputProblem[] = []) {
    super("BAD_USER_INPUT", message, { problems });
  }
}

export class NotFoundError extends AppError {
  /** `ids`: every id of this kind that was asked for and does not exist (extensions.ids). */
  constructor(kind: string, id: string | readonly string[]) {
    const ids = typeof id === "string" ? [id] : [...id];
    super(
      "NOT_FOUND",
      ids.length === 1 ? `${kind} '${ids[0] ?? ""}' does not exist.` : `${kind}s ${ids.map((i) => `'${i}'`).join(", ")} do not exist.`,
      { kind, id: ids[0] ?? null, ids },
    );
  }
}

export class ConflictError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super("CONFLICT", message, extensions);
  }
}

export class PrerequisiteCycleError extends AppError {
  /** @param cycle concept ids along the cycle, first id repeated at the end */
  constructor(cycle: string[]) {
    super(
      "PREREQUISITE_CYCLE",
      cycle.length <= 2
        ? `A concept cannot require itself ('${cycle[0] ?? "?"}').`
        : `This prerequisite would create a cycle: ${cycle.join(" -> ")}.`,
      { cycle },
    );
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Authentication required: send a valid bearer token.") {
    super("UNAUTHENTICATED", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You are not allowed to do this.") {
    super("FORBIDDEN", message);
  }
}

export class QueryTooComplexError extends AppError {
  constructor(message: string, extensions: Record<string, unknown>) {
    super("QUERY_TOO_COMPLEX", message, extensions);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message = "The database is unavailable; retry later.") {
    super("SERVICE_UNAVAILABLE", message);
  }
}
