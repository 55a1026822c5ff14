import { advanceLearner, type MasteryChangeRecord, type ResolvedEvent } from "../../domain/mastery/learner-replay.js";
import type { ModelParams } from "../../domain/mastery/model.js";
import { impliedReach, type PrerequisiteLookup } from "../../domain/mastery/implied.js";
import type { ModelStore } from "../mastery/model-store.js";
import { ServiceUnavailableError } from "../../errors/errors.js";
import type { Logger } from "../../logger.js";
import { Coalescer } from "../../common/coalescer.js";
import { detailJson } from "../mastery/mastery-change.js";
import type { CurriculumService } from "../curriculum/curriculum.service.js";
import type { ResolvedItem } from "../curriculum/curriculum.repository.js";
import type { EventWrites, EventsRepository, WriteRows } from "./events.repository.js";
import { validateEvent, type NormalizedEvent, type RawEvent } from "../../domain/events/validate-event.js";

export const MAX_EVENTS_PER_CALL = 1000;

export type EventStatus = "ACCEPTED" | "DUPLICATE" | "REJECTED" | "NOT_APPLIED";

export interface EventResultRecord {
  eventId: string | null;
  index: number;
  status: EventStatus;
  code: string | null;
  reason: string | null;
  /** The event's `source` as sent (per-source rejection counts; not part of the answer). */
  source?: string | null;
}

export interface AppliedChange extends MasteryChangeRecord {
  learnerId: string;
  seq: number;
  /** Epoch ms (server clock) when the change was committed; stamped just after the commit. */
  recordedAt: number;
}

export interface RecordOutcome {
  results: EventResultRecord[];
  accepted: number;
  duplicates: number;
  rejected: number;
  changes: AppliedChange[];
}

export interface RecordOptions {
  /** All-or-nothing: any rejected event means nothing is written (duplicates are not failures). */
  atomic: boolean;
  /** Which learners the caller may record for (null: any). */
  mayRecordFor: ((learnerId: string) => boolean) | null;
  /** Backfill of historic data: create placeholder concepts for unknown explicit conceptIds. */
  createMissingConcepts?: boolean;
  now?: number;
}

/** Calls with at most this many valid events may share a transaction with concurrent calls. */
export const COALESCE_MAX_EVENTS = 50;
/** Events per shared transaction, at most. */
const COALESCE_MAX_GROUP = 500;
/** Shared transactions running at once (one per core of a small database server is plenty). */
const COALESCE_LANES = 2;

interface Job {
  valid: Array<{ index: number; event: NormalizedEvent }>;
  /** The validation results, by input index. */
  results: EventResultRecord[];
  options: RecordOptions;
  now: number;
}

type JobOutcome = { results: EventResultRecord[]; changes: AppliedChange[] } | { error: unknown };

class AtomicRejection extends Error {
  constructor(readonly results: EventResultRecord[]) {
    super("atomic batch rejected");
  }
}

/**
 * Learner evidence -> mastery. One write transaction per call: lock the batch's learners (so
 * concurrent batches for a learner serialise), drop events already stored (idempotency by
 * eventId), resolve items to concepts, advance each learner's model state (replaying their
 * history when an event arrives late), then write events, mastery, history and learner state
 * with one UNWIND statement each.
 */
export class EventsService {
  /** Calls that reached the database and the write transactions committed for them (/metrics). */
  readonly stats = { calls: 0, transactions: 0 };

  constructor(
    private readonly repo: EventsRepository,
    private readonly models: ModelStore,
    /** Items -> concepts and difficulty (through its cache, cleared by curriculum edits). */
    private readonly curriculum: CurriculumService,
    /** Called with the changes of every committed batch (live subscriptions). */
    private readonly onApplied: (changes: AppliedChange[]) => void = () => {},
    private readonly logger: Logger | null = null,
    /** Prerequisites for implied evidence (null: the rule is off). */
    private readonly prerequisites: () => Promise<PrerequisiteLookup | null> = () => Promise.resolve(null),
  ) {}

  async record(raw: RawEvent[], options: RecordOptions): Promise<RecordOutcome> {
    const now = options.now ?? Date.now();
    const results: EventResultRecord[] = raw.map((r, index) => ({ eventId: r.eventId ?? null, index, status: "ACCEPTED", code: null, reason: null, source: typeof r.source === "string" ? r.source.slice(0, 200) : null }));
    const reject = (i: number, code: string, reason: string) => Object.assign(results[i] as EventResultRecord, { status: "REJECTED", code, reason });
    const valid: Array<{ index: number; event: NormalizedEvent }> = [];
    const seen = new Set<string>();
    raw.forEach((r, i) => {
      const v = validateEvent(r, now);
      if ("rejection" in v) return reject(i, v.rejection.code, v.rejection.reason);
      if (options.mayRecordFor && !options.mayRecordFor(v.event.learnerId)) {
        return reject(i, "FORBIDDEN", `you may not record events for learner '${v.event.learnerId}'`);
      }
      if (seen.has(v.event.eventId)) {
        return Object.assign(results[i] as EventResultRecord, { status: "DUPLICATE", reason: "same eventId earlier in this batch" });
      }
      seen.add(v.event.eventId);
      valid.push({ index: i, event: v.event });
    });
    if (options.atomic && results.some((r) => r.status === "REJECTED")) {
      await this.recordRejectionsAlone(results);
      return this.summarise(notApplied(results), []);
    }
    if (valid.length === 0) {
      await this.recordRejectionsAlone(results);
      return this.summarise(results, []);
    }

    const job: Job = { valid, results, options, now };
    this.stats.calls++;
    // Small calls (an app sending each answer as it happens) share transactions with whatever
    // arrives while the database is busy; all-or-nothing and backfill calls run alone.
    const alone = options.atomic || options.createMissingConcepts === true || options.now !== undefined || valid.length > COALESCE_MAX_EVENTS;
    const done = alone ? (await this.applyGroup([job]))[0] : await this.coalescer.submit(job);
    if (!done) throw new Error("no outcome for an ingestion job");
    if ("error" in done) {
      if (done.error instanceof AtomicRejection) {
        await this.recordRejectionsAlone(done.error.results);
        return this.summarise(notApplied(done.error.results), []);
      }
      throw done.error;
    }
    return this.summarise(done.results, done.changes);
  }

  /** Small calls waiting for a shared transaction. */
  get waiting(): number {
    return this.coalescer.waiting;
  }

  private readonly coalescer = new Coalescer<Job, JobOutcome>((jobs) => this.applyGroup(jobs), {
    lanes: COALESCE_LANES,
    maxSize: COALESCE_MAX_GROUP,
    size: (job) => job.valid.length,
  });

  /**
   * One transaction for the jobs of a group. If it fails for a reason tied to its data (not an
   * unavailable database) and the group has several jobs, the jobs are retried one after another,
   * each alone, so one caller's failure (e.g. the same new eventId sent twice at once) fails that
   * caller only.
   */
  private async applyGroup(jobs: Job[]): Promise<JobOutcome[]> {
    const valid = jobs.flatMap((j) => j.valid.map((v) => v.event));
    const itemIds = [...new Set(valid.map((e) => e.itemId).filter((x): x is string => x !== null))];
    let done: Array<{ results: EventResultRecord[]; changes: AppliedChange[] }>;
    try {
      const [{ params }, resolved, prerequisites] = await Promise.all([
        this.models.current(),
        this.curriculum.resolveItems(itemIds),
        this.prerequisites(),
      ]);
      const items = new Map(resolved.flatMap((item) => (item ? [[item.id, item] as const] : [])));
      done = await this.repo.write((w) => this.apply(w, params, items, jobs, prerequisites));
    } catch (err) {
      if (jobs.length === 1 || err instanceof ServiceUnavailableError) return jobs.map(() => ({ error: err }));
      const alone: JobOutcome[] = [];
      for (const job of jobs) alone.push((await this.applyGroup([job]))[0] as JobOutcome);
      return alone;
    }
    // Committed: from here on nothing may turn into a failure reported to the callers.
    const committedAt = Date.now();
    this.stats.transactions++;
    const all = done.flatMap((d) => d.changes);
    for (const c of all) c.recordedAt = committedAt;
    try {
      this.onApplied(all);
    } catch (err) {
      this.logger?.error({ err }, "publishing mastery changes failed after the commit");
    }
    return done;
  }

  private async apply(
    w: EventWrites,
    params: ModelParams,
    items: ReadonlyMap<string, ResolvedItem>,
    jobs: readonly Job[],
    prerequisites: PrerequisiteLookup | null,
  ): Promise<Array<{ results: EventResultRecord[]; changes: AppliedChange[] }>> {
    // The transaction may be retried: start from the validation results each time.
    const perJob = jobs.map((j) => ({ results: j.results.map((r) => ({ ...r })), changes: [] as AppliedChange[] }));
    const options = (jobs[0] as Job).options;
    const now = Math.max(...jobs.map((j) => j.now));
    // Every valid event with its caller's result. A repeat of an eventId from another call in the
    // same group shares the fate of the first copy (settled below, once that one is classified).
    const valid: Array<{ event: NormalizedEvent; result: EventResultRecord; job: number }> = [];
    const first = new Map<string, EventResultRecord>();
    const repeats: Array<{ result: EventResultRecord; of: EventResultRecord }> = [];
    jobs.forEach((j, k) =>
      j.valid.forEach(({ index, event }) => {
        const result = (perJob[k] as (typeof perJob)[number]).results[index] as EventResultRecord;
        const earlier = first.get(event.eventId);
        if (earlier) repeats.push({ result, of: earlier });
        else {
          valid.push({ event, result, job: k });
          first.set(event.eventId, result);
        }
      }),
    );
    const jobOfEvent = new Map(valid.map((v) => [v.event.eventId, v.job]));
    // The concepts each learner's events touch: only their MASTERY state is read.
    const touches = new Map<string, Set<string>>();
    for (const { event } of valid) {
      const t = touches.get(event.learnerId) ?? new Set<string>();
      const item = event.itemId !== null ? items.get(event.itemId) : undefined;
      for (const c of item?.concepts ?? []) t.add(c.conceptId);
      for (const c of event.conceptIds ?? []) t.add(c);
      touches.set(event.learnerId, t);
    }
    // Implied evidence may move prerequisites of those concepts: their state is read too.
    if (prerequisites) for (const t of touches.values()) for (const p of impliedReach(prerequisites, [...t])) t.add(p);
    const lockOrder = [...touches].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, concepts]) => ({ id, conceptIds: [...concepts] }));
    const explicit = [...new Set(valid.flatMap((v) => v.event.conceptIds ?? []))];
    const prepared = await w.prepare({ learners: lockOrder, eventIds: valid.map((v) => v.event.eventId), conceptIds: explicit });
    const learners = new Map(prepared.learners.map((l) => [l.id, l]));
    const { existing } = prepared;
    let knownConcepts = prepared.concepts;
    if (options.createMissingConcepts && knownConcepts.size < explicit.length) {
      await w.createMissingConcepts(explicit.filter((c) => !knownConcepts.has(c)));
      knownConcepts = new Set(explicit);
    }

    const byLearner = new Map<string, ResolvedEvent[]>();
    const difficulty: Record<string, number> = {};
    for (const { event, result } of valid) {
      if (existing.has(event.eventId)) {
        Object.assign(result, { status: "DUPLICATE", reason: "an event with this eventId was recorded before; nothing changed" });
        continue;
      }
      const item = event.itemId ? items.get(event.itemId) : undefined;
      let concepts: string[];
      if (item && item.concepts.length > 0) {
        concepts = item.concepts.map((c) => c.conceptId);
        // A designer-set difficulty stands in for an item the fitted model has not seen; with
        // none set, the model's own fallback (the mean of the item's concepts) applies.
        if (params.itemDifficulty[item.id] === undefined && item.difficulty !== null) difficulty[item.id] = item.difficulty;
      } else if (event.conceptIds) {
        const unknown = event.conceptIds.filter((c) => !knownConcepts.has(c));
        if (unknown.length > 0) {
          Object.assign(result, { status: "REJECTED", code: "UNKNOWN_CONCEPT", reason: `unknown concept(s): ${unknown.join(", ")}` });
          continue;
        }
        concepts = event.conceptIds;
      } else {
        const why = item ? `item '${event.itemId}' assesses no concept; pass conceptIds` : `unknown item '${event.itemId}'; pass conceptIds for items outside the graph`;
        Object.assign(result, { status: "REJECTED", code: item ? "UNKNOWN_CONCEPT" : "UNKNOWN_ITEM", reason: why });
        continue;
      }
      const list = byLearner.get(event.learnerId) ?? [];
      list.push({ ...event, concepts });
      byLearner.set(event.learnerId, list);
    }
    for (const { result, of } of repeats) {
      if (of.status === "REJECTED") Object.assign(result, { status: "REJECTED", code: of.code, reason: of.reason });
      else Object.assign(result, { status: "DUPLICATE", reason: "the same eventId arrived in a concurrent call; recorded once" });
    }
    if (options.atomic && perJob.some((j) => j.results.some((r) => r.status === "REJECTED"))) throw new AtomicRejection((perJob[0] as (typeof perJob)[number]).results);

    // Designer-set difficulties stand in for items the fitted model has not seen (see above).
    const batchParams: ModelParams = { ...params, itemDifficulty: Object.assign(Object.create(params.itemDifficulty) as Record<string, number>, difficulty) };
    const rows: WriteRows = { events: [], mastery: [], changes: [], learners: [] };
    for (const [learnerId, fresh] of byLearner) {
      const locked = learners.get(learnerId);
      const stored = locked?.state ?? null;
      const lastEventAt = locked?.lastEventAt ?? null;
      // A correction is part of the timeline: an event older than it is late (replayed, the correction at its place).
      const corrected = locked?.lastCorrectionAt ?? null;
      const lastApplied = corrected !== null && (lastEventAt === null || corrected > lastEventAt) ? corrected : lastEventAt;
      const history = async () => {
        const [events, whole] = await Promise.all([w.learnerEvents(learnerId), w.learnerState(learnerId)]);
        return { events, stored: whole };
      };
      const { state, changes, touched } = await advanceLearner(batchParams, stored, lastApplied, fresh, history, now, prerequisites);
      let seq = locked?.seq ?? 0;
      for (const c of changes) {
        seq += 1;
        (perJob[jobOfEvent.get(c.eventId) ?? 0] as (typeof perJob)[number]).changes.push({ ...c, learnerId, seq, recordedAt: 0 });
        rows.changes.push({ learnerId, conceptId: c.conceptId, seq, eventId: c.eventId, at: c.at, before: c.before, after: c.after, attempts: c.attempts, reason: c.reason, explanation: detailJson(c.detail) });
      }
      const edges = locked?.edges ?? new Map<string, string>();
      const lookedAt = touches.get(learnerId);
      for (const conceptId of touched) {
        const cs = state.concepts[conceptId];
        const edge = edges.get(conceptId) ?? null;
        if (cs) rows.mastery.push({ learnerId, conceptId, edge, absent: edge === null && lookedAt !== undefined && lookedAt.has(conceptId), p: cs.mastery, attempts: cs.attempts, recent: cs.recent, lastPracticedAt: cs.lastPracticedAt, lastPracticedIndex: cs.lastPracticedIndex, impliedBy: cs.impliedBy ?? null });
      }
      // The model's P(correct) before each answer, stored with it: calibration drift per window (dataQuality).
      const predicted = new Map<string, number>();
      for (const c of changes) if (c.detail.predicted !== null && !predicted.has(c.eventId)) predicted.set(c.eventId, c.detail.predicted);
      for (const e of fresh) {
        rows.events.push({ predicted: predicted.get(e.eventId) ?? null, id: e.eventId, kind: e.kind, learnerId, itemId: e.itemId, conceptIds: e.concepts, score: e.score, occurredAt: e.occurredAt, durationMs: e.durationMs, hintsUsed: e.hintsUsed, attemptNumber: e.attemptNumber, source: e.source, watchFraction: e.watchFraction });
      }
      const newest = Math.max(lastEventAt ?? 0, ...fresh.map((e) => e.occurredAt));
      rows.learners.push({ id: learnerId, seq, lastEventAt: newest, ability: state.ability, attempts: state.attempts, events: state.events });
    }
    // Concepts are shared by every writer: take their locks in one global order (no deadlocks).
    rows.mastery.sort((a, b) => (a.conceptId < b.conceptId ? -1 : a.conceptId > b.conceptId ? 1 : a.learnerId < b.learnerId ? -1 : 1));
    await w.write(rows);
    // Rejection counters commit with the batch (a retried transaction recounts; a failed one counts nothing).
    await w.recordRejections(rejectionCounts(perJob.flatMap((j) => j.results)));
    return perJob;
  }

  /**
   * For calls whose rejections no ingestion transaction recorded (all invalid, or an atomic batch
   * refused): the counters are written best-effort, on their own. A failure there is logged and
   * never turns the caller's answer into an error: the answer is already decided.
   */
  private async recordRejectionsAlone(results: EventResultRecord[]): Promise<void> {
    const rows = rejectionCounts(results);
    if (rows.length === 0) return;
    try {
      await this.repo.recordRejections(rows);
    } catch (err) {
      this.logger?.error({ err }, "recording rejection counters failed; the call's answer stands");
    }
  }

  private summarise(results: EventResultRecord[], changes: AppliedChange[]): RecordOutcome {
    const count = (s: EventStatus) => results.filter((r) => r.status === s).length;
    return { results, accepted: count("ACCEPTED"), duplicates: count("DUPLICATE"), rejected: count("REJECTED"), changes };
  }
}

/** Rejected events per code and source, for today (UTC day received: the drift windows count them per day). */
function rejectionCounts(results: readonly EventResultRecord[]): Array<{ code: string; count: number; source: string; day: string }> {
  const day = new Date().toISOString().slice(0, 10);
  const byKey = new Map<string, { code: string; count: number; source: string; day: string }>();
  for (const r of results) {
    if (r.status !== "REJECTED" || !r.code) continue;
    const source = r.source ?? "platform";
    const key = `${r.code}\u0000${source}`;
    const row = byKey.get(key) ?? { code: r.code, count: 0, source, day };
    row.count += 1;
    byKey.set(key, row);
  }
  return [...byKey.values()];
}

function notApplied(results: EventResultRecord[]): EventResultRecord[] {
  return results.map((r) =>
    r.status === "ACCEPTED" ? { ...r, status: "NOT_APPLIED", code: "BATCH_REJECTED", reason: "atomic: another event in the batch was rejected, nothing was written" } : r,
  );
}
