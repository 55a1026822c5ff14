import type { Server } from "node:http";
import type { GraphQLFormattedError, GraphQLSchema } from "graphql";
import type { TokenVerifier } from "../auth/tokens.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Services } from "../services.js";
import type { Metrics } from "./metrics.js";

/** What both transports (HTTP and WebSocket) are built from. */
export interface TransportDeps {
  httpServer: Server;
  schema: GraphQLSchema;
  services: Services;
  verifier: TokenVerifier;
  config: Config;
  logger: Logger;
  metrics: Metrics;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}
