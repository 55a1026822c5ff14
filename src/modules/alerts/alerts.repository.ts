import { z } from "zod";
import type { Database } from "../../neo4j/run.js";
import { first, readRows, typedQuery, writeRows } from "../../neo4j/typed.js";
import { AlertKind } from "./alerts.type.js";

const num = z.number().nullish().transform((v) => v ?? null);
const Rules = z.object({ rules: z.object({ id: z.string(), alertLowMastery: num, alertMinAttempts: num, alertInactiveDays: num }) });
const AlertRow = z.object({
  alert: z.object({ kind: z.enum(AlertKind), learnerId: z.string(), conceptId: z.string().nullable(), p: z.number().nullable(), attempts: z.number().nullable(), since: z.date().nullable() }),
});

const Q = {
  set: typedQuery("alerts/set-rules", Rules),
  get: typedQuery("alerts/get-rules", Rules),
  alerts: typedQuery("alerts/class-alerts", AlertRow),
};

/** A class's stored thresholds (null: not set, the defaults apply). */
export interface StoredRules {
  lowMastery: number | null;
  minAttempts: number | null;
  inactiveDays: number | null;
}
export type AlertRecord = z.output<typeof AlertRow>["alert"];

/** The only code that names the alerts' .cypher files. */
export class AlertsRepository {
  constructor(private readonly db: Database) {}

  /** null when there is no such class. */
  async rules(classId: string): Promise<StoredRules | null> {
    const r = (await first(readRows(this.db, Q.get, { classId })))?.rules;
    return r ? { lowMastery: r.alertLowMastery, minAttempts: r.alertMinAttempts, inactiveDays: r.alertInactiveDays } : null;
  }

  /** false when there is no such class. */
  async setRules(classId: string, rules: { lowMastery: number; minAttempts: number; inactiveDays: number | null }): Promise<boolean> {
    return (await first(writeRows(this.db, Q.set, { classId, ...rules }))) !== null;
  }

  async alerts(classId: string, rules: { lowMastery: number; minAttempts: number; inactiveDays: number | null }): Promise<AlertRecord[]> {
    return (await readRows(this.db, Q.alerts, { ...rules, classId })).map((r) => r.alert);
  }
}
