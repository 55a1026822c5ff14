import net from "node:net";
import { auditServer } from "graphql-http";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../../src/auth/roles.js";
import { offlineCypher } from "../../../src/neo4j/cypher.js";
import { uniquePrefix } from "../../utils/ids.js";
import { startTestServer, type TestServer } from "../../utils/server.js";

/**
 * Issue 21: every bad request is a GraphQL error with a documented code and the status the
 * GraphQL-over-HTTP spec gives; no body carries a stack trace or a path; expensive aliases are
 * refused while other clients keep being answered; rate limits; Neo4j outages fail fast; a
 * deadlock between writers is retried inside the server.
 */
const P = uniquePrefix("hard");
let s: TestServer;
const GRAPHQL_RESPONSE = "application/graphql-response+json";

beforeAll(async () => {
  s = await startTestServer({ MAX_QUERY_COST: "20000" });
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

interface Answer {
  status: number;
  type: string;
  text: string;
  headers: Headers;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | null;
}

async function post(body: string, headers: Record<string, string> = {}, url = s.url): Promise<Answer> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", accept: `${GRAPHQL_RESPONSE}, application/json`, ...headers }, body });
  const text = await res.text();
  let parsed: Answer["body"] = null;
  try {
    parsed = JSON.parse(text) as Answer["body"];
  } catch {
    parsed = null;
  }
  return { status: res.status, type: res.headers.get("content-type") ?? "", text, headers: res.headers, body: parsed };
}

const codes = (a: Answer) => (a.body?.errors ?? []).map((e) => String(e.extensions?.code));
/** No stack frame, file path or driver message in what a client sees. */
const leaks = (text: string) => /node_modules|\/work\/|\.ts:\d|\.js:\d|\bat [\w.<>]+ \(|Neo4jError|<html|<!DOCTYPE/i.test(text);
const gql = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

describe("malformed HTTP requests", () => {
  it.each([
    ["a truncated JSON body", '{"query": "{ me { id } }"', 400],
    ["the body null", "null", 400],
    ["a JSON string", '"{ __typename }"', 400],
    ["a body over the size limit", JSON.stringify({ query: "{ __typename }", pad: "x".repeat(9 * 1024 * 1024) }), 413],
  ])("%s is a BAD_REQUEST GraphQL error, not an HTML stack trace", async (_name, body, status) => {
    const a = await post(body);
    expect(a.status).toBe(status);
    expect(a.type).toContain(GRAPHQL_RESPONSE);
    expect(codes(a)).toEqual(["BAD_REQUEST"]);
    expect(leaks(a.text)).toBe(false);
  });

  it("an unknown route is a JSON 404 with a code", async () => {
    const res = await fetch(`${s.frontier.url}/nope`);
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });
    expect(leaks(text)).toBe(false);
  });
});

describe("client mistakes are 4xx (graphql-response+json) or 200 (application/json), never 5xx", () => {
  const first = "query($f: Int!) { concepts(first: $f) { totalCount } }";
  it.each([
    ["a string for Int!", gql(first, { f: "ten" }), "BAD_USER_INPUT"],
    ["an Int overflow", gql(first, { f: 2 ** 31 }), "BAD_USER_INPUT"],
    ["a missing variable", gql(first, {}), "BAD_USER_INPUT"],
    ["1e400", `{"query": ${JSON.stringify(first)}, "variables": {"f": 1e400}}`, "BAD_USER_INPUT"],
    ["a cost refusal", gql("{ concepts(first: 1000) { nodes { items { assesses { concept { prerequisites { prerequisite { id } } } } } } } }"), "QUERY_TOO_COMPLEX"],
    ["a depth of 3,000", gql(`{${"concept(id: \"x\") { prerequisites { prerequisite { ".repeat(1000)}id${" } } }".repeat(1000)} }`), "GRAPHQL_PARSE_FAILED"],
    ["3,000 nested braces", gql(`{${"a{".repeat(3000)}${"}".repeat(3001)}`), "GRAPHQL_PARSE_FAILED"],
    ["a persisted-query hash that does not match", JSON.stringify({ query: "{ __typename }", extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }), "BAD_REQUEST"],
    ["an unknown persisted-query version", JSON.stringify({ query: "{ __typename }", extensions: { persistedQuery: { version: 7, sha256Hash: "0".repeat(64) } } }), "BAD_REQUEST"],
    ["an unknown operation name", JSON.stringify({ query: "query A { __typename }", operationName: "B" }), "OPERATION_RESOLUTION_FAILURE"],
    ["a subscription over HTTP", gql("subscription { curriculumChanged { id } }"), "BAD_REQUEST"],
  ])("%s", async (_name, body, code) => {
    const strict = await post(body);
    expect(codes(strict)).toEqual([code]);
    expect(strict.status).toBe(400);
    const legacy = await post(body, { accept: "application/json" });
    expect(codes(legacy)).toEqual([code]);
    expect(legacy.status).toBe(200);
    expect(leaks(strict.text) || leaks(legacy.text)).toBe(false);
  });

  it("an unknown persisted-query hash asks for the query (PERSISTED_QUERY_NOT_FOUND)", async () => {
    const a = await post(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "1".repeat(64) } } }));
    expect(codes(a)).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
  });

  it("an invalid token is 401; no token on `me` is a field error (200) with UNAUTHENTICATED", async () => {
    const bad = await post(gql("{ me { id } }"), { authorization: "Bearer not-a-jwt" });
    expect(bad.status).toBe(401);
    expect(codes(bad)).toEqual(["UNAUTHENTICATED"]);
    const none = await post(gql("{ me { id } }"));
    expect(none.status).toBe(200);
    expect(codes(none)).toEqual(["UNAUTHENTICATED"]);
  });

  it("passes every MUST and every SHOULD audit of graphql-http", async () => {
    const results = await auditServer({ url: s.url });
    const failed = results.filter((r) => r.status !== "ok" && (r.name.startsWith("MUST") || r.name.startsWith("SHOULD")));
    expect(failed.map((r) => `${r.name}: ${r.status === "ok" ? "" : r.reason}`)).toEqual([]);
    expect(results.filter((r) => r.name.startsWith("SHOULD")).length).toBeGreaterThanOrEqual(20);
  });
});

describe("WebSocket errors carry codes", () => {
  let c: Client;
  beforeAll(async () => {
    c = createClient({ url: s.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${s.admin}` } });
  });
  afterAll(async () => {
    await c?.dispose();
  });
  const refused = (query: string) =>
    new Promise<Array<{ message: string; extensions?: { code?: string } }>>((resolve, reject) => {
      c.subscribe({ query }, { next: () => reject(new Error("ran")), error: (e) => resolve(e as never), complete: () => reject(new Error("completed")) });
    });
  it.each([
    ["a parse error", "subscription {", "GRAPHQL_PARSE_FAILED"],
    ["a validation error", "subscription { nope }", "GRAPHQL_VALIDATION_FAILED"],
    ["a depth refusal", `{ ${"concept(id: \"x\") { prerequisites { prerequisite { ".repeat(8)}id${" } } }".repeat(8)} }`, "GRAPHQL_VALIDATION_FAILED"],
    ["too many tokens", `{${"a{".repeat(3000)}${"}".repeat(3001)}`, "GRAPHQL_PARSE_FAILED"],
    ["an alias bomb", `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: me { id }`).join(" ")} }`, "GRAPHQL_VALIDATION_FAILED"],
    ["a mistyped variable", "query($f: Int!) { concepts(first: $f) { totalCount } }", "BAD_USER_INPUT"],
  ])("%s", async (_name, query, code) => {
    const errors = await refused(query);
    expect(Array.isArray(errors)).toBe(true);
    expect(errors.map((e) => e.extensions?.code)).toContain(code);
    expect(errors.every((e) => typeof e.extensions?.code === "string")).toBe(true);
    expect(leaks(JSON.stringify(errors))).toBe(false);
  });
});

let looseInstance: TestServer | null = null;
/** A server whose token cap lets a 1,000-alias document parse, so the next limits are the ones seen. */
async function looseServer(): Promise<TestServer> {
  looseInstance ??= await startTestServer({ MAX_QUERY_TOKENS: "100000" });
  return looseInstance;
}
afterAll(async () => {
  await looseInstance?.stop();
});

describe("expensive aliases cannot stall the server", () => {
  const fields = [
    "placement { expectedGain }",
    "recommendations(limit: 50) { score }",
    "learningPath { steps { concept { id } } }",
    "mastery { p }",
    "topicMastery(topicIds: [\"x\"]) { p }",
    "reviewQueue(limit: 50) { dueAt }",
  ];
  it.each(fields)("1,000 aliases of learner.%s are refused while /healthz and a small query keep answering", async (field) => {
    const learner = `${P}learner`;
    const token = await s.token(Role.LEARNER, learner);
    const bomb = `{ learner(id: "${learner}") { ${Array.from({ length: 1000 }, (_, i) => `a${i}: ${field}`).join(" ")} } }`;
    const attack = post(gql(bomb), { authorization: `Bearer ${token}` });
    const [health, small] = await Promise.all([fetch(`${s.frontier.url}/healthz`), post(gql("{ __typename }"))]);
    expect(health.status).toBe(200);
    expect(small.body?.data).toEqual({ __typename: "Query" });
    const a = await attack;
    expect(a.status).toBe(400);
    expect(a.body?.data).toBeUndefined();
    expect(codes(a).length).toBeGreaterThan(0);
    // Refused before it runs: 6,000 tokens are over MAX_QUERY_TOKENS.
    expect(codes(a).every((c) => c === "GRAPHQL_PARSE_FAILED")).toBe(true);
  });

  it.each(fields)("with the token cap raised, 1,000 aliases of learner.%s are refused by the alias and repeat limits", async (field) => {
    const learner = `${P}learner`;
    const token = await s.token(Role.LEARNER, learner);
    const loose = await looseServer();
    const bomb = `{ learner(id: "${learner}") { ${Array.from({ length: 1000 }, (_, i) => `a${i}: ${field}`).join(" ")} } }`;
    const a = await post(gql(bomb), { authorization: `Bearer ${token}` }, loose.url);
    expect(a.status).toBe(400);
    expect(a.body?.data).toBeUndefined();
    const messages = (a.body?.errors ?? []).map((e) => e.message);
    expect(messages.some((m) => /Aliases limit of 30 exceeded, found 1000/.test(m))).toBe(true);
    expect(messages.some((m) => /is expensive: at most 3 per selection set/.test(m))).toBe(true);
  });

  it("four placements in one selection set are refused (at most 3), three are answered", async () => {
    const learner = `${P}learner`;
    const token = await s.token(Role.LEARNER, learner);
    const n = (k: number) => `{ learner(id: "${learner}") { ${Array.from({ length: k }, (_, i) => `a${i}: placement { expectedGain }`).join(" ")} } }`;
    const four = await s.gql(n(4), {}, token);
    expect((four.errors ?? []).map((e) => e.extensions?.code)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(four.errors?.[0]?.message).toBe("'Learner.placement' is expensive: at most 3 per selection set (aliases included).");
    expect(four.errors?.[0]?.extensions?.maxRepeats).toBe(3);
    const three = await s.gql(n(3), {}, token);
    expect(three.errors).toBeUndefined();
  });
});

describe("rate limits", () => {
  it("answers RATE_LIMITED (429, Retry-After) past the budget; each token and address has its own, ADMIN tokens a larger one", async () => {
    const limited = await startTestServer({ RATE_LIMIT_ADDRESS: "3", RATE_LIMIT_TOKEN: "2", RATE_LIMIT_INGEST: "5", RATE_LIMIT_WINDOW_S: "60" });
    try {
      const send = (token?: string) => post(gql("{ __typename }"), token ? { authorization: `Bearer ${token}` } : {}, limited.url);
      const anonymous = [];
      for (let i = 0; i < 4; i++) anonymous.push(await send());
      expect(anonymous.map((a) => a.status)).toEqual([200, 200, 200, 429]);
      const over = anonymous[3] as Answer;
      expect(codes(over)).toEqual(["RATE_LIMITED"]);
      expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(leaks(over.text)).toBe(false);

      const learner = await limited.token(Role.LEARNER, `${P}rl-learner`);
      const learnerStatuses = [];
      for (let i = 0; i < 3; i++) learnerStatuses.push((await send(learner)).status);
      expect(learnerStatuses).toEqual([200, 200, 429]);

      const admin = await limited.token(Role.ADMIN, `${P}rl-admin`);
      const adminStatuses = [];
      for (let i = 0; i < 6; i++) adminStatuses.push((await send(admin)).status);
      expect(adminStatuses).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await limited.stop();
    }
  });
});

/** A TCP proxy in front of the shared Neo4j that a test can cut and restore (the real server keeps running for everyone else). */
function boltProxy(target: number) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target, "127.0.0.1");
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on("close", () => sockets.delete(sock));
          sock.on("error", () => sock.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server?.address() as net.AddressInfo).port;
        resolve();
      });
    });
  return {
    open,
    get port() {
      return port;
    },
    async cut() {
      // Close waits for open connections: end them first.
      const closing = new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
      for (const sock of sockets) sock.destroy();
      await closing;
    },
  };
}

describe("Neo4j outages", () => {
  it("answers SERVICE_UNAVAILABLE with Retry-After while Neo4j is unreachable, and serves again once it is back", async () => {
    const target = Number(new URL((s.config.NEO4J_URI ?? "bolt://127.0.0.1:7687").replace(/^\w+(\+\w+)?:/, "http:")).port || 7687);
    const proxy = boltProxy(target);
    await proxy.open();
    const viaProxy = await startTestServer({ NEO4J_URI: `bolt://127.0.0.1:${proxy.port}` });
    try {
      const q = gql(`{ concept(id: "${P}none") { id } }`);
      expect((await post(q, {}, viaProxy.url)).body?.data).toEqual({ concept: null });
      await proxy.cut();
      const down = [];
      for (let i = 0; i < 3; i++) down.push(await post(q, {}, viaProxy.url));
      for (const a of down) {
        expect(codes(a)).toEqual(["SERVICE_UNAVAILABLE"]);
        expect(a.headers.get("retry-after")).toBe("2");
        expect(leaks(a.text)).toBe(false);
      }
      expect((await fetch(`${viaProxy.frontier.url}/healthz`)).status).toBe(503);
      await proxy.open();
      // Served again once a probe reaches Neo4j (every 250 ms), not after DB_FAIL_FAST_MS.
      let back: Answer | null = null;
      for (let i = 0; i < 100; i++) {
        back = await post(q, {}, viaProxy.url);
        if (codes(back).length === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(back?.body?.data).toEqual({ concept: null });
    } finally {
      await viaProxy.stop();
      await proxy.cut();
    }
  });

  it("retries a deadlock between two writers inside the server: both commit, neither caller sees it", async () => {
    const db = s.frontier.infra.db;
    await db.write(offlineCypher("test/create-bare-concepts"), { ids: [`${P}lockA`, `${P}lockB`] });
    const lock = offlineCypher("test/lock-concept");
    const runs = { one: 0, two: 0 };
    let aLocked!: () => void;
    let bLocked!: () => void;
    const aHeld = new Promise<void>((r) => (aLocked = r));
    const bHeld = new Promise<void>((r) => (bLocked = r));
    const one = db.writeTx(async (tx) => {
      runs.one++;
      await tx.run(lock, { id: `${P}lockA`, value: 1 });
      aLocked();
      await bHeld;
      return tx.run(lock, { id: `${P}lockB`, value: 1 });
    });
    const two = db.writeTx(async (tx) => {
      runs.two++;
      await tx.run(lock, { id: `${P}lockB`, value: 2 });
      bLocked();
      await aHeld;
      return tx.run(lock, { id: `${P}lockA`, value: 2 });
    });
    const [r1, r2] = await Promise.all([one, two]);
    expect(r1).toEqual([{ id: `${P}lockB` }]);
    expect(r2).toEqual([{ id: `${P}lockA` }]);
    // Neo4j broke the deadlock by failing one of them; that one ran again.
    expect(runs.one + runs.two).toBeGreaterThanOrEqual(3);
  });
});
