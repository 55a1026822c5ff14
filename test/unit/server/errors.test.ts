import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { GraphQLError } from "graphql";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { ERROR_CODES } from "../../../src/errors/codes.js";
import { NotFoundError } from "../../../src/errors/errors.js";
import { createFormatError } from "../../../src/graphql/format-error.js";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, cb) => (lines.push(String(chunk)), cb()) });
  return { logger: pino({ level: "error" }, stream), lines };
}

/** What graphql-js hands to formatError when a resolver throws. */
const fromResolver = (err: Error) => new GraphQLError(err.message, { path: ["concept"], originalError: err });

describe("formatError", () => {
  it("masks unknown errors for clients and logs them in full", () => {
    const { logger, lines } = capture();
    const error = fromResolver(new Error("Neo4j said: secret internal detail"));
    const out = createFormatError(logger)(error.toJSON(), error);
    expect(out).toMatchObject({ message: "Internal server error. The server log has the details.", extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(JSON.stringify(out)).not.toContain("secret");
    expect(lines.join("")).toContain("secret internal detail");
  });

  it("passes our own errors with their code and extensions", () => {
    const { logger, lines } = capture();
    const error = fromResolver(new NotFoundError("Concept", "x"));
    const out = createFormatError(logger)({ ...error.toJSON(), extensions: { code: "NOT_FOUND", kind: "Concept", id: "x" } }, error);
    expect(out.extensions).toEqual({ code: "NOT_FOUND", kind: "Concept", id: "x" });
    expect(lines).toEqual([]);
  });

  it("does not trust a code on an error that wraps an unknown exception", () => {
    const { logger } = capture();
    const inner = new Error("boom");
    const error = new GraphQLError("x", { originalError: inner, extensions: { code: "BAD_USER_INPUT" } });
    expect(createFormatError(logger)(error.toJSON(), error).extensions?.code).toBe("INTERNAL_SERVER_ERROR");
  });
});

describe("the documented error codes", () => {
  it("docs/errors.md lists exactly the codes in src/errors/codes.ts", () => {
    const doc = readFileSync("docs/errors.md", "utf8");
    const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });
});

describe("loadConfig", () => {
  it("names every bad variable in one message", () => {
    expect(() => loadConfig({ PORT: "nope", NEO4J_URI: "http://x", JWT_SECRET: "short" })).toThrow(/PORT[\s\S]*NEO4J_URI[\s\S]*JWT_SECRET/);
  });

  it("refuses production without a real secret or JWKS", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/JWT_SECRET or JWKS_URL/);
    expect(loadConfig({ NODE_ENV: "production", JWT_SECRET: "a-production-secret-value" }).JWT_SECRET).toBe("a-production-secret-value");
  });
});
