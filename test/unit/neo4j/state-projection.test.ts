import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CYPHER_DIR } from "../../../src/neo4j/cypher.js";

/** Every .cypher file under cypher/, recursively. */
function cypherFiles(dir = CYPHER_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? cypherFiles(join(dir, e.name)) : e.name.endsWith(".cypher") ? [join(dir, e.name)] : []));
}

describe("the learner state projection", () => {
  // learnerStateFrom (src/domain/mastery/model.ts) reads these rows by position: every query
  // that returns a learner's model state must project the MASTERY edge the same way.
  const ROW = "[c.id, m.p, m.attempts, m.recent, m.lastPracticedMs, m.lastPracticedIndex, m.impliedBy]";
  const STATE = "{ability: l.ability, attempts: l.ktAttempts, events: l.ktEvents,";

  it("is written the same way in every query that returns it", () => {
    const users = cypherFiles().filter((f) => readFileSync(f, "utf8").includes("l.ktEvents") && !f.includes("write") && !f.includes("legacy"));
    expect(users.length).toBeGreaterThanOrEqual(5);
    for (const file of users) {
      const text = readFileSync(file, "utf8").replace(/\s+/g, " ");
      if (text.includes("m.lastPracticedIndex") && !file.endsWith("prepare-batch.cypher")) expect(text, file).toContain(ROW);
      expect(text, file).toContain(file.endsWith("prepare-batch.cypher") ? "state: {ability: l.ability, attempts: l.ktAttempts, events: l.ktEvents" : STATE);
    }
    expect(readFileSync(join(CYPHER_DIR, "events/prepare-batch.cypher"), "utf8")).toContain("[cid, m.p, m.attempts, m.recent, m.lastPracticedMs, m.lastPracticedIndex, m.impliedBy, elementId(m)]");
  });
});
