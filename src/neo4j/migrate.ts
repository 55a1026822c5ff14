import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "../logger.js";
import { CYPHER_DIR, cypher, sendable } from "./cypher.js";
import type { Database } from "./run.js";

const SCHEMA_DIR = join(CYPHER_DIR, "schema");
const record = cypher("schema/record-migration");

/**
 * Idempotent schema migrations: every numbered file in cypher/schema runs at start-up, one
 * statement per `;` (each statement uses IF NOT EXISTS), then we wait for indexes to come online.
 */
export async function migrate(db: Database, logger: Logger): Promise<void> {
  const files = readdirSync(SCHEMA_DIR).filter((f) => /^\d+.*\.cypher$/.test(f)).sort();
  for (const file of files) {
    const text = readFileSync(join(SCHEMA_DIR, file), "utf8");
    const statements = sendable(text)
      .split(/;\s*(?:\n|$)/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    for (const statement of statements) await db.schemaCommand(statement);
    await db.write(record, { id: file, checksum: createHash("sha256").update(text).digest("hex") });
    logger.debug({ file, statements: statements.length }, "migration applied");
  }
}
