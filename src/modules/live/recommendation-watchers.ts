import type { Logger } from "../../logger.js";
import type { Recommendation } from "../recommendations/recommendation.type.js";
import type { LiveHub } from "./hub.js";

/** Changes that arrive within this window are folded into one recomputation. */
export const RECOMPUTE_DELAY_MS = 100;

interface Watch {
  refs: number;
  /** `conceptId:kind` of the current top recommendations, in order. */
  last: string[];
  timer: NodeJS.Timeout | null;
  causeSeq: number | null;
  running: Promise<void> | null;
}

const signature = (recs: Recommendation[]) => recs.map((r) => `${r.concept.id}:${r.kind}`);

/**
 * Derives `recommendationsChanged` on each server: for every learner someone here subscribes
 * to, a mastery change of that learner (or any curriculum change) schedules one recomputation
 * of the top recommendations; when the ordered list of concepts and kinds differs from the last
 * one, a record is published. Learners nobody watches cost nothing.
 */
export class RecommendationWatchers {
  private readonly watched = new Map<string, Watch>();

  constructor(
    private readonly hub: LiveHub,
    private readonly compute: (learnerId: string) => Promise<Recommendation[]>,
    private readonly logger: Logger,
  ) {
    hub.mastery.listen((records) => {
      for (const r of records) if (this.watched.has(r.learnerId)) this.schedule(r.learnerId, r.seq);
    });
    hub.curriculum.listen(() => {
      for (const id of this.watched.keys()) this.schedule(id, null);
    });
  }

  /** Starts watching (reads the current list first); returns the function that stops it. */
  async watch(learnerId: string): Promise<() => void> {
    let w = this.watched.get(learnerId);
    if (!w) {
      w = { refs: 0, last: [], timer: null, causeSeq: null, running: null };
      this.watched.set(learnerId, w);
      const entry = w;
      entry.running = this.compute(learnerId)
        .then((recs) => void (entry.last = signature(recs)))
        .catch((err: unknown) => this.logger.warn({ err, learnerId }, "initial recommendations failed"))
        .finally(() => (entry.running = null));
    }
    w.refs += 1;
    await w.running;
    const entry = w;
    return () => {
      entry.refs -= 1;
      if (entry.refs <= 0) {
        if (entry.timer) clearTimeout(entry.timer);
        this.watched.delete(learnerId);
      }
    };
  }

  get size(): number {
    return this.watched.size;
  }

  private schedule(learnerId: string, seq: number | null): void {
    const w = this.watched.get(learnerId);
    if (!w) return;
    if (seq !== null) w.causeSeq = Math.max(w.causeSeq ?? 0, seq);
    if (w.timer) return;
    w.timer = setTimeout(() => {
      w.timer = null;
      void this.recompute(learnerId, w);
    }, RECOMPUTE_DELAY_MS);
  }

  private async recompute(learnerId: string, w: Watch): Promise<void> {
    // One computation at a time per learner; a change during it schedules another.
    if (w.running) await w.running;
    const causeSeq = w.causeSeq;
    w.causeSeq = null;
    const run = async () => {
      const recs = await this.compute(learnerId);
      const next = signature(recs);
      if (next.join("|") === w.last.join("|")) return;
      const previous = w.last;
      w.last = next;
      this.hub.recommendations.publish([
        { learnerId, causeSeq, previousConceptIds: previous.map((s) => s.slice(0, s.lastIndexOf(":"))), recommendations: recs, recordedAt: Date.now() },
      ]);
    };
    w.running = run()
      .catch((err: unknown) => this.logger.warn({ err, learnerId }, "recommendations recomputation failed"))
      .finally(() => (w.running = null));
    await w.running;
  }
}
