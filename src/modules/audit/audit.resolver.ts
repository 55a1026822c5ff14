import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { Role } from "../../auth/roles.js";
import type { Context } from "../../server/context.js";
import { requireConcepts, requireTopics } from "../curriculum/require.js";
import { CurriculumEvidence, DecideFindingInput, EvidenceDecision, type EdgeVerdict, type FindingDecision, type FindingKind } from "./audit.type.js";

@Resolver()
export class AuditResolver {
  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Query(() => CurriculumEvidence, {
    complexity: 200,
    description:
      "Audits the prerequisite graph against learner evidence: how strongly each edge is supported, and the missing edges the evidence suggests. Scope: the concepts directly in `topicId`, or `conceptIds`, or every concept.",
  })
  async curriculumEvidence(
    @Ctx() ctx: Context,
    @Arg("topicId", () => ID, { nullable: true }) topicId?: string | null,
    @Arg("conceptIds", () => [ID], { nullable: true }) conceptIds?: string[] | null,
  ): Promise<CurriculumEvidence> {
    if (topicId) await requireTopics(ctx.loaders, [topicId]);
    if (conceptIds) await requireConcepts(ctx.loaders, conceptIds);
    const report = await ctx.services.audit.audit({ topicId: topicId ?? null, conceptIds: conceptIds ?? null });
    return {
      ...report,
      edges: report.edges.map((e) => ({ ...e, verdict: e.verdict as EdgeVerdict })),
      decided: report.decided.map((d) => ({ ...d, kind: d.kind as FindingKind, decision: d.decision as FindingDecision })),
    };
  }

  @Authorized(Role.DESIGNER, Role.ADMIN)
  @Mutation(() => EvidenceDecision, {
    description:
      "Accepts or dismisses a finding of curriculumEvidence. ACCEPTED goes through addPrerequisite / removePrerequisite (cycle-safe; PREREQUISITE_CYCLE or NOT_FOUND and nothing recorded when they refuse). The decision is kept, with who and when.",
  })
  async decideEvidenceFinding(@Arg("input", () => DecideFindingInput) input: DecideFindingInput, @Ctx() ctx: Context): Promise<EvidenceDecision> {
    await requireConcepts(ctx.loaders, [input.conceptId, input.prerequisiteId]);
    const d = await ctx.services.audit.decide({ ...input, note: input.note ?? null }, ctx.user?.sub ?? "unknown");
    return { ...d, kind: d.kind as FindingKind, decision: d.decision as FindingDecision };
  }
}
