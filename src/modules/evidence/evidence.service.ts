import { EvidenceBuilder } from "../../domain/evidence/learner-evidence.js";
import { AUDIT_CONSTANTS, auditPrerequisites, type AuditReport } from "../../domain/evidence/prerequisite-audit.js";
import type { CurriculumService } from "../curriculum/curriculum.service.js";
import type { EvidenceRepository } from "./evidence.repository.js";

/** Learners whose answers are read per round trip. */
const PAGE = 200;

export interface AuditScope {
  /** Only concepts directly in this topic (null: every concept). */
  topicId?: string | null;
  /** Only these concepts (null: every concept, or the topic's). */
  conceptIds?: readonly string[] | null;
  onProgress?: (learnersRead: number, learners: number) => void;
}

/**
 * The prerequisite audit over stored evidence (docs/prerequisite-audit.md): the concept graph from
 * the curriculum's in-memory copy, learners' answers from Neo4j a page at a time, the statistics
 * from the pure src/domain/evidence. Edges and candidate pairs are those inside the scope.
 */
export class EvidenceService {
  constructor(
    private readonly repo: EvidenceRepository,
    private readonly curriculum: CurriculumService,
  ) {}

  async audit(scope: AuditScope = {}): Promise<AuditReport> {
    const graph = await this.curriculum.graph();
    const wanted = scope.conceptIds ? new Set(scope.conceptIds) : null;
    const concepts = graph.all().filter((c) => (!wanted || wanted.has(c.id)) && (!scope.topicId || c.topicId === scope.topicId));
    const ids = new Set(concepts.map((c) => c.id));
    const edges = concepts.flatMap((c) => c.prerequisites.filter((p) => ids.has(p.id)).map((p) => ({ conceptId: c.id, prerequisiteId: p.id })));
    const learners = ids.size > 0 ? await this.repo.learnersOf([...ids]) : [];
    const builder = new EvidenceBuilder(AUDIT_CONSTANTS, ids);
    for (let i = 0; i < learners.length; i += PAGE) {
      for (const l of await this.repo.answersOf(learners.slice(i, i + PAGE))) {
        builder.addLearner(
          l.answers.map((a) => ({ conceptIds: a.conceptIds.filter((c) => ids.has(c)), correct: a.score >= 0.5 })).filter((a) => a.conceptIds.length > 0),
        );
      }
      scope.onProgress?.(Math.min(learners.length, i + PAGE), learners.length);
    }
    return auditPrerequisites({ concepts: concepts.map((c) => ({ id: c.id, topicId: c.topicId })), edges }, builder.build(), AUDIT_CONSTANTS);
  }
}
