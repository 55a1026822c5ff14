import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../../src/auth/roles.js";
import { startTestServer, type TestServer } from "../../utils/server.js";

let s: TestServer;

function client(token: string | null, url = s.url.replace(/^http/, "ws")): { c: Client; closed: Promise<{ code: number; reason: string }> } {
  let resolveClosed: (v: { code: number; reason: string }) => void = () => {};
  const closed = new Promise<{ code: number; reason: string }>((r) => (resolveClosed = r));
  const c = createClient({
    url,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: { closed: (e) => resolveClosed({ code: (e as { code: number }).code, reason: (e as { reason: string }).reason }) },
  });
  return { c, closed };
}

function once<T>(c: Client, query: string): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> }> {
  return new Promise((resolve, reject) => {
    let result: unknown;
    c.subscribe({ query }, { next: (v) => (result = v), error: reject, complete: () => resolve(result as never) });
  });
}

beforeAll(async () => {
  s = await startTestServer({ MAX_QUERY_DEPTH: "6" });
});
afterAll(async () => {
  await s?.stop();
});

describe("graphql-ws on /graphql", () => {
  it("runs operations for an authenticated socket, with the caller's identity", async () => {
    const token = await s.token(Role.TEACHER, "ws-teacher");
    const { c } = client(token);
    const r = await once<{ me: { id: string; roles: string[] } }>(c, "{ me { id roles } }");
    expect(r.data?.me).toEqual({ id: "ws-teacher", roles: ["TEACHER"] });
    const forbidden = await once(c, "{ curriculumReport { conceptCount } }");
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await c.dispose();
  });

  it("closes sockets without a token, or with a bad one, with 4403 at connect", async () => {
    for (const token of [null, "garbage", await s.token(Role.ADMIN, "x", Math.floor(Date.now() / 1000) - 5)]) {
      const { c, closed } = client(token);
      expect((await closed).code).toBe(4403);
      await c.dispose();
    }
  });

  it("applies the same depth limit and error masking as HTTP", async () => {
    const { c } = client(s.admin);
    const deep = "{ concept(id: \"a\") { prerequisites { prerequisite { prerequisites { prerequisite { prerequisites { prerequisite { id } } } } } } } }";
    await expect(once(c, deep)).rejects.toSatisfy((errs: unknown) => Array.isArray(errs) && /depth/.test(String((errs[0] as Error).message)));
    await c.dispose();
  });
});

describe("token expiry", () => {
  it("closes the connection with 4401 'Token expired' when the token runs out", async () => {
    const short = await s.token(Role.TEACHER, "ws-short", Math.floor(Date.now() / 1000) + 2);
    const { c, closed } = client(short);
    const r = await once<{ me: { id: string } }>(c, "{ me { id } }");
    expect(r.data?.me.id).toBe("ws-short");
    const e = await closed;
    expect(e).toEqual({ code: 4401, reason: "Token expired" });
    await c.dispose();
  });
});

describe("graceful shutdown", () => {
  it("closes open sockets with 1001, stops accepting HTTP, and closes the driver", async () => {
    const own = await startTestServer();
    const { c, closed } = client(own.admin, own.url.replace(/^http/, "ws"));
    await once(c, "{ me { id } }");
    await own.stop();
    expect((await closed).code).toBe(1001);
    await expect(fetch(`${own.frontier.url}/healthz`)).rejects.toThrow();
    await expect(own.frontier.infra.db.ping()).resolves.toBe(false);
    await c.dispose();
  });
});
