/**
 * The in-process bulk path for answer histories: the project's EventsService (what
 * `frontier ingest` calls), in the orchestrator process, with its own driver. It skips HTTP and
 * GraphQL parsing, which on a small machine compete with Neo4j for the same cores.
 */
import "reflect-metadata";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { createDriver } from "../src/neo4j/driver.js";
import { Database } from "../src/neo4j/run.js";
import { createFrontierServices } from "../src/services.js";
import type { AnswerSink } from "./load.js";

export async function inProcessSink(): Promise<{ sink: AnswerSink; close: () => Promise<void> }> {
  const config = loadConfig();
  const logger = createLogger("warn");
  const driver = createDriver(config, logger);
  const { services, infra } = createFrontierServices(new Database(driver, config.NEO4J_DATABASE, logger), config, logger);
  const sink: AnswerSink = async (events) => {
    const out = await services.events.record(events, { atomic: false, mayRecordFor: null });
    if (out.rejected > 0) throw new Error(`the events service rejected ${out.rejected} generated answers: ${JSON.stringify(out.results.find((r) => r.status === "REJECTED"))}`);
    return out.accepted + out.duplicates;
  };
  return {
    sink,
    close: async () => {
      await infra.fanout.close();
      await driver.close();
    },
  };
}
