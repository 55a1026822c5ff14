import { NotFoundError } from "../../errors/errors.js";
import type { AlertsRepository } from "./alerts.repository.js";
import type { Alert, AlertRules, AlertRulesInput } from "./alerts.type.js";

export const DEFAULT_RULES: Omit<AlertRules, "classId"> = { lowMastery: 0.3, minAttempts: 5, inactiveDays: null };

/** Per-class threshold alerts, computed from current mastery when asked. */
export class AlertsService {
  constructor(private readonly repo: AlertsRepository) {}

  async rules(classId: string): Promise<AlertRules> {
    const r = await this.repo.rules(classId);
    if (!r) throw new NotFoundError("Class", classId);
    return {
      classId,
      lowMastery: r.lowMastery ?? DEFAULT_RULES.lowMastery,
      minAttempts: r.minAttempts ?? DEFAULT_RULES.minAttempts,
      inactiveDays: r.inactiveDays ?? DEFAULT_RULES.inactiveDays,
    };
  }

  async setRules(classId: string, input: AlertRulesInput): Promise<AlertRules> {
    const found = await this.repo.setRules(classId, { lowMastery: input.lowMastery, minAttempts: input.minAttempts, inactiveDays: input.inactiveDays ?? null });
    if (!found) throw new NotFoundError("Class", classId);
    return this.rules(classId);
  }

  async alerts(classId: string): Promise<Alert[]> {
    const rules = await this.rules(classId);
    const rows = await this.repo.alerts(classId, { lowMastery: rules.lowMastery, minAttempts: Math.round(rules.minAttempts), inactiveDays: rules.inactiveDays });
    return rows.map((a) => {
      const text =
        a.kind === "LOW_MASTERY"
          ? `mastery ${(a.p ?? 0).toFixed(2)} after ${a.attempts} attempts (threshold ${rules.lowMastery} after ${rules.minAttempts})`
          : `no activity for more than ${rules.inactiveDays} days`;
      return { ...a, classId, text };
    });
  }
}
