import { analyseMetric, assignmentCheck, outcomesCsv, type MetricResult } from "../../domain/experiments/analysis.js";
import { assign } from "../../domain/experiments/assignment.js";
import { decide, type EligibilityRules, type ExperimentUnit as Unit } from "../../domain/experiments/eligibility.js";
import { unitOutcomes, type Metric } from "../../domain/experiments/outcomes.js";
import type { SampleRatio } from "../../domain/experiments/stats.js";
import { THRESHOLDS } from "../../domain/mastery/thresholds.js";
import { STRATEGIES, type RankingWeights } from "../../domain/recommendations/ranking.js";
import { BadUserInputError, ConflictError, NotFoundError } from "../../errors/errors.js";
import type { Logger } from "../../logger.js";
import type { StrategyChoice, StrategySelector } from "../recommendations/strategy-selector.js";
import type { ExperimentInput } from "./experiment.input.js";
import { type ExperimentMetric, ExperimentStatus, type ExperimentUnit, type Experiment, type ExperimentVariantDef } from "./experiment.type.js";
import type { ExperimentsRepository, ExperimentWrite, StoredExperiment } from "./experiments.repository.js";
import type { RecommendationStrategy } from "../recommendations/recommendation.type.js";

/** How long a server trusts its list of running experiments (a start or stop elsewhere is seen within this). */
export const RUNNING_TTL_MS = 5_000;

export interface ExperimentAnalysis {
  /** Primary metric first, then the secondary ones. */
  metrics: MetricResult[];
  srm: SampleRatio;
  exclusions: Array<{ reason: string; learners: number }>;
  csv: string;
}

interface Eligibility extends EligibilityRules {
  createdAfter: number | null;
}

/** Experiments: definitions and lifecycle, stateless assignment on first exposure, exposure logging, read-outs. */
export class ExperimentsService {
  private running: { at: number; list: Promise<Experiment[]> } | null = null;
  private readonly analyses = new WeakMap<Experiment, Promise<ExperimentAnalysis>>();

  constructor(
    private readonly repo: ExperimentsRepository,
    private readonly logger: Logger,
  ) {}

  async create(input: ExperimentInput): Promise<Experiment> {
    return toExperiment(await this.repo.create(toWrite(input)));
  }

  /** Only a DRAFT can be edited: a running or stopped experiment answers CONFLICT. */
  async update(input: ExperimentInput): Promise<Experiment> {
    const stored = await this.repo.update(toWrite(input));
    if (!stored) throw new NotFoundError("Experiment", input.id);
    if (stored.status !== ExperimentStatus.DRAFT) throw new ConflictError(`Experiment '${input.id}' is ${stored.status}: only a DRAFT can be edited (a running one can only be stopped).`, { status: stored.status });
    return toExperiment(stored);
  }

  start(id: string): Promise<Experiment> {
    return this.step(id, ExperimentStatus.DRAFT, ExperimentStatus.RUNNING);
  }

  stop(id: string): Promise<Experiment> {
    return this.step(id, ExperimentStatus.RUNNING, ExperimentStatus.STOPPED);
  }

  private async step(id: string, from: ExperimentStatus, to: ExperimentStatus): Promise<Experiment> {
    const r = await this.repo.setStatus(id, from, to);
    if (!r) throw new NotFoundError("Experiment", id);
    if (r.was !== from) throw new ConflictError(`Experiment '${id}' is ${r.was}; only a ${from} experiment can become ${to}.`, { status: r.was });
    this.running = null;
    return toExperiment(r.experiment);
  }

  async byIds(ids: readonly string[]): Promise<Array<Experiment | null>> {
    const found = new Map((await this.repo.byIds(ids)).map((x) => [x.id, toExperiment(x)]));
    return ids.map((id) => found.get(id) ?? null);
  }

  async list(status: ExperimentStatus | null, limit: number): Promise<Experiment[]> {
    return (await this.repo.list(status, limit)).map(toExperiment);
  }

  private runningNow(now: number): Promise<Experiment[]> {
    if (!this.running || now - this.running.at > RUNNING_TTL_MS || now < this.running.at) {
      const list = this.repo.running().then((xs) => xs.map(toExperiment));
      // A failed read is not remembered.
      list.catch(() => {
        this.running = null;
      });
      this.running = { at: now, list };
    }
    return this.running.list;
  }

  /**
   * The recommendations hook: the first running experiment (earliest started) that has or makes a
   * decision for the learner. A stored decision is kept (assigned or excluded); otherwise the
   * eligibility rules run, an exclusion is recorded at once, and an assignment is recorded with the
   * first served list.
   */
  readonly selector: StrategySelector = async (learnerId, now) => {
    const running = (await this.runningNow(now)).filter((x) => (x.startAt === null || x.startAt.getTime() <= now) && (x.stopAt === null || now < x.stopAt.getTime()));
    if (running.length === 0) return null;
    const topicIds = [...new Set(running.flatMap((x) => x.eligibility.topicIds ?? []))];
    const ctx = await this.repo.learnerContext(learnerId, running.map((x) => x.id), topicIds);
    if (!ctx) return null;
    for (const x of running) {
      const stored = ctx.decisions.find((d) => d.experimentId === x.id);
      if (stored) {
        const v = x.variantDefs.find((d) => d.key === stored.variant);
        if (v && stored.unitId) return this.choice(x, v, learnerId, stored.unitId, now);
        continue;
      }
      const rules: Eligibility = { ...x.eligibility, createdAfter: x.eligibility.createdAfter?.getTime() ?? null };
      const d = decide(rules, x.unit as Unit, { learnerId, classIds: ctx.classIds, createdAt: ctx.createdAt?.getTime() ?? null, practisedTopicIds: ctx.practisedTopicIds });
      if (!d.eligible) {
        await this.repo.recordExposure({ experimentId: x.id, learnerId, unitId: null, variant: null, excluded: d.reason, at: now, conceptIds: null });
        continue;
      }
      return this.choice(x, assign(x.id, d.unitId, x.variantDefs), learnerId, d.unitId, now);
    }
    return null;
  };

  private choice(x: Experiment, v: ExperimentVariantDef, learnerId: string, unitId: string, now: number): StrategyChoice {
    return {
      strategy: v.strategy ?? "balanced",
      weights: { ...v.weights },
      explanation: `experiment: ${x.id}, variant ${v.key}`,
      served: async (conceptIds) => {
        const r = await this.repo.recordExposure({ experimentId: x.id, learnerId, unitId, variant: v.key, excluded: null, at: now, conceptIds });
        if (r && r.variant !== v.key) this.logger.warn({ experimentId: x.id, learnerId, stored: r.variant, computed: v.key }, "stored experiment decision differs from the computed one");
      },
    };
  }

  /** The read-out (computed once per experiment object, i.e. once per request). */
  analysis(x: Experiment): Promise<ExperimentAnalysis> {
    let a = this.analyses.get(x);
    if (!a) {
      a = this.analyse(x);
      this.analyses.set(x, a);
    }
    return a;
  }

  private async analyse(x: Experiment): Promise<ExperimentAnalysis> {
    const [windows, exclusions] = await Promise.all([this.repo.windows(x.id, x.windowDays), this.repo.exclusions(x.id)]);
    const units = unitOutcomes(windows, x.windowDays, THRESHOLDS.mastered);
    const keys = x.variantDefs.map((v) => v.key);
    const metrics = [x.primaryMetric, ...x.secondaryMetrics].map((m) => analyseMetric(keys, units, m as Metric));
    return { metrics, srm: assignmentCheck(x.variantDefs, units), exclusions, csv: outcomesCsv(units) };
  }
}

function problem(path: string, message: string): never {
  throw new BadUserInputError(`Invalid experiment: ${path} ${message}.`, [{ path, message }]);
}

/** Checks what class-validator cannot (cross-field rules) and serialises the definition. */
function toWrite(input: ExperimentInput): ExperimentWrite {
  const keys = input.variants.map((v) => v.key);
  if (new Set(keys).size !== keys.length) problem("variants", "keys must be unique");
  const variants: ExperimentVariantDef[] = input.variants.map((v, i) => {
    const hasStrategy = v.strategy !== null && v.strategy !== undefined;
    const hasWeights = v.weights !== null && v.weights !== undefined;
    if (hasStrategy === hasWeights) problem(`variants.${i}`, "needs exactly one of strategy and weights");
    const weights: RankingWeights = hasWeights ? namedWeights(v.weights as RankingWeights) : (STRATEGIES[v.strategy as string] as RankingWeights);
    return { key: v.key, weight: v.weight, strategy: hasStrategy ? (v.strategy as string) : null, weights };
  });
  const startAt = input.startAt?.getTime() ?? null;
  const stopAt = input.stopAt?.getTime() ?? null;
  if (startAt !== null && stopAt !== null && stopAt <= startAt) problem("stopAt", "must be after startAt");
  const e = input.eligibility;
  const eligibility = {
    classIds: e?.classIds ?? null,
    topicIds: e?.topicIds ?? null,
    createdAfter: e?.createdAfter?.toISOString() ?? null,
    excludeLearnerIds: e?.excludeLearnerIds ?? [],
  };
  return {
    id: input.id,
    name: input.name,
    hypothesis: input.hypothesis ?? null,
    unit: input.unit,
    variants: JSON.stringify(variants),
    eligibility: JSON.stringify(eligibility),
    primaryMetric: input.primaryMetric,
    secondaryMetrics: [...new Set(input.secondaryMetrics ?? [])].filter((m) => m !== input.primaryMetric),
    windowDays: input.windowDays,
    startAt,
    stopAt,
  };
}

/** Copies the named factors only (an input object may carry more). */
const namedWeights = (w: RankingWeights): RankingWeights => ({
  readiness: w.readiness,
  masteryGap: w.masteryGap,
  unlockValue: w.unlockValue,
  goalRelevance: w.goalRelevance,
  reviewDue: w.reviewDue,
  continuity: w.continuity,
  variety: w.variety,
});

function toExperiment(s: StoredExperiment): Experiment {
  const variants = JSON.parse(s.variants) as ExperimentVariantDef[];
  const e = JSON.parse(s.eligibility) as { classIds: string[] | null; topicIds: string[] | null; createdAfter: string | null; excludeLearnerIds: string[] };
  return {
    id: s.id,
    name: s.name,
    hypothesis: s.hypothesis,
    status: s.status as ExperimentStatus,
    unit: s.unit as ExperimentUnit,
    eligibility: { classIds: e.classIds, topicIds: e.topicIds, createdAfter: e.createdAfter ? new Date(e.createdAfter) : null, excludeLearnerIds: e.excludeLearnerIds },
    primaryMetric: s.primaryMetric as ExperimentMetric,
    secondaryMetrics: s.secondaryMetrics as ExperimentMetric[],
    windowDays: s.windowDays,
    startAt: s.startAt === null ? null : new Date(s.startAt),
    stopAt: s.stopAt === null ? null : new Date(s.stopAt),
    createdAt: s.createdAt,
    startedAt: s.startedAt,
    stoppedAt: s.stoppedAt,
    variantDefs: variants.map((v) => ({ ...v, strategy: v.strategy as RecommendationStrategy | null })),
  };
}
