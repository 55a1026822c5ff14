import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzz } from "../../../bench/reliability/campaign.js";
import { uniquePrefix } from "../../utils/ids.js";
import { startTestServer, type TestServer } from "../../utils/server.js";

/**
 * The short form of `npm run reliability`'s malformed-input campaign (bench/reliability): 400
 * seeded inputs (mutated real operations, wrong variables, bad bodies, CSV and JSON imports,
 * events, WebSocket frames) through the real endpoints. Not one may get a 5xx, an error without a
 * documented code, INTERNAL_SERVER_ERROR or a body with a stack trace or path, and /healthz must
 * answer after every batch.
 */
const P = uniquePrefix("fuzz");
let s: TestServer;

beforeAll(async () => {
  s = await startTestServer({ RATE_LIMIT_TOKEN: "0", RATE_LIMIT_INGEST: "0", RATE_LIMIT_ADDRESS: "0" });
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("400 malformed inputs", () => {
  it("are each answered with a documented code, never a 5xx or a leak", async () => {
    const report = await fuzz(s.frontier.url, { admin: s.admin, designer: s.designer }, 400, 21, P);
    expect(report.inputs).toBeGreaterThanOrEqual(400);
    expect(report.examples).toEqual([]);
    expect({ serverErrors: report.serverErrors, uncoded: report.uncoded, leaks: report.leaks, internal: report.internal, healthFailures: report.healthFailures }).toEqual({ serverErrors: 0, uncoded: 0, leaks: 0, internal: 0, healthFailures: 0 });
    // The campaign reached every kind of input.
    expect(Object.keys(report.byKind).sort()).toEqual(["body", "csv-import", "document", "events", "json-import", "variables", "ws-frames"]);
  }, 600_000);
});
