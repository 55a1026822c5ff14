import { z } from "zod";
import { ID_PATTERN, ID_RULE } from "../../common/validation.js";

export const EVENT_KINDS = ["ANSWER", "ASSIGNMENT", "CONTENT_VIEW"] as const;
export type EventKindName = (typeof EVENT_KINDS)[number];

/** An event after validation: times in epoch ms, score in [0, 1]. */
export interface NormalizedEvent {
  eventId: string;
  kind: EventKindName;
  learnerId: string;
  itemId: string | null;
  conceptIds: string[] | null;
  /** Score in [0, 1] (correct = 1, incorrect = 0); null for content views. */
  score: number | null;
  /** Epoch ms. */
  occurredAt: number;
  durationMs: number | null;
  hintsUsed: number | null;
  attemptNumber: number | null;
  source: string | null;
  /** Fraction of content watched or read, in [0, 1]; content views only. */
  watchFraction: number | null;
}

export interface RawEvent {
  eventId?: string | null;
  kind?: string | null;
  learnerId?: string | null;
  itemId?: string | null;
  conceptIds?: string[] | null;
  correct?: boolean | null;
  score?: number | null;
  /** ISO-8601 text (NDJSON files) or a Date (the GraphQL DateTimeISO scalar has parsed it). */
  occurredAt?: string | Date | null;
  durationMs?: number | null;
  hintsUsed?: number | null;
  attemptNumber?: number | null;
  source?: string | null;
  watchFraction?: number | null;
}

export type Rejection = { code: string; reason: string };

/** Events more than this far in the future (clock skew allowance) are rejected. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
const EARLIEST = Date.UTC(1990, 0, 1);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

const id = z.string().regex(ID_PATTERN, `must be an id (${ID_RULE})`);
const optInt = (max: number) => z.number().int().min(0).max(max).nullish();

const schema = z
  .object({
    eventId: id,
    kind: z.enum(EVENT_KINDS).default("ANSWER"),
    learnerId: id,
    itemId: id.nullish(),
    conceptIds: z.array(id).min(1).max(20).nullish(),
    correct: z.boolean().nullish(),
    score: z.number().min(0).max(1).nullish(),
    occurredAt: z.string().regex(ISO, "must be an ISO-8601 date-time with a time zone, e.g. 2026-11-22T10:15:00Z"),
    durationMs: optInt(24 * 3600 * 1000),
    hintsUsed: optInt(1000),
    attemptNumber: z.number().int().min(1).max(10000).nullish(),
    source: z.string().max(200).nullish(),
    watchFraction: z.number().min(0).max(1).nullish(),
  })
  .superRefine((e, ctx) => {
    if (!e.itemId && !e.conceptIds) ctx.addIssue({ code: "custom", path: ["itemId"], message: "itemId or conceptIds is required" });
    const scored = (e.correct !== null && e.correct !== undefined) || (e.score !== null && e.score !== undefined);
    if (e.kind === "CONTENT_VIEW") {
      if (scored) ctx.addIssue({ code: "custom", path: ["score"], message: "a content view has no correct/score" });
      if (e.watchFraction === null || e.watchFraction === undefined) ctx.addIssue({ code: "custom", path: ["watchFraction"], message: "a content view needs watchFraction in [0, 1]" });
    } else {
      if (!scored) ctx.addIssue({ code: "custom", path: ["correct"], message: `${e.kind} needs correct or score` });
      if (e.correct !== null && e.correct !== undefined && e.score !== null && e.score !== undefined) {
        ctx.addIssue({ code: "custom", path: ["score"], message: "give correct or score, not both" });
      }
      if (e.watchFraction !== null && e.watchFraction !== undefined) ctx.addIssue({ code: "custom", path: ["watchFraction"], message: "watchFraction is for content views" });
    }
  });

/**
 * Checks one event on its own (shape, ranges, time). References to items and concepts are
 * checked later against the graph. Never throws: a bad event is a rejection with a reason.
 */
export function validateEvent(raw: RawEvent, now: number): { event: NormalizedEvent } | { rejection: Rejection } {
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  if (raw.occurredAt instanceof Date) present.occurredAt = Number.isNaN(raw.occurredAt.getTime()) ? "invalid" : raw.occurredAt.toISOString();
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const field = first?.path.join(".") || "event";
    const missing = first?.code === "invalid_type" && (first as { input?: unknown }).input === undefined;
    return { rejection: { code: missing ? "MISSING_FIELD" : "INVALID_VALUE", reason: parsed.error.issues.map((i) => `${i.path.join(".") || field}: ${i.message}`).join("; ") } };
  }
  const e = parsed.data;
  const occurredAt = Date.parse(e.occurredAt);
  if (!Number.isFinite(occurredAt) || occurredAt < EARLIEST) {
    return { rejection: { code: "INVALID_VALUE", reason: `occurredAt: '${e.occurredAt}' is not a plausible date-time` } };
  }
  if (occurredAt > now + MAX_CLOCK_SKEW_MS) {
    return { rejection: { code: "FUTURE_EVENT", reason: `occurredAt ${e.occurredAt} is in the future` } };
  }
  const score = e.score ?? (e.correct === null || e.correct === undefined ? null : e.correct ? 1 : 0);
  return {
    event: {
      eventId: e.eventId,
      kind: e.kind,
      learnerId: e.learnerId,
      itemId: e.itemId ?? null,
      conceptIds: e.conceptIds ? [...new Set(e.conceptIds)].sort() : null,
      score: e.kind === "CONTENT_VIEW" ? null : score,
      occurredAt,
      durationMs: e.durationMs ?? null,
      hintsUsed: e.hintsUsed ?? null,
      attemptNumber: e.attemptNumber ?? null,
      source: e.source ?? null,
      watchFraction: e.watchFraction ?? null,
    },
  };
}

/** Time order for replay: occurredAt, then eventId to break ties deterministically. */
export const byTime = (a: { occurredAt: number; eventId: string }, b: { occurredAt: number; eventId: string }): number =>
  a.occurredAt - b.occurredAt || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);
