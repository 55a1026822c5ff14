import { randomUUID } from "node:crypto";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from "@apollo/server/plugin/landingPage/default";
import express, { type Express } from "express";
import { costLimitPlugin, limitRules, parseOptions } from "../graphql/limits.js";
import { authenticate, buildContext, type Context } from "./context.js";
import type { TransportDeps } from "./deps.js";
import { bodyErrorHandler, httpSubscriptionsPlugin, sendGraphqlError, specStatusPlugin } from "./http-errors.js";
import { createRateLimit } from "./rate-limit.js";
import { evidenceRouter } from "./evidence-http.js";
import { mountWebApp } from "./web.js";

const ROUTES = new Set(["/graphql", "/healthz", "/metrics", "/xapi/statements", "/xapi/about", "/caliper"]);
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Largest request body (imports travel as a variable). */
const BODY_LIMIT = "8mb";

/** Express app: /graphql (Apollo), /xapi and /caliper (evidence-http.ts), /healthz, /metrics, the web app at /app; a request id and a log line per request. */
export async function createHttpApp(
  opts: TransportDeps & { drainWebSocket: () => Promise<void> },
): Promise<{ app: Express; apollo: ApolloServer<Context> }> {
  const { config, logger, metrics } = opts;
  const rateLimit = createRateLimit(config, opts.verifier, logger);
  const apollo = new ApolloServer<Context>({
    schema: opts.schema,
    formatError: opts.formatError,
    includeStacktraceInErrorResponses: false,
    validationRules: limitRules(config),
    parseOptions: parseOptions(config),
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: opts.httpServer, stopGracePeriodMillis: config.SHUTDOWN_GRACE_MS }),
      {
        async serverWillStart() {
          return {
            drainServer: async () => {
              await opts.drainWebSocket();
              rateLimit.close();
            },
          };
        },
      },
      // No cache hints are set; the default plugin would still wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      httpSubscriptionsPlugin,
      costLimitPlugin<Context>(opts.schema, config.MAX_QUERY_COST, (ctx) => opts.services.learners.knownListSizes(ctx.user)),
      specStatusPlugin,
      metrics.plugin,
      config.NODE_ENV === "production"
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ footer: false, embed: true }),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  app.use((req, res, next) => {
    const given = req.header("x-request-id");
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader("x-request-id", requestId);
    const started = performance.now();
    res.on("finish", () => {
      const ms = performance.now() - started;
      const path = req.originalUrl.split("?")[0] ?? "";
      const route = ROUTES.has(path) ? path : "other";
      metrics.httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, ms / 1000);
      if (route !== "/metrics" && route !== "/healthz") {
        logger.info({ requestId, method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
      }
    });
    next();
  });

  app.get("/healthz", async (_req, res) => {
    const neo4j = await opts.services.health.neo4j();
    const redis = opts.services.health.redis();
    // Without Redis the server still serves queries and mutations: degraded, not down.
    const status = !neo4j ? "unavailable" : redis === "down" ? "degraded" : "ok";
    res.status(neo4j ? 200 : 503).json({ status, neo4j: neo4j ? "up" : "down", redis });
  });

  app.get("/metrics", async (_req, res) => {
    res.setHeader("content-type", metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });

  app.use(
    "/graphql",
    rateLimit.middleware,
    express.json({ limit: BODY_LIMIT }),
    bodyErrorHandler(logger, BODY_LIMIT),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const user = await authenticate(req.header("authorization"), opts.verifier);
        return buildContext(opts.services, user, res.locals.requestId as string);
      },
    }),
  );
  app.use(evidenceRouter(opts, rateLimit.middleware));
  mountWebApp(app, logger);
  // Anything else: a JSON 404, and no Express HTML page (with its stack trace) for any error.
  app.use((req, res) => sendGraphqlError(req, res, 404, "NOT_FOUND", "No such route: GraphQL is served at /graphql."));
  app.use(bodyErrorHandler(logger, BODY_LIMIT));
  return { app, apollo };
}
