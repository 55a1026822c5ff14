import { NotFoundError } from "../../errors/errors.js";
import { cypher } from "../../neo4j/cypher.js";
import type { Database } from "../../neo4j/run.js";
import type { Alert, AlertRules, AlertRulesInput } from "./alerts.type.js";

const Q = { set: cypher("alerts/set-rules"), get: cypher("alerts/get-rules"), alerts: cypher("alerts/class-alerts") };

export const DEFAULT_RULES: Omit<AlertRules, "classId"> = { lowMastery: 0.3, minAttempts: 5, inactiveDays: null };

/** Per-class threshold alerts, computed from current mastery when asked. */
export class AlertsService {
  constructor(private readonly db: Database) {}

  async rules(classId: string): Promise<AlertRules> {
    const [row] = await this.db.read(Q.get, { classId });
    if (!row) throw new NotFoundError("Class", classId);
    const r = row.rules as Record<string, number | null>;
    return {
      classId,
      lowMastery: r.alertLowMastery ?? DEFAULT_RULES.lowMastery,
      minAttempts: r.alertMinAttempts ?? DEFAULT_RULES.minAttempts,
      inactiveDays: r.alertInactiveDays ?? DEFAULT_RULES.inactiveDays,
    };
  }

  async setRules(classId: string, input: AlertRulesInput): Promise<AlertRules> {
    const [row] = await this.db.write(Q.set, { classId, lowMastery: input.lowMastery, minAttempts: input.minAttempts, inactiveDays: input.inactiveDays ?? null });
    if (!row) throw new NotFoundError("Class", classId);
    return this.rules(classId);
  }

  async alerts(classId: string): Promise<Alert[]> {
    const rules = await this.rules(classId);
    const rows = await this.db.read(Q.alerts, { ...rules, classId, minAttempts: Math.round(rules.minAttempts) });
    return rows.map((r) => {
      const a = r.alert as Omit<Alert, "text" | "classId">;
      const text =
        a.kind === "LOW_MASTERY"
          ? `mastery ${(a.p ?? 0).toFixed(2)} after ${a.attempts} attempts (threshold ${rules.lowMastery} after ${rules.minAttempts})`
          : `no activity for more than ${rules.inactiveDays} days`;
      return { ...a, classId, text };
    });
  }
}
