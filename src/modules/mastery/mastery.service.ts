import { READ_CACHE_TTL_MS } from "../../common/cache.js";
import { NotFoundError } from "../../errors/errors.js";
import type { CurriculumService } from "../curriculum/curriculum.service.js";
import { explainMastery } from "../../domain/mastery/explain.js";
import { toMasteryChange } from "./mastery-change.js";
import { MasteryFactorName, PredictionTermName, type ItemPrediction, type Mastery, type MasteryChange, type TopicMastery } from "./mastery.type.js";
import { effectiveItemDifficulty, effectiveMastery, initialLearnerState, predictCorrect, type LearnerState } from "../../domain/mastery/model.js";
import type { ModelStore } from "./model-store.js";
import { LearnerSnapshots, type SnapshotOptions } from "./learner-snapshots.js";
import type { MasteryRepository } from "./mastery.repository.js";
import type { StoredChange } from "./mastery.rows.js";
import { THRESHOLDS } from "../../domain/mastery/thresholds.js";

/** The budget is config.LEARNER_CACHE_UNITS: 1,000,000 units (a learner, a practised concept or a recent attempt each) is 85-190 MB of heap (README, "Caches"). */
export const DEFAULT_SNAPSHOT_OPTIONS: SnapshotOptions = { budget: 1_000_000, ttlMs: READ_CACHE_TTL_MS, maxBatch: 500, lanes: 4 };

/** Mastery at or above this counts as mastered in rollups. */
export const MASTERED = THRESHOLDS.mastered;

/** Reads mastery: the model's state of a learner, evaluated now (forgetting included), with explanations. */
export class MasteryService {
  /** Learners' states (with goal and recent attempts), held per process and checked on every read (learner-snapshots.ts). */
  readonly snapshots: LearnerSnapshots;

  constructor(
    private readonly repo: MasteryRepository,
    readonly models: ModelStore,
    private readonly curriculum: CurriculumService,
    snapshotOptions: SnapshotOptions = DEFAULT_SNAPSHOT_OPTIONS,
  ) {
    this.snapshots = new LearnerSnapshots(repo, curriculum, snapshotOptions);
  }

  /** The learner's model state as stored (fresh as of the call); the initial state for a learner without one. */
  async state(learnerId: string): Promise<LearnerState> {
    return (await this.snapshots.read(learnerId)).snapshot?.state ?? initialLearnerState();
  }

  /**
   * Mastery of the given concepts (or of every concept under a topic, or of every practised
   * concept when neither is given), each with its top three factors.
   */
  async mastery(learnerId: string, conceptIds: string[] | null, topicId: string | null, now = Date.now()): Promise<Mastery[]> {
    const [state, { params }] = await Promise.all([this.state(learnerId), this.models.current()]);
    let ids = conceptIds ?? (topicId ? ((await this.curriculum.conceptIdsUnderTopics([topicId]))[0] ?? []) : Object.keys(state.concepts));
    ids = [...new Set(ids)].sort();
    const practised = ids.filter((id) => state.concepts[id]);
    const anyImplied = practised.some((id) => state.concepts[id]?.impliedBy !== undefined);
    const [recent, corrections, graph] = await Promise.all([
      this.repo.recentEvidence(learnerId, practised),
      this.repo.activeCorrections(learnerId, practised),
      anyImplied ? this.curriculum.graph() : Promise.resolve(null),
    ]);
    return ids.map((conceptId) => {
      const em = effectiveMastery(params, state, conceptId, now);
      const cs = state.concepts[conceptId];
      const ev = recent.get(conceptId);
      const impliedBy = cs?.impliedBy ?? null;
      return {
        learnerId,
        conceptId,
        p: em.mastery,
        storedP: em.stored,
        practised: !em.isNew && impliedBy === null,
        attempts: em.attempts,
        implied: impliedBy !== null,
        impliedBy,
        lastPracticedAt: cs && impliedBy === null ? new Date(cs.lastPracticedAt) : null,
        explanation: explainMastery(
          {
            effective: em.mastery, stored: em.stored, isNew: em.isNew, attempts: em.attempts, lastPracticedAt: cs?.lastPracticedAt ?? null, recentScores: ev?.scores ?? [], recentHints: ev?.hints ?? [], ability: state.ability, correction: corrections.get(conceptId) ?? null,
            implied: impliedBy !== null && cs ? { by: impliedBy, name: graph?.concept(impliedBy)?.name ?? impliedBy, at: cs.lastPracticedAt } : null,
          },
          now,
        ).map((f) => ({ ...f, name: MasteryFactorName[f.name] })),
      };
    });
  }

  async topicMastery(learnerId: string, topicIds: string[], now = Date.now()): Promise<TopicMastery[]> {
    const [state, { params }] = await Promise.all([this.state(learnerId), this.models.current()]);
    const under = await this.curriculum.conceptIdsUnderTopics(topicIds);
    return topicIds.map((topicId, i) => {
      const ps = (under[i] ?? []).map((c) => effectiveMastery(params, state, c, now).mastery);
      return { learnerId, topicId, concepts: ps.length, p: ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : 0, mastered: ps.filter((p) => p >= MASTERED).length };
    });
  }

  async predictedCorrect(learnerId: string, itemId: string, now = Date.now()): Promise<ItemPrediction> {
    const [row] = await this.curriculum.resolveItems([itemId]);
    if (!row) throw new NotFoundError("Item", itemId);
    const [state, { params }] = await Promise.all([this.state(learnerId), this.models.current()]);
    const concepts = row.concepts.map((c) => c.conceptId);
    const difficulty = effectiveItemDifficulty(params, itemId, row.difficulty, concepts);
    const p = predictCorrect({ ...params, itemDifficulty: { [itemId]: difficulty } }, state, { itemId, conceptIds: concepts }, now);
    return { learnerId, itemId, p: p.p, terms: (Object.keys(p.terms) as Array<keyof typeof p.terms>).map((name) => ({ name: termName(name), logit: p.terms[name] })) };
  }

  async changesAfter(learnerId: string, afterSequence: number, limit: number): Promise<MasteryChange[]> {
    return storedChanges(await this.repo.changesAfter(learnerId, afterSequence, limit));
  }

  /**
   * Class catch-up: for each learner, the changes after its cursor; for learners without a
   * cursor, the changes committed at or after `since` (epoch ms; null: all). Oldest commit first.
   */
  async classChangesAfter(learnerIds: string[], cursors: Map<string, number>, since: number | null, limit: number): Promise<MasteryChange[]> {
    const rows = await this.repo.classChangesAfter(
      learnerIds.map((id) => ({ learnerId: id, after: cursors.get(id) ?? null })),
      since,
      limit,
    );
    return storedChanges(rows);
  }

  async history(learnerId: string, conceptId: string | null, from: string | null, to: string | null, limit: number): Promise<MasteryChange[]> {
    return storedChanges(await this.repo.history({ learnerId, conceptId, from, to, limit }));
  }
}

function storedChanges(rows: StoredChange[]): MasteryChange[] {
  return rows.map((r) => toMasteryChange(r));
}

const TERM_NAMES = new Set<string>(Object.values(PredictionTermName));

/** The model's logit terms carry their GraphQL names; a new term must be added to the enum. */
function termName(name: string): PredictionTermName {
  if (!TERM_NAMES.has(name)) throw new Error(`logit term '${name}' has no PredictionTermName`);
  return name as PredictionTermName;
}
