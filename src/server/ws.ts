import { GraphQLError, parse, specifiedRules, validate } from "graphql";
import { WebSocketServer } from "ws";
import { AppError } from "../errors/errors.js";
import { assertCost, limitRules, parseOptions } from "../graphql/limits.js";
import { authenticate, buildContext, type Context } from "./context.js";
import { addGauges } from "./metrics.js";
import type { TransportDeps } from "./deps.js";
import { serialisedOnce, sharedStats, subscribeShared } from "./shared-execution.js";
import { rawPayload, serveGraphqlWs, type TransportStats } from "./ws-transport.js";

type ConnectionExtra = Record<PropertyKey, unknown> & {
  user?: Context["user"];
  socket?: import("ws").WebSocket;
  expiryTimer?: NodeJS.Timeout;
  active?: number;
};

/** Operations one connection may have running at once (subscriptions included). */
export const MAX_OPERATIONS_PER_CONNECTION = 50;
/** Close code and reason sent when the connection's token expires. */
export const TOKEN_EXPIRED_CLOSE = { code: 4401, reason: "Token expired" } as const;

/**
 * graphql-ws on the HTTP server's /graphql path. The token arrives in connectionParams
 * (`{ authorization: "Bearer ..." }`) and is checked once in onConnect: a bad or missing token
 * closes the socket with 4403 before anything runs. Each operation gets the same depth and
 * cost limits as HTTP, a context built once for it, and errors shaped by the same formatter.
 */
export function attachWebSocket(opts: TransportDeps) {
  const wss = new WebSocketServer({ server: opts.httpServer, path: "/graphql", maxPayload: 1024 * 1024 });
  const rules = [...specifiedRules, ...limitRules(opts.config)];
  const format = (errors: readonly GraphQLError[]) => errors.map((e) => opts.formatError(e.toJSON(), e));
  // A refused `subscribe` is answered with an `error` message: each entry gets a documented code
  // (as over HTTP) and goes through the same formatter, so nothing unknown leaks.
  const refuse = (errors: readonly GraphQLError[], code: string): GraphQLError[] =>
    errors.map((e) => {
      const coded = e.extensions.code === undefined ? new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, extensions: { ...e.extensions, code } }) : e;
      const f = opts.formatError(coded.toJSON(), coded);
      return new GraphQLError(f.message, { extensions: f.extensions, positions: coded.positions, source: coded.source });
    });

  const stats: TransportStats = { dropped: 0, sent: 0 };
  const live = opts.services.live.hub;
  const gauges: Array<[string, string, () => number]> = [
    ["frontier_ws_messages_sent", "Subscription messages written to sockets.", () => stats.sent],
    ["frontier_ws_messages_dropped", "Subscription messages dropped because the client's send buffer was full.", () => stats.dropped],
    ["frontier_live_records_dropped", "Live records dropped from full per-subscription queues.", () => live.dropped],
    ["frontier_live_executions", "Subscription payload executions (one per record and distinct operation).", () => sharedStats.executions],
    ["frontier_live_serialisations", "Subscription payload serialisations (one per distinct payload).", () => sharedStats.serialisations],
    ["frontier_ws_open_connections", "Open WebSocket connections.", () => wss.clients.size],
    ["frontier_live_subscriptions", "Open live subscriptions.", () => live.subscriptions],
  ];
  addGauges(opts.metrics, gauges);
  serveGraphqlWs<ConnectionExtra>(
    {
      schema: opts.schema,
      subscribe: subscribeShared((base) => buildContext(opts.services, (base as Context).user, (base as Context).requestId)),
      connectionInitWaitTimeout: 10_000,
      onConnect: async (ctx) => {
        const raw = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        try {
          const user = await authenticate(typeof raw === "string" ? raw : undefined, opts.verifier);
          if (!user) throw new Error("no token");
          ctx.extra.user = user;
          ctx.extra.active = 0;
          if (user.expiresAt !== null) {
            // An expired token ends the connection (and its subscriptions) with a clear reason.
            const socket = ctx.extra.socket;
            ctx.extra.expiryTimer = setTimeout(() => socket?.close(TOKEN_EXPIRED_CLOSE.code, TOKEN_EXPIRED_CLOSE.reason), Math.max(0, user.expiresAt - Date.now()));
            ctx.extra.expiryTimer.unref();
          }
          opts.metrics.wsConnections.inc({ outcome: "accepted" });
          return true;
        } catch (err) {
          opts.metrics.wsConnections.inc({ outcome: "rejected" });
          opts.logger.info({ reason: err instanceof AppError ? err.message : "missing token" }, "websocket rejected");
          return false;
        }
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiryTimer);
      },
      onComplete: (ctx) => {
        ctx.extra.active = Math.max(0, (ctx.extra.active ?? 1) - 1);
      },
      onSubscribe: async (ctx, _id, payload) => {
        // The one await comes first: from the operation count check to its increment, nothing yields.
        const sizes = await opts.services.learners.knownListSizes(ctx.extra.user ?? null);
        if ((ctx.extra.active ?? 0) >= MAX_OPERATIONS_PER_CONNECTION) {
          return [new GraphQLError(`At most ${MAX_OPERATIONS_PER_CONNECTION} operations per connection.`, { extensions: { code: "BAD_REQUEST" } })];
        }
        let document;
        try {
          document = parse(payload.query, parseOptions(opts.config));
        } catch (err) {
          // A stack overflow on absurd nesting is the client's syntax problem too.
          return refuse([err instanceof GraphQLError ? err : new GraphQLError("Syntax Error: the document is nested too deeply.")], "GRAPHQL_PARSE_FAILED");
        }
        const errors = validate(opts.schema, document, rules);
        if (errors.length > 0) return refuse(errors, "GRAPHQL_VALIDATION_FAILED");
        try {
          assertCost(opts.schema, document, payload.variables ?? {}, payload.operationName, opts.config.MAX_QUERY_COST, sizes);
        } catch (err) {
          return refuse([err instanceof GraphQLError ? err : new GraphQLError("Invalid operation")], "BAD_USER_INPUT");
        }
        ctx.extra.active = (ctx.extra.active ?? 0) + 1;
        return {
          schema: opts.schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue: buildContext(opts.services, ctx.extra.user ?? null),
        };
      },
      // Errors are shaped (and masked) per subscriber; an error-free result is serialised once.
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(result.errors) } : rawPayload(serialisedOnce(result))),
    },
    wss,
    opts.logger,
    stats,
  );
  return {
    wss,
    stats,
    async dispose() {
      for (const client of wss.clients) client.close(1001, "Server shutting down");
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
