/**
 * A seeded stream of answers, the clients that send it (at-least-once: the same batch again until
 * an answer comes back), and the check in the database: every event stored once, and each
 * learner's mastery and history equal to a reference learner that got the same stream without
 * faults.
 */
import { loadConfig } from "../../../src/config.js";
import { createLogger } from "../../../src/logger.js";
import { createDriver } from "../../../src/neo4j/driver.js";
import { offlineCypher } from "../../../src/neo4j/cypher.js";
import { Database } from "../../../src/neo4j/run.js";
import { rng } from "../fuzz.js";
import { sleep } from "./procs.js";

export interface StreamEvent {
  eventId: string;
  learnerId: string;
  itemId: string;
  correct: boolean;
  occurredAt: string;
}

/** 6 concepts in a chain and 12 items (the second six assess two concepts each), as an import. */
export function curriculum(prefix: string): string {
  const c = (i: number) => `${prefix}c${i}`;
  return JSON.stringify({
    concepts: Array.from({ length: 6 }, (_, i) => ({ id: c(i), name: `Fault concept ${i}` })),
    prerequisites: Array.from({ length: 5 }, (_, i) => ({ conceptId: c(i + 1), prerequisiteId: c(i), weight: 1 })),
    items: Array.from({ length: 12 }, (_, k) => ({
      id: `${prefix}q${k}`,
      kind: "QUESTION",
      title: `Fault item ${k}`,
      difficulty: (k % 5) - 2,
      assesses: k < 6 ? [{ conceptId: c(k), weight: 1 }] : [{ conceptId: c(k % 6), weight: 1 }, { conceptId: c((k + 1) % 6), weight: 0.5 }],
    })),
  });
}

/**
 * `n` answers of `learners` learners named `${prefix}${tag}-l${i}`, one second apart (so each
 * learner's events arrive in time order). The same seed gives the same stream for any tag.
 */
export function stream(prefix: string, tag: string, learners: number, n: number, seed: number): StreamEvent[] {
  const r = rng(seed);
  const base = Date.parse("2026-01-05T08:00:00Z");
  return Array.from({ length: n }, (_, k) => {
    const learnerId = `${prefix}${tag}-l${r.int(learners)}`;
    return { eventId: `${learnerId}-e${k}`, learnerId, itemId: `${prefix}q${r.int(12)}`, correct: r.next() < 0.62, occurredAt: new Date(base + k * 1000).toISOString() };
  });
}

/** Indices of `events` per producer: learner number modulo `producers`, so each learner's events stay in one lane, in order. */
export function lanes(events: StreamEvent[], producers: number): number[][] {
  const out: number[][] = Array.from({ length: producers }, () => []);
  events.forEach((e, k) => (out[Number(e.learnerId.slice(e.learnerId.lastIndexOf("-l") + 2)) % producers] as number[]).push(k));
  return out;
}

const RECORD = "mutation($e: [EventInput!]!) { recordEvents(events: $e) { accepted duplicates rejected } }";

export interface Attempt {
  /** performance.now() when sent and when answered (or failed), and the batch's number in its lane. */
  sentAt: number;
  doneAt: number;
  batch: number;
  /** "ok", an extensions.code, or the transport failure ("ECONNREFUSED", "UND_ERR_SOCKET", "timeout"). */
  outcome: string;
}

export interface SendLog {
  attempts: Attempt[];
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Per batch: what the answer that ended it said. */
  answers: Array<{ accepted: number; duplicates: number }>;
  /** Indices (into the stream) of the events whose batch was answered. */
  sent: number[];
}

export interface ProduceOptions {
  batchSize: number;
  /** Pause after each answered batch, ms (0: as fast as answers come). */
  pauseMs?: number;
  /** Pause before sending a failed batch again, ms. */
  retryMs?: number;
  /** Checked before each new batch: stop there (the batch in flight is always finished). */
  stop?: () => boolean;
  /** Called right after a batch's request is started. */
  onSent?: (batch: number) => void;
  /** Called with every attempt once it is answered or failed. */
  onAttempt?: (a: Attempt) => void;
}

/**
 * A producer that does not know whether a failed batch was stored, so it sends the same batch
 * again until the server answers it (at-least-once): on a transport failure or an error answer,
 * again after `retryMs` (100 ms by default; Retry-After is not waited for, so recovery is seen
 * at that resolution). `url()` is asked each time (the API may have been replaced).
 */
export async function produce(url: () => string, token: string, events: StreamEvent[], lane: number[], opts: ProduceOptions): Promise<SendLog> {
  const log: SendLog = { attempts: [], accepted: 0, duplicates: 0, rejected: 0, answers: [], sent: [] };
  for (let i = 0; i * opts.batchSize < lane.length; i++) {
    if (opts.stop?.()) break;
    const indices = lane.slice(i * opts.batchSize, (i + 1) * opts.batchSize);
    const batch = indices.map((k) => events[k] as StreamEvent);
    for (;;) {
      const sentAt = performance.now();
      let outcome: string;
      try {
        const pending = fetch(`${url()}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: RECORD, variables: { e: batch } }),
          signal: AbortSignal.timeout(60_000),
        });
        opts.onSent?.(i);
        const res = await pending;
        const body = (await res.json()) as { data?: { recordEvents?: { accepted: number; duplicates: number; rejected: number } } | null; errors?: Array<{ extensions?: { code?: string } }> };
        const r = body.data?.recordEvents;
        if (r) {
          log.accepted += r.accepted;
          log.duplicates += r.duplicates;
          log.rejected += r.rejected;
          log.answers.push({ accepted: r.accepted, duplicates: r.duplicates });
          log.sent.push(...indices);
          const a = { sentAt, doneAt: performance.now(), batch: i, outcome: "ok" };
          log.attempts.push(a);
          opts.onAttempt?.(a);
          break;
        }
        outcome = body.errors?.[0]?.extensions?.code ?? `HTTP ${res.status}`;
      } catch (err) {
        const e = err as { name?: string; cause?: { code?: string } };
        outcome = e.name === "TimeoutError" ? "timeout" : (e.cause?.code ?? "transport");
      }
      const a = { sentAt, doneAt: performance.now(), batch: i, outcome };
      log.attempts.push(a);
      opts.onAttempt?.(a);
      await sleep(opts.retryMs ?? 100);
    }
    if (opts.pauseMs) await sleep(opts.pauseMs);
  }
  return log;
}

/** `producers` producers over the lanes of `events`, at once. */
export async function produceAll(url: () => string, token: string, events: StreamEvent[], producers: number, opts: ProduceOptions): Promise<SendLog[]> {
  return Promise.all(lanes(events, producers).map((lane) => produce(url, token, events, lane, opts)));
}

/** Outcomes counted (ok, codes, transport failures). */
export function outcomes(logs: SendLog[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of logs) for (const a of l.attempts) out[a.outcome] = (out[a.outcome] ?? 0) + 1;
  return out;
}

interface Facts {
  events: number;
  mastery: Array<{ conceptId: string; p: number; attempts: number }>;
  history: Array<{ seq: number; conceptId: string; eventId: string | null; after: number; reason: string }>;
}

/** A driver of the harness's own on the database a scenario uses. */
export function harnessDb(uri: string) {
  const config = loadConfig({ ...process.env, NEO4J_URI: uri });
  const logger = createLogger("silent");
  const driver = createDriver(config, logger);
  const db = new Database(driver, config.NEO4J_DATABASE, logger, { failFastMs: 0 });
  return {
    facts: async (learnerId: string) => ((await db.write(offlineCypher("test/learner-facts"), { learnerId }))[0] ?? { events: 0, mastery: [], history: [] }) as unknown as Facts,
    cleanup: (prefix: string) => db.write(offlineCypher("test/delete-by-prefix"), { prefix }),
    /** True when a Bolt session answers a query within 1 s. */
    ping: () => db.ping(1000),
    close: () => driver.close(),
  };
}

export interface Verdict {
  expected: number;
  stored: number;
  lost: number;
  doubled: number;
  /** Learners whose mastery (p, attempts per concept) and history equal the no-fault reference. */
  learnersEqual: number;
  learnersChecked: number;
  masteryEqualsNoFaultRun: boolean;
}

/**
 * Reads every learner of the `sent` events and of the reference stream from the database: events stored
 * (lost = expected - stored, doubled = stored - expected, each counted per learner), and mastery
 * plus the change history compared with the reference learner of the same index.
 */
export async function verify(db: ReturnType<typeof harnessDb>, events: StreamEvent[], reference: StreamEvent[], sent: number[]): Promise<Verdict> {
  const expected = new Map<string, number>();
  const refOf = new Map<string, string>();
  for (const k of sent) {
    const e = events[k] as StreamEvent;
    expected.set(e.learnerId, (expected.get(e.learnerId) ?? 0) + 1);
    refOf.set(e.learnerId, (reference[k] as StreamEvent).learnerId);
  }
  let stored = 0;
  let lost = 0;
  let doubled = 0;
  let equal = 0;
  for (const [learnerId, n] of expected) {
    const refId = refOf.get(learnerId) as string;
    const [a, b] = await Promise.all([db.facts(learnerId), db.facts(refId)]);
    stored += a.events;
    lost += Math.max(0, n - a.events);
    doubled += Math.max(0, a.events - n);
    const byConcept = (f: Facts) => [...f.mastery].sort((x, y) => (x.conceptId < y.conceptId ? -1 : 1)).map((m) => `${m.conceptId}:${m.p.toFixed(12)}:${m.attempts}`);
    const changes = (f: Facts, id: string) => f.history.map((h) => `${h.seq}:${h.conceptId}:${String(h.eventId ?? "").slice(id.length)}:${h.after.toFixed(12)}:${h.reason}`);
    const same = JSON.stringify(byConcept(a)) === JSON.stringify(byConcept(b)) && JSON.stringify(changes(a, learnerId)) === JSON.stringify(changes(b, refId)) && b.events === n;
    if (same) equal++;
  }
  return { expected: sent.length, stored, lost, doubled, learnersEqual: equal, learnersChecked: expected.size, masteryEqualsNoFaultRun: equal === expected.size };
}

/** First failed attempt at or after `from`, and the first success after `to`, ms. */
export function window(logs: SendLog[], from: number, to: number) {
  const all = logs.flatMap((l) => l.attempts).sort((a, b) => a.doneAt - b.doneAt);
  const firstFailure = all.find((a) => a.doneAt >= from && a.outcome !== "ok");
  const firstOk = all.find((a) => a.doneAt >= to && a.outcome === "ok" && a.sentAt >= (firstFailure?.doneAt ?? from));
  return { firstFailureAt: firstFailure?.doneAt ?? null, firstOkAt: firstOk?.doneAt ?? null };
}

export const round = (x: number | null) => (x === null || !Number.isFinite(x) ? null : Math.round(x * 10) / 10);

/** The no-fault run: exactly the answered events of a fault run, for the reference learners (4 producers, per-learner order kept). */
export async function noFaultRun(url: () => string, token: string, reference: StreamEvent[], sent: number[], batchSize: number): Promise<SendLog[]> {
  const keep = new Set(sent);
  return Promise.all(lanes(reference, 4).map((lane) => produce(url, token, reference, lane.filter((k) => keep.has(k)), { batchSize })));
}

/** Imports the scenario's curriculum (6 concepts, 12 items) through the API. */
export async function importCurriculum(url: string, designer: string, prefix: string): Promise<void> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${designer}` },
    body: JSON.stringify({ query: "mutation($c: String!) { importCurriculum(format: JSON, content: $c) { applied problems { code message } } }", variables: { c: curriculum(prefix) } }),
  });
  const body = (await res.json()) as { data?: { importCurriculum?: { applied: boolean } } };
  if (!body.data?.importCurriculum?.applied) throw new Error(`curriculum import failed: ${JSON.stringify(body).slice(0, 300)}`);
}
