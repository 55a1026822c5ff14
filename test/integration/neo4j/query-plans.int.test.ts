import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { everyQueryFile } from "../../../src/neo4j/cypher.js";

/**
 * Labels that grow with learners and their evidence (millions of nodes in production). A query
 * that scans one of them costs time in proportion to all learners' history, so it must start
 * from an index (learner id, event id, ...). The exceptions are listed with their reason.
 */
const GROWING = ["Event", "MasteryChange", "Learner"];
const ALLOWED_SCANS: Record<string, { labels: string[]; reason: string }> = {
  "quality/summary": { labels: ["Learner"], reason: "operator report: reads every learner once (events are counted from the count store)" },
  "mastery/legacy-state-read": { labels: ["Learner"], reason: "start-up migration: looks once per start for learners in the old format" },
  "bench/cleanup": { labels: GROWING, reason: "removes the benchmark's data, which is nearly all the data: a scan is the cheapest plan" },
};

interface Plan {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: Plan[];
}
const operators = (p: Plan): Plan[] => [p, ...p.children.flatMap(operators)];

let driver: Driver;
beforeAll(() => {
  const config = loadConfig(process.env);
  driver = neo4j.driver(config.NEO4J_URI, neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD));
});
afterAll(() => driver.close());

describe("query plans (EXPLAIN of every cypher/ file as sent, against the real schema)", () => {
  it("never scan every Event, MasteryChange or Learner node, except where listed with a reason", async () => {
    const scans: string[] = [];
    let planned = 0;
    for (const [name, text] of everyQueryFile()) {
      if (name.startsWith("schema/")) continue;
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.run(`EXPLAIN ${text}`);
        const plan = result.summary.plan as unknown as Plan;
        planned++;
        for (const op of operators(plan)) {
          if (!/Scan/.test(op.operatorType)) continue;
          const details = String(op.arguments.Details ?? "");
          // Details read like "e:Event" or "n:Event|MasteryChange|Learner".
          const labels = (/^\w+:([\w|]+)/.exec(details)?.[1] ?? "").split("|");
          const allowed = ALLOWED_SCANS[name]?.labels ?? [];
          if (labels.some((l) => GROWING.includes(l) && !allowed.includes(l))) scans.push(`${name}: ${op.operatorType.replace(/@.*/, "")} ${details}`);
        }
      } finally {
        await session.close();
      }
    }
    expect(planned).toBeGreaterThan(50);
    expect(scans).toEqual([]);
  });
});
