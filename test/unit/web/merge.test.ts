import { describe, expect, it } from "vitest";
import { ChangeMerger } from "../../../web/src/live/merge.js";

// The merge of docs/live.md: stream and catch-up deliver overlapping changes; each (learnerId, seq)
// must be shown once, and the cursors must ask for exactly what may be missing.
describe("ChangeMerger", () => {
  it("shows a change once however often it arrives", () => {
    const m = new ChangeMerger();
    const arrivals = [
      ["a", 1],
      ["a", 2],
      ["b", 7],
      ["a", 2],
      ["b", 7],
      ["a", 1],
      ["b", 8],
    ] as const;
    const shown = arrivals.filter(([learnerId, seq]) => m.accept({ learnerId, seq }));
    expect(shown).toEqual([
      ["a", 1],
      ["a", 2],
      ["b", 7],
      ["b", 8],
    ]);
    expect(m.size).toBe(4);
  });

  it("gives no cursor to a learner no catch-up has covered (they are asked for by `since`)", () => {
    const m = new ChangeMerger();
    m.accept({ learnerId: "a", seq: 6 });
    expect(m.cursors()).toEqual([]);
  });

  it("after a catch-up, cursors sit at the end of each learner's run of consecutive seqs", () => {
    const m = new ChangeMerger();
    // Seen on the stream before a disconnect: a 3, 4 and (after a dropped 5) 6; b 10.
    for (const [learnerId, seq] of [["a", 3], ["a", 4], ["a", 6], ["b", 10]] as const) m.accept({ learnerId, seq });
    m.anchorAll();
    // a: 3, 4 consecutive, then a gap at 5: the cursor must ask for everything after 4.
    expect(m.cursors()).toEqual([
      { learnerId: "a", afterSequence: 4 },
      { learnerId: "b", afterSequence: 10 },
    ]);
    // The catch-up returns 5 and 6 (6 again): 5 is new, 6 is not; the run now reaches 6.
    expect(m.accept({ learnerId: "a", seq: 5 })).toBe(true);
    expect(m.accept({ learnerId: "a", seq: 6 })).toBe(false);
    expect(m.cursors()[0]).toEqual({ learnerId: "a", afterSequence: 6 });
  });

  it("a learner first seen after anchoring stays on `since` until the next catch-up", () => {
    const m = new ChangeMerger();
    m.accept({ learnerId: "a", seq: 1 });
    m.anchorAll();
    m.accept({ learnerId: "c", seq: 4 });
    expect(m.cursors().map((c) => c.learnerId)).toEqual(["a"]);
    m.anchorAll();
    expect(m.cursors()).toEqual([
      { learnerId: "a", afterSequence: 1 },
      { learnerId: "c", afterSequence: 4 },
    ]);
  });

  it("random interleavings of stream and catch-up show every change exactly once", () => {
    // Seeded LCG (Numerical Recipes constants): a reproducible shuffle with duplicates.
    let state = 12345;
    const rand = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const truth: { learnerId: string; seq: number }[] = [];
    for (const learnerId of ["l1", "l2", "l3"]) for (let seq = 1; seq <= 40; seq += 1) truth.push({ learnerId, seq });
    const deliveries = [...truth, ...truth.filter(() => rand() < 0.5)].sort(() => rand() - 0.5);
    const m = new ChangeMerger();
    const shown = new Map<string, number>();
    for (const c of deliveries) if (m.accept(c)) shown.set(`${c.learnerId}/${c.seq}`, (shown.get(`${c.learnerId}/${c.seq}`) ?? 0) + 1);
    expect(shown.size).toBe(120);
    expect([...shown.values()].every((n) => n === 1)).toBe(true);
    m.anchorAll();
    expect(m.cursors()).toEqual(["l1", "l2", "l3"].map((learnerId) => ({ learnerId, afterSequence: 40 })));
  });
});
