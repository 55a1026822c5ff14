import { describe, expect, it } from "vitest";
import { assign, assignmentPoint, pickVariant } from "../../../src/domain/experiments/assignment.js";
import { decide, type EligibilityRules } from "../../../src/domain/experiments/eligibility.js";
import { sampleRatio } from "../../../src/domain/experiments/stats.js";

describe("stateless assignment", () => {
  it("is SHA-256 of seed NUL experiment NUL unit, first 48 bits over 2^48 (values from Python's hashlib)", () => {
    // python3 -c "import hashlib; d=hashlib.sha256(b'frontier-experiments-v1\0recsys-2026-q1\0learner-1').digest(); print(int.from_bytes(d[:6],'big')/2**48)"
    expect(assignmentPoint("recsys-2026-q1", "learner-1")).toBe(0.6234211483188616);
    expect(assignmentPoint("recsys-2026-q1", "learner-2")).toBe(0.4883964480971166);
    expect(assignmentPoint("recsys-2026-q1", "class-7b")).toBe(0.684759367746107);
  });

  it("lays the variants' slices out in order, widths proportional to the weights", () => {
    const v = [{ key: "A", weight: 2 }, { key: "B", weight: 1 }, { key: "C", weight: 1 }];
    expect(pickVariant(v, 0).key).toBe("A");
    expect(pickVariant(v, 0.4999).key).toBe("A");
    expect(pickVariant(v, 0.5).key).toBe("B");
    expect(pickVariant(v, 0.7499).key).toBe("B");
    expect(pickVariant(v, 0.75).key).toBe("C");
    expect(pickVariant(v, 0.999999).key).toBe("C");
    // learner-1 at 0.623 falls in B's slice [0.5, 0.75), learner-2 at 0.488 in A's.
    expect(assign("recsys-2026-q1", "learner-1", v).key).toBe("B");
    expect(assign("recsys-2026-q1", "learner-2", v).key).toBe("A");
  });

  it("matches the weights over many units (no sample-ratio mismatch on 20,000 ids)", () => {
    const v = [{ key: "A", weight: 0.5 }, { key: "B", weight: 0.3 }, { key: "C", weight: 0.2 }];
    const counts = { A: 0, B: 0, C: 0 } as Record<string, number>;
    for (let i = 0; i < 20_000; i++) counts[assign("exp-x", `learner-${i}`, v).key] = (counts[assign("exp-x", `learner-${i}`, v).key] ?? 0) + 1;
    const observed = ["A", "B", "C"].map((k) => counts[k] ?? 0);
    // Each count within 4 binomial standard deviations of n·w.
    v.forEach((x, i) => expect(Math.abs((observed[i] ?? 0) - 20_000 * x.weight)).toBeLessThan(4 * Math.sqrt(20_000 * x.weight * (1 - x.weight))));
    expect(sampleRatio(observed, [0.5, 0.3, 0.2]).mismatch).toBe(false);
  });

  it("differs between experiments (a unit is not always in the first slice)", () => {
    const points = ["e1", "e2", "e3", "e4", "e5"].map((e) => assignmentPoint(e, "learner-1"));
    expect(new Set(points).size).toBe(5);
  });
});

describe("eligibility", () => {
  const none: EligibilityRules = { classIds: null, topicIds: null, createdAfter: null, excludeLearnerIds: [] };
  const facts = { learnerId: "l1", classIds: ["k2", "k1"], createdAt: 1_000, practisedTopicIds: ["t1"] };
  it("applies each rule, the first failing one named", () => {
    expect(decide(none, "LEARNER", facts)).toEqual({ eligible: true, unitId: "l1" });
    expect(decide({ ...none, excludeLearnerIds: ["l1"] }, "LEARNER", facts)).toEqual({ eligible: false, reason: "EXCLUDED_LEARNER" });
    expect(decide({ ...none, classIds: ["k9"] }, "LEARNER", facts)).toEqual({ eligible: false, reason: "NOT_IN_CLASSES" });
    expect(decide({ ...none, createdAfter: 2_000 }, "LEARNER", facts)).toEqual({ eligible: false, reason: "CREATED_BEFORE" });
    expect(decide({ ...none, createdAfter: 2_000 }, "LEARNER", { ...facts, createdAt: null })).toEqual({ eligible: false, reason: "CREATED_BEFORE" });
    expect(decide({ ...none, topicIds: ["t2"] }, "LEARNER", facts)).toEqual({ eligible: false, reason: "NO_TOPIC_PRACTICE" });
    expect(decide({ ...none, topicIds: ["t1"], createdAfter: 1_000 }, "LEARNER", facts).eligible).toBe(true);
  });
  it("a class unit is the first eligible class by id", () => {
    expect(decide(none, "CLASS", facts)).toEqual({ eligible: true, unitId: "k1" });
    expect(decide({ ...none, classIds: ["k2", "k3"] }, "CLASS", facts)).toEqual({ eligible: true, unitId: "k2" });
    expect(decide(none, "CLASS", { ...facts, classIds: [] })).toEqual({ eligible: false, reason: "NO_CLASS" });
  });
});
