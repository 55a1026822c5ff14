import { readFileSync } from "node:fs";
import type { LearnerAttemptEvent } from "../domain/mastery/model.js";

/** Reads an NDJSON event file (the recordEvents contract), keeping file order and event ids. */
export function readAttempts(file: string): { events: LearnerAttemptEvent[]; eventIds: string[] } {
  const events: LearnerAttemptEvent[] = [];
  const eventIds: string[] = [];
  const text = readFileSync(file, "utf8");
  let line = 0;
  for (const raw of text.split("\n")) {
    line++;
    if (raw.trim() === "") continue;
    const r = JSON.parse(raw) as { eventId?: string; learnerId: string; itemId?: string; conceptIds?: string[]; correct?: boolean; score?: number; occurredAt: string; kind?: string };
    if (r.kind === "CONTENT_VIEW") continue;
    const conceptIds = r.conceptIds ?? (r.itemId ? [r.itemId] : []);
    if (!r.learnerId || conceptIds.length === 0) throw new Error(`${file}:${line}: needs learnerId and conceptIds (or itemId)`);
    events.push({ learnerId: r.learnerId, itemId: r.itemId ?? conceptIds.join(","), conceptIds, score: typeof r.score === "number" ? r.score : r.correct ? 1 : 0, occurredAt: Date.parse(r.occurredAt) });
    eventIds.push(r.eventId ?? `line-${line}`);
  }
  return { events, eventIds };
}

