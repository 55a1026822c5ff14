import { describe, expect, it } from "vitest";
import { Coalescer } from "../../../src/common/coalescer.js";

/** A run function whose groups finish only when the test says so. */
function controlled() {
  const groups: Array<{ jobs: number[]; finish: () => void; fail: (e: Error) => void }> = [];
  const run = (jobs: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      groups.push({ jobs, finish: () => resolve(jobs.map((j) => `done ${j}`)), fail: reject });
    });
  return { groups, run };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("Coalescer", () => {
  it("starts a lone job at once and groups what arrives while every lane is busy", async () => {
    const { groups, run } = controlled();
    const c = new Coalescer(run, { lanes: 1, maxSize: 100, size: () => 1 });
    const first = c.submit(1);
    expect(groups.map((g) => g.jobs)).toEqual([[1]]);
    const later = [c.submit(2), c.submit(3), c.submit(4)];
    expect(c.waiting).toBe(3);
    groups[0]?.finish();
    expect(await first).toBe("done 1");
    await tick();
    expect(groups.map((g) => g.jobs)).toEqual([[1], [2, 3, 4]]);
    groups[1]?.finish();
    expect(await Promise.all(later)).toEqual(["done 2", "done 3", "done 4"]);
  });

  it("keeps groups within maxSize, in arrival order, and uses every lane", async () => {
    const { groups, run } = controlled();
    const c = new Coalescer(run, { lanes: 2, maxSize: 5, size: (j: number) => j });
    void c.submit(1);
    void c.submit(1);
    expect(groups.map((g) => g.jobs)).toEqual([[1], [1]]);
    const rest = [3, 2, 4, 1].map((j) => c.submit(j));
    groups[0]?.finish();
    await tick();
    expect(groups[2]?.jobs).toEqual([3, 2]);
    groups[1]?.finish();
    await tick();
    expect(groups[3]?.jobs).toEqual([4, 1]);
    groups[2]?.finish();
    groups[3]?.finish();
    expect(await Promise.all(rest)).toEqual(["done 3", "done 2", "done 4", "done 1"]);
  });

  it("fails every job of a failed group, and goes on with the next", async () => {
    const { groups, run } = controlled();
    const c = new Coalescer(run, { lanes: 1, maxSize: 10, size: () => 1 });
    const a = c.submit(1);
    const b = [c.submit(2), c.submit(3)];
    const d = c.submit(4);
    groups[0]?.finish();
    await a;
    await tick();
    groups[1]?.fail(new Error("boom"));
    await expect(b[0]).rejects.toThrow("boom");
    await expect(b[1]).rejects.toThrow("boom");
    await expect(d).rejects.toThrow("boom");
    expect(groups[1]?.jobs).toEqual([2, 3, 4]);
    const after = c.submit(5);
    expect(groups[2]?.jobs).toEqual([5]);
    groups[2]?.finish();
    expect(await after).toBe("done 5");
  });
});
