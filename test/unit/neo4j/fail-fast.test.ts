import { Neo4jError, type Driver } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { ServiceUnavailableError } from "../../../src/errors/errors.js";
import { createLogger } from "../../../src/logger.js";
import { cypher } from "../../../src/neo4j/cypher.js";
import { Database } from "../../../src/neo4j/run.js";

/**
 * The outage policy of src/neo4j/run.ts, against a driver whose sessions do what a Neo4j that is
 * starting or stopping does (the real outages are in hardening.int.test.ts and
 * bench/reliability/faults): DatabaseUnavailable is not retried but fails fast, and while the
 * probe gets no answer requests are refused without reaching the driver.
 */
type Mode = "unavailable" | "silent" | "up";
function fakeDriver() {
  const state = { mode: "unavailable" as Mode, runs: 0 };
  const session = () => ({
    run: () => {
      state.runs++;
      if (state.mode === "up") return Promise.resolve({ records: [] });
      if (state.mode === "silent") return new Promise(() => {});
      return Promise.reject(new Neo4jError("The database is not currently available to serve your request", "Neo.TransientError.General.DatabaseUnavailable", "", ""));
    },
    close: () => Promise.resolve(),
  });
  return { driver: { session } as unknown as Driver, state };
}
const until = async (cond: () => boolean) => {
  while (!cond()) await new Promise((r) => setTimeout(r, 20));
};

describe("fail fast while Neo4j is starting or stopping", () => {
  const q = cypher("health/ping");

  it("DatabaseUnavailable is answered SERVICE_UNAVAILABLE after one try, and later calls do not reach the driver", async () => {
    const { driver, state } = fakeDriver();
    const db = new Database(driver, "neo4j", createLogger("silent"), { failFastMs: 60_000 });
    await expect(db.read(q)).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(state.runs).toBe(1);
    state.mode = "silent";
    const before = state.runs;
    await expect(db.read(q)).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(db.write(q)).rejects.toBeInstanceOf(ServiceUnavailableError);
    // Only the probe touches the driver (it is not answered: a database still starting).
    expect(state.runs - before).toBeLessThanOrEqual(1);
    expect(db.failingFast).toBe(true);
    state.mode = "up";
    await until(() => !db.failingFast);
    await expect(db.read(q)).resolves.toEqual([]);
  });

  it("past failFastMs, a silent Neo4j still gets no requests: only an answered probe ends fail-fast", async () => {
    const { driver, state } = fakeDriver();
    const db = new Database(driver, "neo4j", createLogger("silent"), { failFastMs: 100 });
    await expect(db.read(q)).rejects.toBeInstanceOf(ServiceUnavailableError);
    state.mode = "silent";
    // Two probes' worth (each waits 2 s for an answer): far past the 100 ms window.
    const probesBefore = state.runs;
    await until(() => state.runs >= probesBefore + 2);
    expect(db.failingFast).toBe(true);
    await expect(db.read(q)).rejects.toBeInstanceOf(ServiceUnavailableError);
    state.mode = "up";
    await until(() => !db.failingFast);
  }, 20_000);
});
