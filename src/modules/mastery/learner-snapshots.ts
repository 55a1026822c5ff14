import type { LearnerState } from "../../domain/mastery/model.js";
import type { MasteryRepository, SnapshotProbe, SnapshotProbeRow } from "./mastery.repository.js";

const DAY = 24 * 3600 * 1000;
/** Every read covers at least the attempts of this window (the recent-item window of recommendations). */
export const RECENT_WINDOW_MS = 3 * DAY;

/**
 * What a request needs of one learner, as of a revision: the model state as stored, the stored
 * goal, and the attempts since `coveredSince` (item id -> time of its last attempt there).
 * Frozen: shared by every request that reads this revision.
 */
export interface LearnerSnapshot {
  readonly rev: string;
  readonly goalId: string | null;
  readonly coveredSince: number;
  readonly lastAttempt: ReadonlyMap<string, number>;
  readonly state: LearnerState;
}

export interface SnapshotRead {
  /** null: no such learner. */
  snapshot: LearnerSnapshot | null;
  /** The curriculum's version, read in the same statement (freshness.ts). */
  curriculumVersion: number;
}

/** Proves the curriculum copies fresh with the version each batch reads (CurriculumService's begin/observed). */
export interface VersionWitness {
  beginVersionRead(): number;
  observedVersion(seq: number, version: number): void;
}

export interface SnapshotOptions {
  /** Bound on what is held: learners plus their practised concepts plus recent attempts (see `cost`). */
  budget: number;
  /** A held snapshot older than this is read again even when its revision matches: the safety net for writes made outside Frontier. */
  ttlMs: number;
  /** Learners per statement. */
  maxBatch: number;
}

interface Held {
  snapshot: LearnerSnapshot;
  at: number;
  cost: number;
  /** Which batch read it: a later batch's read replaces an earlier one's, never the reverse. */
  batch: number;
}

interface Waiter {
  since: number;
  resolve: (r: SnapshotRead) => void;
  reject: (e: unknown) => void;
}

/** Units a snapshot holds: one for the learner, one per practised concept and per recent attempt. */
const cost = (s: LearnerSnapshot) => 1 + Object.keys(s.state.concepts).length + s.lastAttempt.size;

/**
 * The items of a snapshot attempted at or after `since` (which must be >= its `coveredSince`).
 */
export function attemptedSince(snapshot: LearnerSnapshot, since: number): string[] {
  const out: string[] = [];
  for (const [itemId, at] of snapshot.lastAttempt) if (at >= since) out.push(itemId);
  return out;
}

/**
 * Per-process learner snapshots, exact on every read.
 *
 * Every transaction that changes what a snapshot holds writes the learner a new revision (`rev`,
 * a random id: ingestion and corrections in `prepare-batch.cypher`, goals, a deleted concept's
 * learners, the migration). A read waits for the next batch statement (all reads queued in one
 * turn of the event loop, so under load one statement serves many requests), which starts after
 * the read was asked for and returns, per learner, the revision in Neo4j and the snapshot only
 * when this process does not hold that revision. So a read sees every write committed before it
 * began, on this server or any other, with no notice to wait for; a learner whose state has not
 * changed costs one index seek instead of reading their mastery edges and events.
 *
 * Held snapshots are bounded by `budget` (least recently used go first) and read again after
 * `ttlMs` whatever their revision.
 */
export class LearnerSnapshots {
  private readonly held = new Map<string, Held>();
  private heldCost = 0;
  private queue = new Map<string, Waiter[]>();
  private scheduled = false;
  private batches = 0;
  private readonly counts = { hits: 0, reads: 0, statements: 0 };

  constructor(
    private readonly repo: MasteryRepository,
    private readonly witness: VersionWitness | null,
    private readonly options: SnapshotOptions,
  ) {}

  /** The learner's snapshot covering attempts since `since` (default: the recent window), fresh as of this call. */
  read(learnerId: string, since: number = Date.now() - RECENT_WINDOW_MS): Promise<SnapshotRead> {
    return new Promise<SnapshotRead>((resolve, reject) => {
      const waiters = this.queue.get(learnerId);
      if (waiters) waiters.push({ since, resolve, reject });
      else this.queue.set(learnerId, [{ since, resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Forget every held snapshot (tests, and a model or schema change made outside the write paths). */
  clear(): void {
    this.held.clear();
    this.heldCost = 0;
  }

  /** What is held and how reads went since start: for /metrics and the README's sizing. */
  stats(): { learners: number; units: number; hits: number; reads: number; statements: number } {
    return { learners: this.held.size, units: this.heldCost, ...this.counts };
  }

  private flush(): void {
    this.scheduled = false;
    const queued = [...this.queue];
    this.queue = new Map();
    for (let i = 0; i < queued.length; i += this.options.maxBatch) void this.send(queued.slice(i, i + this.options.maxBatch));
  }

  private async send(part: Array<[string, Waiter[]]>): Promise<void> {
    const batch = ++this.batches;
    const now = Date.now();
    const floor = now - RECENT_WINDOW_MS;
    const offered = new Map<string, Held>();
    const probes: SnapshotProbe[] = part.map(([id, waiters]) => {
      const since = Math.min(floor, ...waiters.map((w) => w.since));
      const held = this.held.get(id);
      const usable = held && now - held.at <= this.options.ttlMs && held.snapshot.coveredSince <= since;
      if (held && usable) offered.set(id, held);
      return { id, rev: usable ? held.snapshot.rev : null, since };
    });
    this.counts.statements++;
    let rows: SnapshotProbeRow[];
    const seq = this.witness?.beginVersionRead() ?? 0;
    try {
      rows = await this.repo.snapshots(probes);
    } catch (e) {
      for (const [, waiters] of part) for (const w of waiters) w.reject(e);
      return;
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    const version = rows.reduce((v, r) => Math.max(v, r.curriculumVersion), 0);
    // Before any reader continues: the version proves the curriculum copies they consult next.
    if (this.witness && rows.length > 0) this.witness.observedVersion(seq, version);
    part.forEach(([id, waiters], i) => {
      const row = byId.get(id);
      let read: SnapshotRead;
      try {
        read = { snapshot: row ? this.settle(id, row, probes[i]?.since ?? floor, offered.get(id), batch, now) : null, curriculumVersion: version };
      } catch (e) {
        for (const w of waiters) w.reject(e);
        return;
      }
      for (const w of waiters) w.resolve(read);
    });
  }

  private settle(id: string, row: SnapshotProbeRow, since: number, offered: Held | undefined, batch: number, now: number): LearnerSnapshot | null {
    if (!row.found) {
      this.drop(id);
      return null;
    }
    if (!row.snapshot) {
      // The revision we offered is the one stored: what we hold is exact.
      if (!offered) throw new Error(`learner snapshot of ${id}: no snapshot returned for a revision not held`);
      this.counts.hits++;
      this.touch(id, offered);
      return offered.snapshot;
    }
    this.counts.reads++;
    const lastAttempt = new Map<string, number>();
    for (const [itemId, at] of row.snapshot.recent) if ((lastAttempt.get(itemId) ?? -Infinity) < at) lastAttempt.set(itemId, at);
    const state = row.snapshot.state;
    for (const c of Object.values(state.concepts)) Object.freeze(c);
    Object.freeze(state.concepts);
    const snapshot: LearnerSnapshot = Object.freeze({ rev: row.rev, goalId: row.snapshot.goalId, coveredSince: since, lastAttempt, state: Object.freeze(state) });
    const current = this.held.get(id);
    if (!current || current.batch < batch) this.store(id, { snapshot, at: now, cost: cost(snapshot), batch });
    return snapshot;
  }

  private touch(id: string, h: Held): void {
    if (this.held.get(id) !== h) return;
    this.held.delete(id);
    this.held.set(id, h);
  }

  private store(id: string, h: Held): void {
    this.drop(id);
    if (h.cost > this.options.budget) return;
    this.held.set(id, h);
    this.heldCost += h.cost;
    for (const [oldest, o] of this.held) {
      if (this.heldCost <= this.options.budget) break;
      this.held.delete(oldest);
      this.heldCost -= o.cost;
    }
  }

  private drop(id: string): void {
    const h = this.held.get(id);
    if (!h) return;
    this.held.delete(id);
    this.heldCost -= h.cost;
  }
}
