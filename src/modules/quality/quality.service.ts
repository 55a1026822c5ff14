import type { QualityRepository } from "./quality.repository.js";
import type { DataQuality } from "./quality.type.js";

/** Data-quality figures an operator can query. */
export class QualityService {
  constructor(private readonly repo: QualityRepository) {}

  async summary(): Promise<DataQuality> {
    const row = await this.repo.summary();
    return {
      eventsByKind: row.byKind.map((r) => ({ key: r.kind, count: r.count })),
      rejectedByCode: row.rejected.map((r) => ({ key: r.code, count: r.count })),
      latestEventAt: row.latest,
      learners: row.learners,
      learnersWithoutEvents: row.silent,
    };
  }
}
