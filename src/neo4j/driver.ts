import neo4j, { type Driver } from "neo4j-driver";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";

/** The one driver of the process. Integers come back as JS numbers (all our counts fit in 2^53). */
export function createDriver(config: Config, logger: Logger): Driver {
  return neo4j.driver(config.NEO4J_URI, neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: config.NEO4J_MAX_POOL_SIZE,
    connectionAcquisitionTimeout: 30_000,
    maxTransactionRetryTime: 15_000,
    userAgent: "frontier/0.1",
    logging: {
      level: "warn",
      logger: (level, message) => logger[level === "error" ? "error" : "warn"]({ component: "neo4j-driver" }, message),
    },
  });
}
