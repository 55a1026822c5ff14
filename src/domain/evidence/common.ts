import { createHash } from "node:crypto";
import type { RawEvent } from "../events/validate-event.js";

/** Why a well-formed statement or Caliper event is stored but not used as evidence. */
export interface NotEvidence {
  code: string;
  reason: string;
}

/** What one statement (or Caliper event) maps to: an event for the ingestion, or a reason it is none. */
export type Mapped = { event: RawEvent } | { notEvidence: NotEvidence };

export const notEvidence = (code: string, reason: string): Mapped => ({ notEvidence: { code, reason } });

export const sha1 = (text: string): string => createHash("sha1").update(text, "utf8").digest("hex");

/** Longest duration kept on an event (the event contract's bound); longer ones are dropped, not refused. */
const MAX_DURATION_MS = 24 * 3600 * 1000;
const DURATION = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * An ISO 8601 duration (`PT1M3.5S`, `P1DT2H`) in ms; null when absent, unparsable, given in years
 * or months (no fixed length), or longer than a day (a session left open, not time on task).
 */
export function durationMs(iso: unknown): number | null {
  if (typeof iso !== "string" || iso === "P" || iso.endsWith("T")) return null;
  const m = DURATION.exec(iso);
  if (!m) return null;
  const [w, d, h, min, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as [number, number, number, number, number];
  const ms = Math.round(((((w * 7 + d) * 24 + h) * 60 + min) * 60 + s) * 1000);
  return ms <= MAX_DURATION_MS ? ms : null;
}

/** The first text of a language map (`{"en-US": "answered"}`), for readable reasons. */
export const display = (map: unknown): string | null =>
  map && typeof map === "object" ? (Object.values(map as Record<string, unknown>).find((v) => typeof v === "string") as string | undefined) ?? null : null;

/** JSON with object keys sorted at every level: two equal statements give the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, sortKeys(obj[k])]));
  }
  return value;
}
