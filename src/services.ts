import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import type { Database } from "./neo4j/run.js";
import { CurriculumService } from "./modules/curriculum/curriculum.service.js";
import { curriculumLoaders } from "./modules/curriculum/curriculum.loaders.js";
import { ImportService } from "./modules/curriculum/import/import.service.js";
import { AlertsService } from "./modules/alerts/alerts.service.js";
import { EventsService } from "./modules/events/events.service.js";
import type { ResolvedItem } from "./modules/events/events.repository.js";
import { cachedConcepts } from "./modules/curriculum/curriculum.loaders.js";
import type { Concept } from "./modules/curriculum/concept.type.js";
import { LearnerAccess } from "./modules/learners/access.js";
import { ClassroomService } from "./modules/recommendations/classroom.service.js";
import { PlacementService } from "./modules/recommendations/placement.service.js";
import { RecommendationsService, type PrerequisiteClosure } from "./modules/recommendations/recommendations.service.js";
import { QualityService } from "./modules/quality/quality.service.js";
import { MasteryService } from "./modules/mastery/mastery.service.js";
import { ModelStore } from "./modules/mastery/model-store.js";
import { LiveHub } from "./modules/live/hub.js";
import { LiveAccess } from "./modules/live/live-access.js";
import { AlertWatchers } from "./modules/live/alert-watchers.js";
import { RecommendationWatchers } from "./modules/live/recommendation-watchers.js";
import { DEFAULT_BAND } from "./modules/recommendations/recommendations.service.js";
import { ReadThroughCache } from "./common/cache.js";
import type { Item } from "./modules/curriculum/item.type.js";
import type { Learner } from "./modules/learners/learner.type.js";
import { createFanout } from "./modules/live/fanout.js";
import type { CurriculumChangeRecord } from "./modules/live/live.records.js";
import { staleCaches } from "./modules/curriculum/stale-caches.js";
import { LearnerRepository } from "./modules/learners/learner.repository.js";
import { learnerLoaders } from "./modules/learners/learner.loaders.js";

/** How long cached curriculum data and learner records are trusted without a change notice. */
export const READ_CACHE_TTL_MS = 60_000;

/** Process-wide services, built once from the one Database. */
export function createServices(db: Database, config: Config, logger: Logger) {
  const hub = new LiveHub();
  const fanout = createFanout(config.REDIS_URL, hub, logger);
  // Concepts and items change only through curriculum edits: forget what an edit made stale
  // (staleCaches: one concept for a concept's own fields, the item caches for item edits, all
  // of them for anything that touches the graph), on the server that made it (at once) and on
  // the others (through the curriculumChanged fan-out).
  const caches = {
    itemsOfConcept: new ReadThroughCache<Array<Item & { weight: number }>>(READ_CACHE_TTL_MS),
    learner: new ReadThroughCache<Learner | null>(READ_CACHE_TTL_MS),
    /** Concepts by id (found ones only). */
    concept: new ReadThroughCache<Concept | null>(READ_CACHE_TTL_MS),
    /** Item -> concepts and difficulty, for ingestion (found items only). */
    itemConcepts: new ReadThroughCache<ResolvedItem | null>(READ_CACHE_TTL_MS),
    /** Goal -> prerequisite closure, for learning paths (known goals only). */
    closure: new ReadThroughCache<PrerequisiteClosure>(READ_CACHE_TTL_MS, 5_000),
  };
  const forgetCurriculum = (changes: readonly CurriculumChangeRecord[]) => {
    const stale = staleCaches(changes);
    if (stale.all || stale.items) {
      caches.itemsOfConcept.clear();
      caches.itemConcepts.clear();
    }
    if (stale.all) {
      caches.concept.clear();
      caches.closure.clear();
    } else if (stale.concepts.length > 0) caches.concept.delete(stale.concepts);
  };
  hub.curriculum.listen(forgetCurriculum);
  const curriculumChanged = (changes: Parameters<typeof fanout.publishCurriculum>[0]) => {
    forgetCurriculum(changes);
    fanout.publishCurriculum(changes);
  };
  const curriculum = new CurriculumService(db, curriculumChanged, logger);
  const learners = new LearnerRepository(db);
  const models = new ModelStore(db);
  const mastery = new MasteryService(db, models, curriculum.repo);
  const recommendations = new RecommendationsService(db, models, mastery, curriculum.repo, caches.closure);
  const alerts = new AlertsService(db);
  const access = new LiveAccess(learners);
  const live = {
    hub,
    access,
    recommendations: new RecommendationWatchers(
      hub,
      (learnerId) =>
        recommendations.recommendations(
          learnerId,
          { limit: 5, within: null, goalConceptId: null, itemKinds: null, strategy: "balanced", band: DEFAULT_BAND },
          (ids) => caches.itemsOfConcept.getMany(ids, (missing) => curriculum.repo.itemsOfConcepts(missing)),
          (ids) => cachedConcepts(caches.concept, curriculum.repo, ids),
        ),
      logger,
    ),
    alerts: new AlertWatchers(hub, access, (classId) => alerts.rules(classId), logger),
  };
  return {
    live,
    fanout,
    caches,
    config,
    logger,
    db,
    curriculum,
    imports: new ImportService(db, curriculum.repo, curriculumChanged),
    learners,
    access: new LearnerAccess(learners),
    models,
    events: new EventsService(db, models, (changes) => fanout.publishMastery(changes), caches.itemConcepts, logger),
    mastery,
    recommendations,
    classroom: new ClassroomService(db, models, curriculum.repo),
    placement: new PlacementService(db, curriculum.repo),
    alerts,
    quality: new QualityService(db),
  };
}

export type Services = ReturnType<typeof createServices>;

/** Fresh DataLoaders: one set per HTTP request or per subscription event, never shared. */
export function createLoaders(services: Services) {
  return {
    ...curriculumLoaders(services.curriculum.repo, services.caches.itemsOfConcept, services.caches.concept),
    ...learnerLoaders(services.learners, services.caches.learner),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
