import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AddPrerequisiteDocument, ConceptGraphDocument, type GraphDirection, ImportCurriculumDocument, RemovePrerequisiteDocument } from "../../generated/graphql.js";
import type { GraphDirection as Walk } from "../../../src/modules/curriculum/concept.type.js";
import { uniquePrefix } from "../../utils/ids.js";
import { rng } from "../../utils/numeric.js";
import { startTestServer, type TestServer } from "../../utils/server.js";

/**
 * `conceptGraph` is served from the per-process graph copy; the Cypher closure it replaced
 * (`concept-graph-*.cypher`, a variable-length traversal in Neo4j) is the oracle. On a generated
 * acyclic curriculum (a long chain with random fan-in, a second component, isolated concepts),
 * every direction, several depths and random root sets must give the same concepts and edges,
 * also right after edits.
 */
let s: TestServer;
const P = uniquePrefix("cgo");
const N = 80;
const c = (i: number) => `${P}c${i}`;
const r = rng(23);
const edges: Array<[number, number]> = [];

beforeAll(async () => {
  s = await startTestServer();
  for (let i = 1; i < 60; i++) {
    const fanIn = Math.floor(r() * 3) + (i % 9 === 0 ? 0 : 1);
    for (let f = 0; f < fanIn; f++) {
      const p = Math.max(0, i - 1 - Math.floor(r() * 6));
      if (!edges.some(([a, b]) => a === i && b === p)) edges.push([i, p]);
    }
  }
  for (let i = 61; i < 72; i++) edges.push([i, 60 + Math.floor(r() * (i - 60))]); // a second component; 72..79 isolated
  const doc = {
    concepts: Array.from({ length: N }, (_, i) => ({ id: c(i), name: `C${i}` })),
    prerequisites: edges.map(([a, b]) => ({ conceptId: c(a), prerequisiteId: c(b), weight: a % 2 === 0 ? 1 : 0.5 })),
  };
  const imported = await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer);
  expect(imported.errors).toBeUndefined();
}, 60_000);

afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

const key = (e: { conceptId: string; prerequisiteId: string; weight: number }) => `${e.conceptId}>${e.prerequisiteId}@${e.weight}`;

async function compare(rootIds: string[], direction: GraphDirection, depth: number) {
  const api = await s.gql(ConceptGraphDocument, { rootIds, direction, depth }, s.designer);
  expect(api.errors).toBeUndefined();
  const oracle = await s.frontier.services.curriculum.closureFromDatabase(direction as Walk, rootIds, depth);
  const got = api.data?.conceptGraph;
  expect(got?.nodes.map((n) => n.concept.id).sort()).toEqual([...oracle.ids].sort());
  expect(got?.edges.map(key).sort()).toEqual(oracle.edges.map(key).sort());
  // Roots are at depth 0; in one direction every other node is one edge further than some node of
  // the graph (BOTH takes the smaller of the two directions' depths, so only "closer" holds).
  const depthOf = new Map(got?.nodes.map((n) => [n.concept.id, n.depth]));
  for (const id of rootIds) expect(depthOf.get(id)).toBe(0);
  for (const n of got?.nodes ?? []) {
    if (n.depth === 0) continue;
    const neighbours = (got?.edges ?? []).flatMap((e) => (e.conceptId === n.concept.id ? [e.prerequisiteId] : e.prerequisiteId === n.concept.id ? [e.conceptId] : []));
    expect(neighbours.some((m) => (direction === "BOTH" ? (depthOf.get(m) ?? Infinity) < n.depth : depthOf.get(m) === n.depth - 1))).toBe(true);
    expect(n.depth).toBeLessThanOrEqual(depth);
  }
  return got?.nodes.length ?? 0;
}

const pick = () => c(Math.floor(r() * N));

describe("conceptGraph from the graph copy against the Cypher closure", () => {
  it("agrees for every direction, depths 1-12 and random root sets", async () => {
    let sizes = 0;
    for (const direction of <GraphDirection[]>["PREREQUISITES", "DEPENDENTS", "BOTH"]) {
      for (const depth of [1, 2, 3, 5, 12]) {
        for (let t = 0; t < 4; t++) {
          const roots = [...new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, pick))];
          sizes += await compare(roots, direction, depth);
        }
      }
    }
    // The cases are not all trivial.
    expect(sizes).toBeGreaterThan(60 * 3);
  });

  it("agrees right after prerequisites are added and removed", async () => {
    // Join the second component under the chain's top, then take it away again.
    expect((await s.gql(AddPrerequisiteDocument, { conceptId: c(60), prerequisiteId: c(59) }, s.designer)).errors).toBeUndefined();
    const joined = await compare([c(59)], "DEPENDENTS", 12);
    expect(joined).toBeGreaterThan(1);
    await compare([c(71)], "PREREQUISITES", 12);
    expect((await s.gql(RemovePrerequisiteDocument, { conceptId: c(60), prerequisiteId: c(59) }, s.designer)).errors).toBeUndefined();
    expect(await compare([c(59)], "DEPENDENTS", 12)).toBe(1);
    await compare([c(71), c(30)], "BOTH", 4);
  });
});
