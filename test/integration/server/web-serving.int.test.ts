import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import express from "express";
import { createLogger } from "../../../src/logger.js";
import { mountWebApp } from "../../../src/server/web.js";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifier } from "../../../src/auth/tokens.js";
import { loadConfig } from "../../../src/config.js";
import { developmentLinks } from "../../../src/server/dev-links.js";
import { startTestServer, type TestServer } from "../../utils/server.js";
import { buildWeb } from "../../utils/web-build.js";

let s: TestServer;
const dist = join(process.cwd(), "web", "dist");

beforeAll(async () => {
  if (!existsSync(join(dist, "index.html"))) buildWeb();
  s = await startTestServer();
});
afterAll(async () => {
  await s?.stop();
});

describe("the web app at /app", () => {
  it("serves index.html with a strict CSP and no caching, and falls back to it for app routes", async () => {
    for (const path of ["/app/", "/app/teacher", "/app/designer?concept=x", "/app/learner/deep/link"]) {
      const res = await fetch(`${s.frontier.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.headers.get("cache-control")).toBe("no-cache");
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      const html = await res.text();
      expect(html).toContain('<div id="root">');
      // No inline script: every <script> has a src.
      expect([...html.matchAll(/<script\b[^>]*>/g)].every((m) => /\bsrc=/.test(m[0]))).toBe(true);
    }
  });

  it("caches hashed assets for a year, compresses them, and answers a missing asset 404", async () => {
    const asset = readdirSync(join(dist, "assets")).find((f) => f.endsWith(".js")) as string;
    const res = await fetch(`${s.frontier.url}/app/assets/${asset}`, { headers: { "accept-encoding": "gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    const missing = await fetch(`${s.frontier.url}/app/assets/nope-123.js`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).errors[0].extensions.code).toBe("NOT_FOUND");
  });

  it("says, as a coded GraphQL error, that the app is not built when there is no build", async () => {
    const app = express();
    mountWebApp(app, createLogger("silent"), mkdtempSync(join(tmpdir(), "frontier-no-web-")));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/app/teacher`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe("SERVICE_UNAVAILABLE");
      expect(body.errors[0]?.message).toContain("npm run build:web");
    } finally {
      server.close();
    }
  });

  it("redirects / to the app", async () => {
    const res = await fetch(`${s.frontier.url}/`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/app/");
  });
});

describe("development links", () => {
  it("mint tokens the server accepts, in the URL fragment, for the seed people", async () => {
    const config = loadConfig({ ...process.env, NODE_ENV: "development" });
    const links = await developmentLinks(config, "http://h:1");
    expect(links.map((l) => l.label)).toEqual(["Teacher (class-7a)", "Designer", "Learner"]);
    const verifier = createVerifier(config);
    const users = await Promise.all(links.map((l) => verifier.verify(new URL(l.url).hash.replace(/^#token=/, ""))));
    expect(users.map((u) => [u.sub, u.roles])).toEqual([
      ["teacher-ada", ["TEACHER"]],
      ["designer-demo", ["DESIGNER"]],
      ["learner-001", ["LEARNER"]],
    ]);
    for (const l of links) expect(new URL(l.url).search + new URL(l.url).pathname).not.toContain("token");
  });

  it("are never minted in production", async () => {
    const config = loadConfig({ ...process.env, NODE_ENV: "production", JWT_SECRET: "a-production-secret-of-length" });
    expect(await developmentLinks(config, "http://h:1")).toEqual([]);
  });
});
