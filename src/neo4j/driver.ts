import neo4j, { type Driver } from "neo4j-driver";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";

/** The one driver of the process. Integers come back as JS numbers (all our counts fit in 2^53). */
export function createDriver(config: Config, logger: Logger): Driver {
  return neo4j.driver(config.NEO4J_URI, neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: config.NEO4J_MAX_POOL_SIZE,
    // Fail fast when Neo4j is away: a refused or silent connection is an error within seconds, and
    // run.ts retries transient errors itself (bounded, see TX_ATTEMPTS) instead of the driver's
    // 15-30 s retry loop that held clients during an outage.
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 3_000,
    maxTransactionRetryTime: 0,
    userAgent: "frontier/0.1",
    logging: {
      level: "warn",
      logger: (level, message) => logger[level === "error" ? "error" : "warn"]({ component: "neo4j-driver" }, message),
    },
  });
}
