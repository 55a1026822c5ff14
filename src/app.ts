import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createVerifier } from "./auth/tokens.js";
import type { Config } from "./config.js";
import { buildFrontierSchema } from "./graphql/build-schema.js";
import { createFormatError } from "./graphql/format-error.js";
import type { Logger } from "./logger.js";
import { createDriver } from "./neo4j/driver.js";
import { migrate } from "./neo4j/migrate.js";
import { migrateLegacyLearnerState } from "./modules/mastery/legacy-state.js";
import { Database } from "./neo4j/run.js";
import { createHttpApp } from "./server/http.js";
import { addDriftGauges, addGauges, createMetrics } from "./server/metrics.js";
import { attachWebSocket } from "./server/ws.js";
import { createFrontierServices, type Infra, type Services } from "./services.js";

export interface Frontier {
  httpServer: Server;
  services: Services;
  /** The database, the fan-out and the repositories: for tests and operators' tools, never for resolvers. */
  infra: Infra;
  /** The base URL once listening, e.g. http://127.0.0.1:4000 */
  url: string;
  stop(): Promise<void>;
}

/**
 * Builds and starts the whole server: one driver, migrations, the schema, HTTP and WebSocket on
 * one port. `stop()` drains HTTP, closes sockets, then closes the driver.
 */
export async function startFrontier(config: Config, logger: Logger, options: { migrate?: boolean } = {}): Promise<Frontier> {
  const driver = createDriver(config, logger);
  const db = new Database(driver, config.NEO4J_DATABASE, logger, { failFastMs: config.DB_FAIL_FAST_MS });
  try {
    await driver.verifyConnectivity({ database: config.NEO4J_DATABASE });
    if (options.migrate !== false) await migrate(db, logger);
  } catch (err) {
    await driver.close();
    throw new Error(`Cannot use Neo4j at ${config.NEO4J_URI}: ${(err as Error).message}. Is it running? (npm run db:start)`, { cause: err });
  }
  const { services, infra } = createFrontierServices(db, config, logger);
  if (options.migrate !== false) {
    await migrateLegacyLearnerState(db, logger);
    const changed = await services.curriculum.refreshDerived();
    if (changed > 0) logger.info({ changed }, "derived curriculum properties refreshed");
  }
  const schema = await buildFrontierSchema({ publicCurriculum: config.PUBLIC_CURRICULUM, operationBudgetMs: config.OPERATION_BUDGET_MS });
  const verifier = createVerifier(config);
  const metrics = createMetrics();
  addGauges(metrics, [
    ["frontier_ingest_calls", "recordEvents calls that reached the database.", () => services.events.stats.calls],
    ["frontier_ingest_transactions", "Ingestion write transactions committed (concurrent small calls share one).", () => services.events.stats.transactions],
    ["frontier_ingest_waiting", "Small recordEvents calls waiting for a shared transaction.", () => services.events.waiting],
    ["frontier_learner_snapshots_held", "Learners whose snapshot this process holds (LEARNER_CACHE_UNITS bounds them).", () => services.mastery.snapshots.stats().learners],
    ["frontier_learner_snapshot_units", "Units held: one per learner, practised concept and recent attempt (84-187 bytes of heap each).", () => services.mastery.snapshots.stats().units],
    ["frontier_learner_snapshot_hits", "Learner reads answered from a held snapshot whose revision Neo4j confirmed.", () => services.mastery.snapshots.stats().hits],
    ["frontier_learner_snapshot_reads", "Learner reads that read the snapshot from Neo4j (not held, another revision, or older than 60 s).", () => services.mastery.snapshots.stats().reads],
    ["frontier_learner_snapshot_statements", "Batched snapshot statements sent (requests of one event-loop turn share one).", () => services.mastery.snapshots.stats().statements],
  ]);
  addDriftGauges(metrics, () => services.driftMonitor.check().then((r) => r.report));
  services.driftMonitor.start(config.DRIFT_CHECK_INTERVAL_MS);
  const formatError = createFormatError(logger);
  const httpServer = createServer();
  const ws = attachWebSocket({ httpServer, schema, services, verifier, config, logger, metrics, formatError });
  const { app, apollo } = await createHttpApp({
    httpServer,
    schema,
    services,
    verifier,
    config,
    logger,
    metrics,
    formatError,
    drainWebSocket: () => ws.dispose(),
  });
  httpServer.on("request", app);
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const host = config.HOST === "0.0.0.0" || config.HOST === "::" ? "127.0.0.1" : config.HOST;
  let stopping: Promise<void> | null = null;
  return {
    httpServer,
    services,
    infra,
    url: `http://${host}:${address.port}`,
    stop() {
      stopping ??= (async () => {
        services.driftMonitor.stop();
        await apollo.stop();
        await infra.fanout.close();
        await driver.close();
      })();
      return stopping;
    },
  };
}
