import cliProgress from "cli-progress";
import { loadConfig, type Config } from "../config.js";
import { createLogger, type Logger } from "../logger.js";
import { createDriver } from "../neo4j/driver.js";
import { migrate } from "../neo4j/migrate.js";
import { Database } from "../neo4j/run.js";
import { migrateLegacyLearnerState } from "../modules/mastery/legacy-state.js";
import { createFrontierServices, type Services } from "../services.js";

/** Runs a CLI command with config, one driver, migrations (schema and data) and services; always closes the driver. */
export async function withServices<T>(work: (services: Services, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger: Logger = createLogger(process.env.LOG_LEVEL ?? "warn");
  const driver = createDriver(config, logger);
  try {
    const db = new Database(driver, config.NEO4J_DATABASE, logger);
    await migrate(db, logger);
    await migrateLegacyLearnerState(db, logger);
    return await work(createFrontierServices(db, config, logger).services, config);
  } finally {
    await driver.close();
  }
}

/** A progress bar on stderr (stdout stays clean for data); silent when stderr is not a terminal. */
export function progressBar(label: string) {
  if (!process.stderr.isTTY) {
    let last = 0;
    return {
      update(done: number, total: number) {
        const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
        if (pct >= last + 25 || done === total) {
          last = pct;
          process.stderr.write(`${label}: ${done}/${total} (${pct}%)\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} rows | {duration}s`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
