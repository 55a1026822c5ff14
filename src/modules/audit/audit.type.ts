import { MaxLength } from "class-validator";
import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { IsEntityId } from "../../common/validation.js";

export enum FindingKind {
  MISSING = "MISSING",
  CONTRADICTED = "CONTRADICTED",
}
registerEnumType(FindingKind, { name: "FindingKind", description: "MISSING: a suggested edge c REQUIRES q. CONTRADICTED: an existing edge the evidence contradicts." });

export enum FindingDecision {
  ACCEPTED = "ACCEPTED",
  DISMISSED = "DISMISSED",
}
registerEnumType(FindingDecision, {
  name: "FindingDecision",
  description: "ACCEPTED applies the finding (adds the missing edge, cycle-safe; removes the contradicted one). DISMISSED keeps the graph. Either way it is not reported again until the evidence moves.",
});

@InputType()
export class DecideFindingInput {
  @Field(() => ID) @IsEntityId() conceptId!: string;
  @Field(() => ID) @IsEntityId() prerequisiteId!: string;
  @Field(() => FindingKind) kind!: FindingKind;
  @Field(() => FindingDecision) decision!: FindingDecision;
  @Field(() => String, { nullable: true, description: "Why, for the audit trail (at most 500 characters)." }) @MaxLength(500) note?: string | null;
}

@ObjectType({ description: "A designer's decision on a finding, with the evidence then and now." })
export class EvidenceDecision {
  @Field(() => ID) conceptId!: string;
  @Field(() => ID) prerequisiteId!: string;
  @Field(() => FindingKind) kind!: FindingKind;
  @Field(() => FindingDecision) decision!: FindingDecision;
  @Field(() => String, { description: "Who decided (the token's subject)." }) by!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field(() => Int, { description: "Learners with evidence on the pair when it was decided." }) learners!: number;
  @Field(() => Int, { description: "Learners with evidence on the pair now." }) learnersNow!: number;
  @Field(() => Boolean, { description: "At least 1.5 times as many learners, and 20 more: the finding is reported again." }) evidenceMoved!: boolean;
}

export enum EdgeVerdict {
  SUPPORTED = "SUPPORTED",
  CONTRADICTED = "CONTRADICTED",
  UNCLEAR = "UNCLEAR",
  NOT_ENOUGH_EVIDENCE = "NOT_ENOUGH_EVIDENCE",
}
registerEnumType(EdgeVerdict, {
  name: "EdgeVerdict",
  description:
    "What learner evidence says of an edge c REQUIRES p: SUPPORTED (learners without p master c far less often than learners of their level with p), CONTRADICTED (about as often: p looks unnecessary), UNCLEAR, NOT_ENOUGH_EVIDENCE (fewer than 20 learners on a side).",
});

@ObjectType({ description: "count out of total, with the Wilson 95% interval; rate null when total is 0." })
export class EvidenceProportion {
  @Field(() => Int) count!: number;
  @Field(() => Int) total!: number;
  @Field(() => Float, { nullable: true }) rate!: number | null;
  @Field(() => Float) low!: number;
  @Field(() => Float) high!: number;
}

@ObjectType({ description: "Learners by their outcome on c and their state of p when c's outcome was settled." })
export class PairCounts {
  @Field(() => Int, { description: "c mastered, p mastered before." }) bothMastered!: number;
  @Field(() => Int, { description: "c mastered, p answered but not mastered by then." }) onlyConcept!: number;
  @Field(() => Int, { description: "c not mastered, p mastered before." }) onlyPrerequisite!: number;
  @Field(() => Int, { description: "neither." }) neither!: number;
}

@ObjectType({ description: "Learners without p who mastered c, against what learners with p of the same level band predict." })
export class LevelAdjusted {
  @Field(() => Int) total!: number;
  @Field(() => EvidenceProportion) observed!: EvidenceProportion;
  @Field(() => Float) expected!: number;
  @Field(() => Float, { nullable: true, description: "observed / expected: near 0 when p is needed, near 1 when not." }) relativeRate!: number | null;
}

@ObjectType()
export class FirstAttemptEvidence {
  @Field(() => EvidenceProportion, { description: "First answers on c that were right, among learners who had mastered p before them." }) withPrerequisite!: EvidenceProportion;
  @Field(() => EvidenceProportion, { description: "The same among learners who had not." }) withoutPrerequisite!: EvidenceProportion;
  @Field(() => Float, { description: "One-sided Fisher exact p-value: better with p." }) pValue!: number;
}

@ObjectType({ description: "The evidence on one existing edge c REQUIRES p." })
export class EdgeEvidence {
  @Field(() => ID) conceptId!: string;
  @Field(() => ID) prerequisiteId!: string;
  @Field(() => EdgeVerdict) verdict!: EdgeVerdict;
  @Field(() => Int, { description: "Learners with evidence on both c and p." }) learnersWithEvidence!: number;
  @Field(() => PairCounts) table!: PairCounts;
  @Field(() => EvidenceProportion, { description: "c's masters who had not mastered p, out of c's masters with evidence on p." }) masteredWithoutPrerequisite!: EvidenceProportion;
  @Field(() => Int) mastersWithoutEvidenceOnPrerequisite!: number;
  @Field(() => Int, { description: "Learners who mastered every other prerequisite of c (the comparison is among them)." }) learnersConsidered!: number;
  @Field(() => PairCounts) conditionalTable!: PairCounts;
  @Field(() => EvidenceProportion) masteredGivenPrerequisite!: EvidenceProportion;
  @Field(() => EvidenceProportion) masteredGivenNoPrerequisite!: EvidenceProportion;
  @Field(() => LevelAdjusted) levelAdjusted!: LevelAdjusted;
  @Field(() => Float, { description: "One-sided Cochran-Mantel-Haenszel p-value over level bands." }) dependencePValue!: number;
  @Field(() => FirstAttemptEvidence) firstAttempt!: FirstAttemptEvidence;
}

@ObjectType({ description: "A prerequisite the evidence suggests is missing: c REQUIRES q. A suggestion, never applied automatically." })
export class MissingEdgeSuggestion {
  @Field(() => ID) conceptId!: string;
  @Field(() => ID) prerequisiteId!: string;
  @Field(() => Int, { description: "Learners with evidence on both c and q." }) learnersWithEvidence!: number;
  @Field(() => EvidenceProportion, { description: "Of the learners who mastered both, those who mastered c first (a prerequisite is mastered first)." }) masteredConceptFirst!: EvidenceProportion;
  @Field(() => Boolean) sameTopic!: boolean;
  @Field(() => Int, { nullable: true, description: "Edges between them in the graph (either direction), null when only the topic links them." }) distance!: number | null;
  @Field(() => PairCounts) table!: PairCounts;
  @Field(() => Int) learnersConsidered!: number;
  @Field(() => EvidenceProportion) masteredWithoutPrerequisite!: EvidenceProportion;
  @Field(() => EvidenceProportion) masteredGivenPrerequisite!: EvidenceProportion;
  @Field(() => EvidenceProportion) masteredGivenNoPrerequisite!: EvidenceProportion;
  @Field(() => LevelAdjusted) levelAdjusted!: LevelAdjusted;
  @Field(() => Float) pValue!: number;
  @Field(() => Float, { description: "pValue times the candidates tested (Bonferroni), at most 1." }) adjustedPValue!: number;
}

@ObjectType({ description: "The prerequisite audit (docs/prerequisite-audit.md): each edge's support and the suggested missing edges, strongest first." })
export class CurriculumEvidence {
  @Field(() => Int) learners!: number;
  @Field(() => [EdgeEvidence]) edges!: EdgeEvidence[];
  @Field(() => [MissingEdgeSuggestion], { description: "Without the ones a designer decided on, unless their evidence moved." }) missing!: MissingEdgeSuggestion[];
  @Field(() => [EvidenceDecision], { description: "Decisions in force on this audit's findings." }) decided!: EvidenceDecision[];
  @Field(() => Int) candidatesTested!: number;
  @Field(() => Int) candidatesWithoutEnoughEvidence!: number;
  @Field(() => Int, { description: "Pairs left out because most answers on one also assess the other (they cannot be told apart)." }) candidatesSharingAnswers!: number;
}
