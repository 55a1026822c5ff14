import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniquePrefix } from "../../utils/ids.js";
import { startTestServer, type TestServer } from "../../utils/server.js";

let s: TestServer;
const P = uniquePrefix("ingest");
const cli = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent" } });

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("frontier ingest", () => {
  it("backfills an NDJSON history (placeholder concepts included), and a re-run changes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "frontier-ingest-"));
    const file = join(dir, "events.ndjson");
    const lines = Array.from({ length: 60 }, (_, i) =>
      JSON.stringify({
        eventId: `${P}e${i}`,
        learnerId: `${P}l${i % 4}`,
        conceptIds: [`${P}skill${i % 3}`],
        correct: i % 5 !== 0,
        occurredAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
      }),
    );
    writeFileSync(file, `${lines.join("\n")}\n`);

    const first = cli(["ingest", file, "--create-concepts", "--batch-size", "25"]);
    expect(first.status, first.stderr).toBe(0);
    const facts = async () => (await s.query("test/learner-facts", { learnerId: `${P}l1` }))[0] as { events: number; history: unknown[]; seq: number };
    expect((await facts()).events).toBe(15);
    // Placeholder concepts are roots that unlock nothing, so the frontier can offer them.
    const derived = await s.query("test/concept-derived", { ids: [0, 1, 2].map((k) => `${P}skill${k}`) });
    expect(derived.map((r) => [r.unlocks, r.root])).toEqual([[0, true], [0, true], [0, true]]);
    const before = await facts();

    const again = cli(["ingest", file, "--create-concepts"]);
    expect(again.status, again.stderr).toBe(0);
    const after = await facts();
    expect(after.events).toBe(15);
    expect(after.seq).toBe(before.seq);
    expect(after.history).toEqual(before.history);
  }, 120_000);
});
