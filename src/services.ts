import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import type { Database } from "./neo4j/run.js";
import { CurriculumRepository } from "./modules/curriculum/curriculum.repository.js";
import { CurriculumService } from "./modules/curriculum/curriculum.service.js";
import { ImportService } from "./modules/curriculum/import/import.service.js";
import type { CurriculumChangeRecord } from "./modules/curriculum/curriculum-change.js";
import { AlertsRepository } from "./modules/alerts/alerts.repository.js";
import { AlertsService } from "./modules/alerts/alerts.service.js";
import { EventsRepository } from "./modules/events/events.repository.js";
import { EventsService } from "./modules/events/events.service.js";
import { CorrectionsService } from "./modules/events/corrections.service.js";
import { EvidenceRepository } from "./modules/evidence/evidence.repository.js";
import { EvidenceService } from "./modules/evidence/evidence.service.js";
import { DEFAULT_VERBS } from "./domain/evidence/xapi.js";
import type { PrerequisiteLookup } from "./domain/mastery/implied.js";
import { AccessService } from "./modules/learners/access.service.js";
import { LearnerRepository } from "./modules/learners/learner.repository.js";
import { LearnerService } from "./modules/learners/learner.service.js";
import { MasteryRepository } from "./modules/mastery/mastery.repository.js";
import { DEFAULT_SNAPSHOT_OPTIONS, MasteryService } from "./modules/mastery/mastery.service.js";
import { ModelStore } from "./modules/mastery/model-store.js";
import { AuditRepository } from "./modules/audit/audit.repository.js";
import { AuditService } from "./modules/audit/audit.service.js";
import { QualityRepository } from "./modules/quality/quality.repository.js";
import { QualityService } from "./modules/quality/quality.service.js";
import { DriftService } from "./modules/quality/drift.service.js";
import { DriftMonitor } from "./modules/quality/drift-monitor.js";
import { ClassroomRepository } from "./modules/recommendations/classroom.repository.js";
import { ClassroomService } from "./modules/recommendations/classroom.service.js";
import { PlacementService } from "./modules/recommendations/placement.service.js";
import { RecommendationsRepository } from "./modules/recommendations/recommendations.repository.js";
import { DEFAULT_BAND, RecommendationsService } from "./modules/recommendations/recommendations.service.js";
import { AlertWatchers } from "./modules/live/alert-watchers.js";
import { createFanout, type Fanout } from "./modules/live/fanout.js";
import { LiveHub } from "./modules/live/hub.js";
import { ExperimentsRepository } from "./modules/experiments/experiments.repository.js";
import { ExperimentsService } from "./modules/experiments/experiments.service.js";
import { PracticeRepository } from "./modules/practice/practice.repository.js";
import { PracticeService } from "./modules/practice/practice.service.js";
import { EffectivenessRepository } from "./modules/effectiveness/effectiveness.repository.js";
import { EffectivenessService } from "./modules/effectiveness/effectiveness.service.js";
import { MilestoneWatchers } from "./modules/live/milestone-watchers.js";
import { RecommendationWatchers } from "./modules/live/recommendation-watchers.js";

/**
 * The composition root: one repository per module over the one Database, the services over
 * them, wired lowest module first (curriculum, learners -> mastery -> events, recommendations,
 * alerts, quality -> live). Lower modules tell higher ones about changes through the callbacks
 * passed here, never by importing them. Resolvers see `services` only; `infra` (the database,
 * the fan-out, the repositories) is for start-up, health checks and tests.
 */
export function createFrontierServices(db: Database, config: Config, logger: Logger) {
  const hub = new LiveHub();
  const fanout = createFanout(config.REDIS_URL, hub, logger);
  const repositories = {
    curriculum: new CurriculumRepository(db),
    learners: new LearnerRepository(db),
    mastery: new MasteryRepository(db),
    events: new EventsRepository(db),
    recommendations: new RecommendationsRepository(db),
    classroom: new ClassroomRepository(db),
    alerts: new AlertsRepository(db),
    quality: new QualityRepository(db),
    evidence: new EvidenceRepository(db),
    audit: new AuditRepository(db),
    experiments: new ExperimentsRepository(db),
    practice: new PracticeRepository(db),
    effectiveness: new EffectivenessRepository(db),
  };
  // Curriculum edits: forget what they made stale here at once, publish them (other servers
  // forget on receipt, through hub.curriculum below).
  let curriculum: CurriculumService | null = null;
  const curriculumChanged = (changes: CurriculumChangeRecord[]) => {
    curriculum?.forget(changes);
    fanout.publishCurriculum(changes);
  };
  curriculum = new CurriculumService(repositories.curriculum, curriculumChanged, logger);
  const curriculumService = curriculum;
  hub.curriculum.listen((changes) => curriculumService.forget(changes));

  const learners = new LearnerService(repositories.learners);
  const access = new AccessService(repositories.learners);
  const models = new ModelStore(repositories.mastery, config.KT_MODEL);
  const mastery = new MasteryService(repositories.mastery, models, curriculumService, { ...DEFAULT_SNAPSHOT_OPTIONS, budget: config.LEARNER_CACHE_UNITS, ttlMs: config.LEARNER_CACHE_TTL_MS });
  const recommendations = new RecommendationsService(repositories.recommendations, models, mastery, curriculumService);
  // Experiments choose the strategy of learners in a running experiment (a callback: recommendations never imports experiments).
  const experiments = new ExperimentsService(repositories.experiments, logger);
  recommendations.selectStrategyWith(experiments.selector);
  // Item effectiveness orders in-band items when a request asks for Thompson sampling.
  const effectiveness = new EffectivenessService(repositories.effectiveness);
  recommendations.selectItemsWith(effectiveness.explorer);
  const practice = new PracticeService(repositories.practice);
  const alerts = new AlertsService(repositories.alerts);
  // Implied evidence reads prerequisites from the per-process graph copy (fresh as of the call).
  const prerequisites = async (): Promise<PrerequisiteLookup | null> => {
    if (!config.IMPLIED_EVIDENCE) return null;
    const graph = await curriculumService.graph();
    return Object.assign((id: string) => graph.concept(id)?.prerequisites ?? [], { nameOf: (id: string) => graph.concept(id)?.name });
  };
  const events = new EventsService(repositories.events, models, curriculumService, (changes) => fanout.publishMastery(changes), logger, prerequisites);
  const corrections = new CorrectionsService(repositories.events, models, (changes) => fanout.publishMastery(changes), logger, prerequisites);
  const evidence = new EvidenceService(
    repositories.evidence,
    events,
    access,
    curriculumService,
    {
      verbs: { ...DEFAULT_VERBS, ...config.XAPI_VERBS },
      activityPrefixes: config.ACTIVITY_ITEM_PREFIXES,
      caliperActorPrefixes: config.CALIPER_ACTOR_PREFIXES,
      authorityHomePage: `urn:frontier:issuer:${encodeURIComponent(config.JWT_ISSUER)}`,
    },
    logger,
  );
  const live = {
    hub,
    access,
    recommendations: new RecommendationWatchers(
      hub,
      (learnerId) =>
        recommendations.recommendations(
          learnerId,
          { limit: 5, within: null, goalConceptId: null, itemKinds: null, strategy: "balanced", band: DEFAULT_BAND },
          (ids) => curriculumService.itemsOfConcepts(ids),
          (ids) => curriculumService.concepts(ids),
        ),
      logger,
    ),
    alerts: new AlertWatchers(hub, access, (classId) => alerts.rules(classId), logger),
    milestones: new MilestoneWatchers(hub, (learnerId) => practice.milestones(learnerId), logger),
  };
  const drift = new DriftService(repositories.quality);
  const driftMonitor = new DriftMonitor(drift, { recentDays: config.DRIFT_RECENT_DAYS, baselineDays: config.DRIFT_BASELINE_DAYS }, (alert) => hub.drift.publish([alert]), logger);
  const services = {
    config,
    logger,
    /** Liveness of what the server depends on (/healthz). */
    health: { neo4j: () => db.ping(), redis: () => fanout.health() },
    curriculum: curriculumService,
    imports: new ImportService(repositories.curriculum, curriculumChanged),
    learners,
    access,
    models,
    events,
    corrections,
    evidence,
    mastery,
    recommendations,
    classroom: new ClassroomService(repositories.classroom, models, curriculumService),
    placement: new PlacementService(repositories.classroom, curriculumService),
    alerts,
    quality: new QualityService(repositories.quality),
    drift,
    driftMonitor,
    audit: new AuditService(repositories.audit, curriculumService),
    experiments,
    practice,
    effectiveness,
    live,
  };
  return { services, infra: { db, fanout: fanout as Fanout, repositories } };
}

export type Services = ReturnType<typeof createFrontierServices>["services"];
export type Infra = ReturnType<typeof createFrontierServices>["infra"];

/**
 * Fresh DataLoaders: one set per HTTP request or per subscription event, never shared. The
 * curriculum's read through caches proved as fresh as the curriculum at `curriculumMark`.
 */
export function createLoaders(services: Services, curriculumMark: number = services.curriculum.mark()) {
  return { ...services.curriculum.loaders(curriculumMark), ...services.learners.loaders() };
}

export type Loaders = ReturnType<typeof createLoaders>;
