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
});
