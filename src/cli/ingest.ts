import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { RawEvent } from "../domain/events/validate-event.js";
import type { Services } from "../services.js";

export interface IngestSummary {
  lines: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  rejectedByCode: Record<string, number>;
  seconds: number;
}

async function countLines(file: string): Promise<number> {
  let n = 0;
  for await (const chunk of createReadStream(file)) for (const b of chunk as Buffer) if (b === 10) n++;
  return n;
}

/**
 * Backfills an NDJSON file of events through the same path as recordEvents, in batches of
 * `batchSize`. Events are split into `writers` lanes by learner, so one learner's events stay in
 * file order while lanes write in parallel. Re-running the same file is harmless (duplicates).
 */
export async function ingestFile(
  services: Services,
  file: string,
  opts: { batchSize: number; writers: number; createConcepts: boolean; onProgress: (done: number, total: number) => void },
): Promise<IngestSummary> {
  const started = Date.now();
  const total = await countLines(file);
  const summary: IngestSummary = { lines: 0, accepted: 0, duplicates: 0, rejected: 0, rejectedByCode: {}, seconds: 0 };
  const lanes: RawEvent[][] = Array.from({ length: opts.writers }, () => []);
  const inFlight: Array<Promise<void>> = Array.from({ length: opts.writers }, () => Promise.resolve());
  const laneOf = (learnerId: string) => {
    let h = 0;
    for (let i = 0; i < learnerId.length; i++) h = (h * 31 + learnerId.charCodeAt(i)) | 0;
    return Math.abs(h) % opts.writers;
  };
  const flush = (lane: number) => {
    const batch = lanes[lane] as RawEvent[];
    lanes[lane] = [];
    if (batch.length === 0) return;
    inFlight[lane] = (inFlight[lane] as Promise<void>).then(async () => {
      const out = await services.events.record(batch, { atomic: false, mayRecordFor: null, createMissingConcepts: opts.createConcepts });
      summary.accepted += out.accepted;
      summary.duplicates += out.duplicates;
      summary.rejected += out.rejected;
      for (const r of out.results) if (r.code && r.status === "REJECTED") summary.rejectedByCode[r.code] = (summary.rejectedByCode[r.code] ?? 0) + 1;
      opts.onProgress(summary.accepted + summary.duplicates + summary.rejected, total);
    });
  };
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    summary.lines++;
    let raw: RawEvent;
    try {
      raw = JSON.parse(line) as RawEvent;
    } catch {
      summary.rejected++;
      summary.rejectedByCode.PARSE_ERROR = (summary.rejectedByCode.PARSE_ERROR ?? 0) + 1;
      continue;
    }
    const lane = laneOf(String(raw.learnerId ?? ""));
    (lanes[lane] as RawEvent[]).push(raw);
    if ((lanes[lane] as RawEvent[]).length >= opts.batchSize) {
      flush(lane);
      // Back-pressure: wait for this lane before reading far ahead.
      await inFlight[lane];
    }
  }
  for (let lane = 0; lane < opts.writers; lane++) flush(lane);
  await Promise.all(inFlight);
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
