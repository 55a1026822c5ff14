import { MasteryChangeReason, type MasteryChange } from "./mastery.type.js";

/** The numbers stored with every change (see learner-replay.ts), all optional when read back. */
interface Detail {
  score?: number | null;
  predicted?: number | null;
  watchFraction?: number | null;
  /** Corrections: who, as which role, why, the day. */
  by?: string;
  byRole?: string;
  note?: string;
  on?: string;
  /** Implied evidence: the concept whose answer implied the change, and the rule's strength. */
  impliedBy?: string;
  impliedByName?: string;
  strength?: number;
}

/** "teacher ada" / "admin root": who corrected, as the explanation names them. */
const who = (detail: Detail) => `${(detail.byRole ?? "teacher").toLowerCase()} ${detail.by ?? "?"}`;

const pct = (p: number) => `${Math.round(p * 100)}%`;
const two = (p: number) => p.toFixed(2);

/** One plain sentence for a mastery change, from its reason and stored numbers. */
export function changeSentence(reason: string, before: number, after: number, detail: Detail): string {
  const move = `mastery ${two(before)} -> ${two(after)}`;
  const expected = detail.predicted !== null && detail.predicted !== undefined ? ` (the model expected ${pct(detail.predicted)})` : "";
  const answer = detail.score === null || detail.score === undefined ? "Answer" : detail.score >= 1 ? "Correct answer" : detail.score <= 0 ? "Incorrect answer" : `Answer scored ${two(detail.score)}`;
  switch (reason) {
    case "EVIDENCE":
      return `${answer}${expected}: ${move}.`;
    case "LATE_EVIDENCE":
      return `${answer} that arrived late, applied in time order${expected}: ${move}.`;
    case "CONTENT_VIEW":
      return `Viewed content (${pct(detail.watchFraction ?? 0)} watched), a learning opportunity, not evidence: ${move}.`;
    case "CORRECTION":
      return `Set to ${String(Number(after.toFixed(2)))} by ${who(detail)} on ${detail.on ?? "?"}: '${detail.note ?? ""}' (mastery ${two(before)} -> ${two(after)}).`;
    case "CORRECTION_REVERTED":
      return `A correction by ${who(detail)} was reverted on ${detail.on ?? "?"}${detail.note ? `: '${detail.note}'` : ""}; the evidence was replayed without it: ${move}.`;
    case "IMPLIED":
      return `Implied by ${detail.score !== null && detail.score !== undefined && detail.score < 1 ? `an answer scored ${two(detail.score)}` : "a correct answer"} on ${detail.impliedByName ?? detail.impliedBy ?? "?"}, which requires this concept (strength ${two(detail.strength ?? 0)}; no direct evidence here yet): ${move}.`;
    case "REPLAY":
      return `Recomputed after a late event replayed the learner's history in time order: ${move}.`;
    default:
      return `${move}.`;
  }
}

/**
 * The numbers behind a change, as stored with it (MasteryChange.explanation): nulls left out,
 * texts (a correction's who and why) kept, and
 * four significant digits, which is what an explanation shows; the change's before and after keep
 * full precision.
 */
export function detailJson(detail: Detail): string {
  const out: Record<string, number | string> = {};
  for (const [k, v] of Object.entries(detail) as Array<[string, number | string | null | undefined]>) {
    if (typeof v === "number") out[k] = Number(v.toPrecision(4));
    else if (typeof v === "string") out[k] = v;
  }
  return JSON.stringify(out);
}

/** A stored or live change in its GraphQL shape. `detail` is the stored JSON or the live object. */
export function toMasteryChange(c: {
  seq: number;
  learnerId: string;
  conceptId: string;
  eventId: string;
  at: number | Date;
  before: number;
  after: number;
  attempts?: number | null;
  reason: string;
  detail: string | Detail;
  recordedAt?: number | Date | null;
}): MasteryChange {
  const detail = typeof c.detail === "string" ? (JSON.parse(c.detail) as Detail) : c.detail;
  return {
    id: `${c.learnerId}/${c.seq}`,
    seq: c.seq,
    learnerId: c.learnerId,
    conceptId: c.conceptId,
    eventId: c.eventId,
    at: new Date(c.at),
    before: c.before,
    after: c.after,
    attempts: c.attempts ?? null,
    reason: asReason(c.reason),
    explanation: changeSentence(c.reason, c.before, c.after, detail),
    detail: typeof c.detail === "string" ? c.detail : detailJson(c.detail),
    recordedAt: c.recordedAt === null || c.recordedAt === undefined ? null : new Date(c.recordedAt),
  };
}

const REASONS = new Set<string>(Object.values(MasteryChangeReason));

/** Stored reasons are written by this code only; anything else is a bug worth failing on. */
function asReason(reason: string): MasteryChangeReason {
  if (!REASONS.has(reason)) throw new Error(`unknown mastery change reason '${reason}'`);
  return reason as MasteryChangeReason;
}
