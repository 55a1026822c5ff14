import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { createLogger } from "../../../src/logger.js";
import { offlineCypher } from "../../../src/neo4j/cypher.js";
import { migrate } from "../../../src/neo4j/migrate.js";
import { Database } from "../../../src/neo4j/run.js";
import { uniquePrefix } from "../../utils/ids.js";

const P = uniquePrefix("migrations");
let driver: Driver;
let db: Database;
beforeAll(() => {
  const config = loadConfig(process.env);
  driver = neo4j.driver(config.NEO4J_URI, neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD));
  db = new Database(driver, config.NEO4J_DATABASE, createLogger("silent"));
});
afterAll(async () => {
  await db.write(offlineCypher("test/delete-by-prefix"), { prefix: P });
  await driver.close();
});

describe("migration 004: event kinds as labels", () => {
  it("labels events stored before it with their kind, and a second run changes nothing", async () => {
    const kinds = ["ANSWER", "ASSIGNMENT", "CONTENT_VIEW", "ANSWER"];
    await db.write(offlineCypher("test/create-unlabelled-events"), { events: kinds.map((kind, i) => ({ id: `${P}e${i}`, kind, learnerId: `${P}l` })) });
    const labels = async () => (await db.read(offlineCypher("test/event-kind-labels"), { prefix: P })).map((r) => [r.kind, r.labels]);
    expect(await labels()).toEqual(kinds.map((k) => [k, []]));
    await migrate(db, createLogger("silent"));
    const expected = [
      ["ANSWER", ["Answer"]],
      ["ASSIGNMENT", ["Assignment"]],
      ["CONTENT_VIEW", ["ContentView"]],
      ["ANSWER", ["Answer"]],
    ];
    expect(await labels()).toEqual(expected);
    await migrate(db, createLogger("silent"));
    expect(await labels()).toEqual(expected);
  });
});
