import type { Database, Tx } from "../../neo4j/run.js";
import { advanceLearner, type MasteryChangeRecord, type ResolvedEvent } from "../mastery/learner-replay.js";
import { learnerStateFrom, type ModelParams } from "../mastery/model.js";
import type { ModelStore } from "../mastery/model-store.js";
import { ReadThroughCache } from "../common/cache.js";
import { detailJson } from "../mastery/mastery-change.js";
import { EventsRepository, type ResolvedItem, type WriteRows } from "./events.repository.js";
import { validateEvent, type NormalizedEvent, type RawEvent } from "./validate-event.js";

export const MAX_EVENTS_PER_CALL = 1000;

export type EventStatus = "ACCEPTED" | "DUPLICATE" | "REJECTED" | "NOT_APPLIED";

export interface EventResultRecord {
  eventId: string | null;
  index: number;
  status: EventStatus;
  code: string | null;
  reason: string | null;
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
  private readonly repo = new EventsRepository();

  constructor(
    private readonly db: Database,
    private readonly models: ModelStore,
    /** Called with the changes of every committed batch (live subscriptions). */
    private readonly onApplied: (changes: AppliedChange[]) => void = () => {},
    /** Item -> concepts, shared with other requests and cleared on every curriculum edit. */
    private readonly itemCache: ReadThroughCache<ResolvedItem | null> = new ReadThroughCache(0),
  ) {}

  async record(raw: RawEvent[], options: RecordOptions): Promise<RecordOutcome> {
    const now = options.now ?? Date.now();
    const results: EventResultRecord[] = raw.map((r, index) => ({ eventId: r.eventId ?? null, index, status: "ACCEPTED", code: null, reason: null }));
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
    if (options.atomic && results.some((r) => r.status === "REJECTED")) return this.summarise(notApplied(results), []);
    if (valid.length === 0) return this.summarise(results, []);

    const itemIds = [...new Set(valid.map((v) => v.event.itemId).filter((x): x is string => x !== null))];
    const [{ params }, resolved] = await Promise.all([
      this.models.current(),
      this.itemCache.getMany(itemIds, (missing) => this.repo.resolveItems(this.db, missing), (item) => item !== null),
    ]);
    const items = new Map(resolved.flatMap((item) => (item ? [[item.id, item] as const] : [])));
    try {
      const done = await this.db.writeTx((tx) => this.apply(tx, params, items, valid, results, options, now));
      const committedAt = Date.now();
      for (const c of done.changes) c.recordedAt = committedAt;
      this.onApplied(done.changes);
      return this.summarise(done.results, done.changes);
    } catch (err) {
      if (err instanceof AtomicRejection) return this.summarise(notApplied(err.results), []);
      throw err;
    }
  }

  private async apply(
    tx: Tx,
    params: ModelParams,
    items: ReadonlyMap<string, ResolvedItem>,
    valid: Array<{ index: number; event: NormalizedEvent }>,
    baseResults: readonly EventResultRecord[],
    options: RecordOptions,
    now: number,
  ): Promise<{ results: EventResultRecord[]; changes: AppliedChange[] }> {
    // The transaction may be retried: start from the validation results each time.
    const results = baseResults.map((r) => ({ ...r }));
    // The concepts each learner's events touch: only their MASTERY state is read.
    const touches = new Map<string, Set<string>>();
    for (const { event } of valid) {
      const t = touches.get(event.learnerId) ?? new Set<string>();
      const item = event.itemId !== null ? items.get(event.itemId) : undefined;
      for (const c of item?.concepts ?? []) t.add(c.conceptId);
      for (const c of event.conceptIds ?? []) t.add(c);
      touches.set(event.learnerId, t);
    }
    const lockOrder = [...touches].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, concepts]) => ({ id, conceptIds: [...concepts] }));
    const explicit = [...new Set(valid.flatMap((v) => v.event.conceptIds ?? []))];
    const prepared = await this.repo.prepare(tx, { learners: lockOrder, eventIds: valid.map((v) => v.event.eventId), conceptIds: explicit });
    const learners = new Map(prepared.learners.map((l) => [l.id, l]));
    const { existing } = prepared;
    let knownConcepts = prepared.concepts;
    if (options.createMissingConcepts && knownConcepts.size < explicit.length) {
      await this.repo.createMissingConcepts(tx, explicit.filter((c) => !knownConcepts.has(c)));
      knownConcepts = new Set(explicit);
    }

    const byLearner = new Map<string, ResolvedEvent[]>();
    const difficulty: Record<string, number> = {};
    for (const { index, event } of valid) {
      const result = results[index] as EventResultRecord;
      if (existing.has(event.eventId)) {
        Object.assign(result, { status: "DUPLICATE", reason: "an event with this eventId was recorded before; nothing changed" });
        continue;
      }
      const item = event.itemId ? items.get(event.itemId) : undefined;
      let concepts: string[];
      if (item && item.concepts.length > 0) {
        concepts = item.concepts.map((c) => c.conceptId);
        difficulty[item.id] = params.itemDifficulty[item.id] ?? item.difficulty;
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
    if (options.atomic && results.some((r) => r.status === "REJECTED")) throw new AtomicRejection(results);

    // Designer-set difficulties stand in for items the fitted model has not seen.
    const batchParams: ModelParams = { ...params, itemDifficulty: Object.assign(Object.create(params.itemDifficulty) as Record<string, number>, difficulty) };
    const rows: WriteRows = { events: [], mastery: [], changes: [], learners: [] };
    const applied: AppliedChange[] = [];
    for (const [learnerId, fresh] of byLearner) {
      const locked = learners.get(learnerId);
      const stored = locked ? learnerStateFrom(locked.state) : null;
      const lastEventAt = locked?.lastEventAt ? locked.lastEventAt.getTime() : null;
      const history = async () => {
        const [events, whole] = await Promise.all([this.repo.learnerEvents(tx, learnerId), this.repo.learnerState(tx, learnerId)]);
        return { events, stored: whole ? learnerStateFrom(whole) : null };
      };
      const { state, changes, touched } = await advanceLearner(batchParams, stored, lastEventAt, fresh, history, now);
      let seq = locked?.seq ?? 0;
      for (const c of changes) {
        seq += 1;
        applied.push({ ...c, learnerId, seq, recordedAt: 0 });
        rows.changes.push({ learnerId, conceptId: c.conceptId, seq, eventId: c.eventId, at: c.at, before: c.before, after: c.after, attempts: c.attempts, reason: c.reason, explanation: detailJson(c.detail) });
      }
      const edges = new Map((locked?.state.concepts ?? []).map((row) => [row[0], row[6] as string]));
      const lookedAt = touches.get(learnerId);
      for (const conceptId of touched) {
        const cs = state.concepts[conceptId];
        const edge = edges.get(conceptId) ?? null;
        if (cs) rows.mastery.push({ learnerId, conceptId, edge, absent: edge === null && lookedAt !== undefined && lookedAt.has(conceptId), p: cs.mastery, attempts: cs.attempts, recent: cs.recent, lastPracticedAt: cs.lastPracticedAt, lastPracticedIndex: cs.lastPracticedIndex });
      }
      for (const e of fresh) {
        rows.events.push({ id: e.eventId, kind: e.kind, learnerId, itemId: e.itemId, conceptIds: e.concepts, score: e.score, occurredAt: e.occurredAt, durationMs: e.durationMs, hintsUsed: e.hintsUsed, attemptNumber: e.attemptNumber, source: e.source, watchFraction: e.watchFraction });
      }
      const newest = Math.max(lastEventAt ?? 0, ...fresh.map((e) => e.occurredAt));
      rows.learners.push({ id: learnerId, seq, lastEventAt: newest, ability: state.ability, attempts: state.attempts, events: state.events });
    }
    // Concepts are shared by every writer: take their locks in one global order (no deadlocks).
    rows.mastery.sort((a, b) => (a.conceptId < b.conceptId ? -1 : a.conceptId > b.conceptId ? 1 : a.learnerId < b.learnerId ? -1 : 1));
    await this.repo.write(tx, rows);
    return { results, changes: applied };
  }

  private async summarise(results: EventResultRecord[], changes: AppliedChange[]): Promise<RecordOutcome> {
    const count = (s: EventStatus) => results.filter((r) => r.status === s).length;
    const byCode = new Map<string, number>();
    for (const r of results) if (r.status === "REJECTED" && r.code) byCode.set(r.code, (byCode.get(r.code) ?? 0) + 1);
    if (byCode.size > 0) await this.db.writeTx((tx) => this.repo.recordRejections(tx, [...byCode].map(([code, n]) => ({ code, count: n }))));
    return { results, accepted: count("ACCEPTED"), duplicates: count("DUPLICATE"), rejected: count("REJECTED"), changes };
  }
}

function notApplied(results: EventResultRecord[]): EventResultRecord[] {
  return results.map((r) =>
    r.status === "ACCEPTED" ? { ...r, status: "NOT_APPLIED", code: "BATCH_REJECTED", reason: "atomic: another event in the batch was rejected, nothing was written" } : r,
  );
}
