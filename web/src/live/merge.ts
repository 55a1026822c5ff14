/**
 * The catch-up merge of docs/live.md. Changes arrive on the WebSocket (at most once: a dropped
 * connection or a full buffer loses some) and from `masteryChangesSince` after a (re)connect.
 * Both routes are merged by (learnerId, seq): a change is shown once however often it arrives,
 * and the cursors of the next catch-up ask for exactly what may be missing.
 *
 * A learner's cursor exists once a catch-up has covered them ("anchored"): the `since` catch-up
 * returns every change of a learner without a cursor committed since the page started, so from
 * then on the run of consecutive seqs is known, and anything after the run is asked for by cursor.
 * Learners first seen on the stream, and not yet covered by a catch-up, are asked for by `since`.
 */
export interface ChangeKey {
  learnerId: string;
  seq: number;
}

export class ChangeMerger {
  private readonly seen = new Map<string, Set<number>>();
  private readonly watermark = new Map<string, number>();

  /** True when the change is new (show it); false when it was seen before (drop it). */
  accept(change: ChangeKey): boolean {
    let seqs = this.seen.get(change.learnerId);
    if (!seqs) {
      seqs = new Set();
      this.seen.set(change.learnerId, seqs);
    }
    if (seqs.has(change.seq)) return false;
    seqs.add(change.seq);
    const w = this.watermark.get(change.learnerId);
    if (w !== undefined) this.watermark.set(change.learnerId, this.run(seqs, w));
    return true;
  }

  /**
   * After a catch-up that asked by `since` for every learner without a cursor, and got every page:
   * those learners now have a cursor at the end of the run of consecutive seqs from their first.
   */
  anchorAll(): void {
    for (const [learnerId, seqs] of this.seen) {
      if (this.watermark.has(learnerId) || seqs.size === 0) continue;
      this.watermark.set(learnerId, this.run(seqs, Math.min(...seqs)));
    }
  }

  /** Cursors for `masteryChangesSince(classId, cursors, since)`. */
  cursors(): { learnerId: string; afterSequence: number }[] {
    return [...this.watermark]
      .map(([learnerId, afterSequence]) => ({ learnerId, afterSequence }))
      .sort((a, b) => (a.learnerId < b.learnerId ? -1 : a.learnerId > b.learnerId ? 1 : 0));
  }

  /** How many distinct changes were accepted. */
  get size(): number {
    let n = 0;
    for (const s of this.seen.values()) n += s.size;
    return n;
  }

  private run(seqs: Set<number>, from: number): number {
    let w = from;
    while (seqs.has(w + 1)) w += 1;
    return w;
  }
}
