import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AddPrerequisiteDocument,
  ConceptDocument,
  ConceptGraphDocument,
  ConceptsDocument,
  type ConceptsQuery,
  CreateConceptDocument,
  CurriculumReportDocument,
  DeleteConceptDocument,
  RemovePrerequisiteDocument,
  UpdateConceptDocument,
  UpdatePrerequisiteDocument,
} from "../../generated/graphql.js";
import { Role } from "../../../src/auth/roles.js";
import { uniquePrefix } from "../../utils/ids.js";
import { codes, dbState, startTestServer, type GqlResponse, type TestServer } from "../../utils/server.js";

let s: TestServer;
const P = uniquePrefix("concepts");
const id = (name: string) => `${P}${name}`;

async function create(name: string, prerequisites: string[] = [], tags: string[] = [P]) {
  const r = await s.gql(
    CreateConceptDocument,
    { input: { id: id(name), name: `Concept ${name}`, tags, prerequisites: prerequisites.map((p) => ({ conceptId: id(p), weight: 1 })) } },
    s.designer,
  );
  expect(r.errors).toBeUndefined();
  return r.data?.createConcept;
}


beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("concept CRUD", () => {
  it("creates a concept with prerequisites and reads it back through the API and the database", async () => {
    await create("a");
    await create("b");
    const c = await create("c", ["a", "b"]);
    expect(c?.prerequisites.map((p) => p.prerequisiteId).sort()).toEqual([id("a"), id("b")]);

    const read = await s.gql(ConceptDocument, { id: id("c") });
    expect(read.data?.concept?.name).toBe("Concept c");
    expect(read.data?.concept?.prerequisites.map((p) => p.prerequisite.id).sort()).toEqual([id("a"), id("b")]);
    const a = await s.gql(ConceptDocument, { id: id("a") });
    expect(a.data?.concept?.dependents.map((d) => d.conceptId)).toEqual([id("c")]);

    const db = await dbState(s, P);
    expect(db.concepts).toBe(3);
    expect(db.prerequisites).toBe(2);
  });

  it("rejects a duplicate id with CONFLICT and writes nothing", async () => {
    const r = await s.gql(CreateConceptDocument, { input: { id: id("a"), name: "again", tags: [], prerequisites: [] } }, s.designer);
    expect(codes(r)).toEqual(["CONFLICT"]);
    expect((await dbState(s, P)).concepts).toBe(3);
    const a = await s.gql(ConceptDocument, { id: id("a") });
    expect(a.data?.concept?.name).toBe("Concept a");
  });

  it("updates only the fields given and moves updatedAt", async () => {
    const before = await s.gql(ConceptDocument, { id: id("a") });
    const r = await s.gql(UpdateConceptDocument, { id: id("a"), input: { description: "Counting things", tags: [P, "x"] } }, s.designer);
    expect(r.errors).toBeUndefined();
    expect(r.data?.updateConcept).toMatchObject({ name: "Concept a", description: "Counting things", tags: [P, "x"] });
    expect(Date.parse(r.data?.updateConcept.updatedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(before.data?.concept?.updatedAt ?? ""));
    // Reads go through a per-process concept cache: the edit must have cleared it.
    const after = await s.gql(ConceptDocument, { id: id("a") });
    expect(after.data?.concept).toMatchObject({ description: "Counting things", tags: [P, "x"] });
    const missing = await s.gql(UpdateConceptDocument, { id: id("nope"), input: { name: "x" } }, s.designer);
    expect(codes(missing)).toEqual(["NOT_FOUND"]);
  });

  it("validates input and says what was wrong", async () => {
    const r = await s.gql(CreateConceptDocument, { input: { id: "bad id!", name: "", tags: [], prerequisites: [{ conceptId: id("a"), weight: 2 }] } }, s.designer);
    expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
    const problems = r.errors?.[0]?.extensions?.problems as Array<{ path: string }>;
    expect(problems.map((p) => p.path).sort()).toEqual(["id", "name", "prerequisites.0.weight"]);
    const badId = await s.gql(ConceptDocument, { id: "x".repeat(200) });
    expect(codes(badId)).toEqual(["BAD_USER_INPUT"]);
    expect((await dbState(s, P)).concepts).toBe(3);
  });

  it("paginates with cursors and a total count", async () => {
    const seen: string[] = [];
    let after: string | null | undefined = null;
    for (let page = 0; page < 5; page++) {
      const r: GqlResponse<ConceptsQuery> = await s.gql(ConceptsDocument, { tag: P, first: 2, after });
      expect(r.data?.concepts.totalCount).toBe(3);
      seen.push(...(r.data?.concepts.edges.map((e) => e.node.id) ?? []));
      if (!r.data?.concepts.pageInfo.hasNextPage) break;
      after = r.data.concepts.pageInfo.endCursor;
    }
    expect(seen).toEqual([id("a"), id("b"), id("c")]);
    const search = await s.gql(ConceptsDocument, { search: `CONCEPT C`, tag: P });
    expect(search.data?.concepts.edges.map((e) => e.node.id)).toEqual([id("c")]);
    const bad = await s.gql(ConceptsDocument, { first: 1000 });
    expect(codes(bad)).toEqual(["BAD_USER_INPUT"]);
    const badCursor = await s.gql(ConceptsDocument, { after: "not-a-cursor" });
    expect(codes(badCursor)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("prerequisite edges and the acyclic guarantee", () => {
  it("rejects a self-loop with PREREQUISITE_CYCLE", async () => {
    const r = await s.gql(AddPrerequisiteDocument, { conceptId: id("a"), prerequisiteId: id("a") }, s.designer);
    expect(codes(r)).toEqual(["PREREQUISITE_CYCLE"]);
    expect(r.errors?.[0]?.extensions?.cycle).toEqual([id("a"), id("a")]);
  });

  it("rejects an edge that closes a cycle, reports the whole path and writes nothing", async () => {
    await create("d", ["c"]); // d -> c -> a
    const before = await dbState(s, P);
    const r = await s.gql(AddPrerequisiteDocument, { conceptId: id("a"), prerequisiteId: id("d") }, s.designer);
    expect(codes(r)).toEqual(["PREREQUISITE_CYCLE"]);
    expect(r.errors?.[0]?.extensions?.cycle).toEqual([id("a"), id("d"), id("c"), id("a")]);
    expect(await dbState(s, P)).toEqual(before);
  });

  it("adds, reweights and removes an edge", async () => {
    const add = await s.gql(AddPrerequisiteDocument, { conceptId: id("d"), prerequisiteId: id("b"), weight: 0.5 }, s.designer);
    expect(add.data?.addPrerequisite).toEqual({ conceptId: id("d"), prerequisiteId: id("b"), weight: 0.5 });
    const upd = await s.gql(UpdatePrerequisiteDocument, { conceptId: id("d"), prerequisiteId: id("b"), weight: 0.25 }, s.designer);
    expect(upd.data?.updatePrerequisite.weight).toBe(0.25);
    expect((await dbState(s, P)).edges).toContainEqual([id("d"), id("b"), 0.25]);
    const bad = await s.gql(UpdatePrerequisiteDocument, { conceptId: id("d"), prerequisiteId: id("b"), weight: 0 }, s.designer);
    expect(codes(bad)).toEqual(["BAD_USER_INPUT"]);
    const rm = await s.gql(RemovePrerequisiteDocument, { conceptId: id("d"), prerequisiteId: id("b") }, s.designer);
    expect(rm.data?.removePrerequisite).toBe(true);
    const again = await s.gql(RemovePrerequisiteDocument, { conceptId: id("d"), prerequisiteId: id("b") }, s.designer);
    expect(codes(again)).toEqual(["NOT_FOUND"]);
    const unknown = await s.gql(AddPrerequisiteDocument, { conceptId: id("d"), prerequisiteId: id("ghost") }, s.designer);
    expect(codes(unknown)).toEqual(["NOT_FOUND"]);
  });

  it("keeps the graph acyclic when two designers submit the two halves of a cycle at the same moment", async () => {
    const pairs = 8;
    for (let i = 0; i < pairs; i++) {
      await create(`x${i}`);
      await create(`y${i}`);
    }
    const other = await s.token(Role.DESIGNER, "designer-2");
    const results = await Promise.all(
      Array.from({ length: pairs }, (_, i) => [
        s.gql(AddPrerequisiteDocument, { conceptId: id(`x${i}`), prerequisiteId: id(`y${i}`) }, s.designer),
        s.gql(AddPrerequisiteDocument, { conceptId: id(`y${i}`), prerequisiteId: id(`x${i}`) }, other),
      ]).flat(),
    );
    for (let i = 0; i < pairs; i++) {
      const pair = [results[2 * i], results[2 * i + 1]];
      const ok = pair.filter((r) => r?.data?.addPrerequisite);
      const cycle = pair.filter((r) => r && codes(r).includes("PREREQUISITE_CYCLE"));
      expect(ok).toHaveLength(1);
      expect(cycle).toHaveLength(1);
    }
    const edges = (await dbState(s, P)).edges.filter(([c]) => /-[xy]\d+$/.test(c));
    expect(edges).toHaveLength(pairs);
    const set = new Set(edges.map(([c, p]) => `${c}>${p}`));
    for (const [c, p] of edges) expect(set.has(`${p}>${c}`)).toBe(false);
  });
});

describe("derived properties (unlocks, root) that the frontier reads", () => {
  it("keeps each concept's stored downstream count and root flag in step with every structural edit", async () => {
    const derived = async (...names: string[]) =>
      Object.fromEntries((await s.query("test/concept-derived", { ids: names.map(id) })).map((r) => [String(r.id).slice(P.length), [r.unlocks, r.root]]));
    await create("dA");
    await create("dB", ["dA"]);
    await create("dC", ["dB"]);
    expect(await derived("dA", "dB", "dC")).toEqual({ dA: [2, true], dB: [1, false], dC: [0, false] });
    await create("dX");
    expect((await s.gql(AddPrerequisiteDocument, { conceptId: id("dA"), prerequisiteId: id("dX") }, s.designer)).errors).toBeUndefined();
    expect(await derived("dX", "dA")).toEqual({ dX: [3, true], dA: [2, false] });
    expect((await s.gql(RemovePrerequisiteDocument, { conceptId: id("dB"), prerequisiteId: id("dA") }, s.designer)).errors).toBeUndefined();
    expect(await derived("dX", "dA", "dB")).toEqual({ dX: [1, true], dA: [0, false], dB: [1, true] });
    expect((await s.gql(DeleteConceptDocument, { id: id("dB"), detach: true }, s.designer)).errors).toBeUndefined();
    expect(await derived("dC")).toEqual({ dC: [0, true] });
  });

  it("does not store a recount from a graph an edit changed after it was read", async () => {
    await create("vA");
    await create("vB", ["vA"]);
    await create("vC");
    const repo = s.frontier.infra.repositories.curriculum;
    // The recount reads the graph (vA unlocks 1), then an edit commits (vC now requires vA: 2).
    const wrote = await repo.refreshUnlocksIfCurrent([id("vA")], async () => {
      expect((await s.gql(AddPrerequisiteDocument, { conceptId: id("vC"), prerequisiteId: id("vA") }, s.designer)).errors).toBeUndefined();
    });
    expect(wrote.current).toBe(false);
    const [vA] = await s.query("test/concept-derived", { ids: [id("vA")] });
    expect(vA?.unlocks).toBe(2);
    expect((await repo.refreshUnlocksIfCurrent([id("vA")])).current).toBe(true);
  });

  it("keeps them equal to a recount after concurrent edge edits through two servers", async () => {
    // Four chains of six concepts; then every concept also requires the one below it in the next
    // chain, half of the edits through a second server (its own recount), all at once; then a
    // third of those edges are removed, again at once. Each server recounts outside the edit's
    // transaction and must not write a count from a graph another edit has changed since.
    const other = await startTestServer();
    try {
      const name = (level: number, chain: number) => `dl${level}c${chain}`;
      const names: string[] = [];
      for (let level = 0; level < 6; level++) {
        for (let chain = 0; chain < 4; chain++) {
          await create(name(level, chain), level > 0 ? [name(level - 1, chain)] : []);
          names.push(name(level, chain));
        }
      }
      const cross: Array<[string, string]> = [];
      for (let level = 1; level < 6; level++) for (let chain = 0; chain < 4; chain++) cross.push([name(level, chain), name(level - 1, (chain + 1) % 4)]);
      const via = (i: number) => (i % 2 === 0 ? s : other);
      const added = await Promise.all(cross.map(([c, p], i) => via(i).gql(AddPrerequisiteDocument, { conceptId: id(c), prerequisiteId: id(p) }, via(i).designer)));
      expect(added.flatMap((r) => r.errors ?? [])).toEqual([]);
      const removed = await Promise.all(
        cross.filter((_, i) => i % 3 === 0).map(([c, p], i) => via(i + 1).gql(RemovePrerequisiteDocument, { conceptId: id(c), prerequisiteId: id(p) }, via(i + 1).designer)),
      );
      expect(removed.flatMap((r) => r.errors ?? [])).toEqual([]);
      const stored = await s.query("test/concept-derived", { ids: names.map(id) });
      const recount = await s.query("test/downstream-counts", { ids: names.map(id) });
      expect(Math.max(...recount.map((r) => Number(r.unlocks)))).toBeGreaterThan(5); // the cross edges count: a chain alone has 5
      expect(stored.map((r) => [r.id, r.unlocks, r.root])).toEqual(recount.map((r) => [r.id, r.unlocks, r.root]));
    } finally {
      await other.stop();
    }
  });
});

describe("concept graph and report", () => {
  it("returns the subgraph with depths in one call, bounded by depth", async () => {
    const ghost = await s.gql(ConceptGraphDocument, { rootIds: [id("d"), id("ghost")], depth: 1 });
    expect(ghost.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", kind: "Concept", ids: [id("ghost")] });
    const r = await s.gql(ConceptGraphDocument, { rootIds: [id("d")], depth: 1 });
    expect(r.data?.conceptGraph.nodes.map((n) => [n.concept.id, n.depth])).toEqual([
      [id("d"), 0],
      [id("c"), 1],
    ]);
    const deep = await s.gql(ConceptGraphDocument, { rootIds: [id("d")], depth: 3 });
    expect(deep.data?.conceptGraph.nodes.map((n) => [n.concept.id, n.depth])).toEqual([
      [id("d"), 0],
      [id("c"), 1],
      [id("a"), 2],
      [id("b"), 2],
    ]);
    expect(deep.data?.conceptGraph.edges).toHaveLength(3);
    const deps = await s.gql(ConceptGraphDocument, { rootIds: [id("a")], direction: "DEPENDENTS", depth: 12 });
    expect(deps.data?.conceptGraph.nodes.map((n) => n.concept.id)).toEqual([id("a"), id("c"), id("d")]);
    const both = await s.gql(ConceptGraphDocument, { rootIds: [id("c")], direction: "BOTH", depth: 1 });
    expect(both.data?.conceptGraph.nodes.map((n) => n.concept.id).sort()).toEqual([id("a"), id("b"), id("c"), id("d")]);
    const tooDeep = await s.gql(ConceptGraphDocument, { rootIds: [id("a")], depth: 13 });
    expect(codes(tooDeep)).toEqual(["BAD_USER_INPUT"]);
  });

  it("reports redundant edges, items-less concepts and the longest chain", async () => {
    await create("e", ["d", "a"]); // e -> a is implied by e -> d -> c -> a
    const r = await s.gql(CurriculumReportDocument, {}, s.designer);
    const report = r.data?.curriculumReport;
    expect(report?.redundantEdges).toContainEqual({ conceptId: id("e"), prerequisiteId: id("a"), via: [id("e"), id("d"), id("c"), id("a")] });
    expect(report?.conceptsWithoutItems).toContain(id("e"));
    expect(report?.longestChainLength).toBeGreaterThanOrEqual(3);
  });
});

describe("deleting concepts", () => {
  it("refuses to delete a concept others require, naming them; detach deletes it and its edges", async () => {
    const r = await s.gql(DeleteConceptDocument, { id: id("c") }, s.designer);
    expect(codes(r)).toEqual(["CONFLICT"]);
    expect(r.errors?.[0]?.extensions?.dependents).toEqual([id("d")]);
    expect((await s.gql(ConceptDocument, { id: id("c") })).data?.concept?.id).toBe(id("c"));

    const detached = await s.gql(DeleteConceptDocument, { id: id("c"), detach: true }, s.designer);
    expect(detached.data?.deleteConcept).toEqual({ id: id("c"), deleted: true, detachedRelationships: 3 });
    expect((await s.gql(ConceptDocument, { id: id("c") })).data?.concept).toBeNull();
    expect((await dbState(s, P)).edges.some(([c, p]) => c === id("c") || p === id("c"))).toBe(false);
    const gone = await s.gql(DeleteConceptDocument, { id: id("c") }, s.designer);
    expect(codes(gone)).toEqual(["NOT_FOUND"]);
  });
});
