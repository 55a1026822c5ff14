import { spawnSync } from "node:child_process";

/**
 * Before any test: make sure a real Neo4j answers and its schema is migrated. Without NEO4J_URI
 * this starts the project's local Neo4j 5.26 (installing it from Maven Central the first time);
 * with NEO4J_URI it uses that server.
 */
export default function setup(): void {
  if (!process.env.NEO4J_URI) {
    const r = spawnSync(process.execPath, ["scripts/db.mjs", "start"], { stdio: "inherit" });
    if (r.status !== 0) throw new Error("Could not start the local Neo4j (see the [db] lines above).");
  }
  const m = spawnSync("npx", ["tsx", "src/cli/main.ts", "migrate"], { stdio: "inherit", env: { ...process.env, LOG_LEVEL: "warn" } });
  if (m.status !== 0) throw new Error("Migrations failed.");
}
