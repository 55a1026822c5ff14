import type { Concept } from "../curriculum/concept.type.js";
import type { CurriculumService } from "../curriculum/curriculum.service.js";
import { prerequisiteOrder } from "../../domain/curriculum/graph-analysis.js";
import type { Item } from "../curriculum/item.type.js";
import type { MasteryService } from "../mastery/mastery.service.js";
import { attemptedSince, RECENT_WINDOW_MS } from "../mastery/learner-snapshots.js";
import { conceptParamsFor, effectiveItemDifficulty, effectiveMastery, predictCorrect, type LearnerState, type ModelParams } from "../../domain/mastery/model.js";
import { estimatePractice, reviewDueAt } from "../../domain/recommendations/practice.js";
import type { FrontierRead, RecommendationsRepository } from "./recommendations.repository.js";
import { frontierCandidates, type FrontierRules } from "../../domain/recommendations/frontier.js";
import { entryPointsNear, staticRootOrder, topStaticRoots, type LearnerPosition } from "../../domain/recommendations/continuity.js";
import { conceptLevels, type Levels } from "../../domain/recommendations/levels.js";
import { EXPLORE, learnerPosition, planRecommendations, type PlannedPick } from "../../domain/recommendations/recommend.js";
import type { CurriculumGraph } from "../../domain/curriculum/curriculum-graph.js";
import type { ModelStore } from "../mastery/model-store.js";
import { READ_CACHE_TTL_MS, ReadThroughCache } from "../../common/cache.js";
import { THRESHOLDS } from "../../domain/mastery/thresholds.js";
import type { RankingWeights } from "../../domain/recommendations/ranking.js";
import { NotFoundError } from "../../errors/errors.js";
import type { StrategySelector } from "./strategy-selector.js";
import type { ItemExplorer } from "./item-explorer.js";
import { LearningPathStatus, RankingFactorName, RecommendationKind, type Goal, type LearningPath, type Recommendation, type ReviewItem } from "./recommendation.type.js";

/** The ranking's factor keys and their GraphQL names. */
const FACTOR_NAMES: Readonly<Record<keyof RankingWeights, RankingFactorName>> = {
  readiness: RankingFactorName.READINESS,
  masteryGap: RankingFactorName.MASTERY_GAP,
  unlockValue: RankingFactorName.UNLOCK_VALUE,
  goalRelevance: RankingFactorName.GOAL_RELEVANCE,
  reviewDue: RankingFactorName.REVIEW_DUE,
  continuity: RankingFactorName.CONTINUITY,
  variety: RankingFactorName.VARIETY,
};

/** Items attempted within this window are not offered again. */
export const RECENT_ITEM_WINDOW_MS = RECENT_WINDOW_MS;
export const DEFAULT_BAND = { min: 0.6, max: 0.85 };
const ITEMS_PER_CONCEPT = 3;
/** How far the goal path reaches along prerequisites (the documented maximum depth). */
const MAX_GOAL_DEPTH = 12;

/** A goal and its prerequisites within 12 levels, with the REQUIRES edges among them. */
export interface PrerequisiteClosure {
  nodes: string[];
  edges: Array<{ conceptId: string; prerequisiteId: string; weight: number }>;
  /**
   * The nodes in prerequisite order, computed once per closure. Any subset kept in this order
   * respects every edge among the subset (and every prerequisite chain through the rest).
   */
  order: string[];
  /** Some prerequisite lies deeper than 12 levels. */
  truncated: boolean;
}

type Pick = PlannedPick;

/** What the service derives once per graph copy and model version. */
interface GraphDerived {
  version: number;
  levels: Levels;
  /** The entry level's entry points, and all of them, in the order topStaticRoots walks (null: priors differ). */
  entryOrder: () => string[] | null;
  allOrder: () => string[] | null;
}

export interface RecommendationOptions {
  limit: number;
  /** Only concepts in this set (a subject or topic), or null for the whole curriculum. */
  within: string[] | null;
  goalConceptId: string | null;
  itemKinds: string[] | null;
  strategy: string;
  band: { min: number; max: number };
  now?: number;
  /**
   * "graph" (default): the per-process curriculum graph and one indexed read of the learner.
   * "traversal": the full Cypher traversal (recommendations/frontier.cypher), kept as the oracle
   * the tests and the benchmark compare against; the answers are the same.
   */
  readPath?: "graph" | "traversal";
  /** The caller named the strategy: no experiment overrides it. */
  strategyExplicit?: boolean;
  /** Rank with these weights instead of the strategy's (an experiment variant's weight set). */
  weights?: RankingWeights;
  /** "closest" (default): in-band items closest to the band's middle. "thompson": Thompson sampling on item effectiveness (seeded). */
  itemSelection?: "closest" | "thompson";
  /** The request's seed for "thompson" (the same seed, the same draws). */
  seed?: number;
  /** Set by `recommendations` for "thompson": orders a concept's in-band items. */
  orderItems?: <T extends { item: Item }>(conceptId: string, inBand: readonly T[], state: LearnerState) => T[];
}


/** Zone-of-proximal-development recommendations, learning paths and review, from the graph and the model. */
export class RecommendationsService {
  /** Prerequisite closures by goal id (curriculum only; cleared on every edit of the graph). */
  private readonly closures = new ReadThroughCache<PrerequisiteClosure>(READ_CACHE_TTL_MS, 5_000);
  /** Concept levels per graph copy (a new copy after every edit) and model version. */
  private readonly levelsByGraph = new WeakMap<CurriculumGraph, GraphDerived>();
  private strategySelector: StrategySelector | null = null;
  private itemExplorer: ItemExplorer | null = null;

  constructor(
    private readonly repo: RecommendationsRepository,
    private readonly models: ModelStore,
    private readonly mastery: MasteryService,
    private readonly curriculum: CurriculumService,
  ) {
    curriculum.whenStale((stale) => {
      if (stale.all || stale.structure) this.closures.clear();
    });
  }

  /** The goal's prerequisite closure (12 levels), read through the per-process cache once it is fresh (freshness.ts). */
  async closure(goalConceptId: string, mark?: number): Promise<PrerequisiteClosure> {
    await this.curriculum.fresh(mark);
    const [closure] = await this.closures.getMany(
      [goalConceptId],
      async ([goalId]) => {
        const { nodes, edges: leaving } = await this.repo.prerequisiteClosure(goalId as string);
        const inside = new Set(nodes);
        const edges = leaving.filter((e) => inside.has(e.prerequisiteId));
        return [{ nodes, edges, order: prerequisiteOrder(nodes, edges) ?? nodes, truncated: edges.length < leaving.length }];
      },
      (c) => c.nodes.length > 0,
    );
    return closure as PrerequisiteClosure;
  }

  /** Lets a running experiment choose the strategy when the caller did not (src/services.ts wires it). */
  selectStrategyWith(selector: StrategySelector): void {
    this.strategySelector = selector;
  }

  /**
   * The ranked list. Unless the caller named a strategy, an experiment the learner takes part in
   * picks it (the variant's strategy or weight set), logs the served list and says so in every
   * explanation.
   */
  async recommendations(
    learnerId: string,
    o: RecommendationOptions,
    loadItems: (conceptIds: string[]) => Promise<Item[][]>,
    loadConcepts: (conceptIds: string[]) => Promise<Array<Concept | null>>,
  ): Promise<Recommendation[]> {
    const choice = o.strategyExplicit || !this.strategySelector ? null : await this.strategySelector(learnerId, o.now ?? Date.now());
    const explored = new Map<string, string>();
    let orderItems: RecommendationOptions["orderItems"];
    if (o.itemSelection === "thompson" && this.itemExplorer) {
      const seed = o.seed ?? 0;
      const order = await this.itemExplorer(seed);
      orderItems = (conceptId, inBand, state) => {
        const r = order(conceptId, inBand, state);
        const first = r.ordered[0];
        if (r.exploratory && first) explored.set(conceptId, ` "${first.item.title}" is an exploratory choice (Thompson sampling on item effectiveness for the ${r.band} ability band, seed ${seed}).`);
        return r.ordered;
      };
    }
    if (!choice && !orderItems) return this.rankRecommendations(learnerId, o, loadItems, loadConcepts);
    const recs = await this.rankRecommendations(learnerId, { ...o, ...(choice ? { strategy: choice.strategy, weights: choice.weights } : {}), orderItems }, loadItems, loadConcepts);
    if (choice) await choice.served(recs.map((r) => r.concept.id));
    return recs.map((r) => ({ ...r, explanation: `${r.explanation}${explored.get(r.concept.id) ?? ""}${choice ? ` (${choice.explanation})` : ""}` }));
  }

  /** Lets item effectiveness order in-band items when a request asks for Thompson sampling (src/services.ts wires it). */
  selectItemsWith(explorer: ItemExplorer): void {
    this.itemExplorer = explorer;
  }

  private async rankRecommendations(
    learnerId: string,
    o: RecommendationOptions,
    loadItems: (conceptIds: string[]) => Promise<Item[][]>,
    loadConcepts: (conceptIds: string[]) => Promise<Array<Concept | null>>,
  ): Promise<Recommendation[]> {
    const now = o.now ?? Date.now();
    const rules = { mastered: THRESHOLDS.mastered, ready: THRESHOLDS.ready, struggleAttempts: THRESHOLDS.struggleAttempts, struggleRecent: THRESHOLDS.struggleRecent };
    const since = now - RECENT_ITEM_WINDOW_MS;
    const model = this.models.current();
    const [read, { params, version }] = await Promise.all([
      o.readPath === "traversal"
        ? Promise.all([this.curriculum.graph(), this.repo.frontier({ learnerId, goalId: o.goalConceptId, within: o.within, ...rules, since })]).then(([graph, row]) => (row ? { graph, row } : null))
        : this.frontierFromGraph(model, learnerId, o, rules, since, now),
      model,
    ]);
    if (!read) return [];
    const { graph, row } = read;
    const state = row.state;
    const recentItems = new Set(row.recentItemIds);
    const unavailable = await this.usedUp(state, recentItems, since, o.itemKinds, loadItems);
    const { weights, chosen } = planRecommendations({ graph, levels: this.levels(graph, params, version), params, state, now, lists: row, strategy: o.strategy, ...(o.weights ? { weights: o.weights } : {}), limit: o.limit, unavailable });

    // The traversal returns ids and names only (decoding every candidate's properties cost more
    // than the traversal): the chosen few come from the concept cache.
    const ids = chosen.map((c) => c.pick.conceptId);
    const [items, concepts] = await Promise.all([loadItems(ids), loadConcepts(ids)]);
    return chosen.flatMap(({ pick, factors, score }, i) => {
      const concept = concepts[i];
      if (!concept) return [];
      return [
        {
          concept,
          kind: RecommendationKind[pick.kind],
          stretch: pick.part === "stretch",
          score,
          mastery: pick.mastery,
          factors: (Object.keys(weights) as Array<keyof RankingWeights>).map((name) => ({
            name: FACTOR_NAMES[name],
            value: factors[name],
            weight: weights[name],
            contribution: (name === "variety" ? -1 : 1) * weights[name] * factors[name],
          })),
          explanation: pick.sentence,
          items: this.chooseItems(params, state, pick, items[i] ?? [], recentItems, o, now),
        },
      ];
    });
  }

  /**
   * Concepts the learner cannot practise now (PlanRules.practisableOnly): practised within the
   * recent-item window, with items, every one of them (of the kinds asked for) attempted in that
   * window. Only concepts practised in the window can qualify, so the lookup is of the learner's
   * own recent work (items come from the per-process item cache).
   */
  private async usedUp(state: LearnerState, recent: ReadonlySet<string>, since: number, kinds: RecommendationOptions["itemKinds"], loadItems: (conceptIds: string[]) => Promise<Item[][]>): Promise<Set<string>> {
    if (recent.size === 0) return new Set();
    const ids = Object.entries(state.concepts).flatMap(([id, c]) => (c.lastPracticedAt >= since && c.impliedBy === undefined ? [id] : []));
    if (ids.length === 0) return new Set();
    const items = await loadItems(ids);
    return new Set(
      ids.filter((_, i) => {
        const allowed = (items[i] ?? []).filter((item) => kinds === null || kinds.includes(item.kind));
        return allowed.length > 0 && allowed.every((item) => recent.has(item.id));
      }),
    );
  }

  /**
   * Items whose predicted P(correct) is inside the band and that were not attempted recently,
   * closest to the middle of the band first; when the learner struggles, one video or reading
   * is mixed in.
   */
  private chooseItems(params: ModelParams, state: LearnerState, pick: Pick, items: Item[], recent: Set<string>, o: RecommendationOptions, now: number) {
    const mid = (o.band.min + o.band.max) / 2;
    const allowed = items.filter((i) => !recent.has(i.id) && (o.itemKinds === null || o.itemKinds.includes(i.kind)));
    const answerable = allowed.filter((i) => i.kind === "QUESTION" || i.kind === "EXERCISE");
    // Each item's difficulty as the server uses it (fitted, else the designer's, else its concept's),
    // in one copy of the parameters for the whole concept rather than one per item.
    const difficulty: Record<string, number> = {};
    for (const item of answerable) difficulty[item.id] = effectiveItemDifficulty(params, item.id, item.difficulty, [pick.conceptId]);
    const withItems: ModelParams = { ...params, itemDifficulty: difficulty };
    const scored = answerable
      .map((item) => ({ item, predictedCorrect: predictCorrect(withItems, state, { itemId: item.id, conceptIds: [pick.conceptId] }, now).p }))
      .filter((x) => x.predictedCorrect >= o.band.min && x.predictedCorrect <= o.band.max)
      .sort((a, b) => Math.abs(a.predictedCorrect - mid) - Math.abs(b.predictedCorrect - mid));
    const out = (o.orderItems ? o.orderItems(pick.conceptId, scored, state) : scored).slice(0, ITEMS_PER_CONCEPT);
    const struggling = pick.kind === "REMEDIATION" || (state.concepts[pick.conceptId]?.recent ?? 1) < THRESHOLDS.struggleRecent;
    if (struggling) {
      const content = allowed.find((i) => i.kind === "VIDEO" || i.kind === "READING");
      if (content) out.splice(Math.min(out.length, ITEMS_PER_CONCEPT - 1), 0, { item: content, predictedCorrect: predictCorrect(params, state, { itemId: content.id, conceptIds: [pick.conceptId] }, now).p });
    }
    return out.slice(0, ITEMS_PER_CONCEPT);
  }

  /** Concept levels (and the static orders of entry points) for this graph copy and model version, computed once per pair. */
  private derived(graph: CurriculumGraph, params: ModelParams, version: number): GraphDerived {
    const held = this.levelsByGraph.get(graph);
    if (held && held.version === version) return held;
    const levels = conceptLevels(graph, params);
    const prior = (id: string) => conceptParamsFor(params, id).pL0;
    let entry: string[] | null | undefined;
    let all: string[] | null | undefined;
    const derived: GraphDerived = {
      version,
      levels,
      // Sorted on first use: a graph copy that never serves such a request never sorts.
      entryOrder: () => (entry === undefined ? (entry = staticRootOrder(graph, levels.entryRoots, prior)) : entry),
      allOrder: () => (all === undefined ? (all = staticRootOrder(graph, graph.roots.map((r) => r.id), prior)) : all),
    };
    this.levelsByGraph.set(graph, derived);
    return derived;
  }

  private levels(graph: CurriculumGraph, params: ModelParams, version: number): Levels {
    return this.derived(graph, params, version).levels;
  }

  /**
   * The entry points to consider for this learner, found without walking the curriculum's:
   * - with evidence (not exploring): those the rule can admit, from the learner's side;
   * - otherwise (no evidence, or `explore`), the ones with learner-specific factors (practised,
   *   on the goal path, prerequisites of practised concepts) one by one, and of the rest only
   *   those the ranking can pick (`topStaticRoots`, exact); within a topic, the topic's own.
   */
  private entryPoints(graph: CurriculumGraph, d: GraphDerived, position: LearnerPosition, state: LearnerState, goalPath: ReadonlySet<string>, o: RecommendationOptions): Iterable<string> {
    const explore = o.strategy === EXPLORE;
    if (!explore && position.practised.size > 0) return entryPointsNear(graph, d.levels, position, goalPath);
    const isRoot = (id: string) => graph.concept(id)?.root === true;
    if (o.within) {
      const entry = explore ? null : new Set(d.levels.entryRoots);
      return o.within.filter((id) => isRoot(id) && (entry === null || entry.has(id) || goalPath.has(id)));
    }
    const order = explore ? d.allOrder() : d.entryOrder();
    if (order === null) return explore ? graph.roots.map((r) => r.id) : entryPointsNear(graph, d.levels, position, goalPath);
    const specific = new Set<string>();
    for (const id of goalPath) specific.add(id);
    for (const id of Object.keys(state.concepts)) {
      specific.add(id);
      for (const p of graph.concept(id)?.prerequisites ?? []) specific.add(p.id);
    }
    return [...[...specific].filter(isRoot), ...topStaticRoots(graph, order, (id) => specific.has(id), o.limit)];
  }

  /**
   * The traversal's lists, from the per-process graph and one read of the learner, with only the
   * entry points that can reach the answer (see entryPoints).
   */
  private async frontierFromGraph(
    model: Promise<{ params: ModelParams; version: number }>,
    learnerId: string,
    o: RecommendationOptions,
    rules: FrontierRules,
    since: number,
    now: number,
  ): Promise<{ graph: CurriculumGraph; row: FrontierRead } | null> {
    // The learner read returns the curriculum's version: the graph copy (and the request's concept
    // and item loaders) are proved fresh by it, with no round trip of their own.
    const mark = this.curriculum.mark();
    const { snapshot: learner } = await this.mastery.snapshots.read(learnerId, since);
    if (!learner) return null;
    const graph = await this.curriculum.graph(mark);
    const { params, version } = await model;
    const goalId = o.goalConceptId ?? learner.goalId;
    const goalPath = goalId ? graph.prerequisiteClosure(goalId, MAX_GOAL_DEPTH) : new Set<string>();
    const practised = new Map(Object.entries(learner.state.concepts).map(([id, c]) => [id, { mastery: c.mastery, attempts: c.attempts, recent: c.recent }]));
    const d = this.derived(graph, params, version);
    const { position } = learnerPosition(graph, d.levels, params, learner.state, now);
    const roots = this.entryPoints(graph, d, position, learner.state, goalPath, o);
    const lists = frontierCandidates(graph, practised, goalPath, o.within ? new Set(o.within) : null, rules, roots);
    return { graph, row: { ...lists, recentItemIds: attemptedSince(learner, since), state: learner.state } };
  }

  async setGoal(learnerId: string, conceptId: string, targetDate: string | null): Promise<Goal | null> {
    const row = await this.repo.setGoal(learnerId, conceptId, targetDate);
    return row ? { learnerId, conceptId: row.conceptId, targetDate: row.targetDate } : null;
  }

  async goal(learnerId: string): Promise<Goal | null> {
    const row = await this.repo.goal(learnerId);
    return row ? { learnerId, conceptId: row.conceptId, targetDate: row.targetDate } : null;
  }

  /** The goal's unmastered prerequisites (and the goal) in prerequisite order, each with estimated practice. */
  async learningPath(learnerId: string, goalConceptId: string, loadConcepts: (conceptIds: string[]) => Promise<Array<Concept | null>>, now = Date.now()): Promise<LearningPath> {
    // The closure is curriculum data (cached); the learner's state is read fresh.
    const [closure, state, { params }] = await Promise.all([this.closure(goalConceptId), this.mastery.state(learnerId), this.models.current()]);
    const base = { learnerId, goalConceptId, steps: [], totalEstimatedPractice: 0 };
    if (closure.nodes.length === 0) throw new NotFoundError("Concept", goalConceptId);
    const mastery = new Map(closure.order.map((id) => [id, effectiveMastery(params, state, id, now).mastery]));
    const eff = (id: string) => mastery.get(id) ?? 0;
    if (eff(goalConceptId) >= THRESHOLDS.mastered) return { ...base, status: LearningPathStatus.ALREADY_MASTERED, explanation: `The goal is already mastered (${eff(goalConceptId).toFixed(2)}).` };
    const truncated = closure.truncated;
    // The unmastered part, in the closure's prerequisite order.
    const order = closure.order.filter((id) => eff(id) < THRESHOLDS.mastered);
    const concepts = await loadConcepts(order);
    const steps = order.flatMap((id, i) => {
      const concept = concepts[i];
      return concept ? [{ concept, mastery: eff(id), estimatedPractice: estimatePractice(params, id, eff(id)) }] : [];
    });
    const total = steps.reduce((s, x) => s + x.estimatedPractice, 0);
    return {
      learnerId,
      goalConceptId,
      status: truncated ? LearningPathStatus.TOO_DEEP : LearningPathStatus.PATH,
      steps,
      totalEstimatedPractice: total,
      explanation: truncated
        ? `The goal's prerequisites go deeper than 12 levels; this is the first part of the path (${steps.length} concepts).`
        : `${steps.length} concept${steps.length === 1 ? "" : "s"} to master, about ${total} practice opportunities.`,
    };
  }

  /** Mastered concepts whose predicted recall is below the review threshold, earliest due first. */
  async reviewQueue(learnerId: string, limit: number, now = Date.now()): Promise<ReviewItem[]> {
    const [state, { params }] = await Promise.all([this.mastery.state(learnerId), this.models.current()]);
    const due = Object.entries(state.concepts)
      .filter(([, c]) => c.mastery >= THRESHOLDS.mastered)
      .map(([id, c]) => {
        const em = effectiveMastery(params, state, id, now);
        // Time part of the forgetting curve solved for recall = threshold (interleaving as it is now).
        const f = params.forgetting;
        const interleave = em.retention / Math.max(1e-12, Math.pow(2, -Math.max(0, now - c.lastPracticedAt - f.graceMs) / f.halfLifeMs));
        return { id, mastery: em.mastery, dueAt: reviewDueAt(f, c.mastery, c.lastPracticedAt, interleave, THRESHOLDS.reviewBelow) };
      })
      .filter((r) => r.mastery < THRESHOLDS.reviewBelow)
      .sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id))
      .slice(0, limit);
    const concepts = new Map((await this.curriculum.concepts(due.map((d) => d.id))).flatMap((c) => (c ? [[c.id, c] as const] : [])));
    return due.flatMap((d) => {
      const concept = concepts.get(d.id);
      return concept ? [{ concept, mastery: d.mastery, dueAt: new Date(d.dueAt) }] : [];
    });
  }
}
