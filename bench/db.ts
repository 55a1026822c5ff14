/** The benchmark's own driver: cleanup, version and memory settings, and the bare-Cypher baselines. */
import neo4j, { type Driver } from "neo4j-driver";
import { loadConfig } from "../src/config.js";
import { offlineCypher } from "../src/neo4j/cypher.js";
import { PREFIX } from "./generate.js";

export interface BenchDb {
  driver: Driver;
  database: string;
  /** Runs one statement in an auto-commit transaction (needed by CALL ... IN TRANSACTIONS). */
  run(text: string, params?: Record<string, unknown>): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

export function benchDb(): BenchDb {
  const config = loadConfig();
  const driver = neo4j.driver(config.NEO4J_URI, neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD), { disableLosslessIntegers: true });
  const database = config.NEO4J_DATABASE;
  return {
    driver,
    database,
    async run(text, params = {}) {
      const session = driver.session({ database });
      try {
        return (await session.run(text, params)).records.map((r) => r.toObject() as Record<string, unknown>);
      } finally {
        await session.close();
      }
    },
    close: () => driver.close(),
  };
}

/** Deletes every node whose id (or learnerId) starts with the bench prefix, in batches. */
export async function cleanup(db: BenchDb): Promise<void> {
  // Each inner transaction commits, so a transient failure (Neo4j's transaction memory pool on a
  // node with very many relationships) loses nothing done so far: try again from where it stopped.
  for (let attempt = 1; ; attempt++) {
    try {
      await db.run(offlineCypher("bench/cleanup-relationships").text, { prefix: PREFIX });
      await db.run(offlineCypher("bench/cleanup").text, { prefix: PREFIX });
      return;
    } catch (err) {
      const code = (err as { code?: string }).code ?? "";
      // A timed-out outer statement keeps what its inner transactions committed, like a transient error.
      const resumable = code.startsWith("Neo.TransientError") || code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut");
      if (attempt >= 20 || !resumable) throw err;
      process.stderr.write(`[bench] cleanup: ${code}, retrying (${attempt})\n`);
    }
  }
}

export interface Neo4jInfo {
  version: string;
  edition: string;
  heap: string;
  pageCache: string;
}

/** Neo4j's version and memory settings as the server reports them. */
export async function neo4jInfo(db: BenchDb): Promise<Neo4jInfo> {
  const [kernel] = await db.run("CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition");
  const settings = await db.run("CALL dbms.listConfig() YIELD name, value WHERE name STARTS WITH 'server.memory.' RETURN name, value");
  const setting = (name: string) => String(settings.find((s) => s.name === name)?.value ?? "unknown");
  return {
    version: String(kernel?.version ?? "unknown"),
    edition: String(kernel?.edition ?? "unknown"),
    heap: `${setting("server.memory.heap.initial_size")} initial, ${setting("server.memory.heap.max_size")} max`,
    pageCache: setting("server.memory.pagecache.size"),
  };
}
