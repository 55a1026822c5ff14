import { cypher } from "../../neo4j/cypher.js";
import type { Database } from "../../neo4j/run.js";
import type { DataQuality } from "./quality.type.js";

const SUMMARY = cypher("quality/summary");

/** Data-quality figures an operator can query. */
export class QualityService {
  constructor(private readonly db: Database) {}

  async summary(): Promise<DataQuality> {
    const [row] = await this.db.read(SUMMARY);
    return {
      eventsByKind: ((row?.byKind as Array<{ kind: string; count: number }>) ?? []).map((r) => ({ key: r.kind, count: r.count })),
      rejectedByCode: ((row?.rejected as Array<{ code: string; count: number }>) ?? []).map((r) => ({ key: r.code, count: r.count })),
      latestEventAt: (row?.latest as Date | null) ?? null,
      learners: (row?.learners as number) ?? 0,
      learnersWithoutEvents: (row?.silent as number) ?? 0,
    };
  }
}
