import { describe, expect, it } from "vitest";
import { raisesLowMastery } from "../../../src/modules/live/alert-watchers.js";
import { LiveTopic, SUBSCRIBER_BUFFER } from "../../../src/modules/live/hub.js";
import { changeSentence } from "../../../src/modules/mastery/mastery-change.js";

describe("LiveTopic", () => {
  it("keeps a stuck subscriber's queue bounded (oldest dropped, counted) without holding back a fast one", async () => {
    const topic = new LiveTopic<number>();
    const stuck = topic.subscribe((x) => x);
    const fast = topic.subscribe((x) => (x % 2 === 0 ? x : null));
    const total = SUBSCRIBER_BUFFER + 250;
    for (let i = 0; i < total; i++) {
      topic.publish([i]);
      if (i % 2 === 0) expect((await fast.next()).value).toBe(i);
    }
    // The fast subscriber drained as it went; the stuck one lost exactly the oldest 250.
    expect(topic.dropped).toBe(250);
    expect((await stuck.next()).value).toBe(250);
    await stuck.return?.();
    await fast.return?.();
    expect(topic.size).toBe(0);
  });

  it("ends an expired subscription with UNAUTHENTICATED and runs its release", async () => {
    const topic = new LiveTopic<number>();
    let expired = false;
    let released = 0;
    const it = topic.subscribe((x) => x, { isExpired: () => expired, onClose: () => released++ });
    topic.publish([1]);
    expect((await it.next()).value).toBe(1);
    expired = true;
    topic.publish([2]);
    await expect(it.next()).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
    expect(released).toBe(1);
    expect(topic.size).toBe(0);
  });

  it("routes records by key to the subscriptions that asked for them, and re-routes", async () => {
    const topic = new LiveTopic<{ learner: string; n: number }, "learner">({ learner: (r) => r.learner });
    const ann = topic.subscribe((r) => r.n, { route: { name: "learner", keys: ["ann"] } });
    const all = topic.subscribe((r) => r.n);
    topic.publish([{ learner: "bob", n: 1 }, { learner: "ann", n: 2 }]);
    expect(topic.reach("learner", "bob")).toBe(1);
    expect(topic.reach("learner", "ann")).toBe(2);
    expect((await ann.next()).value).toBe(2);
    expect((await all.next()).value).toBe(1);
    expect((await all.next()).value).toBe(2);
    ann.reroute(["bob"]);
    topic.publish([{ learner: "ann", n: 3 }, { learner: "bob", n: 4 }]);
    expect((await ann.next()).value).toBe(4);
    await ann.return?.();
    await all.return?.();
    expect(topic.reach("learner", "bob")).toBe(0);
  });
});

describe("raisesLowMastery", () => {
  const rules = { lowMastery: 0.3, minAttempts: 5 };
  it.each([
    ["crosses below with enough attempts", { before: 0.35, after: 0.25, attempts: 6 }, true],
    ["reaches the minimum attempts while already low", { before: 0.2, after: 0.18, attempts: 5 }, true],
    ["was already alerting", { before: 0.2, after: 0.18, attempts: 6 }, false],
    ["too few attempts", { before: 0.4, after: 0.1, attempts: 4 }, false],
    ["not below the threshold", { before: 0.4, after: 0.3, attempts: 9 }, false],
  ])("%s", (_name, change, expected) => {
    expect(raisesLowMastery(change, rules)).toBe(expected);
  });
});

describe("changeSentence", () => {
  it("says what happened in words and numbers", () => {
    expect(changeSentence("EVIDENCE", 0.41, 0.58, { score: 1, predicted: 0.62 })).toBe("Correct answer (the model expected 62%): mastery 0.41 -> 0.58.");
    expect(changeSentence("EVIDENCE", 0.41, 0.3, { score: 0, predicted: null })).toBe("Incorrect answer: mastery 0.41 -> 0.30.");
    expect(changeSentence("LATE_EVIDENCE", 0.5, 0.55, { score: 0.5 })).toBe("Answer scored 0.50 that arrived late, applied in time order: mastery 0.50 -> 0.55.");
    expect(changeSentence("CONTENT_VIEW", 0.2, 0.2, { watchFraction: 0.8 })).toBe("Viewed content (80% watched), a learning opportunity, not evidence: mastery 0.20 -> 0.20.");
    expect(changeSentence("REPLAY", 0.6, 0.52, {})).toMatch(/^Recomputed after a late event/);
  });
});
