import { Coalescer } from "../../common/coalescer.js";
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
  /** Statements in flight at once; reads asked for while all are busy share the next one. */
  lanes: number;
}

interface Held {
  snapshot: LearnerSnapshot;
  at: number;
  cost: number;
  /** Which batch read it: a later batch's read replaces an earlier one's, never the reverse. */
  batch: number;
}

interface Job {
  id: string;
  since: number;
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
 * learners, the migration). Reads go through the project's group commit (`common/coalescer.ts`):
 * a read with a lane free is sent at once, and reads asked for while every lane is busy share the
 * next statement, so under load one statement serves many requests. Each statement starts after
 * every read it carries was asked for and returns, per learner, the revision in Neo4j and the snapshot only
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
  private batches = 0;
  private readonly counts = { hits: 0, reads: 0, statements: 0 };
  private readonly group: Coalescer<Job, SnapshotRead>;

  constructor(
    private readonly repo: MasteryRepository,
    private readonly witness: VersionWitness | null,
    private readonly options: SnapshotOptions,
  ) {
    this.group = new Coalescer((jobs) => this.send(jobs), { lanes: options.lanes, maxSize: options.maxBatch, size: () => 1 });
  }

  /** The learner's snapshot covering attempts since `since` (default: the recent window), fresh as of this call. */
  read(learnerId: string, since: number = Date.now() - RECENT_WINDOW_MS): Promise<SnapshotRead> {
    return this.group.submit({ id: learnerId, since });
  }

  /** What is held and how reads went since start: for /metrics and the README's sizing. */
  stats(): { learners: number; units: number; hits: number; reads: number; statements: number } {
    return { learners: this.held.size, units: this.heldCost, ...this.counts };
  }

  /** One statement for a group of reads (a learner asked for twice is read once, for the earlier `since`). */
  private async send(jobs: Job[]): Promise<SnapshotRead[]> {
    const batch = ++this.batches;
    const now = Date.now();
    const floor = now - RECENT_WINDOW_MS;
    const sinceOf = new Map<string, number>();
    for (const j of jobs) sinceOf.set(j.id, Math.min(sinceOf.get(j.id) ?? floor, j.since));
    const offered = new Map<string, Held>();
    const probes: SnapshotProbe[] = [...sinceOf].map(([id, since]) => {
      const held = this.held.get(id);
      const usable = held !== undefined && now - held.at <= this.options.ttlMs && held.snapshot.coveredSince <= since;
      if (usable) offered.set(id, held);
      return { id, rev: usable ? held.snapshot.rev : null, since };
    });
    this.counts.statements++;
    const seq = this.witness?.beginVersionRead() ?? 0;
    const rows = await this.repo.snapshots(probes);
    const version = rows.reduce((v, r) => Math.max(v, r.curriculumVersion), 0);
    // Before any reader continues: the version proves the curriculum copies they consult next.
    if (this.witness && rows.length > 0) this.witness.observedVersion(seq, version);
    const read = new Map<string, SnapshotRead>();
    for (const row of rows) read.set(row.id, { snapshot: this.settle(row.id, row, sinceOf.get(row.id) ?? floor, offered.get(row.id), batch, now), curriculumVersion: version });
    return jobs.map((j) => read.get(j.id) ?? { snapshot: null, curriculumVersion: version });
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
