import { auditServer } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConceptDocument } from "../../generated/graphql.js";
import { codes, startTestServer, type TestServer } from "../../utils/server.js";

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer({ MAX_QUERY_DEPTH: "6", MAX_QUERY_COST: "2000" });
});
afterAll(async () => {
  await s?.stop();
});

describe("HTTP endpoints", () => {
  it("/healthz answers 200 when Neo4j answers", async () => {
    const res = await fetch(`${s.frontier.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", neo4j: "up", redis: "off" });
  });

  it("/metrics serves Prometheus text that counts GraphQL operations and errors", async () => {
    await s.gql(ConceptDocument, { id: "metrics-probe" });
    await s.gql("{ nope }");
    const text = await (await fetch(`${s.frontier.url}/metrics`)).text();
    expect(text).toMatch(/frontier_graphql_operations_total\{type="query",name="Concept",outcome="ok"\} \d+/);
    expect(text).toMatch(/frontier_graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} \d+/);
    expect(text).toMatch(/frontier_http_request_duration_seconds_bucket\{.*route="\/graphql"/);
  });

  it("echoes a valid x-request-id and makes one up otherwise", async () => {
    const mine = await fetch(`${s.frontier.url}/healthz`, { headers: { "x-request-id": "req-123" } });
    expect(mine.headers.get("x-request-id")).toBe("req-123");
    const made = await fetch(`${s.frontier.url}/healthz`, { headers: { "x-request-id": "bad id with spaces" } });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("limits", () => {
  it("rejects a query nested deeper than MAX_QUERY_DEPTH", async () => {
    const deep = "{ concept(id: \"a\") { prerequisites { prerequisite { prerequisites { prerequisite { prerequisites { prerequisite { id } } } } } } } }";
    const r = await s.gql(deep);
    expect(codes(r)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(r.errors?.[0]?.message).toMatch(/depth limit of 6 exceeded/);
  });

  it("rejects an operation costing more than MAX_QUERY_COST before running it", async () => {
    const costly = "{ concepts(first: 100) { nodes { items { assesses { concept { id } } } } } }";
    const r = await s.gql(costly);
    expect(codes(r)).toEqual(["QUERY_TOO_COMPLEX"]);
    expect(r.errors?.[0]?.extensions).toMatchObject({ maxCost: 2000 });
    expect(Number(r.errors?.[0]?.extensions?.cost)).toBeGreaterThan(2000);
  });

  it("answers malformed documents and variables with documented codes", async () => {
    expect(codes(await s.gql("{ concept(id: "))).toEqual(["GRAPHQL_PARSE_FAILED"]);
    expect(codes(await s.gql("query($id: ID!) { concept(id: $id) { id } }", {}))).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("GraphQL over HTTP conformance (graphql-http server audits)", () => {
  it("passes every MUST audit", async () => {
    const results = await auditServer({ url: s.url });
    const failedMust = results.filter((r) => r.status !== "ok" && r.name.startsWith("MUST"));
    expect(failedMust.map((r) => `${r.name}: ${"reason" in r ? r.reason : ""}`)).toEqual([]);
    expect(results.filter((r) => r.name.startsWith("MUST")).length).toBeGreaterThan(10);
  });
});
