import { GraphQLError, parse, specifiedRules, validate } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { AppError } from "../errors/errors.js";
import { assertCost, depthRule } from "../graphql/limits.js";
import { authenticate, buildContext, type Context } from "./context.js";
import type { TransportDeps } from "./deps.js";

type ConnectionExtra = Record<PropertyKey, unknown> & {
  user?: Context["user"];
};

/**
 * graphql-ws on the HTTP server's /graphql path. The token arrives in connectionParams
 * (`{ authorization: "Bearer ..." }`) and is checked once in onConnect: a bad or missing token
 * closes the socket with 4403 before anything runs. Each operation gets the same depth and
 * cost limits as HTTP, a context built once for it, and errors shaped by the same formatter.
 */
export function attachWebSocket(opts: TransportDeps) {
  const wss = new WebSocketServer({ server: opts.httpServer, path: "/graphql", maxPayload: 1024 * 1024 });
  const rules = [...specifiedRules, depthRule(opts.config.MAX_QUERY_DEPTH)];
  const format = (errors: readonly GraphQLError[]) => errors.map((e) => opts.formatError(e.toJSON(), e));

  const cleanup = useServer<Record<string, unknown> | undefined, ConnectionExtra>(
    {
      schema: opts.schema,
      connectionInitWaitTimeout: 10_000,
      onConnect: async (ctx) => {
        const raw = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        try {
          const user = await authenticate(typeof raw === "string" ? raw : undefined, opts.verifier);
          if (!user) throw new Error("no token");
          ctx.extra.user = user;
          opts.metrics.wsConnections.inc({ outcome: "accepted" });
          return true;
        } catch (err) {
          opts.metrics.wsConnections.inc({ outcome: "rejected" });
          opts.logger.info({ reason: err instanceof AppError ? err.message : "missing token" }, "websocket rejected");
          return false;
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query);
        } catch (err) {
          return [err instanceof GraphQLError ? err : new GraphQLError("Syntax error")];
        }
        const errors = validate(opts.schema, document, rules);
        if (errors.length > 0) return errors;
        try {
          assertCost(opts.schema, document, payload.variables ?? {}, payload.operationName, opts.config.MAX_QUERY_COST);
        } catch (err) {
          return [err as GraphQLError];
        }
        return {
          schema: opts.schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue: buildContext(opts.services, ctx.extra.user ?? null),
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
    },
    wss,
  );
  return {
    wss,
    async dispose() {
      await cleanup.dispose();
      for (const client of wss.clients) client.close(1001, "Server shutting down");
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
