import { THRESHOLDS } from "../../domain/mastery/thresholds.js";
import { addDays, currentMilestones, DEFAULT_TARGET, isTimeZone, summarise, type MilestoneReached } from "../../domain/practice/streaks.js";
import { BadUserInputError, NotFoundError } from "../../errors/errors.js";
import type { PracticeRead, PracticeRepository } from "./practice.repository.js";
import { type MilestoneKind, PracticeTargetKind, type Milestone, type PracticeSettingsInput, type PracticeSummary } from "./practice.type.js";

const TEXT: Record<MilestoneKind, (m: MilestoneReached) => string> = {
  STREAK_7: (m) => `7 days in a row (since ${m.subject}).`,
  STREAK_30: (m) => `30 days in a row (since ${m.subject}).`,
  DAILY_GOAL: (m) => `Today's practice target reached (${m.subject}).`,
  WEEKLY_GOAL: (m) => `This week's practice target reached (week of ${m.subject}).`,
  FIRST_MASTERED_IN_TOPIC: (m) => `First concept mastered in topic ${m.subject}.`,
};

/** Streaks, targets and milestones (docs/practice.md), recomputed from events on every read. */
export class PracticeService {
  constructor(private readonly repo: PracticeRepository) {}

  /** In the order of `ids`; null for unknown learners. */
  async summaries(ids: readonly string[], now = Date.now()): Promise<Array<PracticeSummary | null>> {
    return (await this.repo.read(ids, THRESHOLDS.mastered)).map((r) => (r ? toSummary(r, now) : null));
  }

  async summary(learnerId: string, now = Date.now()): Promise<PracticeSummary> {
    const [s] = await this.summaries([learnerId], now);
    if (!s) throw new NotFoundError("Learner", learnerId);
    return s;
  }

  /** The milestones that hold now (the live watcher pushes the new ones). */
  async milestones(learnerId: string, now = Date.now()): Promise<Milestone[]> {
    const [s] = await this.summaries([learnerId], now);
    return s?.milestones ?? [];
  }

  async setSettings(learnerId: string, input: PracticeSettingsInput, now = Date.now()): Promise<PracticeSummary> {
    if (input.timeZone && !isTimeZone(input.timeZone)) throw new BadUserInputError(`'${input.timeZone}' is not an IANA time zone.`, [{ path: "settings.timeZone", message: "unknown time zone" }]);
    const t = input.dailyTarget;
    if (t && t.kind === PracticeTargetKind.MINUTES && t.value > 600) throw new BadUserInputError("A daily target in minutes is at most 600.", [{ path: "settings.dailyTarget.value", message: "out of range" }]);
    const ok = await this.repo.set(learnerId, {
      timeZone: input.timeZone ?? null,
      dailyTargetKind: t?.kind ?? null,
      dailyTargetValue: t?.value ?? null,
      weeklyTarget: input.weeklyTarget ?? null,
      clearWeekly: input.clearWeeklyTarget,
    });
    if (!ok) throw new NotFoundError("Learner", learnerId);
    return this.summary(learnerId, now);
  }
}

function toSummary(r: PracticeRead, now: number): PracticeSummary {
  const timeZone = r.timeZone && isTimeZone(r.timeZone) ? r.timeZone : "UTC";
  const target = r.dailyTarget ?? DEFAULT_TARGET;
  const s = summarise(r.events, timeZone, target, now);
  const weekly = r.weeklyTarget ?? s.suggestedWeeklyTarget;
  const last28 = s.days.filter((d) => d.date > addDays(s.today, -28) && d.date <= s.today);
  return {
    learnerId: r.learnerId,
    timeZone,
    today: s.today,
    dailyTarget: { kind: target.kind as PracticeTargetKind, value: target.value },
    currentStreak: s.currentStreak,
    longestStreak: s.longestStreak,
    daysPractisedLast28: s.daysPractisedLast28,
    thisWeek: s.thisWeek,
    recentWeeks: s.recentWeeks,
    weeklyTarget: r.weeklyTarget,
    suggestedWeeklyTarget: s.suggestedWeeklyTarget,
    weeklyTargetMet: weekly !== null && s.thisWeek.total >= weekly,
    days: last28,
    milestones: currentMilestones(s, weekly, r.masteredTopicIds).map((m) => ({ learnerId: r.learnerId, kind: m.kind as MilestoneKind, subject: m.subject, date: m.date, text: TEXT[m.kind](m) })),
  };
}
