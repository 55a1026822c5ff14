import { EvidenceBuilder, type EvidenceTable } from "../../domain/audit/learner-evidence.js";
import { AUDIT_CONSTANTS, auditPrerequisites, evidenceMoved, pairLearners, type AuditReport } from "../../domain/audit/prerequisite-audit.js";
import type { CurriculumService } from "../curriculum/curriculum.service.js";
import type { DecisionRow, AuditRepository } from "./audit.repository.js";

/** Learners whose answers are read per round trip. */
const PAGE = 200;

export interface AuditScope {
  /** Only concepts directly in this topic (null: every concept). */
  topicId?: string | null;
  /** Only these concepts (null: every concept, or the topic's). */
  conceptIds?: readonly string[] | null;
  onProgress?: (learnersRead: number, learners: number) => void;
}

export type FindingKind = DecisionRow["kind"];
export type FindingDecision = DecisionRow["decision"];

/** A designer's decision on a finding, with how the evidence changed since. */
export interface DecidedFinding extends DecisionRow {
  learnersNow: number;
  /** True when enough new learners have evidence on the pair that the finding is reported again. */
  evidenceMoved: boolean;
}

export interface CurriculumAudit extends AuditReport {
  /** Decisions in force on this scope's findings; a decided missing edge is not in `missing` unless its evidence moved. */
  decided: DecidedFinding[];
}

/**
 * The prerequisite audit over stored evidence (docs/prerequisite-audit.md): the concept graph from
 * the curriculum's in-memory copy, learners' answers from Neo4j a page at a time, the statistics
 * from the pure src/domain/audit. Edges and candidate pairs are those inside the scope.
 * Designers accept or dismiss findings; an accepted one goes through the curriculum's ordinary,
 * cycle-safe edge edits.
 */
export class AuditService {
  constructor(
    private readonly repo: AuditRepository,
    private readonly curriculum: CurriculumService,
  ) {}

  async audit(scope: AuditScope = {}): Promise<CurriculumAudit> {
    const graph = await this.curriculum.graph();
    const wanted = scope.conceptIds ? new Set(scope.conceptIds) : null;
    const concepts = graph.all().filter((c) => (!wanted || wanted.has(c.id)) && (!scope.topicId || c.topicId === scope.topicId));
    const ids = new Set(concepts.map((c) => c.id));
    const edges = concepts.flatMap((c) => c.prerequisites.filter((p) => ids.has(p.id)).map((p) => ({ conceptId: c.id, prerequisiteId: p.id })));
    const table = await this.evidence(ids, scope.onProgress);
    const report = auditPrerequisites({ concepts: concepts.map((c) => ({ id: c.id, topicId: c.topicId })), edges }, table, AUDIT_CONSTANTS);

    const findings = [
      ...report.edges.filter((e) => e.verdict === "CONTRADICTED").map((e) => ({ ...e, kind: "CONTRADICTED" as const })),
      ...report.missing.map((m) => ({ ...m, kind: "MISSING" as const })),
    ];
    const now = new Map(findings.map((f) => [`${f.conceptId}|${f.prerequisiteId}|${f.kind}`, f.learnersWithEvidence]));
    const decided = (await this.repo.decisionsOf(findings)).map((d) => {
      const learnersNow = now.get(`${d.conceptId}|${d.prerequisiteId}|${d.kind}`) ?? 0;
      return { ...d, learnersNow, evidenceMoved: evidenceMoved(d.learners, learnersNow) };
    });
    const quiet = new Set(decided.filter((d) => !d.evidenceMoved).map((d) => `${d.conceptId}|${d.prerequisiteId}|${d.kind}`));
    return { ...report, missing: report.missing.filter((m) => !quiet.has(`${m.conceptId}|${m.prerequisiteId}|MISSING`)), decided };
  }

  /**
   * Records a designer's decision on a finding. ACCEPTED applies it: a missing edge through
   * `addPrerequisite` (PREREQUISITE_CYCLE if it would close a cycle, and nothing is recorded), a
   * contradicted one through `removePrerequisite` (NOT_FOUND if the edge is gone). DISMISSED
   * changes nothing in the graph. Either way the finding is not reported again until the
   * evidence moves.
   */
  async decide(input: { conceptId: string; prerequisiteId: string; kind: FindingKind; decision: FindingDecision; note: string | null }, by: string): Promise<DecidedFinding> {
    const table = await this.evidence(new Set([input.conceptId, input.prerequisiteId]));
    const learners = pairLearners(table, input.conceptId, input.prerequisiteId);
    if (input.decision === "ACCEPTED") {
      if (input.kind === "MISSING") await this.curriculum.addPrerequisite({ conceptId: input.conceptId, prerequisiteId: input.prerequisiteId, weight: 1 });
      else await this.curriculum.removePrerequisite(input.conceptId, input.prerequisiteId);
    }
    const row = { ...input, by, learners };
    const at = await this.repo.recordDecision(row);
    return { ...row, at, learnersNow: learners, evidenceMoved: false };
  }

  private async evidence(ids: ReadonlySet<string>, onProgress?: (done: number, total: number) => void): Promise<EvidenceTable> {
    const learners = ids.size > 0 ? await this.repo.learnersOf([...ids]) : [];
    const builder = new EvidenceBuilder(AUDIT_CONSTANTS, ids);
    for (let i = 0; i < learners.length; i += PAGE) {
      for (const l of await this.repo.answersOf(learners.slice(i, i + PAGE))) {
        builder.addLearner(
          l.answers.map((a) => ({ conceptIds: a.conceptIds.filter((c) => ids.has(c)), correct: a.score >= 0.5 })).filter((a) => a.conceptIds.length > 0),
        );
      }
      onProgress?.(Math.min(learners.length, i + PAGE), learners.length);
    }
    return builder.build();
  }
}
