import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSeeds } from "../../../src/modules/seed/seed.service.js";
import { ConceptDocument, ConceptsDocument, TopicDocument } from "../../generated/graphql.js";
import { startTestServer, type TestServer } from "../../utils/server.js";

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.stop();
});

function runSeed() {
  const r = spawnSync("npx", ["tsx", "src/cli/main.ts", "seed"], { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent" } });
  expect(r.status, r.stderr).toBe(0);
  return r.stderr;
}

describe("npm run seed", () => {
  it("loads a real-looking curriculum: 60+ concepts, several levels deep, 3+ items each", () => {
    const { curriculum, people } = readSeeds("seeds");
    expect(curriculum.concepts.length).toBeGreaterThanOrEqual(60);
    const items = new Map<string, number>();
    for (const i of curriculum.items) for (const a of i.assesses) items.set(a.conceptId, (items.get(a.conceptId) ?? 0) + 1);
    expect(curriculum.concepts.every((c) => (items.get(c.id) ?? 0) >= 3)).toBe(true);
    expect(people.classes.length).toBeGreaterThanOrEqual(1);
    expect(curriculum.concepts.every((c) => c.topicId !== null)).toBe(true);
  });

  it("is idempotent: a second run changes nothing, timestamps included", async () => {
    runSeed();
    // Only the seed's own objects: other test files write to the same database meanwhile.
    const { curriculum } = readSeeds("seeds");
    const ids = new Set([...curriculum.concepts, ...curriculum.items, ...curriculum.topics].map((x) => x.id));
    const snapshot = async () => {
      const snap = await s.frontier.infra.repositories.curriculum.snapshot();
      return JSON.stringify({
        concepts: snap.concepts.filter((c) => ids.has(c.id)),
        prerequisites: snap.prerequisites.filter((p) => ids.has(p.conceptId)),
        items: snap.items.filter((i) => ids.has(i.id)),
        topics: snap.topics.filter((t) => ids.has(t.id)),
      });
    };
    const before = await snapshot();
    const out = runSeed();
    expect(out).toContain("concepts +0 ~0, prerequisites +0 ~0, items +0 ~0");
    expect(await snapshot()).toBe(before);
  });

  it("serves the seeded curriculum with its topic -> chapter -> subject rollup", async () => {
    const c = await s.gql(ConceptDocument, { id: "pythagorean-theorem" });
    expect(c.data?.concept?.prerequisites.map((p) => p.prerequisiteId).sort()).toEqual(["area-polygons", "square-roots", "triangle-angles"]);
    expect(c.data?.concept?.topic).toEqual({ id: "t-pythagoras", name: "The Pythagorean theorem", level: "TOPIC", parent: { id: "ch-geometry", level: "CHAPTER" } });
    const subject = await s.gql(TopicDocument, { id: "math-6-8" });
    expect(subject.data?.topic?.concepts.length).toBeGreaterThanOrEqual(60);
    const geometry = await s.gql(ConceptsDocument, { topicId: "ch-geometry", first: 100 });
    expect(geometry.data?.concepts.edges.map((e) => e.node.id)).toContain("pythagorean-theorem");
  });
});
