/**
 * Every `extensions.code` a client can receive. This list is the contract documented in
 * docs/errors.md; a test checks that the two agree.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: "An argument or input failed validation; `extensions.problems` lists each field.",
  NOT_FOUND: "The object named by an id does not exist.",
  CONFLICT: "The change conflicts with the current state (duplicate id, dependents exist, concurrent edit).",
  PREREQUISITE_CYCLE: "The change would create a cycle or self-loop in the prerequisite graph; `extensions.cycle` is the path.",
  UNAUTHENTICATED: "No valid bearer token (missing, malformed, expired or wrong signature).",
  FORBIDDEN: "The token is valid but its role or relationship does not allow this.",
  QUERY_TOO_COMPLEX: "The operation exceeds the cost, alias, repeat or time limit; `extensions` gives the limit and the value.",
  RATE_LIMITED: "Too many requests for this token or client address; retry after `Retry-After` seconds.",
  GRAPHQL_PARSE_FAILED: "The document is not valid GraphQL syntax.",
  GRAPHQL_VALIDATION_FAILED: "The document does not validate against the schema.",
  BAD_REQUEST: "The HTTP request itself is malformed (for example a missing query).",
  PERSISTED_QUERY_NOT_FOUND: "Automatic persisted query: the hash is not known yet; send the full query.",
  PERSISTED_QUERY_NOT_SUPPORTED: "Automatic persisted queries are disabled.",
  OPERATION_RESOLUTION_FAILURE: "The operation name does not match an operation in the document.",
  SERVICE_UNAVAILABLE: "The database is unreachable or overloaded; retry later.",
  INTERNAL_SERVER_ERROR: "Anything unexpected. The message is masked; the server log has the details under the request id.",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === "string" && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
