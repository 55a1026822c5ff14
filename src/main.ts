import { startFrontier } from "./app.js";
import { loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { developmentLinks } from "./server/dev-links.js";

// Bootstrap only: config, server, signals.
let config;
try {
  config = loadConfig();
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(2);
}
const logger = createLogger(config.LOG_LEVEL);
try {
  const frontier = await startFrontier(config, logger);
  logger.info({ url: `${frontier.url}/graphql`, neo4j: config.NEO4J_URI }, `Frontier is serving GraphQL at ${frontier.url}/graphql`);
  if (config.NODE_ENV === "development") {
    const links = await developmentLinks(config, frontier.url);
    if (links.length > 0) {
      const lines = ["", `The web app: ${frontier.url}/app/ (development links below sign you in; they last 12 hours)`, ...links.map((l) => `  ${l.label.padEnd(20)} ${l.url}`), ""];
      process.stdout.write(`${lines.join("\n")}\n`);
    }
  }
  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down: draining HTTP, closing sockets, closing the driver");
    frontier.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
} catch (err) {
  logger.fatal({ err }, (err as Error).message);
  process.exit(1);
}
