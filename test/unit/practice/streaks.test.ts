import { describe, expect, it } from "vitest";
import { addDays, currentMilestones, localDate, summarise, suggestWeeklyTarget, weekStart, type PracticeEvent } from "../../../src/domain/practice/streaks.js";

const at = (iso: string, kind = "ANSWER", durationMs: number | null = 60_000): PracticeEvent => ({ at: Date.parse(iso), kind, durationMs });

describe("local dates", () => {
  it("follow the zone's offset, daylight saving included (hand-computed)", () => {
    // New York: EST (−5) until 2026-03-08 02:00, then EDT (−4); back to EST on 2026-11-01 02:00.
    expect(localDate(Date.parse("2026-03-08T04:30:00Z"), "America/New_York")).toBe("2026-03-07"); // 23:30 EST
    expect(localDate(Date.parse("2026-03-09T03:30:00Z"), "America/New_York")).toBe("2026-03-08"); // 23:30 EDT
    expect(localDate(Date.parse("2026-03-09T04:30:00Z"), "America/New_York")).toBe("2026-03-09"); // 00:30 EDT
    expect(localDate(Date.parse("2026-11-02T04:30:00Z"), "America/New_York")).toBe("2026-11-01"); // 23:30 EST
    expect(localDate(Date.parse("2026-11-01T15:00:00Z"), "Asia/Tokyo")).toBe("2026-11-02"); // 00:00 JST
    expect(localDate(Date.parse("2026-11-01T23:59:59Z"), "UTC")).toBe("2026-11-01");
  });
  it("calendar arithmetic ignores clocks", () => {
    expect(addDays("2026-03-07", 1)).toBe("2026-03-08");
    expect(addDays("2026-03-08", 1)).toBe("2026-03-09"); // the 23-hour day is one day
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(weekStart("2026-11-01")).toBe("2026-10-26"); // a Sunday: its Monday
    expect(weekStart("2026-11-02")).toBe("2026-11-02");
  });
});

describe("streaks", () => {
  const tz = "America/New_York";
  // One answer at 23:30 local on 2026-03-05 .. 2026-03-10, across the spring-forward night.
  const nightly = ["2026-03-06T04:30:00Z", "2026-03-07T04:30:00Z", "2026-03-08T04:30:00Z", "2026-03-09T03:30:00Z", "2026-03-10T03:30:00Z", "2026-03-11T03:30:00Z"].map((x) => at(x));

  it("counts local days across a DST change: six days in a row", () => {
    const s = summarise(nightly, tz, { kind: "ANSWERS", value: 1 }, Date.parse("2026-03-11T12:00:00Z"));
    expect(s.days.map((d) => d.date)).toEqual(["2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"]);
    expect(s.today).toBe("2026-03-11");
    // Today (the 11th) not practised yet: the streak through yesterday is alive.
    expect(s.currentStreak).toBe(6);
    expect(s.currentStreakStart).toBe("2026-03-05");
    expect(s.longestStreak).toBe(6);
    // In UTC the same instants fall on the 6th..11th, also six days, but "today" is the 11th and met.
    const utc = summarise(nightly, "UTC", { kind: "ANSWERS", value: 1 }, Date.parse("2026-03-11T12:00:00Z"));
    expect(utc.days.map((d) => d.date)).toEqual(["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10", "2026-03-11"]);
    expect(utc.currentStreak).toBe(6);
  });

  it("breaks after a missed day, and a late event for that day mends it (recomputed, not incremented)", () => {
    const gap = nightly.filter((_, i) => i !== 2); // no answer on 2026-03-07
    const now = Date.parse("2026-03-11T12:00:00Z");
    const broken = summarise(gap, tz, { kind: "ANSWERS", value: 1 }, now);
    expect(broken.currentStreak).toBe(3); // 8, 9, 10
    expect(broken.longestStreak).toBe(3);
    expect(broken.currentStreakStart).toBe("2026-03-08");
    // The answer for the 7th arrives late (after midnight, on the 8th's clock): it counts on the 7th.
    const mended = summarise([...gap, at("2026-03-08T04:59:00Z")], tz, { kind: "ANSWERS", value: 1 }, now);
    expect(mended.currentStreak).toBe(6);
  });

  it("a day counts only when it meets the target (minutes)", () => {
    const ev = [at("2026-03-05T15:00:00Z", "ANSWER", 4 * 60_000), at("2026-03-06T15:00:00Z", "ANSWER", 10 * 60_000), at("2026-03-06T16:00:00Z", "CONTENT_VIEW", 6 * 60_000), at("2026-03-07T15:00:00Z", "ANSWER", 15 * 60_000)];
    const s = summarise(ev, "UTC", { kind: "MINUTES", value: 15 }, Date.parse("2026-03-08T09:00:00Z"));
    expect(s.days.map((d) => [d.date, d.minutes, d.met])).toEqual([["2026-03-05", 4, false], ["2026-03-06", 16, true], ["2026-03-07", 15, true]]);
    expect(s.currentStreak).toBe(2);
    expect(s.daysPractisedLast28).toBe(2);
    // Three answers needed a day: none qualifies.
    expect(summarise(ev, "UTC", { kind: "ANSWERS", value: 3 }, Date.parse("2026-03-08T09:00:00Z")).longestStreak).toBe(0);
  });

  it("days in the last 28 include today and stop 27 days back", () => {
    const ev = [at("2026-02-08T12:00:00Z"), at("2026-02-09T12:00:00Z"), at("2026-03-08T12:00:00Z")];
    expect(summarise(ev, "UTC", { kind: "ANSWERS", value: 1 }, Date.parse("2026-03-08T20:00:00Z")).daysPractisedLast28).toBe(2); // 9 Feb and 8 Mar
  });
});

describe("weekly target", () => {
  const w = (totals: number[]) => totals.map((total, i) => ({ weekStart: `w${i}`, total }));
  it("is ceil(1.1 × median of the last 4 complete weeks), minutes to a multiple of 5", () => {
    // median(40, 60, 50, 100) = 55 (the fifth week is older than 4); 1.1 × 55 = 60.5 -> 65.
    expect(suggestWeeklyTarget(w([40, 60, 50, 100, 1000]), "MINUTES")).toBe(65);
    expect(suggestWeeklyTarget(w([50]), "MINUTES")).toBe(55); // 55.000000000000007 stays 55
    expect(suggestWeeklyTarget(w([3, 5, 4]), "ANSWERS")).toBe(5); // 4.4 -> 5
    expect(suggestWeeklyTarget(w([10]), "ANSWERS")).toBe(11);
    expect(suggestWeeklyTarget(w([0, 0]), "ANSWERS")).toBe(1);
    expect(suggestWeeklyTarget([], "ANSWERS")).toBeNull();
  });

  it("from the learner's weeks (Monday starts, in the zone), and the milestones that hold", () => {
    // Week of Mon 2 Nov 2026: 3 answers; week of 9 Nov: 5; this week (16 Nov): 2 so far (Mon, Tue).
    const ev = [
      ...["2026-11-02", "2026-11-03", "2026-11-08"].map((d) => at(`${d}T10:00:00Z`)),
      ...["2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-15"].map((d) => at(`${d}T10:00:00Z`)),
      ...["2026-11-16", "2026-11-17"].map((d) => at(`${d}T10:00:00Z`)),
    ];
    const s = summarise(ev, "Europe/Paris", { kind: "ANSWERS", value: 1 }, Date.parse("2026-11-17T20:00:00Z"));
    expect(s.thisWeek).toEqual({ weekStart: "2026-11-16", total: 2 });
    expect(s.recentWeeks).toEqual([{ weekStart: "2026-11-09", total: 5 }, { weekStart: "2026-11-02", total: 3 }]);
    expect(s.suggestedWeeklyTarget).toBe(5); // median 4, 4.4 -> 5
    expect(s.currentStreak).toBe(3); // 15, 16, 17
    expect(currentMilestones(s, 2, ["topic-b", "topic-a"])).toEqual([
      { kind: "DAILY_GOAL", subject: "2026-11-17", date: "2026-11-17" },
      { kind: "WEEKLY_GOAL", subject: "2026-11-16", date: "2026-11-17" },
      { kind: "FIRST_MASTERED_IN_TOPIC", subject: "topic-a", date: null },
      { kind: "FIRST_MASTERED_IN_TOPIC", subject: "topic-b", date: null },
    ]);
  });

  it("a 7-day streak is a milestone on its 7th day", () => {
    const ev = Array.from({ length: 7 }, (_, i) => at(`2026-11-${String(10 + i).padStart(2, "0")}T10:00:00Z`));
    const s = summarise(ev, "UTC", { kind: "ANSWERS", value: 1 }, Date.parse("2026-11-16T23:00:00Z"));
    expect(s.currentStreak).toBe(7);
    expect(currentMilestones(s, null, []).map((m) => [m.kind, m.subject, m.date])).toEqual([["STREAK_7", "2026-11-10", "2026-11-16"], ["DAILY_GOAL", "2026-11-16", "2026-11-16"]]);
  });
});
