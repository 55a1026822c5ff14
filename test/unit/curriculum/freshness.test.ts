import { describe, expect, it } from "vitest";
import { CurriculumFreshness } from "../../../src/modules/curriculum/freshness.js";

/** A version source whose reads the test answers one by one, in the order they were started. */
function versionSource() {
  const pending: Array<(v: number) => void> = [];
  let coarse = 0;
  return {
    reads: () => pending.length,
    coarse: () => coarse,
    answer: (v: number) => {
      const next = pending.shift();
      if (!next) throw new Error("no read in flight");
      next(v);
    },
    freshness: new CurriculumFreshness(
      () => new Promise<number>((resolve) => pending.push(resolve)),
      () => {
        coarse++;
      },
    ),
  };
}

/** Lets resolved promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("CurriculumFreshness", () => {
  it("forgets everything on the first version it sees, and again only when a version is ahead of what was applied", async () => {
    const s = versionSource();
    const first = s.freshness.fresh();
    s.answer(4);
    await first;
    expect([s.coarse(), s.freshness.knownVersion]).toEqual([1, 4]);

    const same = s.freshness.fresh();
    s.answer(4);
    await same;
    expect(s.coarse()).toBe(1);

    // Version 5 was committed elsewhere and its notice has not arrived.
    const ahead = s.freshness.fresh();
    s.answer(5);
    await ahead;
    expect([s.coarse(), s.freshness.knownVersion]).toEqual([2, 5]);
  });

  it("needs no forget-all when every notice arrived, even out of order", async () => {
    const s = versionSource();
    const first = s.freshness.fresh();
    s.answer(10);
    await first;
    // Notices for 12 and 11 arrive (12 first: two servers, one Redis channel each way).
    s.freshness.applied(12);
    expect(s.freshness.knownVersion).toBe(10);
    s.freshness.applied(11);
    expect(s.freshness.knownVersion).toBe(12);
    const next = s.freshness.fresh();
    s.answer(12);
    await next;
    expect(s.coarse()).toBe(1);
  });

  it("forgets everything when a notice is missing, and a late notice for it changes nothing", async () => {
    const s = versionSource();
    const first = s.freshness.fresh();
    s.answer(1);
    await first;
    s.freshness.applied(3); // 2 never arrived (a recount, or a server without Redis)
    expect(s.freshness.knownVersion).toBe(1);
    const read = s.freshness.fresh();
    s.answer(3);
    await read;
    expect([s.coarse(), s.freshness.knownVersion]).toEqual([2, 3]);
    s.freshness.applied(2);
    expect(s.freshness.knownVersion).toBe(3);
  });

  it("shares probes: requests arriving while one is in flight wait for the next, which serves them all", async () => {
    const s = versionSource();
    let done = 0;
    const count = () => done++;
    const a = s.freshness.fresh().then(count);
    expect(s.reads()).toBe(1);
    // Began after the first probe started: that probe may predate their commit.
    const mark = s.freshness.mark();
    const later = [s.freshness.fresh(mark).then(count), s.freshness.fresh(mark).then(count), s.freshness.fresh(mark).then(count)];
    expect(s.reads()).toBe(1);
    s.answer(7);
    await a;
    await settle();
    expect(done).toBe(1);
    // One more read serves the three.
    expect(s.reads()).toBe(1);
    s.answer(7);
    await Promise.all(later);
    expect(done).toBe(4);
    expect(s.reads()).toBe(0);
  });

  it("is satisfied by a request's own read that started after its mark, and not by one that started before", async () => {
    const s = versionSource();
    const before = s.freshness.begin();
    const mark = s.freshness.mark();
    const own = s.freshness.begin();
    s.freshness.observed(before, 3);
    // Only the read begun before the mark has answered: a probe is needed.
    const waiting = s.freshness.fresh(mark);
    expect(s.reads()).toBe(1);
    s.freshness.observed(own, 3);
    // Now a later caller with the same mark needs no read of its own.
    await s.freshness.fresh(mark);
    expect(s.reads()).toBe(1);
    s.answer(3);
    await waiting;
    expect(s.coarse()).toBe(1);
  });
});
