import type { Logger } from "../../logger.js";
import type { AlertRules } from "../alerts/alerts.type.js";
import type { AppliedChange } from "../events/events.service.js";
import type { LiveHub } from "./hub.js";
import type { AccessService } from "../learners/access.service.js";
import { ACCESS_TTL_MS } from "../learners/access.service.js";

/**
 * Whether a change raises a LOW_MASTERY alert under a class's rules: the learner is now below
 * the threshold with enough attempts, and was not already (above it before, or just reached
 * the minimum number of attempts). Exported for unit tests.
 */
export function raisesLowMastery(c: Pick<AppliedChange, "before" | "after" | "attempts">, rules: Pick<AlertRules, "lowMastery" | "minAttempts">): boolean {
  if (!(c.after < rules.lowMastery && c.attempts >= rules.minAttempts)) return false;
  return c.before >= rules.lowMastery || c.attempts === rules.minAttempts;
}

interface Watch {
  refs: number;
  rules: { at: number; value: Promise<AlertRules> };
}

/**
 * Derives `alertRaised` on each server, for the classes someone here subscribes to: every mastery
 * change of a member is checked against the class's rules (re-read every ACCESS_TTL_MS). Only
 * LOW_MASTERY alerts are pushed: INACTIVE alerts are about time passing, not evidence, and are
 * read with `classroom.alerts`.
 */
export class AlertWatchers {
  private readonly watched = new Map<string, Watch>();

  constructor(
    private readonly hub: LiveHub,
    private readonly access: AccessService,
    private readonly loadRules: (classId: string) => Promise<AlertRules>,
    private readonly logger: Logger,
  ) {
    hub.mastery.listen((records) => {
      if (this.watched.size > 0) void this.check(records).catch((err: unknown) => this.logger.warn({ err }, "alert check failed"));
    });
  }

  watch(classId: string): () => void {
    let w = this.watched.get(classId);
    if (!w) {
      w = { refs: 0, rules: { at: Date.now(), value: this.loadRules(classId) } };
      this.watched.set(classId, w);
    }
    w.refs += 1;
    const entry = w;
    return () => {
      entry.refs -= 1;
      if (entry.refs <= 0) this.watched.delete(classId);
    };
  }

  private rules(w: Watch, classId: string): Promise<AlertRules> {
    if (Date.now() - w.rules.at > ACCESS_TTL_MS) w.rules = { at: Date.now(), value: this.loadRules(classId) };
    return w.rules.value;
  }

  private async check(records: readonly AppliedChange[]): Promise<void> {
    for (const [classId, w] of this.watched) {
      const [members, rules] = await Promise.all([this.access.classMembers(classId), this.rules(w, classId)]);
      const raised = records
        .filter((c) => members.has(c.learnerId) && raisesLowMastery(c, rules))
        .map((c) => ({
          classId,
          learnerId: c.learnerId,
          conceptId: c.conceptId,
          p: c.after,
          attempts: c.attempts,
          seq: c.seq,
          text: `mastery ${c.after.toFixed(2)} after ${c.attempts} attempts (threshold ${rules.lowMastery} after ${rules.minAttempts})`,
          recordedAt: c.recordedAt,
        }));
      this.hub.alerts.publish(raised);
    }
  }
}
