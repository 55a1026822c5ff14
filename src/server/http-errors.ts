import type { ApolloServerPlugin } from "@apollo/server";
import type { ErrorRequestHandler, Request, Response } from "express";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import Negotiator from "negotiator";
import type { ErrorCode } from "../errors/codes.js";
import type { Logger } from "../logger.js";

const JSON_TYPE = "application/json";
const GRAPHQL_RESPONSE = "application/graphql-response+json";

/** The media type Apollo answers with for this Accept header (same negotiation, same order). */
export function responseType(accept: string | undefined | null): string | null {
  if (!accept) return JSON_TYPE;
  return new Negotiator({ headers: { accept } }).mediaType([JSON_TYPE, GRAPHQL_RESPONSE]) ?? null;
}

/** HTTP status of a request error (no `data`) under application/graphql-response+json. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/** Seconds a client should wait after SERVICE_UNAVAILABLE. */
export const RETRY_AFTER_S = 2;

export const codesOf = (errors: readonly GraphQLFormattedError[] | undefined): string[] =>
  (errors ?? []).map((e) => String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR"));

/**
 * Status codes as the GraphQL-over-HTTP specification gives them, whatever stage raised the
 * error: a request error (nothing executed, no `data`) is 200 when the client accepts only
 * application/json and 4xx under application/graphql-response+json (400 for the client's
 * mistakes: parse, validation, coercion, cost); 5xx only for the server's own faults. Any
 * SERVICE_UNAVAILABLE adds `Retry-After`.
 */
export const specStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, response }) {
        if (response.body.kind !== "single") return;
        const result = response.body.singleResult;
        const codes = codesOf(result.errors);
        if (codes.includes("SERVICE_UNAVAILABLE")) response.http.headers.set("retry-after", String(RETRY_AFTER_S));
        if (codes.length === 0 || "data" in result) return;
        // Apollo Client's persisted-query link retries on this answer as Apollo sends it.
        if (codes.includes("PERSISTED_QUERY_NOT_FOUND")) return;
        const type = responseType(request.http?.headers.get("accept"));
        if (type === null) return;
        const statuses = codes.map((c) => STATUS[c as ErrorCode] ?? 400);
        const worst = Math.max(...statuses);
        if (type === JSON_TYPE) {
          response.http.status = worst >= 500 ? worst : worst === 429 ? 429 : 200;
        } else {
          response.http.status = worst;
        }
      },
    };
  },
};

/** Subscriptions are served by graphql-ws; over HTTP they are the client's mistake (400 BAD_REQUEST), not a resolver crash. */
export const httpSubscriptionsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== "subscription") return;
        const err = new GraphQLError("Subscriptions are served over WebSocket (graphql-ws) at /graphql, not over HTTP.", { extensions: { code: "BAD_REQUEST" } });
        Object.defineProperty(err.extensions, "http", { value: { status: 400, headers: new Map() }, enumerable: false });
        throw err;
      },
    };
  },
};

/** A GraphQL error body in the media type the client asked for. */
export function sendGraphqlError(req: Request, res: Response, status: number, code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): void {
  const type = responseType(req.header("accept")) ?? JSON_TYPE;
  res.status(status).type(`${type}; charset=utf-8`).send(JSON.stringify({ errors: [{ message, extensions: { ...extensions, code } }] }));
}

/**
 * Express errors (a body that is not JSON, `null`, too large, a wrong charset) as GraphQL errors
 * with a code, never Express's HTML page with a stack trace. The GraphQL-over-HTTP spec gives
 * 400 for a body that is not a well-formed request (413 for one above the size limit).
 */
export function bodyErrorHandler(logger: Logger, limit: string): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const e = err as { type?: string; status?: number; statusCode?: number };
    const status = e.status ?? e.statusCode ?? 500;
    if (status >= 500) {
      logger.error({ err, requestId: res.locals.requestId as string }, "unexpected error (masked for the client)");
      return sendGraphqlError(req, res, 500, "INTERNAL_SERVER_ERROR", "Internal server error. The server log has the details.");
    }
    const message =
      e.type === "entity.too.large"
        ? `The request body is larger than ${limit}.`
        : e.type === "entity.parse.failed"
          ? "The request body is not a JSON object: send {\"query\": \"...\", \"variables\": {...}}."
          : e.type === "charset.unsupported" || e.type === "encoding.unsupported"
            ? "Unsupported request body charset or encoding: send UTF-8 JSON."
            : "The HTTP request is malformed.";
    sendGraphqlError(req, res, e.type === "entity.too.large" ? 413 : status, "BAD_REQUEST", message);
  };
}
