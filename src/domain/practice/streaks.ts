/**
 * Daily practice streaks and weekly targets in the learner's own time zone, recomputed from the
 * events every time (a late event counts on its own local day). Calendar dates are "YYYY-MM-DD"
 * in the learner's IANA zone (Intl, so daylight-saving changes are the zone database's business):
 * a day is a local calendar date however many hours it has.
 */
export type TargetKind = "MINUTES" | "ANSWERS";

export interface DailyTarget {
  kind: TargetKind;
  /** Minutes of practice, or answers, per day (> 0). */
  value: number;
}

export const DEFAULT_TARGET: DailyTarget = { kind: "ANSWERS", value: 1 };

export interface PracticeEvent {
  /** Epoch ms. */
  at: number;
  kind: string;
  durationMs: number | null;
}

export interface DayTotal {
  date: string;
  minutes: number;
  answers: number;
  met: boolean;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws RangeError for a zone Intl does not know. */
export function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local calendar date of an instant, "YYYY-MM-DD". */
export function localDate(at: number, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(new Date(at));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Calendar arithmetic on dates (no time zone involved: a date is a date). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Monday of the ISO week holding the date. */
export function weekStart(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const dow = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0 ... Sunday 6
  return addDays(date, -dow);
}

const meets = (t: DailyTarget, minutes: number, answers: number) => (t.kind === "MINUTES" ? minutes >= t.value : answers >= t.value);

/** Totals per local day with any event, oldest first. */
export function dailyTotals(events: readonly PracticeEvent[], timeZone: string, target: DailyTarget): DayTotal[] {
  const days = new Map<string, { minutes: number; answers: number }>();
  for (const e of events) {
    const date = localDate(e.at, timeZone);
    const d = days.get(date) ?? { minutes: 0, answers: 0 };
    d.minutes += (e.durationMs ?? 0) / 60_000;
    if (e.kind === "ANSWER") d.answers += 1;
    days.set(date, d);
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, d]) => ({ date, ...d, met: meets(target, d.minutes, d.answers) }));
}

export interface WeekTotal {
  weekStart: string;
  /** In the daily target's unit (minutes or answers). */
  total: number;
}

export interface PracticeSummary {
  timeZone: string;
  today: string;
  target: DailyTarget;
  /** Met days in a row ending today, or ending yesterday while today is not met yet (the streak is alive until today ends). */
  currentStreak: number;
  /** The first day of the current streak (null when it is 0). */
  currentStreakStart: string | null;
  longestStreak: number;
  /** Days in the 28 ending today (today included) that met the target. */
  daysPractisedLast28: number;
  /** This week so far (Monday start), in the target's unit. */
  thisWeek: WeekTotal;
  /** Complete weeks before this one, the latest first, at most 8 (weeks from the learner's first event on). */
  recentWeeks: WeekTotal[];
  /** ceil(1.1 × median of up to the last 4 complete weeks), minutes rounded up to a multiple of 5; null without a complete week. */
  suggestedWeeklyTarget: number | null;
  days: DayTotal[];
}

/** The median (mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function suggestWeeklyTarget(completeWeeks: readonly WeekTotal[], kind: TargetKind): number | null {
  const last = completeWeeks.slice(0, 4).map((w) => w.total);
  if (last.length === 0) return null;
  const raised = 1.1 * median(last);
  // A tolerance so 1.1 × 50 = 55.00000000000001 stays 55.
  const up = (x: number, step: number) => Math.max(step, Math.ceil(x / step - 1e-9) * step);
  return kind === "MINUTES" ? up(raised, 5) : up(raised, 1);
}

export function summarise(events: readonly PracticeEvent[], timeZone: string, target: DailyTarget, now: number): PracticeSummary {
  const days = dailyTotals(events, timeZone, target);
  const today = localDate(now, timeZone);
  const met = new Set(days.filter((d) => d.met).map((d) => d.date));
  // Longest: runs of consecutive met dates.
  let longest = 0;
  let run = 0;
  let prev: string | null = null;
  for (const d of days) {
    if (!d.met) {
      run = 0;
      prev = d.date;
      continue;
    }
    run = prev !== null && addDays(prev, 1) === d.date && run > 0 ? run + 1 : 1;
    prev = d.date;
    longest = Math.max(longest, run);
  }
  let end = met.has(today) ? today : addDays(today, -1);
  let current = 0;
  while (met.has(end)) {
    current += 1;
    end = addDays(end, -1);
  }
  const last28 = addDays(today, -27);
  const unit = (d: DayTotal) => (target.kind === "MINUTES" ? d.minutes : d.answers);
  const thisWeekStart = weekStart(today);
  const byWeek = new Map<string, number>();
  for (const d of days) byWeek.set(weekStart(d.date), (byWeek.get(weekStart(d.date)) ?? 0) + unit(d));
  const firstWeek = days[0] ? weekStart(days[0].date) : thisWeekStart;
  const recentWeeks: WeekTotal[] = [];
  for (let w = addDays(thisWeekStart, -7); w >= firstWeek && recentWeeks.length < 8; w = addDays(w, -7)) recentWeeks.push({ weekStart: w, total: byWeek.get(w) ?? 0 });
  return {
    timeZone,
    today,
    target,
    currentStreak: current,
    currentStreakStart: current > 0 ? addDays(end, 1) : null,
    longestStreak: longest,
    daysPractisedLast28: days.filter((d) => d.met && d.date >= last28 && d.date <= today).length,
    thisWeek: { weekStart: thisWeekStart, total: byWeek.get(thisWeekStart) ?? 0 },
    recentWeeks,
    suggestedWeeklyTarget: suggestWeeklyTarget(recentWeeks, target.kind),
    days,
  };
}

export type MilestoneKind = "STREAK_7" | "STREAK_30" | "DAILY_GOAL" | "WEEKLY_GOAL" | "FIRST_MASTERED_IN_TOPIC";

export interface MilestoneReached {
  kind: MilestoneKind;
  /** What it is about: the streak's first day, the day, the week's Monday, or the topic id. */
  subject: string;
  /** Local date on which it was reached (null for topic milestones: the mastery history has it). */
  date: string | null;
}

export const milestoneKey = (m: MilestoneReached) => `${m.kind}:${m.subject}`;

/**
 * The milestones that hold now: the current streak's 7 and 30 (on its 7th and 30th day), today's
 * daily target, this week's weekly target, and each topic with a mastered concept. A watcher
 * pushes the ones that were not there before the newest evidence.
 */
export function currentMilestones(s: PracticeSummary, weeklyTarget: number | null, masteredTopicIds: readonly string[]): MilestoneReached[] {
  const out: MilestoneReached[] = [];
  const start = s.currentStreakStart;
  if (start !== null) {
    if (s.currentStreak >= 7) out.push({ kind: "STREAK_7", subject: start, date: addDays(start, 6) });
    if (s.currentStreak >= 30) out.push({ kind: "STREAK_30", subject: start, date: addDays(start, 29) });
  }
  if (s.days.some((d) => d.date === s.today && d.met)) out.push({ kind: "DAILY_GOAL", subject: s.today, date: s.today });
  if (weeklyTarget !== null && s.thisWeek.total >= weeklyTarget) out.push({ kind: "WEEKLY_GOAL", subject: s.thisWeek.weekStart, date: s.today });
  for (const t of [...masteredTopicIds].sort()) out.push({ kind: "FIRST_MASTERED_IN_TOPIC", subject: t, date: null });
  return out;
}
