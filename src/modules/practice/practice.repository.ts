import { z } from "zod";
import type { Database } from "../../neo4j/run.js";
import { first, readRows, typedQuery, writeRows } from "../../neo4j/typed.js";
import type { PracticeEvent } from "../../domain/practice/streaks.js";

const nullable = <T extends z.ZodTypeAny>(t: T) => t.nullish().transform((v) => v ?? null);
const PracticeRow = z
  .object({
    id: z.string(),
    timeZone: nullable(z.string()),
    dailyTargetKind: nullable(z.enum(["MINUTES", "ANSWERS"])),
    dailyTargetValue: nullable(z.number()),
    weeklyTarget: nullable(z.number()),
    events: z.array(z.tuple([z.number(), z.string(), z.number().nullable()])),
    masteredTopicIds: z.array(z.string()),
  })
  .transform((r) => ({
    learnerId: r.id,
    timeZone: r.timeZone,
    dailyTarget: r.dailyTargetKind && r.dailyTargetValue !== null ? { kind: r.dailyTargetKind, value: r.dailyTargetValue } : null,
    weeklyTarget: r.weeklyTarget,
    events: r.events.map(([at, kind, durationMs]): PracticeEvent => ({ at, kind, durationMs })),
    masteredTopicIds: r.masteredTopicIds,
  }));
export type PracticeRead = z.output<typeof PracticeRow>;

const Q = {
  read: typedQuery("practice/learner-practice", PracticeRow),
  set: typedQuery("practice/set-settings", z.object({ id: z.string() })),
};

export interface PracticeSettingsWrite {
  timeZone: string | null;
  dailyTargetKind: string | null;
  dailyTargetValue: number | null;
  weeklyTarget: number | null;
  clearWeekly: boolean;
}

/** The only code that names the practice .cypher files. */
export class PracticeRepository {
  constructor(private readonly db: Database) {}

  /** In the order of `ids`; null for a learner that does not exist. */
  async read(ids: readonly string[], mastered: number): Promise<Array<PracticeRead | null>> {
    const rows = new Map((await readRows(this.db, Q.read, { ids, mastered })).map((r) => [r.learnerId, r]));
    return ids.map((id) => rows.get(id) ?? null);
  }

  /** false: no such learner. */
  async set(learnerId: string, s: PracticeSettingsWrite): Promise<boolean> {
    return (await first(writeRows(this.db, Q.set, { learnerId, ...s }))) !== null;
  }
}
