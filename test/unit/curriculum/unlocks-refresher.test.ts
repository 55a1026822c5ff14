import { describe, expect, it } from "vitest";
import { UnlocksRefresher, type UnlocksRefreshSteps } from "../../../src/modules/curriculum/unlocks-refresher.js";

/** Steps that record their calls; `current` decides each optimistic attempt in turn. */
function steps(current: boolean[], fail = false) {
  const calls: string[] = [];
  const errors: unknown[] = [];
  let gate: () => void = () => {};
  let blocked: Promise<void> | null = null;
  const s: UnlocksRefreshSteps & { calls: string[]; errors: unknown[]; block(): void; release(): void } = {
    calls,
    errors,
    block() {
      blocked = new Promise((r) => (gate = r));
    },
    release() {
      blocked = null;
      gate();
    },
    async tryIfCurrent(ids) {
      calls.push(`try ${[...ids].sort().join(",")}`);
      if (blocked) await blocked;
      if (fail) throw new Error("database unavailable");
      return current.shift() ?? true;
    },
    async underLock(ids) {
      calls.push(`lock ${[...ids].sort().join(",")}`);
    },
    onError(err) {
      errors.push(err);
    },
  };
  return s;
}

describe("UnlocksRefresher", () => {
  it("recounts once when nothing got in between", async () => {
    const s = steps([true]);
    await new UnlocksRefresher(s).refresh(["a"]);
    expect(s.calls).toEqual(["try a"]);
  });

  it("retries when an edit committed in between, then recounts under the lock", async () => {
    const s = steps([false, true]);
    await new UnlocksRefresher(s).refresh(["a"]);
    expect(s.calls).toEqual(["try a", "try a"]);
    const t = steps([false, false, false]);
    await new UnlocksRefresher(t, 3).refresh(["b"]);
    expect(t.calls).toEqual(["try b", "try b", "try b", "lock b"]);
  });

  it("merges the edits that arrive during a recount into the next one, and each caller waits for a recount that covers it", async () => {
    const s = steps([]);
    const r = new UnlocksRefresher(s);
    s.block();
    const first = r.refresh(["a"]);
    await new Promise((res) => setTimeout(res, 5));
    let secondDone = false;
    const second = r.refresh(["b"]).then(() => (secondDone = true));
    const third = r.refresh(["c", "b"]);
    s.release();
    await first;
    await third;
    await second;
    expect(secondDone).toBe(true);
    expect(s.calls).toEqual(["try a", "try b,c"]);
  });

  it("retries a recount that lost together with the edits that arrived meanwhile", async () => {
    const s = steps([false, true]);
    const r = new UnlocksRefresher(s);
    s.block();
    const first = r.refresh(["a"]);
    await new Promise((res) => setTimeout(res, 5));
    const second = r.refresh(["b"]);
    s.release();
    await Promise.all([first, second]);
    expect(s.calls).toEqual(["try a", "try a,b"]);
  });

  it("keeps failed ids pending, reports the error, and never rejects", async () => {
    const s = steps([], true);
    const r = new UnlocksRefresher(s);
    await expect(r.refresh(["a", "b"])).resolves.toBeUndefined();
    expect(s.errors).toHaveLength(1);
    expect(r.pendingIds.sort()).toEqual(["a", "b"]);
  });
});
