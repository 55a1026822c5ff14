import { describe, expect, it } from "vitest";
import { changeSentence, detailJson, toMasteryChange } from "../../../src/modules/mastery/mastery-change.js";

describe("mastery change detail", () => {
  it("stores the numbers with four significant digits and without nulls", () => {
    const json = detailJson({ score: 1, predicted: 0.14438597115038193, watchFraction: null, ...{ evidenceRatio: 4.5, retention: 0.99987654 } });
    expect(JSON.parse(json)).toEqual({ score: 1, predicted: 0.1444, evidenceRatio: 4.5, retention: 0.9999 });
  });

  it("reads the same sentence from the stored JSON as from the live numbers", () => {
    const live = { score: 0, predicted: 0.6234567, watchFraction: null };
    const base = { seq: 3, learnerId: "l", conceptId: "c", eventId: "e", at: 0, before: 0.5, after: 0.41, reason: "EVIDENCE" };
    const fromLive = toMasteryChange({ ...base, detail: live });
    const fromStored = toMasteryChange({ ...base, detail: detailJson(live) });
    expect(fromStored.explanation).toBe(fromLive.explanation);
    expect(fromStored.detail).toBe(fromLive.detail);
    expect(fromLive.explanation).toBe(changeSentence("EVIDENCE", 0.5, 0.41, live));
    expect(fromLive.explanation).toContain("the model expected 62%");
  });

  it("names the concept whose answer implied a change, and says the concept has no direct evidence", () => {
    const detail = { score: 1, impliedBy: "frac-7", impliedByName: "Fractions", strength: 0.6 };
    expect(changeSentence("IMPLIED", 0.5, 0.7628, detail)).toBe("Implied by a correct answer on Fractions, which requires this concept (strength 0.60; no direct evidence here yet): mastery 0.50 -> 0.76.");
    // Stored before names were recorded: the id stands in.
    expect(changeSentence("IMPLIED", 0.5, 0.7628, { score: 0.9, impliedBy: "frac-7", strength: 0.3 })).toBe("Implied by an answer scored 0.90 on frac-7, which requires this concept (strength 0.30; no direct evidence here yet): mastery 0.50 -> 0.76.");
  });
});
