/**
 * Recounts the stored `unlocks` of concepts after prerequisite edits, outside the edits'
 * transactions.
 *
 * Why: an edge edit must hold the prerequisite lock (so cycle checks are serialised), and the
 * recount reads the whole graph. Done inside the edit, the lock was held for that read too, and
 * under load designer edits queued behind each other for seconds. Now the edit's transaction only
 * checks, writes the edge and its concept's `root`; the recount follows its commit:
 *
 * - it reads the graph's version and the graph without the lock, and writes only if the version is
 *   unchanged, checked under the lock (`refreshUnlocksIfCurrent`); if another edit committed in
 *   between, it retries on the newer graph, and after `attempts` tries it recounts under the lock;
 * - the edits of this process that arrive while a recount runs are merged into the next one (or
 *   into the retry of one that lost);
 * - the edit's mutation waits for the recount that covers it, so a designer reads their own edit.
 *
 * `unlocks` is a ranking factor only: between an edit's commit and its recount, another client
 * can see the old count. Which concepts are on the frontier never depends on it (prerequisite edges
 * and `root` are written in the edit's own transaction).
 */
export interface UnlocksRefreshSteps {
  /** One optimistic recount upstream of `ids`; false when an edit committed in between. */
  tryIfCurrent(ids: readonly string[]): Promise<boolean>;
  /** The same recount holding the prerequisite lock (always succeeds unless the database fails). */
  underLock(ids: readonly string[]): Promise<void>;
  /** Called when a recount failed; its ids stay pending for the next one. */
  onError(err: unknown, ids: readonly string[]): void;
}

export class UnlocksRefresher {
  private readonly pending = new Set<string>();
  /** Bumped by every call; a recount that read the pending ids at generation g covers calls up to g. */
  private generation = 0;
  private readonly waiters: Array<{ generation: number; resolve: () => void }> = [];
  private pumping = false;

  constructor(
    private readonly steps: UnlocksRefreshSteps,
    private readonly attempts = 3,
  ) {}

  /** Resolves once a recount that includes `changedAt` has been stored, or has failed (never rejects). */
  refresh(changedAt: readonly string[]): Promise<void> {
    for (const id of changedAt) this.pending.add(id);
    const generation = ++this.generation;
    const done = new Promise<void>((resolve) => this.waiters.push({ generation, resolve }));
    if (!this.pumping) void this.pump();
    return done;
  }

  /** Ids whose recount failed and has not been retried yet. */
  get pendingIds(): string[] {
    return [...this.pending];
  }

  /**
   * One recount at a time. A recount that lost to another edit is retried together with the
   * ids that arrived meanwhile (one retry serves every waiting edit of this process); after
   * `attempts` lost tries in a row, the recount runs under the lock.
   */
  private async pump(): Promise<void> {
    this.pumping = true;
    let lost = 0;
    try {
      while (this.pending.size > 0) {
        const generation = this.generation;
        const ids = [...this.pending];
        this.pending.clear();
        try {
          if (lost >= this.attempts) await this.steps.underLock(ids);
          else if (!(await this.steps.tryIfCurrent(ids))) {
            for (const id of ids) this.pending.add(id);
            lost++;
            continue;
          }
        } catch (err) {
          for (const id of ids) this.pending.add(id);
          this.steps.onError(err, ids);
          this.settle(this.generation);
          return;
        }
        lost = 0;
        this.settle(generation);
      }
    } finally {
      this.pumping = false;
    }
  }

  private settle(upTo: number): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i];
      if (w && w.generation <= upTo) {
        this.waiters.splice(i, 1);
        w.resolve();
      }
    }
  }
}
