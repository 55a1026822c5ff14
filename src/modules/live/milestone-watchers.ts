import type { Logger } from "../../logger.js";
import type { Milestone } from "../practice/practice.type.js";
import type { LiveHub } from "./hub.js";
import { RECOMPUTE_DELAY_MS } from "./recommendation-watchers.js";

interface Watch {
  refs: number;
  /** `kind:subject` of the milestones that held at the last computation. */
  known: Set<string>;
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
}

const key = (m: Milestone) => `${m.kind}:${m.subject}`;

/**
 * Derives `learnerMilestone` on each server, for the learners someone here subscribes to: a
 * mastery change of the learner (new evidence, late events included) schedules one recomputation
 * of the milestones that hold (streaks are recomputed from the events, never incremented), and
 * those not held before are published. Stateless across servers: each compares with its own last
 * computation, so every subscriber sees a milestone once per subscription, whichever server
 * took the evidence.
 */
export class MilestoneWatchers {
  private readonly watched = new Map<string, Watch>();

  constructor(
    private readonly hub: LiveHub,
    private readonly compute: (learnerId: string) => Promise<Milestone[]>,
    private readonly logger: Logger,
  ) {
    hub.mastery.listen((records) => {
      for (const id of new Set(records.map((r) => r.learnerId))) if (this.watched.has(id)) this.schedule(id);
    });
  }

  /** Starts watching (reads what holds now first); returns the function that stops it. */
  async watch(learnerId: string): Promise<() => void> {
    let w = this.watched.get(learnerId);
    if (!w) {
      const entry: Watch = { refs: 0, known: new Set(), timer: null, running: null };
      this.watched.set(learnerId, entry);
      entry.running = this.compute(learnerId)
        .then((ms) => void (entry.known = new Set(ms.map(key))))
        .catch((err: unknown) => this.logger.warn({ err, learnerId }, "initial milestones failed"))
        .finally(() => (entry.running = null));
      w = entry;
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

  private schedule(learnerId: string): void {
    const w = this.watched.get(learnerId);
    if (!w || w.timer) return;
    w.timer = setTimeout(() => {
      w.timer = null;
      void this.recompute(learnerId, w);
    }, RECOMPUTE_DELAY_MS);
  }

  private async recompute(learnerId: string, w: Watch): Promise<void> {
    if (w.running) await w.running;
    const run = async () => {
      const now = await this.compute(learnerId);
      const fresh = now.filter((m) => !w.known.has(key(m)));
      w.known = new Set(now.map(key));
      if (fresh.length > 0) this.hub.milestones.publish(fresh);
    };
    w.running = run()
      .catch((err: unknown) => this.logger.warn({ err, learnerId }, "milestones recomputation failed"))
      .finally(() => (w.running = null));
    await w.running;
  }
}
