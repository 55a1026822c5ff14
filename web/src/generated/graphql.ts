import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** A local date string (i.e., with no associated timezone) in `YYYY-MM-DD` format, e.g. `2020-01-01`. */
  LocalDate: { input: string; output: string; }
};

/** Learner ability in logits: LOW below −0.5, HIGH above +0.5, MID between. */
export type AbilityBand =
  | 'HIGH'
  | 'LOW'
  | 'MID';

/** One row of the activity -> item table: which Frontier item an xAPI activity (or Caliper object) IRI stands for. */
export type ActivityMappingInput = {
  /** The activity IRI, exactly as producers send it in `object.id`. */
  activityId: Scalars['String']['input'];
  /** The item; null removes the row. */
  itemId?: InputMaybe<Scalars['ID']['input']>;
};

/** A threshold alert on a learner of a class. */
export type Alert = {
  __typename?: 'Alert';
  attempts?: Maybe<Scalars['Int']['output']>;
  classId: Scalars['ID']['output'];
  conceptId?: Maybe<Scalars['ID']['output']>;
  kind: AlertKind;
  learnerId: Scalars['ID']['output'];
  p?: Maybe<Scalars['Float']['output']>;
  /** Last practice (LOW_MASTERY) or last event (INACTIVE). */
  since?: Maybe<Scalars['DateTimeISO']['output']>;
  text: Scalars['String']['output'];
};

/** LOW_MASTERY: mastery below the class's threshold after enough attempts. INACTIVE: no event for longer than the class's inactiveDays. */
export type AlertKind =
  | 'INACTIVE'
  | 'LOW_MASTERY';

export type AlertRules = {
  __typename?: 'AlertRules';
  /** The class whose rules these are (a client caches them under it). */
  classId: Scalars['ID']['output'];
  inactiveDays?: Maybe<Scalars['Int']['output']>;
  lowMastery: Scalars['Float']['output'];
  minAttempts: Scalars['Int']['output'];
};

/** Per-class alert thresholds. */
export type AlertRulesInput = {
  /** Alert when a learner has had no event for this many days (1-365); null turns it off. */
  inactiveDays?: InputMaybe<Scalars['Int']['input']>;
  /** Alert when mastery is below this, in (0, 1)... */
  lowMastery?: Scalars['Float']['input'];
  /** ...after at least this many attempts (1-1000). */
  minAttempts?: Scalars['Int']['input'];
};

/** A learner whose mastery is low or falling. */
export type AtRiskLearner = {
  __typename?: 'AtRiskLearner';
  learnerId: Scalars['ID']['output'];
  /** Mean mastery now over practised concepts. */
  meanMastery: Scalars['Float']['output'];
  reason: Scalars['String']['output'];
  /** Mean change from forgetting since last practice (negative = falling). */
  trend: Scalars['Float']['output'];
};

/** A free-form property kept from an import (extra CSV columns). */
export type Attribute = {
  __typename?: 'Attribute';
  key: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

/** A concept blocking many learners: not mastered by them, and needed by later concepts. */
export type Bottleneck = {
  __typename?: 'Bottleneck';
  /** Learners who have not mastered it. */
  blockedLearners: Scalars['Int']['output'];
  concept: Concept;
  /** Concepts that directly require it. */
  dependents: Scalars['Int']['output'];
  explanation: Scalars['String']['output'];
};

/** A concept many learners of the class are ready for. */
export type ClassFrontierConcept = {
  __typename?: 'ClassFrontierConcept';
  concept: Concept;
  learners: Scalars['Int']['output'];
  /** Learners for whom it is on the frontier (ready, not mastered). */
  readyLearners: Scalars['Int']['output'];
};

/** A class of learners, taught by teachers. */
export type Classroom = {
  __typename?: 'Classroom';
  alertRules: AlertRules;
  /** Current threshold alerts of the class's learners. */
  alerts: Array<Alert>;
  /** Learners whose mastery is low or falling. */
  atRisk: Array<AtRiskLearner>;
  /** Concepts most learners are blocked on. */
  bottlenecks: Array<Bottleneck>;
  /** Teachers' corrections of this class's learners, newest first (reverted ones included). */
  corrections: Array<Correction>;
  /** Concepts the most learners are ready for. */
  frontier: Array<ClassFrontierConcept>;
  /** Learners x concepts mastery matrix (concepts under topicId, or every practised concept). */
  heatmap: Heatmap;
  id: Scalars['ID']['output'];
  /** Only for the class's teachers and admins. */
  learners: Array<Learner>;
  name: Scalars['String']['output'];
  /** Each learner's streaks and this week's practice (who practised this week), by learner id. */
  practice: Array<PracticeSummary>;
  teacherIds: Array<Scalars['ID']['output']>;
};


/** A class of learners, taught by teachers. */
export type ClassroomBottlenecksArgs = {
  limit?: Scalars['Int']['input'];
  topicId?: InputMaybe<Scalars['ID']['input']>;
};


/** A class of learners, taught by teachers. */
export type ClassroomCorrectionsArgs = {
  limit?: Scalars['Int']['input'];
};


/** A class of learners, taught by teachers. */
export type ClassroomFrontierArgs = {
  limit?: Scalars['Int']['input'];
  topicId?: InputMaybe<Scalars['ID']['input']>;
};


/** A class of learners, taught by teachers. */
export type ClassroomHeatmapArgs = {
  topicId?: InputMaybe<Scalars['ID']['input']>;
};

/** A unit of knowledge in the prerequisite graph. */
export type Concept = {
  __typename?: 'Concept';
  /** Extra properties kept from imports. */
  attributes: Array<Attribute>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** Concepts that directly require this one. */
  dependents: Array<PrerequisiteEdge>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  items: Array<Item>;
  name: Scalars['String']['output'];
  /** Direct prerequisites. */
  prerequisites: Array<PrerequisiteEdge>;
  tags: Array<Scalars['String']['output']>;
  topic?: Maybe<Topic>;
  updatedAt: Scalars['DateTimeISO']['output'];
};


/** A unit of knowledge in the prerequisite graph. */
export type ConceptItemsArgs = {
  kind?: InputMaybe<ItemKind>;
};

export type ConceptConnection = {
  __typename?: 'ConceptConnection';
  edges: Array<ConceptEdge>;
  /** The page's objects, without cursors. */
  nodes: Array<Concept>;
  pageInfo: PageInfo;
  /** Number of objects matching the filters, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type ConceptEdge = {
  __typename?: 'ConceptEdge';
  cursor: Scalars['String']['output'];
  node: Concept;
};

/** A subgraph of the prerequisite graph around some concepts. */
export type ConceptGraph = {
  __typename?: 'ConceptGraph';
  edges: Array<PrerequisiteEdge>;
  nodes: Array<ConceptGraphNode>;
};

export type ConceptGraphNode = {
  __typename?: 'ConceptGraphNode';
  concept: Concept;
  /** Fewest edges from a root (roots are 0). */
  depth: Scalars['Int']['output'];
};

/** A confidence interval. */
export type ConfidenceInterval = {
  __typename?: 'ConfidenceInterval';
  /** The confidence level, e.g. 0.95. */
  level: Scalars['Float']['output'];
  lower: Scalars['Float']['output'];
  upper: Scalars['Float']['output'];
};

/** A teacher's correction of one learner's mastery of one concept: who, when, why, before and after. Kept when reverted. */
export type Correction = {
  __typename?: 'Correction';
  /** False once reverted. */
  active: Scalars['Boolean']['output'];
  /** Mastery just after (p within the model's guard range), in [0, 1]. */
  after: Scalars['Float']['output'];
  at: Scalars['DateTimeISO']['output'];
  /** Mastery just before (forgetting included), in [0, 1]. */
  before: Scalars['Float']['output'];
  /** Who corrected (the token's subject). */
  by: Scalars['ID']['output'];
  /** As which role: TEACHER or ADMIN. */
  byRole: Scalars['String']['output'];
  conceptId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  learnerId: Scalars['ID']['output'];
  /** The mastery the teacher set, in [0, 1]. */
  p: Scalars['Float']['output'];
  /** Why, in the teacher's words. */
  reason: Scalars['String']['output'];
  revertReason?: Maybe<Scalars['String']['output']>;
  revertedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  revertedBy?: Maybe<Scalars['ID']['output']>;
  /** The learner's mastery-change sequence number of the correction (masteryHistory, masteryChanged). */
  seq: Scalars['Int']['output'];
};

export type CountByKey = {
  __typename?: 'CountByKey';
  count: Scalars['Int']['output'];
  key: Scalars['String']['output'];
};

export type CreateConceptInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  /** Created in the same transaction, cycle-checked. */
  prerequisites?: Array<WeightedConceptInput>;
  tags?: Array<Scalars['String']['input']>;
  topicId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateItemInput = {
  assesses?: Array<WeightedConceptInput>;
  /** Logits, -10..10; 0 is average. Leave it out (or null) when unknown: the model then uses the fitted difficulty, else the mean difficulty of the item's concepts. */
  difficulty?: InputMaybe<Scalars['Float']['input']>;
  id: Scalars['ID']['input'];
  kind: ItemKind;
  title: Scalars['String']['input'];
  url?: InputMaybe<Scalars['String']['input']>;
};

/** A committed change to the curriculum graph (for designers' editors and caches). */
export type CurriculumChange = {
  __typename?: 'CurriculumChange';
  /** The curriculum version this change's write made (it increases with every committed curriculum write; null for changes recorded before versions existed). */
  curriculumVersion?: Maybe<Scalars['Int']['output']>;
  entity: CurriculumEntity;
  /** The concept or item changed; for PREREQUISITE the dependent concept, for ITEM_LINK the item, for IMPORT 'curriculum'. */
  entityId: Scalars['ID']['output'];
  /** Unique per change: a client caches each change under it. */
  id: Scalars['ID']['output'];
  operation: CurriculumOperation;
  recordedAt: Scalars['DateTimeISO']['output'];
  /** PREREQUISITE: the prerequisite concept. ITEM_LINK: the concept. */
  relatedId?: Maybe<Scalars['ID']['output']>;
  /** IMPORT: JSON counts of what was created and updated. */
  summary?: Maybe<Scalars['String']['output']>;
};

/** What a curriculum change touched. IMPORT: a bulk import (see summary). */
export type CurriculumEntity =
  | 'CONCEPT'
  | 'IMPORT'
  | 'ITEM'
  | 'ITEM_LINK'
  | 'PREREQUISITE';

/** The prerequisite audit (docs/prerequisite-audit.md): each edge's support and the suggested missing edges, strongest first. */
export type CurriculumEvidence = {
  __typename?: 'CurriculumEvidence';
  /** Pairs left out because most answers on one also assess the other (they cannot be told apart). */
  candidatesSharingAnswers: Scalars['Int']['output'];
  candidatesTested: Scalars['Int']['output'];
  candidatesWithoutEnoughEvidence: Scalars['Int']['output'];
  /** Decisions in force on this audit's findings. */
  decided: Array<EvidenceDecision>;
  edges: Array<EdgeEvidence>;
  learners: Scalars['Int']['output'];
  /** Without the ones a designer decided on, unless their evidence moved. */
  missing: Array<MissingEdgeSuggestion>;
};

export type CurriculumOperation =
  | 'CREATED'
  | 'DELETED'
  | 'UPDATED';

/** Validation of the whole curriculum graph, for designers. */
export type CurriculumReport = {
  __typename?: 'CurriculumReport';
  conceptCount: Scalars['Int']['output'];
  conceptsWithoutItems: Array<Scalars['ID']['output']>;
  itemCount: Scalars['Int']['output'];
  /** Items that never help: in every band with at least 20 follow-ups, the 95% interval of the mastery gain lies at or below 0. */
  itemsThatNeverHelp: Array<Item>;
  itemsWithoutConcepts: Array<Scalars['ID']['output']>;
  /** The longest prerequisite chain, from the most advanced concept down. */
  longestChain: Array<Scalars['ID']['output']>;
  /** Edges in the longest chain. */
  longestChainLength: Scalars['Int']['output'];
  /** Concepts with neither prerequisites nor dependents. */
  orphanConcepts: Array<Scalars['ID']['output']>;
  prerequisiteCount: Scalars['Int']['output'];
  /** Edges implied by transitivity. */
  redundantEdges: Array<RedundantEdge>;
};

/** Data-quality figures for operators. */
export type DataQuality = {
  __typename?: 'DataQuality';
  /** Per source: the recent window (default the last 7 days) against the baseline before it (default the 28 days before), each feature's PSI, the model's calibration per window (docs/drift.md). */
  drift: DriftReport;
  /** Stored events per kind. */
  eventsByKind: Array<CountByKey>;
  /** Freshness: the newest event's time. */
  latestEventAt?: Maybe<Scalars['DateTimeISO']['output']>;
  learners: Scalars['Int']['output'];
  /** Learners without any event. */
  learnersWithoutEvents: Scalars['Int']['output'];
  /** Rejected events per code, since the database was created. */
  rejectedByCode: Array<CountByKey>;
};


/** Data-quality figures for operators. */
export type DataQualityDriftArgs = {
  baselineDays?: Scalars['Int']['input'];
  recentDays?: Scalars['Int']['input'];
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type DecideFindingInput = {
  conceptId: Scalars['ID']['input'];
  decision: FindingDecision;
  kind: FindingKind;
  /** Why, for the audit trail (at most 500 characters). */
  note?: InputMaybe<Scalars['String']['input']>;
  prerequisiteId: Scalars['ID']['input'];
};

export type DeleteResult = {
  __typename?: 'DeleteResult';
  deleted: Scalars['Boolean']['output'];
  /** Relationships removed with the object (prerequisite and item links). */
  detachedRelationships: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
};

/** A source's incoming evidence drifted: some feature newly reached the threshold (docs/drift.md). */
export type DriftAlert = {
  __typename?: 'DriftAlert';
  baselineFrom: Scalars['DateTimeISO']['output'];
  /** Calibration drift at detection: when large, refit the model. */
  calibrationShift?: Maybe<Scalars['Float']['output']>;
  detectedAt: Scalars['DateTimeISO']['output'];
  /** Every feature of the source drifted now. */
  drifted: Array<Scalars['String']['output']>;
  /** The features that newly drifted, highest PSI first. */
  features: Array<DriftedFeature>;
  /** `source@time`: unique per alert. */
  id: Scalars['ID']['output'];
  recentFrom: Scalars['DateTimeISO']['output'];
  source: Scalars['String']['output'];
};

export type DriftReport = {
  __typename?: 'DriftReport';
  baselineFrom: Scalars['DateTimeISO']['output'];
  recentFrom: Scalars['DateTimeISO']['output'];
  sources: Array<SourceDrift>;
  /** PSI at or above which a feature counts as drifted. */
  threshold: Scalars['Float']['output'];
  to: Scalars['DateTimeISO']['output'];
};

export type DriftedFeature = {
  __typename?: 'DriftedFeature';
  feature: Scalars['String']['output'];
  psi: Scalars['Float']['output'];
};

/** The evidence on one existing edge c REQUIRES p. */
export type EdgeEvidence = {
  __typename?: 'EdgeEvidence';
  conceptId: Scalars['ID']['output'];
  conditionalTable: PairCounts;
  /** One-sided Cochran-Mantel-Haenszel p-value over level bands. */
  dependencePValue: Scalars['Float']['output'];
  firstAttempt: FirstAttemptEvidence;
  /** Learners who mastered every other prerequisite of c (the comparison is among them). */
  learnersConsidered: Scalars['Int']['output'];
  /** Learners with evidence on both c and p. */
  learnersWithEvidence: Scalars['Int']['output'];
  levelAdjusted: LevelAdjusted;
  masteredGivenNoPrerequisite: EvidenceProportion;
  masteredGivenPrerequisite: EvidenceProportion;
  /** c's masters who had not mastered p, out of c's masters with evidence on p. */
  masteredWithoutPrerequisite: EvidenceProportion;
  mastersWithoutEvidenceOnPrerequisite: Scalars['Int']['output'];
  prerequisiteId: Scalars['ID']['output'];
  table: PairCounts;
  verdict: EdgeVerdict;
};

/** What learner evidence says of an edge c REQUIRES p: SUPPORTED (learners without p master c far less often than learners of their level with p), CONTRADICTED (about as often: p looks unnecessary), UNCLEAR, NOT_ENOUGH_EVIDENCE (fewer than 20 learners on a side). */
export type EdgeVerdict =
  | 'CONTRADICTED'
  | 'NOT_ENOUGH_EVIDENCE'
  | 'SUPPORTED'
  | 'UNCLEAR';

export type EventInput = {
  attemptNumber?: InputMaybe<Scalars['Int']['input']>;
  /** Concepts, when the item is not in the graph (historic data). */
  conceptIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  correct?: InputMaybe<Scalars['Boolean']['input']>;
  durationMs?: InputMaybe<Scalars['Int']['input']>;
  /** Unique per event; a replayed eventId is a DUPLICATE and changes nothing. */
  eventId: Scalars['ID']['input'];
  hintsUsed?: InputMaybe<Scalars['Int']['input']>;
  /** The item; its ASSESSES edges give the concepts. */
  itemId?: InputMaybe<Scalars['ID']['input']>;
  kind?: EventKind;
  /** Opaque, pseudonymous learner id. */
  learnerId: Scalars['ID']['input'];
  /** When it happened: an RFC 3339 date-time with a time zone. */
  occurredAt: Scalars['DateTimeISO']['input'];
  /** Partial credit in [0, 1], instead of correct. */
  score?: InputMaybe<Scalars['Float']['input']>;
  /** Which platform or app sent it. */
  source?: InputMaybe<Scalars['String']['input']>;
  /** CONTENT_VIEW: fraction watched or read, in [0, 1]. */
  watchFraction?: InputMaybe<Scalars['Float']['input']>;
};

/** ANSWER: one item answered. ASSIGNMENT: a scored submission over several concepts. CONTENT_VIEW: a video or reading (a learning opportunity, not evidence of mastery). */
export type EventKind =
  | 'ANSWER'
  | 'ASSIGNMENT'
  | 'CONTENT_VIEW';

export type EventResult = {
  __typename?: 'EventResult';
  /** Set for REJECTED and NOT_APPLIED. */
  code?: Maybe<EventResultCode>;
  eventId?: Maybe<Scalars['ID']['output']>;
  /** Position in the input list. */
  index: Scalars['Int']['output'];
  reason?: Maybe<Scalars['String']['output']>;
  status: EventStatus;
};

/** Why an event was REJECTED (MISSING_FIELD, INVALID_VALUE, FUTURE_EVENT, UNKNOWN_ITEM, UNKNOWN_CONCEPT, FORBIDDEN) or NOT_APPLIED (BATCH_REJECTED). */
export type EventResultCode =
  | 'BATCH_REJECTED'
  | 'FORBIDDEN'
  | 'FUTURE_EVENT'
  | 'INVALID_VALUE'
  | 'MISSING_FIELD'
  | 'UNKNOWN_CONCEPT'
  | 'UNKNOWN_ITEM';

/** ACCEPTED: applied. DUPLICATE: this eventId was seen before; nothing changed. REJECTED: see code and reason. NOT_APPLIED: valid, but an atomic batch was rejected. */
export type EventStatus =
  | 'ACCEPTED'
  | 'DUPLICATE'
  | 'NOT_APPLIED'
  | 'REJECTED';

/** A designer's decision on a finding, with the evidence then and now. */
export type EvidenceDecision = {
  __typename?: 'EvidenceDecision';
  at: Scalars['DateTimeISO']['output'];
  /** Who decided (the token's subject). */
  by: Scalars['String']['output'];
  conceptId: Scalars['ID']['output'];
  decision: FindingDecision;
  /** At least 1.5 times as many learners, and 20 more: the finding is reported again. */
  evidenceMoved: Scalars['Boolean']['output'];
  kind: FindingKind;
  /** Learners with evidence on the pair when it was decided. */
  learners: Scalars['Int']['output'];
  /** Learners with evidence on the pair now. */
  learnersNow: Scalars['Int']['output'];
  note?: Maybe<Scalars['String']['output']>;
  prerequisiteId: Scalars['ID']['output'];
};

/** count out of total, with the Wilson 95% interval; rate null when total is 0. */
export type EvidenceProportion = {
  __typename?: 'EvidenceProportion';
  count: Scalars['Int']['output'];
  high: Scalars['Float']['output'];
  low: Scalars['Float']['output'];
  rate?: Maybe<Scalars['Float']['output']>;
  total: Scalars['Int']['output'];
};

/** Learners excluded before assignment, by the first rule that excluded them. */
export type ExclusionCount = {
  __typename?: 'ExclusionCount';
  learners: Scalars['Int']['output'];
  /** EXCLUDED_LEARNER, NOT_IN_CLASSES, CREATED_BEFORE, NO_TOPIC_PRACTICE or NO_CLASS. */
  reason: Scalars['String']['output'];
};

/** An A/B test of recommendation strategies (docs/experiments.md). */
export type Experiment = {
  __typename?: 'Experiment';
  createdAt: Scalars['DateTimeISO']['output'];
  /** Cohen's d of the primary metric, the second variant against the first. */
  effectSize?: Maybe<Scalars['Float']['output']>;
  eligibility: ExperimentEligibility;
  exclusions: Array<ExclusionCount>;
  /** Per-unit condition and outcomes as CSV (header: unit_id,variant,learners, then one column per metric). */
  exportCsv: Scalars['String']['output'];
  hypothesis?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The primary metric, then the secondary ones. */
  metrics: Array<ExperimentMetricResult>;
  name: Scalars['String']['output'];
  /** Welch's p-value of the primary metric, the second variant against the first (per variant: variants.pValue). */
  pValue?: Maybe<Scalars['Float']['output']>;
  primaryMetric: ExperimentMetric;
  secondaryMetrics: Array<ExperimentMetric>;
  srm: SampleRatioCheck;
  /** While running, assign only from this time. */
  startAt?: Maybe<Scalars['DateTimeISO']['output']>;
  startedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  status: ExperimentStatus;
  /** While running, assign only before this time. */
  stopAt?: Maybe<Scalars['DateTimeISO']['output']>;
  stoppedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  unit: ExperimentUnit;
  /** The variants in order (the first is the control), each with the primary metric's read-out. */
  variants: Array<ExperimentVariant>;
  /** Days after each learner's first exposure that the metrics cover. */
  windowDays: Scalars['Int']['output'];
};

export type ExperimentEligibility = {
  __typename?: 'ExperimentEligibility';
  classIds?: Maybe<Array<Scalars['ID']['output']>>;
  createdAfter?: Maybe<Scalars['DateTimeISO']['output']>;
  excludeLearnerIds: Array<Scalars['ID']['output']>;
  topicIds?: Maybe<Array<Scalars['ID']['output']>>;
};

/** Who may take part; every rule given must hold. Applied before assignment and recorded. */
export type ExperimentEligibilityInput = {
  /** Only learners in one of these classes. */
  classIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only learners created at or after this time. */
  createdAfter?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Never these learners. */
  excludeLearnerIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only learners who have practised a concept under one of these topics (any level). */
  topicIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** An experiment's definition (create, or update while DRAFT). */
export type ExperimentInput = {
  eligibility?: InputMaybe<ExperimentEligibilityInput>;
  hypothesis?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  primaryMetric: ExperimentMetric;
  secondaryMetrics?: InputMaybe<Array<ExperimentMetric>>;
  startAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  stopAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  unit?: ExperimentUnit;
  /** 2 to 10 variants; the first is the control every other is compared with. */
  variants: Array<ExperimentVariantInput>;
  /** Days after each learner's first exposure that the metrics cover (1-90). */
  windowDays?: Scalars['Int']['input'];
};

/** Per learner, over the window after the first exposure (docs/experiments.md): PRACTICE_MINUTES (sum of durationMs), ANSWERS, MASTERY_GAIN (on the concepts shown), CONCEPTS_MASTERED (newly), RETURNED_7D (1 if active on any of the 7 UTC days after the first exposure's day). */
export type ExperimentMetric =
  | 'ANSWERS'
  | 'CONCEPTS_MASTERED'
  | 'MASTERY_GAIN'
  | 'PRACTICE_MINUTES'
  | 'RETURNED_7D';

export type ExperimentMetricResult = {
  __typename?: 'ExperimentMetricResult';
  metric: ExperimentMetric;
  primary: Scalars['Boolean']['output'];
  variants: Array<VariantMetric>;
};

/** DRAFT: editable, assigns nobody. RUNNING: assigns on first exposure; the definition is frozen. STOPPED: assigns nobody; results stay readable. */
export type ExperimentStatus =
  | 'DRAFT'
  | 'RUNNING'
  | 'STOPPED';

/** What is randomised: each learner, or each class (classmates share a variant; the class is then the unit of analysis). */
export type ExperimentUnit =
  | 'CLASS'
  | 'LEARNER';

/** A variant: its definition and, for the primary metric, its read-out against the first (control) variant. */
export type ExperimentVariant = {
  __typename?: 'ExperimentVariant';
  /** 95% CI of the difference from the control (Welch). */
  ci?: Maybe<ConfidenceInterval>;
  diff?: Maybe<Scalars['Float']['output']>;
  effectSize?: Maybe<Scalars['Float']['output']>;
  key: Scalars['String']['output'];
  mean: Scalars['Float']['output'];
  /** Units exposed. */
  n: Scalars['Int']['output'];
  pValue?: Maybe<Scalars['Float']['output']>;
  sd: Scalars['Float']['output'];
  /** The named strategy, or null when the variant is a weight set. */
  strategy?: Maybe<RecommendationStrategy>;
  /** Allocation weight (relative). */
  weight: Scalars['Float']['output'];
  /** The weights it ranks with (the strategy's, or its own). */
  weights: RankingWeightSet;
};

/** A variant: a named strategy or a weight set (exactly one), and its allocation weight. */
export type ExperimentVariantInput = {
  /** Shown in explanations, e.g. A, B, control (letters, digits, - and _, up to 32). */
  key: Scalars['String']['input'];
  strategy?: InputMaybe<RecommendationStrategy>;
  /** Relative allocation weight, > 0. */
  weight: Scalars['Float']['input'];
  weights?: InputMaybe<RankingWeightsInput>;
};

/** One feature's distribution in the two windows and its population stability index. */
export type FeatureDrift = {
  __typename?: 'FeatureDrift';
  /** Counts per bin in the baseline window. */
  baseline: Array<Scalars['Int']['output']>;
  bins: Array<Scalars['String']['output']>;
  /** kind, score, duration, hints, answersPerLearner, delay (arrival after the event) or rejections (stored vs rejected per code). */
  feature: Scalars['String']['output'];
  /** STABLE (< 0.1), MODERATE (< 0.25), DRIFTED (>= 0.25) or TOO_FEW. */
  level: Scalars['String']['output'];
  /** PSI; null when a window has fewer than 30 observations. */
  psi?: Maybe<Scalars['Float']['output']>;
  /** Counts per bin in the recent window. */
  recent: Array<Scalars['Int']['output']>;
};

/** ACCEPTED applies the finding (adds the missing edge, cycle-safe; removes the contradicted one). DISMISSED keeps the graph. Either way it is not reported again until the evidence moves. */
export type FindingDecision =
  | 'ACCEPTED'
  | 'DISMISSED';

/** MISSING: a suggested edge c REQUIRES q. CONTRADICTED: an existing edge the evidence contradicts. */
export type FindingKind =
  | 'CONTRADICTED'
  | 'MISSING';

export type FirstAttemptEvidence = {
  __typename?: 'FirstAttemptEvidence';
  /** One-sided Fisher exact p-value: better with p. */
  pValue: Scalars['Float']['output'];
  /** First answers on c that were right, among learners who had mastered p before them. */
  withPrerequisite: EvidenceProportion;
  /** The same among learners who had not. */
  withoutPrerequisite: EvidenceProportion;
};

export type GainInterval = {
  __typename?: 'GainInterval';
  lower: Scalars['Float']['output'];
  upper: Scalars['Float']['output'];
};

export type Goal = {
  __typename?: 'Goal';
  conceptId: Scalars['ID']['output'];
  /** The learner whose goal it is (one goal per learner: a client caches it under this). */
  learnerId: Scalars['ID']['output'];
  /** A calendar date, e.g. 2027-06-30. */
  targetDate?: Maybe<Scalars['LocalDate']['output']>;
};

/** Which way to walk REQUIRES edges from the roots. */
export type GraphDirection =
  | 'BOTH'
  | 'DEPENDENTS'
  | 'PREREQUISITES';

/** Learners x concepts mastery matrix for dashboards: values[i][j] is learner i's mastery of concept j now. */
export type Heatmap = {
  __typename?: 'Heatmap';
  /** attempts[i][j]: learner i's answered attempts on concept j (0: never practised, values[i][j] is then the model's prior). */
  attempts: Array<Array<Scalars['Int']['output']>>;
  classId: Scalars['ID']['output'];
  conceptIds: Array<Scalars['ID']['output']>;
  /** implied[i][j]: values[i][j] comes only from implied evidence (success on a concept that requires concept j; never answered directly). */
  implied: Array<Array<Scalars['Boolean']['output']>>;
  learnerIds: Array<Scalars['ID']['output']>;
  /** The topic it covers (null: every practised concept). */
  topicId?: Maybe<Scalars['ID']['output']>;
  values: Array<Array<Scalars['Float']['output']>>;
};

export type ImportCounts = {
  __typename?: 'ImportCounts';
  conceptsCreated: Scalars['Int']['output'];
  conceptsUpdated: Scalars['Int']['output'];
  itemsCreated: Scalars['Int']['output'];
  itemsUpdated: Scalars['Int']['output'];
  prerequisitesCreated: Scalars['Int']['output'];
  prerequisitesUpdated: Scalars['Int']['output'];
  topicsWritten: Scalars['Int']['output'];
};

export type ImportFormat =
  | 'CSV'
  | 'JSON';

/** One problem found in an import, located by row. */
export type ImportProblem = {
  __typename?: 'ImportProblem';
  code: ImportProblemCode;
  ids: Array<Scalars['ID']['output']>;
  message: Scalars['String']['output'];
  /** For a cycle, the whole path (first id repeated at the end). */
  path?: Maybe<Array<Scalars['ID']['output']>>;
  /** CSV: the spreadsheet row (the header is row 1). JSON: the 1-based index in the section. */
  row?: Maybe<Scalars['Int']['output']>;
  /** CSV rows are CONCEPTS. */
  section: ImportSection;
  severity: ProblemSeverity;
};

/** What is wrong with an import row (see README, Importing and exporting). */
export type ImportProblemCode =
  | 'CYCLE'
  | 'DUPLICATE_ID'
  | 'DUPLICATE_ROW'
  | 'ID_MAPPED'
  | 'INVALID_ID'
  | 'INVALID_VALUE'
  | 'MISSING_FIELD'
  | 'PARSE_ERROR'
  | 'SELF_LOOP'
  | 'UNKNOWN_CONCEPT'
  | 'UNKNOWN_PREREQUISITE'
  | 'UNKNOWN_TOPIC';

/** What an import did, or would do on a dry run, and every problem it found. */
export type ImportReport = {
  __typename?: 'ImportReport';
  /** True when the import wrote to the database. */
  applied: Scalars['Boolean']['output'];
  /** Objects written, or that a dry run would write. */
  counts: ImportCounts;
  dryRun: Scalars['Boolean']['output'];
  format: ImportFormat;
  problems: Array<ImportProblem>;
  /** Rows left out because of ERROR problems (with allowPartial). */
  skippedRows: Scalars['Int']['output'];
  /** True when no ERROR problems were found. */
  valid: Scalars['Boolean']['output'];
};

export type ImportSection =
  | 'CONCEPTS'
  | 'ITEMS'
  | 'PREREQUISITES'
  | 'TOPICS';

/** Something a learner does or sees: a question, exercise, video or reading. */
export type Item = {
  __typename?: 'Item';
  /** Concepts this item assesses. */
  assesses: Array<ItemConceptLink>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** IRT-style difficulty in logits set by the designer: 0 is average, +1 is harder; typical range -3..3. Null: not set (the model uses the fitted difficulty, else the mean difficulty of the item's concepts), which is not the same as 0. */
  difficulty?: Maybe<Scalars['Float']['output']>;
  /** Which items teach and which only test: the stored result of `frontier analyse items`, per ability band (designers, admins). */
  effectiveness: Array<ItemBandEffect>;
  id: Scalars['ID']['output'];
  kind: ItemKind;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  url?: Maybe<Scalars['String']['output']>;
};

/** What followed practice on an item, for learners of one ability band (docs/effectiveness.md). */
export type ItemBandEffect = {
  __typename?: 'ItemBandEffect';
  band: AbilityBand;
  /** 95% t interval of meanGain (n ≥ 2). */
  ci?: Maybe<GainInterval>;
  /** Mean of mastery after the next answer − mastery before the item. */
  meanGain: Scalars['Float']['output'];
  /** Answers on the item followed within 7 days by the learner's next answer on the same concept. */
  n: Scalars['Int']['output'];
  sd: Scalars['Float']['output'];
  /** Of those, next answers with score ≥ 0.5. */
  successes: Scalars['Int']['output'];
  /** Which items teach and which only test, in this band. */
  verdict: ItemVerdict;
};

/** An item assesses a concept with a weight in (0, 1]. */
export type ItemConceptLink = {
  __typename?: 'ItemConceptLink';
  concept: Concept;
  conceptId: Scalars['ID']['output'];
  item: Item;
  itemId: Scalars['ID']['output'];
  weight: Scalars['Float']['output'];
};

export type ItemConnection = {
  __typename?: 'ItemConnection';
  edges: Array<ItemEdge>;
  /** The page's objects, without cursors. */
  nodes: Array<Item>;
  pageInfo: PageInfo;
  /** Number of objects matching the filters, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type ItemEdge = {
  __typename?: 'ItemEdge';
  cursor: Scalars['String']['output'];
  node: Item;
};

/** What a practice item is. */
export type ItemKind =
  | 'EXERCISE'
  | 'QUESTION'
  | 'READING'
  | 'VIDEO';

/** The model's probability that the learner answers the item correctly now. */
export type ItemPrediction = {
  __typename?: 'ItemPrediction';
  itemId: Scalars['ID']['output'];
  learnerId: Scalars['ID']['output'];
  p: Scalars['Float']['output'];
  terms: Array<PredictionTerm>;
};

/** How a concept's in-band items are ordered. CLOSEST: predicted P(correct) nearest the band's middle. THOMPSON: Thompson sampling on each item's effectiveness for the learner's ability band (docs/effectiveness.md), seeded; the explanation says when the first item is an exploratory choice. */
export type ItemSelection =
  | 'CLOSEST'
  | 'THOMPSON';

/** TEACHES: the gain's 95% interval lies above 0. ONLY_TESTS: at or below 0, with at least 20 follow-ups. UNCLEAR: neither (too few data, or the interval spans 0). */
export type ItemVerdict =
  | 'ONLY_TESTS'
  | 'TEACHES'
  | 'UNCLEAR';

/** A learner, known only by a pseudonymous id. */
export type Learner = {
  __typename?: 'Learner';
  classes: Array<Classroom>;
  /** Teachers' corrections of this learner's mastery, newest first (reverted ones included). */
  corrections: Array<Correction>;
  goal?: Maybe<Goal>;
  id: Scalars['ID']['output'];
  /** The unmastered prerequisites of a goal in prerequisite order (default: the learner's goal). */
  learningPath: LearningPath;
  /** Mastery now, with explanations: of conceptIds, or of every concept under topicId, or of every practised concept. */
  mastery: Array<Mastery>;
  /** Adaptive placement for a new learner: the most informative next question. Record its answer with recordEvents (source: "placement"). */
  placement: PlacementState;
  /** Daily streaks, targets and milestones in the learner's time zone (docs/practice.md). */
  practice: PracticeSummary;
  /** P(correct) for an item now, with the terms of the model's logit. */
  predictedCorrect: ItemPrediction;
  /** What to do next: remediation of weak prerequisites first, then frontier concepts (not mastered, prerequisites mastered) and due reviews ranked by named factors, each with items of the right difficulty and an explanation. */
  recommendations: Array<Recommendation>;
  /** Mastered concepts whose predicted recall decayed below the review threshold, earliest due first. */
  reviewQueue: Array<ReviewItem>;
  /** Rollups to topics, chapters or subjects. */
  topicMastery: Array<TopicMastery>;
};


/** A learner, known only by a pseudonymous id. */
export type LearnerCorrectionsArgs = {
  limit?: Scalars['Int']['input'];
};


/** A learner, known only by a pseudonymous id. */
export type LearnerLearningPathArgs = {
  goalConceptId?: InputMaybe<Scalars['ID']['input']>;
};


/** A learner, known only by a pseudonymous id. */
export type LearnerMasteryArgs = {
  conceptIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  topicId?: InputMaybe<Scalars['ID']['input']>;
};


/** A learner, known only by a pseudonymous id. */
export type LearnerPlacementArgs = {
  topicId?: InputMaybe<Scalars['ID']['input']>;
};


/** A learner, known only by a pseudonymous id. */
export type LearnerPredictedCorrectArgs = {
  itemId: Scalars['ID']['input'];
};


/** A learner, known only by a pseudonymous id. */
export type LearnerRecommendationsArgs = {
  bandMax?: Scalars['Float']['input'];
  bandMin?: Scalars['Float']['input'];
  goalConceptId?: InputMaybe<Scalars['ID']['input']>;
  itemSelection?: ItemSelection;
  kinds?: InputMaybe<Array<ItemKind>>;
  limit?: Scalars['Int']['input'];
  seed?: InputMaybe<Scalars['Int']['input']>;
  strategy?: InputMaybe<RecommendationStrategy>;
  topicId?: InputMaybe<Scalars['ID']['input']>;
};


/** A learner, known only by a pseudonymous id. */
export type LearnerReviewQueueArgs = {
  limit?: Scalars['Int']['input'];
};


/** A learner, known only by a pseudonymous id. */
export type LearnerTopicMasteryArgs = {
  topicIds: Array<Scalars['ID']['input']>;
};

/** The last sequence number a client has seen for one learner. */
export type LearnerSequenceInput = {
  afterSequence: Scalars['Int']['input'];
  learnerId: Scalars['ID']['input'];
};

/** The unmastered prerequisites of a goal, in an order that respects every prerequisite. */
export type LearningPath = {
  __typename?: 'LearningPath';
  explanation: Scalars['String']['output'];
  goalConceptId: Scalars['ID']['output'];
  learnerId: Scalars['ID']['output'];
  status: LearningPathStatus;
  steps: Array<LearningPathStep>;
  /** Sum of the steps' estimated practice. */
  totalEstimatedPractice: Scalars['Int']['output'];
};

/** PATH: the steps lead to the goal. ALREADY_MASTERED: nothing to do. TOO_DEEP: the goal's prerequisites go deeper than 12 levels; the steps are the first part. */
export type LearningPathStatus =
  | 'ALREADY_MASTERED'
  | 'PATH'
  | 'TOO_DEEP';

export type LearningPathStep = {
  __typename?: 'LearningPathStep';
  concept: Concept;
  /** Estimated practice opportunities to reach mastery, from the model. */
  estimatedPractice: Scalars['Int']['output'];
  mastery: Scalars['Float']['output'];
};

/** Learners without p who mastered c, against what learners with p of the same level band predict. */
export type LevelAdjusted = {
  __typename?: 'LevelAdjusted';
  expected: Scalars['Float']['output'];
  observed: EvidenceProportion;
  /** observed / expected: near 0 when p is needed, near 1 when not. */
  relativeRate?: Maybe<Scalars['Float']['output']>;
  total: Scalars['Int']['output'];
};

export type MapActivitiesResult = {
  __typename?: 'MapActivitiesResult';
  /** Rows written (new or changed). */
  mapped: Scalars['Int']['output'];
  /** Rows removed (itemId: null). */
  removed: Scalars['Int']['output'];
};

/** A learner's mastery of one concept, now. */
export type Mastery = {
  __typename?: 'Mastery';
  attempts: Scalars['Int']['output'];
  conceptId: Scalars['ID']['output'];
  /** The top three contributing factors. */
  explanation: Array<MasteryFactor>;
  /** True when p comes only from implied evidence: success on a concept that requires this one, never answered directly. */
  implied: Scalars['Boolean']['output'];
  /** When implied: the concept whose answer implied it. */
  impliedBy?: Maybe<Scalars['ID']['output']>;
  lastPracticedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** With conceptId, the key of this value (a client caches it under both). */
  learnerId: Scalars['ID']['output'];
  /** P(knows the concept) now, after forgetting, in [0, 1]. */
  p: Scalars['Float']['output'];
  /** False when the concept was never practised (p is the prior). */
  practised: Scalars['Boolean']['output'];
  /** Mastery right after the last practice, in [0, 1]. */
  storedP: Scalars['Float']['output'];
};

/** One recorded change of mastery and the event behind it. */
export type MasteryChange = {
  __typename?: 'MasteryChange';
  after: Scalars['Float']['output'];
  at: Scalars['DateTimeISO']['output'];
  /** Answered attempts on the concept after this change (null on changes recorded before it was stored). */
  attempts?: Maybe<Scalars['Int']['output']>;
  before: Scalars['Float']['output'];
  conceptId: Scalars['ID']['output'];
  /** JSON: score, predicted P(correct), evidence ratio, retention. */
  detail: Scalars['String']['output'];
  eventId: Scalars['ID']['output'];
  /** The change in one plain sentence, e.g. 'Correct answer (the model expected 62%): mastery 0.41 -> 0.58.' */
  explanation: Scalars['String']['output'];
  /** learnerId and seq, joined by '/': unique, and stable (a client caches each change under it). */
  id: Scalars['ID']['output'];
  learnerId: Scalars['ID']['output'];
  reason: MasteryChangeReason;
  /** When the server committed the change (server clock); a class catch-up's `since` compares with it. */
  recordedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Per-learner sequence number, increasing. */
  seq: Scalars['Int']['output'];
};

/** EVIDENCE: an answer or assignment. CONTENT_VIEW: a video or reading. LATE_EVIDENCE: an event older than the newest one applied, replayed in time order. REPLAY: a later change recomputed by that replay. CORRECTION: a teacher set the mastery (correctMastery). CORRECTION_REVERTED: that correction was undone and the evidence replayed without it. IMPLIED: a strong answer on a concept that requires this one raised its implied mastery (this concept has no direct evidence). */
export type MasteryChangeReason =
  | 'CONTENT_VIEW'
  | 'CORRECTION'
  | 'CORRECTION_REVERTED'
  | 'EVIDENCE'
  | 'IMPLIED'
  | 'LATE_EVIDENCE'
  | 'REPLAY';

/** One reason behind a mastery value. */
export type MasteryFactor = {
  __typename?: 'MasteryFactor';
  name: MasteryFactorName;
  /** In words, e.g. '4 of the last 5 answers correct'. */
  text: Scalars['String']['output'];
  value: Scalars['Float']['output'];
};

/** What moved a mastery value: recent EVIDENCE, FORGETTING since practice, HINTS used, the PRIOR (never practised), the amount of PRACTICE, a teacher's CORRECTION (who, when, why), IMPLIED by success on a concept that requires it (no direct evidence yet). */
export type MasteryFactorName =
  | 'CORRECTION'
  | 'EVIDENCE'
  | 'FORGETTING'
  | 'HINTS'
  | 'IMPLIED'
  | 'PRACTICE'
  | 'PRIOR';

/** Something the learner reached (docs/practice.md). */
export type Milestone = {
  __typename?: 'Milestone';
  /** The local day it was reached (null for topics). */
  date?: Maybe<Scalars['LocalDate']['output']>;
  kind: MilestoneKind;
  learnerId: Scalars['ID']['output'];
  /** What it is about: the streak's first day, the day, the week's Monday, or the topic id. */
  subject: Scalars['String']['output'];
  text: Scalars['String']['output'];
};

/** STREAK_7/30: the current streak reached 7/30 days. DAILY_GOAL, WEEKLY_GOAL: today's / this week's target met. FIRST_MASTERED_IN_TOPIC: a first concept mastered in a topic. */
export type MilestoneKind =
  | 'DAILY_GOAL'
  | 'FIRST_MASTERED_IN_TOPIC'
  | 'STREAK_7'
  | 'STREAK_30'
  | 'WEEKLY_GOAL';

/** A prerequisite the evidence suggests is missing: c REQUIRES q. A suggestion, never applied automatically. */
export type MissingEdgeSuggestion = {
  __typename?: 'MissingEdgeSuggestion';
  /** pValue times the candidates tested (Bonferroni), at most 1. */
  adjustedPValue: Scalars['Float']['output'];
  conceptId: Scalars['ID']['output'];
  /** Edges between them in the graph (either direction), null when only the topic links them. */
  distance?: Maybe<Scalars['Int']['output']>;
  learnersConsidered: Scalars['Int']['output'];
  /** Learners with evidence on both c and q. */
  learnersWithEvidence: Scalars['Int']['output'];
  levelAdjusted: LevelAdjusted;
  /** Of the learners who mastered both, those who mastered c first (a prerequisite is mastered first). */
  masteredConceptFirst: EvidenceProportion;
  masteredGivenNoPrerequisite: EvidenceProportion;
  masteredGivenPrerequisite: EvidenceProportion;
  masteredWithoutPrerequisite: EvidenceProportion;
  pValue: Scalars['Float']['output'];
  prerequisiteId: Scalars['ID']['output'];
  sameTopic: Scalars['Boolean']['output'];
  table: PairCounts;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** conceptId REQUIRES prerequisiteId. Rejected with PREREQUISITE_CYCLE (and the cycle's path) when it would close a cycle. */
  addPrerequisite: PrerequisiteEdge;
  /** Checks for drift now (the configured windows; all sources, or only `sources`) and returns the alerts raised: features that drifted since the last check. Subscribers to driftDetected receive them too. */
  checkDrift: Array<DriftAlert>;
  /** Sets a learner's mastery of a concept to p from now on (later evidence updates it from there). For the learner's teachers and admins; kept with who, when, why, before and after. */
  correctMastery: Correction;
  createConcept: Concept;
  /** Defines an experiment (DRAFT). Duplicate id: CONFLICT. */
  createExperiment: Experiment;
  createItem: Item;
  /** Accepts or dismisses a finding of curriculumEvidence. ACCEPTED goes through addPrerequisite / removePrerequisite (cycle-safe; PREREQUISITE_CYCLE or NOT_FOUND and nothing recorded when they refuse). The decision is kept, with who and when. */
  decideEvidenceFinding: EvidenceDecision;
  /** Refused with CONFLICT when other concepts require it, unless detach is true. */
  deleteConcept: DeleteResult;
  deleteItem: DeleteResult;
  /** Bulk import of a JSON document ({topics, concepts, prerequisites, items}) or a concepts CSV. By default any ERROR writes nothing; allowPartial writes the valid rows and reports the rest; dryRun only reports. */
  importCurriculum: ImportReport;
  /** The item assesses the concept (weight updated if linked already). */
  linkItem: Item;
  /** Loads rows of the activity -> item table used by /xapi/statements and /caliper (up to 5000 per call). Every item must exist, or nothing is written (NOT_FOUND). The concepts come from the item's ASSESSES edges. */
  mapActivities: MapActivitiesResult;
  /** Records up to 1000 events. Each is ACCEPTED, DUPLICATE or REJECTED on its own; with atomic: true any rejection writes nothing. Learners record their own events, teachers those of learners they teach, admins and producers (platform back-ends) anyone's. */
  recordEvents: RecordEventsResult;
  removePrerequisite: Scalars['Boolean']['output'];
  /** Undoes a correction: the learner's evidence is replayed without it. The correction stays in the log, marked reverted. */
  revertCorrection: Correction;
  /** Sets a class's alert thresholds (its teachers and admins). */
  setAlertRules: AlertRules;
  /** Sets the learner's goal (one at a time); recommendations then favour concepts on the way to it. */
  setGoal: Goal;
  /** Sets the learner's time zone, daily target and weekly target (the learner, their teachers, admins). */
  setPracticeSettings: PracticeSummary;
  /** DRAFT -> RUNNING: learners are assigned on their next recommendations. */
  startExperiment: Experiment;
  /** RUNNING -> STOPPED: nobody is assigned or served a variant any more; the read-out stays. */
  stopExperiment: Experiment;
  unlinkItem: Item;
  updateConcept: Concept;
  /** Replaces a DRAFT's definition; a running or stopped experiment answers CONFLICT. */
  updateExperiment: Experiment;
  updateItem: Item;
  /** Changes the weight of an existing prerequisite edge. */
  updatePrerequisite: PrerequisiteEdge;
};


export type MutationAddPrerequisiteArgs = {
  conceptId: Scalars['ID']['input'];
  prerequisiteId: Scalars['ID']['input'];
  weight?: Scalars['Float']['input'];
};


export type MutationCheckDriftArgs = {
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type MutationCorrectMasteryArgs = {
  conceptId: Scalars['ID']['input'];
  learnerId: Scalars['ID']['input'];
  p: Scalars['Float']['input'];
  reason: Scalars['String']['input'];
};


export type MutationCreateConceptArgs = {
  input: CreateConceptInput;
};


export type MutationCreateExperimentArgs = {
  input: ExperimentInput;
};


export type MutationCreateItemArgs = {
  input: CreateItemInput;
};


export type MutationDecideEvidenceFindingArgs = {
  input: DecideFindingInput;
};


export type MutationDeleteConceptArgs = {
  detach?: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
};


export type MutationDeleteItemArgs = {
  id: Scalars['ID']['input'];
};


export type MutationImportCurriculumArgs = {
  allowPartial?: Scalars['Boolean']['input'];
  content: Scalars['String']['input'];
  dryRun?: Scalars['Boolean']['input'];
  format: ImportFormat;
};


export type MutationLinkItemArgs = {
  conceptId: Scalars['ID']['input'];
  itemId: Scalars['ID']['input'];
  weight?: Scalars['Float']['input'];
};


export type MutationMapActivitiesArgs = {
  rows: Array<ActivityMappingInput>;
};


export type MutationRecordEventsArgs = {
  atomic?: Scalars['Boolean']['input'];
  events: Array<EventInput>;
};


export type MutationRemovePrerequisiteArgs = {
  conceptId: Scalars['ID']['input'];
  prerequisiteId: Scalars['ID']['input'];
};


export type MutationRevertCorrectionArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSetAlertRulesArgs = {
  classId: Scalars['ID']['input'];
  rules: AlertRulesInput;
};


export type MutationSetGoalArgs = {
  conceptId: Scalars['ID']['input'];
  learnerId: Scalars['ID']['input'];
  targetDate?: InputMaybe<Scalars['LocalDate']['input']>;
};


export type MutationSetPracticeSettingsArgs = {
  learnerId: Scalars['ID']['input'];
  settings: PracticeSettingsInput;
};


export type MutationStartExperimentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationStopExperimentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUnlinkItemArgs = {
  conceptId: Scalars['ID']['input'];
  itemId: Scalars['ID']['input'];
};


export type MutationUpdateConceptArgs = {
  id: Scalars['ID']['input'];
  input: UpdateConceptInput;
};


export type MutationUpdateExperimentArgs = {
  input: ExperimentInput;
};


export type MutationUpdateItemArgs = {
  id: Scalars['ID']['input'];
  input: UpdateItemInput;
};


export type MutationUpdatePrerequisiteArgs = {
  conceptId: Scalars['ID']['input'];
  prerequisiteId: Scalars['ID']['input'];
  weight?: Scalars['Float']['input'];
};

/** Relay-style page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  /** True when this page was asked for `after` a cursor (pages run forward only). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the page's first object. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Learners by their outcome on c and their state of p when c's outcome was settled. */
export type PairCounts = {
  __typename?: 'PairCounts';
  /** c mastered, p mastered before. */
  bothMastered: Scalars['Int']['output'];
  /** neither. */
  neither: Scalars['Int']['output'];
  /** c mastered, p answered but not mastered by then. */
  onlyConcept: Scalars['Int']['output'];
  /** c not mastered, p mastered before. */
  onlyPrerequisite: Scalars['Int']['output'];
};

/** A placement estimate for one concept. */
export type PlacementEstimate = {
  __typename?: 'PlacementEstimate';
  /** Asked directly. */
  asked: Scalars['Boolean']['output'];
  conceptId: Scalars['ID']['output'];
  /** Moved only by evidence on related concepts (prerequisites or dependents). */
  implied: Scalars['Boolean']['output'];
  p: Scalars['Float']['output'];
};

/** Adaptive placement: the next question, or done, and the estimates so far. Answer with recordEvents, source: "placement". */
export type PlacementState = {
  __typename?: 'PlacementState';
  done: Scalars['Boolean']['output'];
  /** Concepts with evidence (asked or implied). */
  estimates: Array<PlacementEstimate>;
  /** Expected information gain of the next question, in bits over all concepts. */
  expectedGain?: Maybe<Scalars['Float']['output']>;
  explanation: Scalars['String']['output'];
  learnerId: Scalars['ID']['output'];
  nextConcept?: Maybe<Concept>;
  /** A question on nextConcept to ask. */
  nextItem?: Maybe<Item>;
  questionsAsked: Scalars['Int']['output'];
  /** The subject, chapter or topic placed within (null: the whole curriculum). */
  topicId?: Maybe<Scalars['ID']['output']>;
};

/** One local day with practice. */
export type PracticeDay = {
  __typename?: 'PracticeDay';
  answers: Scalars['Int']['output'];
  /** In the learner's time zone. */
  date: Scalars['LocalDate']['output'];
  /** Met the daily target. */
  met: Scalars['Boolean']['output'];
  minutes: Scalars['Float']['output'];
};

/** Practice settings; omitted fields keep their value. */
export type PracticeSettingsInput = {
  /** Remove the weekly target (the suggestion applies again). */
  clearWeeklyTarget?: Scalars['Boolean']['input'];
  dailyTarget?: InputMaybe<PracticeTargetInput>;
  /** An IANA time zone, e.g. Europe/Paris. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
  /** Per week, in the daily target's unit (1-10000). */
  weeklyTarget?: InputMaybe<Scalars['Float']['input']>;
};

/** Daily streaks and targets, recomputed from the learner's events in their time zone. */
export type PracticeSummary = {
  __typename?: 'PracticeSummary';
  /** Counted days in a row, ending today (or yesterday while today is not met yet). */
  currentStreak: Scalars['Int']['output'];
  /** What a day needs to count (default: 1 answer). */
  dailyTarget: PracticeTarget;
  /** Days with practice among the last 28. */
  days: Array<PracticeDay>;
  /** Counted days among the last 28, today included. */
  daysPractisedLast28: Scalars['Int']['output'];
  learnerId: Scalars['ID']['output'];
  longestStreak: Scalars['Int']['output'];
  /** Milestones that hold now. */
  milestones: Array<Milestone>;
  /** Up to 8 complete weeks before this one, the latest first. */
  recentWeeks: Array<PracticeWeek>;
  /** ceil(1.1 × median of the last 4 complete weeks); null without one. */
  suggestedWeeklyTarget?: Maybe<Scalars['Float']['output']>;
  thisWeek: PracticeWeek;
  /** IANA zone (UTC when not set). */
  timeZone: Scalars['String']['output'];
  today: Scalars['LocalDate']['output'];
  /** Set by the learner or a teacher; null: not set (suggestedWeeklyTarget applies). */
  weeklyTarget?: Maybe<Scalars['Float']['output']>;
  /** This week's total reached the weekly target (set, else suggested). */
  weeklyTargetMet: Scalars['Boolean']['output'];
};

export type PracticeTarget = {
  __typename?: 'PracticeTarget';
  kind: PracticeTargetKind;
  value: Scalars['Float']['output'];
};

export type PracticeTargetInput = {
  kind: PracticeTargetKind;
  /** Minutes (1-600) or answers (1-1000) a day. */
  value: Scalars['Float']['input'];
};

/** MINUTES: practice time (sum of events' durationMs). ANSWERS: answers. */
export type PracticeTargetKind =
  | 'ANSWERS'
  | 'MINUTES';

export type PracticeWeek = {
  __typename?: 'PracticeWeek';
  /** In the daily target's unit. */
  total: Scalars['Float']['output'];
  /** Its Monday, in the learner's time zone. */
  weekStart: Scalars['LocalDate']['output'];
};

export type PredictionTerm = {
  __typename?: 'PredictionTerm';
  /** Contribution to logit P(correct). */
  logit: Scalars['Float']['output'];
  name: PredictionTermName;
};

/** A term of logit P(correct): the BIAS, the MASTERY of the item's concepts, the learner's ABILITY, minus the item's DIFFICULTY, RECENT success, amount of PRACTICE. */
export type PredictionTermName =
  | 'ABILITY'
  | 'BIAS'
  | 'DIFFICULTY'
  | 'MASTERY'
  | 'PRACTICE'
  | 'RECENT';

/** `concept` REQUIRES `prerequisite`, with a weight in (0, 1]. */
export type PrerequisiteEdge = {
  __typename?: 'PrerequisiteEdge';
  /** The concept that requires. */
  concept: Concept;
  conceptId: Scalars['ID']['output'];
  /** The concept required. */
  prerequisite: Concept;
  prerequisiteId: Scalars['ID']['output'];
  /** How much the prerequisite matters for the concept, in (0, 1]. */
  weight: Scalars['Float']['output'];
};

/** ERROR rows are not imported (and block the import unless allowPartial); WARNING rows are imported or harmlessly ignored. */
export type ProblemSeverity =
  | 'ERROR'
  | 'WARNING';

export type Query = {
  __typename?: 'Query';
  /** A class you teach (admins: any class). */
  classroom?: Maybe<Classroom>;
  /** A concept by id, or null. */
  concept?: Maybe<Concept>;
  /** The prerequisite and/or dependent subgraph around some concepts (from the server's copy of the graph, fresh as of the request). Depth is at most 12. */
  conceptGraph: ConceptGraph;
  /** Concepts ordered by id, filtered and paginated. */
  concepts: ConceptConnection;
  /** Audits the prerequisite graph against learner evidence: how strongly each edge is supported, and the missing edges the evidence suggests. Scope: the concepts directly in `topicId`, or `conceptIds`, or every concept. */
  curriculumEvidence: CurriculumEvidence;
  /** Validation report over the whole curriculum. */
  curriculumReport: CurriculumReport;
  /** Events per kind, rejections per code, freshness, learners without events, drift per source. */
  dataQuality: DataQuality;
  /** An experiment with its read-out (designers and admins). */
  experiment?: Maybe<Experiment>;
  /** Experiments, the newest first. */
  experiments: Array<Experiment>;
  /** The whole curriculum as the JSON import format. */
  exportCurriculum: Scalars['String']['output'];
  item?: Maybe<Item>;
  items: ItemConnection;
  /** A learner you may see: yourself, one you teach, or any (admin). */
  learner?: Maybe<Learner>;
  /** Catch-up after a reconnect, for one learner (changes with seq > afterSequence, in order) or a class (per learner: after its cursor in `cursors`; learners without a cursor: changes committed at or after `since`, or all when since is null; oldest commit first). Page with `limit`. */
  masteryChangesSince: Array<MasteryChange>;
  /** Every change of a learner's mastery (of one concept, in a window), oldest first. */
  masteryHistory: Array<MasteryChange>;
  /** The caller, as the token says. */
  me: Viewer;
  /** The classes the calling teacher teaches. */
  myClasses: Array<Classroom>;
  topic?: Maybe<Topic>;
  /** Topics, chapters and subjects (all levels unless one is named). */
  topics: Array<Topic>;
};


export type QueryClassroomArgs = {
  id: Scalars['ID']['input'];
};


export type QueryConceptArgs = {
  id: Scalars['ID']['input'];
};


export type QueryConceptGraphArgs = {
  depth?: Scalars['Int']['input'];
  direction?: GraphDirection;
  rootIds: Array<Scalars['ID']['input']>;
};


export type QueryConceptsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  search?: InputMaybe<Scalars['String']['input']>;
  tag?: InputMaybe<Scalars['String']['input']>;
  topicId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryCurriculumEvidenceArgs = {
  conceptIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  topicId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryExperimentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryExperimentsArgs = {
  first?: Scalars['Int']['input'];
  status?: InputMaybe<ExperimentStatus>;
};


export type QueryItemArgs = {
  id: Scalars['ID']['input'];
};


export type QueryItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  conceptId?: InputMaybe<Scalars['ID']['input']>;
  first?: Scalars['Int']['input'];
  kind?: InputMaybe<ItemKind>;
};


export type QueryLearnerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMasteryChangesSinceArgs = {
  afterSequence?: Scalars['Int']['input'];
  classId?: InputMaybe<Scalars['ID']['input']>;
  cursors?: InputMaybe<Array<LearnerSequenceInput>>;
  learnerId?: InputMaybe<Scalars['ID']['input']>;
  limit?: Scalars['Int']['input'];
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
};


export type QueryMasteryHistoryArgs = {
  conceptId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  learnerId: Scalars['ID']['input'];
  limit?: Scalars['Int']['input'];
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
};


export type QueryTopicArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTopicsArgs = {
  level?: InputMaybe<TopicLevel>;
};

/** A LOW_MASTERY alert raised in a class by a mastery change. */
export type RaisedAlert = {
  __typename?: 'RaisedAlert';
  attempts: Scalars['Int']['output'];
  classId: Scalars['ID']['output'];
  conceptId: Scalars['ID']['output'];
  /** classId, learnerId and seq joined by '/': unique per raised alert. */
  id: Scalars['ID']['output'];
  /** LOW_MASTERY (INACTIVE alerts are read with classroom.alerts). */
  kind: AlertKind;
  learnerId: Scalars['ID']['output'];
  p: Scalars['Float']['output'];
  recordedAt: Scalars['DateTimeISO']['output'];
  /** The learner's mastery change (seq) that raised it. */
  seq: Scalars['Int']['output'];
  text: Scalars['String']['output'];
};

/** One ranking factor: its value in [0, 1], its weight and value x weight. */
export type RankingFactor = {
  __typename?: 'RankingFactor';
  /** Signed contribution to the score (variety counts against). */
  contribution: Scalars['Float']['output'];
  name: RankingFactorName;
  value: Scalars['Float']['output'];
  weight: Scalars['Float']['output'];
};

/** A ranking factor; VARIETY is a penalty (it counts against the score). */
export type RankingFactorName =
  | 'CONTINUITY'
  | 'GOAL_RELEVANCE'
  | 'MASTERY_GAP'
  | 'READINESS'
  | 'REVIEW_DUE'
  | 'UNLOCK_VALUE'
  | 'VARIETY';

/** A ranking weight set (the factors of the recommendations README). */
export type RankingWeightSet = {
  __typename?: 'RankingWeightSet';
  continuity: Scalars['Float']['output'];
  goalRelevance: Scalars['Float']['output'];
  masteryGap: Scalars['Float']['output'];
  readiness: Scalars['Float']['output'];
  reviewDue: Scalars['Float']['output'];
  unlockValue: Scalars['Float']['output'];
  variety: Scalars['Float']['output'];
};

/** A ranking weight set, every factor named (each in [0, 10]). */
export type RankingWeightsInput = {
  continuity: Scalars['Float']['input'];
  goalRelevance: Scalars['Float']['input'];
  masteryGap: Scalars['Float']['input'];
  readiness: Scalars['Float']['input'];
  reviewDue: Scalars['Float']['input'];
  unlockValue: Scalars['Float']['input'];
  variety: Scalars['Float']['input'];
};

/** Something to do next, with why. */
export type Recommendation = {
  __typename?: 'Recommendation';
  concept: Concept;
  /** One plain sentence a teacher can audit. */
  explanation: Scalars['String']['output'];
  factors: Array<RankingFactor>;
  /** Items in the target difficulty band, not attempted recently. */
  items: Array<RecommendedItem>;
  kind: RecommendationKind;
  /** Mastery now, in [0, 1]. */
  mastery: Scalars['Float']['output'];
  /** The ranking score (REMEDIATION comes first regardless). */
  score: Scalars['Float']['output'];
  /** True for a stretch: offered because the list has room, though the evidence says the learner is not ready (failing it although its prerequisites look mastered: the map may miss one). The explanation says why; stretches come after every other recommendation. */
  stretch: Scalars['Boolean']['output'];
};

/** LEARN: on the frontier. REVIEW: mastered, recall has decayed. REMEDIATION: a weak prerequisite of a concept the learner struggles with (may itself have unmastered prerequisites). */
export type RecommendationKind =
  | 'LEARN'
  | 'REMEDIATION'
  | 'REVIEW';

/** Which named weight set ranks the candidates (see the recommendations README). */
export type RecommendationStrategy =
  | 'BALANCED'
  | 'EXPLORE'
  | 'GOAL_FIRST'
  | 'REVIEW_HEAVY';

/** A learner's top recommendations changed. */
export type RecommendationsChange = {
  __typename?: 'RecommendationsChange';
  /** The learner's mastery change (seq) that caused it; null for a curriculum change. */
  causeSeq?: Maybe<Scalars['Int']['output']>;
  learnerId: Scalars['ID']['output'];
  /** Concepts recommended before, in order. */
  previousConceptIds: Array<Scalars['ID']['output']>;
  /** The new top recommendations (limit 5, default strategy and band). */
  recommendations: Array<Recommendation>;
  recordedAt: Scalars['DateTimeISO']['output'];
};

export type RecommendedItem = {
  __typename?: 'RecommendedItem';
  item: Item;
  /** The model's P(correct) for this learner now. */
  predictedCorrect: Scalars['Float']['output'];
};

export type RecordEventsResult = {
  __typename?: 'RecordEventsResult';
  accepted: Scalars['Int']['output'];
  duplicates: Scalars['Int']['output'];
  /** How many mastery changes the accepted events caused (each is pushed on masteryChanged). */
  masteryChangeCount: Scalars['Int']['output'];
  rejected: Scalars['Int']['output'];
  /** One per input event, in input order. */
  results: Array<EventResult>;
};

export type RedundantEdge = {
  __typename?: 'RedundantEdge';
  conceptId: Scalars['ID']['output'];
  prerequisiteId: Scalars['ID']['output'];
  /** The longer path that already implies this edge. */
  via: Array<Scalars['ID']['output']>;
};

/** A mastered concept due for review. */
export type ReviewItem = {
  __typename?: 'ReviewItem';
  concept: Concept;
  /** When recall fell (or falls) below the review threshold. */
  dueAt: Scalars['DateTimeISO']['output'];
  /** Predicted recall now. */
  mastery: Scalars['Float']['output'];
};

/** LEARNER: own data. TEACHER: learners in their classes. DESIGNER: edits the curriculum. ADMIN: everything. PRODUCER: sends evidence (recordEvents, /xapi/statements, /caliper) for any learner. */
export type Role =
  | 'ADMIN'
  | 'DESIGNER'
  | 'LEARNER'
  | 'PRODUCER'
  | 'TEACHER';

/** Sample-ratio mismatch check: Pearson's chi-square of the assigned units per variant against the weights. */
export type SampleRatioCheck = {
  __typename?: 'SampleRatioCheck';
  chiSquare: Scalars['Float']['output'];
  df: Scalars['Int']['output'];
  expected: Array<Scalars['Float']['output']>;
  /** pValue < 0.001: assignment or logging is broken, do not trust the comparison. */
  mismatch: Scalars['Boolean']['output'];
  observed: Array<Scalars['Int']['output']>;
  pValue?: Maybe<Scalars['Float']['output']>;
};

/** Drift of one source (the events' `source`: a platform, an xAPI producer `xapi:<sub>`, a Caliper sensor `caliper:<sub>`). */
export type SourceDrift = {
  __typename?: 'SourceDrift';
  baseline: WindowFigures;
  /** Calibration drift: (predicted - observed) recent minus the same in the baseline. */
  calibrationShift?: Maybe<Scalars['Float']['output']>;
  /** Some feature's PSI is at or above the threshold. */
  drifted: Scalars['Boolean']['output'];
  features: Array<FeatureDrift>;
  recent: WindowFigures;
  source: Scalars['String']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** LOW_MASTERY alerts as evidence raises them in a class, under the class's alert rules. INACTIVE alerts are read with classroom.alerts. */
  alertRaised: RaisedAlert;
  /** Concepts, items, prerequisite edges and item links created, updated or deleted, and bulk imports, as they commit. */
  curriculumChanged: CurriculumChange;
  /** A source's incoming evidence drifted (a feature newly at or above the PSI threshold, default windows DRIFT_RECENT_DAYS against DRIFT_BASELINE_DAYS), raised by each server's drift monitor: every DRIFT_CHECK_INTERVAL_MS, on /metrics refreshes and on checkDrift. */
  driftDetected: DriftAlert;
  /** Milestones as the learner reaches them (streak of 7 and 30 days, daily and weekly target, first concept mastered in a topic), authorised like masteryChanged. At most once: after a reconnect read learner.practice.milestones. */
  learnerMilestone: Milestone;
  /** Mastery changes as they happen: of one learner, of a class's learners, or of one concept across the learners you may see. Authorised at subscribe and for every event (a teacher sees only their classes' learners). Delivery is at most once: after a reconnect, call masteryChangesSince with the last seq you saw. */
  masteryChanged: MasteryChange;
  /** When the learner's top recommendations (concepts and kinds, in order) change, after new evidence or a curriculum edit. Query recommendations first, then subscribe. */
  recommendationsChanged: RecommendationsChange;
};


export type SubscriptionAlertRaisedArgs = {
  classId: Scalars['ID']['input'];
};


export type SubscriptionLearnerMilestoneArgs = {
  learnerId: Scalars['ID']['input'];
};


export type SubscriptionMasteryChangedArgs = {
  classId?: InputMaybe<Scalars['ID']['input']>;
  conceptId?: InputMaybe<Scalars['ID']['input']>;
  learnerId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionRecommendationsChangedArgs = {
  learnerId: Scalars['ID']['input'];
};

/** A grouping of concepts: a topic inside a chapter inside a subject. */
export type Topic = {
  __typename?: 'Topic';
  children: Array<Topic>;
  /** Concepts in this topic and every topic below it. */
  concepts: Array<Concept>;
  id: Scalars['ID']['output'];
  level: TopicLevel;
  name: Scalars['String']['output'];
  parent?: Maybe<Topic>;
};

/** topic -> chapter -> subject rollup. */
export type TopicLevel =
  | 'CHAPTER'
  | 'SUBJECT'
  | 'TOPIC';

/** Mastery rolled up over a topic, chapter or subject: the mean of its concepts. */
export type TopicMastery = {
  __typename?: 'TopicMastery';
  concepts: Scalars['Int']['output'];
  learnerId: Scalars['ID']['output'];
  /** Concepts with p at or above the mastery threshold. */
  mastered: Scalars['Int']['output'];
  /** Mean mastery of the concepts under it, in [0, 1]. */
  p: Scalars['Float']['output'];
  topicId: Scalars['ID']['output'];
};

/** Fields to change; omitted fields keep their value, null clears description or topic. */
export type UpdateConceptInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  topicId?: InputMaybe<Scalars['ID']['input']>;
};

export type UpdateItemInput = {
  difficulty?: InputMaybe<Scalars['Float']['input']>;
  kind?: InputMaybe<ItemKind>;
  title?: InputMaybe<Scalars['String']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
};

/** One variant's summary of one metric, with the comparison against the control (the first variant). */
export type VariantMetric = {
  __typename?: 'VariantMetric';
  /** Welch's 95% interval of diff; null for the control or when undefined (n < 2). */
  ci?: Maybe<ConfidenceInterval>;
  /** mean − control's mean; null for the control. */
  diff?: Maybe<Scalars['Float']['output']>;
  /** Cohen's d against the control (pooled sd). */
  effectSize?: Maybe<Scalars['Float']['output']>;
  mean: Scalars['Float']['output'];
  /** Units (learners or classes) with at least one exposure. */
  n: Scalars['Int']['output'];
  /** Two-sided Welch's t-test p-value against the control. */
  pValue?: Maybe<Scalars['Float']['output']>;
  /** Sample standard deviation (n − 1). */
  sd: Scalars['Float']['output'];
  variant: Scalars['String']['output'];
};

/** Who the token says the caller is. */
export type Viewer = {
  __typename?: 'Viewer';
  id: Scalars['ID']['output'];
  roles: Array<Role>;
};

/** A concept with a weight in (0, 1]: a prerequisite of a new concept, or a concept an item assesses. */
export type WeightedConceptInput = {
  conceptId: Scalars['ID']['input'];
  /** In (0, 1]. */
  weight?: Scalars['Float']['input'];
};

export type WindowFigures = {
  __typename?: 'WindowFigures';
  /** Events per kind: ANSWER, ASSIGNMENT, CONTENT_VIEW. */
  byKind: Array<Scalars['Int']['output']>;
  /** Mean score of answers and assignments. */
  correctRate?: Maybe<Scalars['Float']['output']>;
  events: Scalars['Int']['output'];
  /** Learners with answers in the window. */
  learners: Scalars['Int']['output'];
  /** Their mean score (the same answers as meanPredicted). */
  meanObserved?: Maybe<Scalars['Float']['output']>;
  /** The model's mean predicted P(correct) before those answers. */
  meanPredicted?: Maybe<Scalars['Float']['output']>;
  /** Events rejected in the window (by day received), per code: UNKNOWN_ITEM, UNKNOWN_CONCEPT, FUTURE_EVENT, ... */
  rejected: Array<CountByKey>;
};

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me: { __typename?: 'Viewer', id: string, roles: Array<Role> } };

export type TopicsWithConceptsQueryVariables = Exact<{ [key: string]: never; }>;


export type TopicsWithConceptsQuery = { __typename?: 'Query', topics: Array<{ __typename?: 'Topic', id: string, name: string, concepts: Array<{ __typename?: 'Concept', id: string, name: string }> }> };

export type SearchConceptsQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
  first: Scalars['Int']['input'];
}>;


export type SearchConceptsQuery = { __typename?: 'Query', concepts: { __typename?: 'ConceptConnection', totalCount: number, nodes: Array<{ __typename?: 'Concept', id: string, name: string }> } };

export type ConceptFieldsFragment = { __typename?: 'Concept', id: string, name: string, description?: string | null, tags: Array<string>, topic?: { __typename?: 'Topic', id: string, name: string } | null };

export type ConceptDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConceptDetailQuery = { __typename?: 'Query', concept?: { __typename?: 'Concept', id: string, name: string, description?: string | null, tags: Array<string>, items: Array<{ __typename?: 'Item', id: string, kind: ItemKind, title: string, difficulty?: number | null }>, topic?: { __typename?: 'Topic', id: string, name: string } | null } | null };

export type ConceptNeighbourhoodQueryVariables = Exact<{
  rootIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  depth: Scalars['Int']['input'];
  direction: GraphDirection;
}>;


export type ConceptNeighbourhoodQuery = { __typename?: 'Query', conceptGraph: { __typename?: 'ConceptGraph', nodes: Array<{ __typename?: 'ConceptGraphNode', depth: number, concept: { __typename?: 'Concept', id: string, name: string } }>, edges: Array<{ __typename?: 'PrerequisiteEdge', conceptId: string, prerequisiteId: string, weight: number }> } };

export type CreateConceptMutationVariables = Exact<{
  input: CreateConceptInput;
}>;


export type CreateConceptMutation = { __typename?: 'Mutation', createConcept: { __typename?: 'Concept', id: string, name: string, description?: string | null, tags: Array<string>, topic?: { __typename?: 'Topic', id: string, name: string } | null } };

export type UpdateConceptMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateConceptInput;
}>;


export type UpdateConceptMutation = { __typename?: 'Mutation', updateConcept: { __typename?: 'Concept', id: string, name: string, description?: string | null, tags: Array<string>, topic?: { __typename?: 'Topic', id: string, name: string } | null } };

export type DeleteConceptMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  detach: Scalars['Boolean']['input'];
}>;


export type DeleteConceptMutation = { __typename?: 'Mutation', deleteConcept: { __typename?: 'DeleteResult', id: string, deleted: boolean, detachedRelationships: number } };

export type AddPrerequisiteMutationVariables = Exact<{
  conceptId: Scalars['ID']['input'];
  prerequisiteId: Scalars['ID']['input'];
  weight: Scalars['Float']['input'];
}>;


export type AddPrerequisiteMutation = { __typename?: 'Mutation', addPrerequisite: { __typename?: 'PrerequisiteEdge', conceptId: string, prerequisiteId: string, weight: number } };

export type UpdatePrerequisiteMutationVariables = Exact<{
  conceptId: Scalars['ID']['input'];
  prerequisiteId: Scalars['ID']['input'];
  weight: Scalars['Float']['input'];
}>;


export type UpdatePrerequisiteMutation = { __typename?: 'Mutation', updatePrerequisite: { __typename?: 'PrerequisiteEdge', conceptId: string, prerequisiteId: string, weight: number } };

export type RemovePrerequisiteMutationVariables = Exact<{
  conceptId: Scalars['ID']['input'];
  prerequisiteId: Scalars['ID']['input'];
}>;


export type RemovePrerequisiteMutation = { __typename?: 'Mutation', removePrerequisite: boolean };

export type CreateItemMutationVariables = Exact<{
  input: CreateItemInput;
}>;


export type CreateItemMutation = { __typename?: 'Mutation', createItem: { __typename?: 'Item', id: string, kind: ItemKind, title: string, difficulty?: number | null } };

export type CurriculumReportQueryVariables = Exact<{ [key: string]: never; }>;


export type CurriculumReportQuery = { __typename?: 'Query', curriculumReport: { __typename?: 'CurriculumReport', conceptCount: number, itemCount: number, prerequisiteCount: number, orphanConcepts: Array<string>, conceptsWithoutItems: Array<string>, itemsWithoutConcepts: Array<string>, longestChain: Array<string>, longestChainLength: number, redundantEdges: Array<{ __typename?: 'RedundantEdge', conceptId: string, prerequisiteId: string, via: Array<string> }> } };

export type ImportCurriculumMutationVariables = Exact<{
  format: ImportFormat;
  content: Scalars['String']['input'];
  dryRun: Scalars['Boolean']['input'];
  allowPartial: Scalars['Boolean']['input'];
}>;


export type ImportCurriculumMutation = { __typename?: 'Mutation', importCurriculum: { __typename?: 'ImportReport', valid: boolean, applied: boolean, dryRun: boolean, skippedRows: number, counts: { __typename?: 'ImportCounts', conceptsCreated: number, conceptsUpdated: number, itemsCreated: number, itemsUpdated: number, prerequisitesCreated: number, prerequisitesUpdated: number, topicsWritten: number }, problems: Array<{ __typename?: 'ImportProblem', row?: number | null, section: ImportSection, severity: ProblemSeverity, code: ImportProblemCode, ids: Array<string>, message: string, path?: Array<string> | null }> } };

export type CurriculumChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type CurriculumChangedSubscription = { __typename?: 'Subscription', curriculumChanged: { __typename?: 'CurriculumChange', id: string, entity: CurriculumEntity, entityId: string, relatedId?: string | null, operation: CurriculumOperation, summary?: string | null, recordedAt: string } };

export type WhatNextQueryVariables = Exact<{
  learnerId: Scalars['ID']['input'];
}>;


export type WhatNextQuery = { __typename?: 'Query', learner?: { __typename?: 'Learner', id: string, recommendations: Array<{ __typename?: 'Recommendation', kind: RecommendationKind, score: number, mastery: number, explanation: string, concept: { __typename?: 'Concept', id: string, name: string }, items: Array<{ __typename?: 'RecommendedItem', predictedCorrect: number, item: { __typename?: 'Item', id: string, kind: ItemKind, title: string, difficulty?: number | null, url?: string | null } }> }>, goal?: { __typename?: 'Goal', learnerId: string, conceptId: string, targetDate?: string | null } | null, reviewQueue: Array<{ __typename?: 'ReviewItem', dueAt: string, mastery: number, concept: { __typename?: 'Concept', id: string, name: string } }> } | null };

export type LearnerPathQueryVariables = Exact<{
  learnerId: Scalars['ID']['input'];
}>;


export type LearnerPathQuery = { __typename?: 'Query', learner?: { __typename?: 'Learner', id: string, learningPath: { __typename?: 'LearningPath', learnerId: string, goalConceptId: string, status: LearningPathStatus, explanation: string, totalEstimatedPractice: number, steps: Array<{ __typename?: 'LearningPathStep', mastery: number, estimatedPractice: number, concept: { __typename?: 'Concept', id: string, name: string } }> } } | null };

export type PlacementQueryVariables = Exact<{
  learnerId: Scalars['ID']['input'];
}>;


export type PlacementQuery = { __typename?: 'Query', learner?: { __typename?: 'Learner', id: string, placement: { __typename?: 'PlacementState', learnerId: string, topicId?: string | null, done: boolean, questionsAsked: number, expectedGain?: number | null, explanation: string, nextConcept?: { __typename?: 'Concept', id: string, name: string } | null, nextItem?: { __typename?: 'Item', id: string, title: string, kind: ItemKind } | null } } | null };

export type RecordAnswerMutationVariables = Exact<{
  events: Array<EventInput> | EventInput;
}>;


export type RecordAnswerMutation = { __typename?: 'Mutation', recordEvents: { __typename?: 'RecordEventsResult', accepted: number, duplicates: number, rejected: number, masteryChangeCount: number, results: Array<{ __typename?: 'EventResult', index: number, status: EventStatus, code?: EventResultCode | null, reason?: string | null }> } };

export type SetGoalMutationVariables = Exact<{
  learnerId: Scalars['ID']['input'];
  conceptId: Scalars['ID']['input'];
}>;


export type SetGoalMutation = { __typename?: 'Mutation', setGoal: { __typename?: 'Goal', learnerId: string, conceptId: string, targetDate?: string | null } };

export type MyMasteryChangedSubscriptionVariables = Exact<{
  learnerId: Scalars['ID']['input'];
}>;


export type MyMasteryChangedSubscription = { __typename?: 'Subscription', masteryChanged: { __typename?: 'MasteryChange', id: string, seq: number, learnerId: string, conceptId: string, before: number, after: number, at: string, explanation: string } };

export type MyClassesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyClassesQuery = { __typename?: 'Query', myClasses: Array<{ __typename?: 'Classroom', id: string, name: string, teacherIds: Array<string> }> };

export type ClassHeatmapQueryVariables = Exact<{
  classId: Scalars['ID']['input'];
  topicId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ClassHeatmapQuery = { __typename?: 'Query', classroom?: { __typename?: 'Classroom', id: string, name: string, heatmap: { __typename?: 'Heatmap', classId: string, topicId?: string | null, learnerIds: Array<string>, conceptIds: Array<string>, values: Array<Array<number>>, attempts: Array<Array<number>>, implied: Array<Array<boolean>> } } | null };

export type ClassPanelsQueryVariables = Exact<{
  classId: Scalars['ID']['input'];
  topicId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ClassPanelsQuery = { __typename?: 'Query', classroom?: { __typename?: 'Classroom', id: string, atRisk: Array<{ __typename?: 'AtRiskLearner', learnerId: string, meanMastery: number, trend: number, reason: string }>, bottlenecks: Array<{ __typename?: 'Bottleneck', blockedLearners: number, dependents: number, explanation: string, concept: { __typename?: 'Concept', id: string, name: string } }>, frontier: Array<{ __typename?: 'ClassFrontierConcept', learners: number, readyLearners: number, concept: { __typename?: 'Concept', id: string, name: string } }>, alerts: Array<{ __typename?: 'Alert', classId: string, kind: AlertKind, learnerId: string, conceptId?: string | null, p?: number | null, attempts?: number | null, since?: string | null, text: string }>, alertRules: { __typename?: 'AlertRules', classId: string, lowMastery: number, minAttempts: number, inactiveDays?: number | null } } | null };

export type LiveChangeFragment = { __typename?: 'MasteryChange', id: string, seq: number, learnerId: string, conceptId: string, before: number, after: number, at: string, recordedAt?: string | null, reason: MasteryChangeReason, explanation: string };

export type ClassMasteryChangedSubscriptionVariables = Exact<{
  classId: Scalars['ID']['input'];
}>;


export type ClassMasteryChangedSubscription = { __typename?: 'Subscription', masteryChanged: { __typename?: 'MasteryChange', id: string, seq: number, learnerId: string, conceptId: string, before: number, after: number, at: string, recordedAt?: string | null, reason: MasteryChangeReason, explanation: string } };

export type ClassCatchUpQueryVariables = Exact<{
  classId: Scalars['ID']['input'];
  cursors?: InputMaybe<Array<LearnerSequenceInput> | LearnerSequenceInput>;
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
  limit: Scalars['Int']['input'];
}>;


export type ClassCatchUpQuery = { __typename?: 'Query', masteryChangesSince: Array<{ __typename?: 'MasteryChange', id: string, seq: number, learnerId: string, conceptId: string, before: number, after: number, at: string, recordedAt?: string | null, reason: MasteryChangeReason, explanation: string }> };

export type ClassAlertRaisedSubscriptionVariables = Exact<{
  classId: Scalars['ID']['input'];
}>;


export type ClassAlertRaisedSubscription = { __typename?: 'Subscription', alertRaised: { __typename?: 'RaisedAlert', id: string, classId: string, kind: AlertKind, learnerId: string, conceptId: string, p: number, attempts: number, recordedAt: string, text: string } };

export type SetAlertRulesMutationVariables = Exact<{
  classId: Scalars['ID']['input'];
  rules: AlertRulesInput;
}>;


export type SetAlertRulesMutation = { __typename?: 'Mutation', setAlertRules: { __typename?: 'AlertRules', classId: string, lowMastery: number, minAttempts: number, inactiveDays?: number | null } };

export type LearnerDetailQueryVariables = Exact<{
  learnerId: Scalars['ID']['input'];
}>;


export type LearnerDetailQuery = { __typename?: 'Query', learner?: { __typename?: 'Learner', id: string, mastery: Array<{ __typename?: 'Mastery', learnerId: string, conceptId: string, p: number, attempts: number, lastPracticedAt?: string | null, explanation: Array<{ __typename?: 'MasteryFactor', name: MasteryFactorName, text: string, value: number }> }>, recommendations: Array<{ __typename?: 'Recommendation', kind: RecommendationKind, score: number, mastery: number, explanation: string, concept: { __typename?: 'Concept', id: string, name: string }, factors: Array<{ __typename?: 'RankingFactor', name: RankingFactorName, value: number, weight: number, contribution: number }> }>, goal?: { __typename?: 'Goal', learnerId: string, conceptId: string, targetDate?: string | null } | null } | null };

export type MasteryHistoryQueryVariables = Exact<{
  learnerId: Scalars['ID']['input'];
  conceptId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type MasteryHistoryQuery = { __typename?: 'Query', masteryHistory: Array<{ __typename?: 'MasteryChange', id: string, seq: number, learnerId: string, conceptId: string, at: string, before: number, after: number, explanation: string }> };

export const ConceptFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConceptFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Concept"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"topic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConceptFieldsFragment, unknown>;
export const LiveChangeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LiveChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MasteryChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"conceptId"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}}]} as unknown as DocumentNode<LiveChangeFragment, unknown>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const TopicsWithConceptsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TopicsWithConcepts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"EnumValue","value":"TOPIC"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"concepts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<TopicsWithConceptsQuery, TopicsWithConceptsQueryVariables>;
export const SearchConceptsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchConcepts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"concepts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SearchConceptsQuery, SearchConceptsQueryVariables>;
export const ConceptDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConceptDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"concept"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConceptFields"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"difficulty"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConceptFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Concept"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"topic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConceptDetailQuery, ConceptDetailQueryVariables>;
export const ConceptNeighbourhoodDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConceptNeighbourhood"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rootIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"depth"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"direction"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GraphDirection"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conceptGraph"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"rootIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rootIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"depth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"depth"}}},{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"Variable","name":{"kind":"Name","value":"direction"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"depth"}},{"kind":"Field","name":{"kind":"Name","value":"concept"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conceptId"}},{"kind":"Field","name":{"kind":"Name","value":"prerequisiteId"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}}]}}]} as unknown as DocumentNode<ConceptNeighbourhoodQuery, ConceptNeighbourhoodQueryVariables>;
export const CreateConceptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateConcept"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateConceptInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createConcept"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConceptFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConceptFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Concept"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"topic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateConceptMutation, CreateConceptMutationVariables>;
export const UpdateConceptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateConcept"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateConceptInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateConcept"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConceptFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConceptFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Concept"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"topic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<UpdateConceptMutation, UpdateConceptMutationVariables>;
export const DeleteConceptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteConcept"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"detach"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteConcept"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"detach"},"value":{"kind":"Variable","name":{"kind":"Name","value":"detach"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"detachedRelationships"}}]}}]}}]} as unknown as DocumentNode<DeleteConceptMutation, DeleteConceptMutationVariables>;
export const AddPrerequisiteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddPrerequisite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"conceptId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"prerequisiteId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"weight"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addPrerequisite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"conceptId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"conceptId"}}},{"kind":"Argument","name":{"kind":"Name","value":"prerequisiteId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"prerequisiteId"}}},{"kind":"Argument","name":{"kind":"Name","value":"weight"},"value":{"kind":"Variable","name":{"kind":"Name","value":"weight"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conceptId"}},{"kind":"Field","name":{"kind":"Name","value":"prerequisiteId"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}}]} as unknown as DocumentNode<AddPrerequisiteMutation, AddPrerequisiteMutationVariables>;
export const UpdatePrerequisiteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePrerequisite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"conceptId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"prerequisiteId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"weight"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePrerequisite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"conceptId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"conceptId"}}},{"kind":"Argument","name":{"kind":"Name","value":"prerequisiteId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"prerequisiteId"}}},{"kind":"Argument","name":{"kind":"Name","value":"weight"},"value":{"kind":"Variable","name":{"kind":"Name","value":"weight"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conceptId"}},{"kind":"Field","name":{"kind":"Name","value":"prerequisiteId"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}}]} as unknown as DocumentNode<UpdatePrerequisiteMutation, UpdatePrerequisiteMutationVariables>;
export const RemovePrerequisiteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemovePrerequisite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"conceptId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"prerequisiteId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removePrerequisite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"conceptId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"conceptId"}}},{"kind":"Argument","name":{"kind":"Name","value":"prerequisiteId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"prerequisiteId"}}}]}]}}]} as unknown as DocumentNode<RemovePrerequisiteMutation, RemovePrerequisiteMutationVariables>;
export const CreateItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateItemInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"difficulty"}}]}}]}}]} as unknown as DocumentNode<CreateItemMutation, CreateItemMutationVariables>;
export const CurriculumReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CurriculumReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"curriculumReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conceptCount"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}},{"kind":"Field","name":{"kind":"Name","value":"prerequisiteCount"}},{"kind":"Field","name":{"kind":"Name","value":"orphanConcepts"}},{"kind":"Field","name":{"kind":"Name","value":"conceptsWithoutItems"}},{"kind":"Field","name":{"kind":"Name","value":"itemsWithoutConcepts"}},{"kind":"Field","name":{"kind":"Name","value":"longestChain"}},{"kind":"Field","name":{"kind":"Name","value":"longestChainLength"}},{"kind":"Field","name":{"kind":"Name","value":"redundantEdges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conceptId"}},{"kind":"Field","name":{"kind":"Name","value":"prerequisiteId"}},{"kind":"Field","name":{"kind":"Name","value":"via"}}]}}]}}]}}]} as unknown as DocumentNode<CurriculumReportQuery, CurriculumReportQueryVariables>;
export const ImportCurriculumDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportCurriculum"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"format"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportFormat"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"content"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"allowPartial"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importCurriculum"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"format"},"value":{"kind":"Variable","name":{"kind":"Name","value":"format"}}},{"kind":"Argument","name":{"kind":"Name","value":"content"},"value":{"kind":"Variable","name":{"kind":"Name","value":"content"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}},{"kind":"Argument","name":{"kind":"Name","value":"allowPartial"},"value":{"kind":"Variable","name":{"kind":"Name","value":"allowPartial"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"skippedRows"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conceptsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"conceptsUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"itemsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"itemsUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"prerequisitesCreated"}},{"kind":"Field","name":{"kind":"Name","value":"prerequisitesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"topicsWritten"}}]}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"ids"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]} as unknown as DocumentNode<ImportCurriculumMutation, ImportCurriculumMutationVariables>;
export const CurriculumChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CurriculumChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"curriculumChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"relatedId"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}}]}}]}}]} as unknown as DocumentNode<CurriculumChangedSubscription, CurriculumChangedSubscriptionVariables>;
export const WhatNextDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WhatNext"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"learnerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"learnerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"recommendations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"mastery"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"concept"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"predictedCorrect"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"difficulty"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"goal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"conceptId"}},{"kind":"Field","name":{"kind":"Name","value":"targetDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"mastery"}},{"kind":"Field","name":{"kind":"Name","value":"concept"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WhatNextQuery, WhatNextQueryVariables>;
export const LearnerPathDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LearnerPath"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"learnerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"learnerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"learningPath"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"goalConceptId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"totalEstimatedPractice"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mastery"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedPractice"}},{"kind":"Field","name":{"kind":"Name","value":"concept"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LearnerPathQuery, LearnerPathQueryVariables>;
export const PlacementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Placement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"learnerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"learnerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"placement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"topicId"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"questionsAsked"}},{"kind":"Field","name":{"kind":"Name","value":"expectedGain"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"nextConcept"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PlacementQuery, PlacementQueryVariables>;
export const RecordAnswerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordAnswer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"events"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EventInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"events"},"value":{"kind":"Variable","name":{"kind":"Name","value":"events"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"masteryChangeCount"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<RecordAnswerMutation, RecordAnswerMutationVariables>;
export const SetGoalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetGoal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"learnerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"conceptId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setGoal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"learnerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"learnerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"conceptId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"conceptId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"conceptId"}},{"kind":"Field","name":{"kind":"Name","value":"targetDate"}}]}}]}}]} as unknown as DocumentNode<SetGoalMutation, SetGoalMutationVariables>;
export const MyMasteryChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MyMasteryChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"learnerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"masteryChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"learnerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"learnerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"conceptId"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}}]}}]} as unknown as DocumentNode<MyMasteryChangedSubscription, MyMasteryChangedSubscriptionVariables>;
export const MyClassesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyClasses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myClasses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"teacherIds"}}]}}]}}]} as unknown as DocumentNode<MyClassesQuery, MyClassesQueryVariables>;
export const ClassHeatmapDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassHeatmap"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"classId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"topicId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classroom"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"classId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"heatmap"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"topicId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"topicId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classId"}},{"kind":"Field","name":{"kind":"Name","value":"topicId"}},{"kind":"Field","name":{"kind":"Name","value":"learnerIds"}},{"kind":"Field","name":{"kind":"Name","value":"conceptIds"}},{"kind":"Field","name":{"kind":"Name","value":"values"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"implied"}}]}}]}}]}}]} as unknown as DocumentNode<ClassHeatmapQuery, ClassHeatmapQueryVariables>;
export const ClassPanelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassPanels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"classId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"topicId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classroom"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"classId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"atRisk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"meanMastery"}},{"kind":"Field","name":{"kind":"Name","value":"trend"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bottlenecks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"5"}},{"kind":"Argument","name":{"kind":"Name","value":"topicId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"topicId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"concept"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"blockedLearners"}},{"kind":"Field","name":{"kind":"Name","value":"dependents"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"frontier"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"8"}},{"kind":"Argument","name":{"kind":"Name","value":"topicId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"topicId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"concept"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"learners"}},{"kind":"Field","name":{"kind":"Name","value":"readyLearners"}}]}},{"kind":"Field","name":{"kind":"Name","value":"alerts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"conceptId"}},{"kind":"Field","name":{"kind":"Name","value":"p"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"alertRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classId"}},{"kind":"Field","name":{"kind":"Name","value":"lowMastery"}},{"kind":"Field","name":{"kind":"Name","value":"minAttempts"}},{"kind":"Field","name":{"kind":"Name","value":"inactiveDays"}}]}}]}}]}}]} as unknown as DocumentNode<ClassPanelsQuery, ClassPanelsQueryVariables>;
export const ClassMasteryChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ClassMasteryChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"classId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"masteryChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"classId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"classId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LiveChange"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LiveChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MasteryChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"conceptId"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}}]} as unknown as DocumentNode<ClassMasteryChangedSubscription, ClassMasteryChangedSubscriptionVariables>;
export const ClassCatchUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassCatchUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"classId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cursors"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LearnerSequenceInput"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"masteryChangesSince"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"classId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"classId"}}},{"kind":"Argument","name":{"kind":"Name","value":"cursors"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cursors"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LiveChange"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LiveChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MasteryChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"conceptId"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}}]} as unknown as DocumentNode<ClassCatchUpQuery, ClassCatchUpQueryVariables>;
export const ClassAlertRaisedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ClassAlertRaised"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"classId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alertRaised"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"classId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"classId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"classId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"conceptId"}},{"kind":"Field","name":{"kind":"Name","value":"p"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]} as unknown as DocumentNode<ClassAlertRaisedSubscription, ClassAlertRaisedSubscriptionVariables>;
export const SetAlertRulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetAlertRules"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"classId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rules"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AlertRulesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setAlertRules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"classId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"classId"}}},{"kind":"Argument","name":{"kind":"Name","value":"rules"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rules"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classId"}},{"kind":"Field","name":{"kind":"Name","value":"lowMastery"}},{"kind":"Field","name":{"kind":"Name","value":"minAttempts"}},{"kind":"Field","name":{"kind":"Name","value":"inactiveDays"}}]}}]}}]} as unknown as DocumentNode<SetAlertRulesMutation, SetAlertRulesMutationVariables>;
export const LearnerDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LearnerDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"learnerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"learnerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mastery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"conceptId"}},{"kind":"Field","name":{"kind":"Name","value":"p"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastPracticedAt"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"recommendations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"mastery"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"concept"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"factors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"goal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"conceptId"}},{"kind":"Field","name":{"kind":"Name","value":"targetDate"}}]}}]}}]}}]} as unknown as DocumentNode<LearnerDetailQuery, LearnerDetailQueryVariables>;
export const MasteryHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MasteryHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"learnerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"conceptId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"masteryHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"learnerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"learnerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"conceptId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"conceptId"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"conceptId"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}}]}}]} as unknown as DocumentNode<MasteryHistoryQuery, MasteryHistoryQueryVariables>;