import { describe, expect, it } from "vitest";
import { validateEvent } from "../../../src/domain/events/validate-event.js";

const now = Date.parse("2026-11-22T12:00:00Z");
const base = { eventId: "e1", learnerId: "l1", itemId: "i1", occurredAt: "2026-11-22T11:00:00Z" };

describe("validateEvent", () => {
  it("normalises an answer: score from correct, time in ms, sorted unique concepts", () => {
    const v = validateEvent({ ...base, correct: true, conceptIds: ["b", "a", "b"] }, now);
    expect(v).toEqual({ event: expect.objectContaining({ kind: "ANSWER", score: 1, occurredAt: Date.parse(base.occurredAt), conceptIds: ["a", "b"] }) });
  });

  it("keeps partial credit", () => {
    expect(validateEvent({ ...base, score: 0.25 }, now)).toEqual({ event: expect.objectContaining({ score: 0.25 }) });
  });

  it.each([
    [{ ...base }, "INVALID_VALUE", /correct or score/],
    [{ ...base, correct: true, score: 1 }, "INVALID_VALUE", /not both/],
    [{ ...base, score: -0.1 }, "INVALID_VALUE", /score/],
    [{ ...base, correct: true, occurredAt: "2026-11-22 11:00" }, "INVALID_VALUE", /ISO-8601/],
    [{ ...base, correct: true, occurredAt: "2026-11-22T13:00:00Z" }, "FUTURE_EVENT", /future/],
    [{ ...base, correct: true, itemId: null }, "INVALID_VALUE", /itemId or conceptIds/],
    [{ ...base, correct: true, learnerId: "" }, "INVALID_VALUE", /learnerId/],
    [{ ...base, correct: true, eventId: undefined }, "MISSING_FIELD", /eventId/],
    [{ ...base, kind: "CONTENT_VIEW" }, "INVALID_VALUE", /watchFraction/],
    [{ ...base, kind: "CONTENT_VIEW", watchFraction: 0.5, correct: true }, "INVALID_VALUE", /no correct\/score/],
    [{ ...base, kind: "QUIZ", correct: true }, "INVALID_VALUE", /kind/],
  ])("rejects %o with %s", (raw, code, reason) => {
    const v = validateEvent(raw, now);
    expect(v).toEqual({ rejection: { code, reason: expect.stringMatching(reason) } });
  });
});
