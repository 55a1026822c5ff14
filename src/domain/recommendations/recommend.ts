import type { CurriculumGraph } from "../curriculum/curriculum-graph.js";
import { effectiveMastery, type LearnerState, type ModelParams } from "../mastery/model.js";
import { THRESHOLDS } from "../mastery/thresholds.js";
import { continuityWith, demonstratedLevel, entryPointAdmitted, RECENT_CONCEPTS, type Anchor, type LearnerPosition } from "./continuity.js";
import type { FrontierCandidates } from "./frontier.js";
import type { Levels } from "./levels.js";
import { readiness as readinessOf } from "./practice.js";
import { rank, STRATEGIES, unlockValue, type Candidate, type Factors, type RankingWeights } from "./ranking.js";

/**
 * The ranking step of recommendations, pure: from the candidate lists (either read path's, or the
 * offline evaluation's) and the learner's model state to the chosen concepts with their factors
 * and sentences. The service adds items and concept records; `frontier evaluate recommendations`
 * calls it directly on simulated learners.
 */
export type PickKind = "LEARN" | "REVIEW" | "REMEDIATION";

export interface PlannedPick extends Candidate {
  kind: PickKind;
  name: string;
  /** Mastery now, in [0, 1]. */
  mastery: number;
  sentence: string;
}

export interface Planned {
  pick: PlannedPick;
  factors: Factors;
  score: number;
}

export interface PlanInput {
  graph: CurriculumGraph;
  levels: Levels;
  params: ModelParams;
  state: LearnerState;
  /** Epoch ms. */
  now: number;
  lists: FrontierCandidates;
  /** A key of STRATEGIES; unknown keys rank as `balanced`. */
  strategy: string;
  limit: number;
  /** Weights of their own (an experiment variant that is a weight set), instead of the strategy's. */
  weights?: RankingWeights;
}

/** The strategy that lifts the entry-point rule and ignores continuity (today's ranking before issue 18). */
export const EXPLORE = "explore";

const list = (names: string[]) => (names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`);

/** Where the learner stands, from their state: what they practised (most recent first) and their demonstrated level. */
export function learnerPosition(graph: CurriculumGraph, levels: Levels, params: ModelParams, state: LearnerState, now: number): { position: LearnerPosition; recent: Anchor[] } {
  const practised = Object.entries(state.concepts)
    .flatMap(([id, c]) => {
      const g = graph.concept(id);
      return g ? [{ id, name: g.name, topicId: g.topicId, lastPracticedAt: c.lastPracticedAt }] : [];
    })
    .sort((a, b) => b.lastPracticedAt - a.lastPracticedAt || a.id.localeCompare(b.id));
  const masteredNow = practised.filter((p) => effectiveMastery(params, state, p.id, now).mastery >= THRESHOLDS.mastered).map((p) => p.id);
  const mastered = new Set(masteredNow);
  return {
    position: {
      practised: new Set(practised.map((p) => p.id)),
      practisedTopics: new Set(practised.flatMap((p) => (p.topicId ? [p.topicId] : []))),
      demonstrated: demonstratedLevel(levels, masteredNow),
    },
    recent: practised.slice(0, RECENT_CONCEPTS).map((p) => ({ ...p, mastered: mastered.has(p.id) })),
  };
}

/** Remediation first, then the greedy ranking of frontier and review candidates (see ranking.ts and the module README). */
export function planRecommendations(input: PlanInput): { weights: RankingWeights; chosen: Planned[] } {
  const { graph, levels, params, state, now, lists } = input;
  // A weight set of its own (an experiment's variant) wins over the named strategy's.
  const weights: RankingWeights = input.weights ?? STRATEGIES[input.strategy] ?? (STRATEGIES.balanced as RankingWeights);
  const explore = input.strategy === EXPLORE;
  const { position, recent } = learnerPosition(graph, levels, params, state, now);
  const nearRecent = explore ? null : continuityWith(graph, recent);
  const continuityOf = (id: string, topicId: string | null) => (nearRecent === null ? { value: 0, because: null } : nearRecent(id, topicId));
  // Named unless the sentence already names it as a mastered prerequisite.
  const buildsOn = (c: { because: Anchor | null; value: number }, named: ReadonlyArray<{ id: string }> = []) =>
    c.value > 0 && c.because && !named.some((p) => p.id === c.because?.id) ? ` It builds on ${c.because.name}, which you ${c.because.mastered ? "just mastered" : "practised recently"}.` : "";
  const eff = (id: string) => effectiveMastery(params, state, id, now).mastery;
  // The read paths' lists are supersets (stored numbers); the model decides.
  const struggling = (id: string) => {
    const c = state.concepts[id];
    return c !== undefined && c.attempts >= THRESHOLDS.struggleAttempts && c.recent < THRESHOLDS.struggleRecent && eff(id) < THRESHOLDS.mastered;
  };
  // Entry points far from the learner's demonstrated level are left out (unless exploring).
  const frontier = explore ? lists.frontier : lists.frontier.filter((f) => f.prereqs.length > 0 || entryPointAdmitted(graph, levels, position, f.id, f.topicId, f.onGoalPath));
  const review = lists.review.filter((r) => (state.concepts[r.id]?.mastery ?? 0) >= THRESHOLDS.mastered && eff(r.id) < THRESHOLDS.reviewBelow);
  const remediation = lists.remediation.filter((r) => struggling(r.struggling));
  const maxUnlocks = Math.max(0, ...frontier.map((f) => f.unlocks), ...review.map((r) => r.unlocks));

  // Remediation first: the weakest prerequisites of concepts the learner struggles with.
  const remedial = new Map<string, PlannedPick>();
  for (const r of remediation) {
    const m = eff(r.id);
    if (m >= THRESHOLDS.mastered) continue;
    const prev = remedial.get(r.id);
    if (prev && prev.mastery <= m) continue;
    remedial.set(r.id, {
      conceptId: r.id,
      topicId: r.topicId,
      kind: "REMEDIATION",
      name: r.name,
      mastery: m,
      factors: { readiness: 0, masteryGap: 1 - m, unlockValue: 0, goalRelevance: 0, reviewDue: 0, continuity: 0 },
      sentence: `You have had trouble with ${r.strugglingName}, which needs ${r.name}; your mastery of ${r.name} is ${m.toFixed(2)}, so start there.`,
    });
  }
  const remedialPicks = [...remedial.values()].sort((a, b) => a.mastery - b.mastery || a.conceptId.localeCompare(b.conceptId));

  const candidates: PlannedPick[] = [];
  for (const f of frontier) {
    if (remedial.has(f.id)) continue;
    const m = eff(f.id);
    if (m >= THRESHOLDS.mastered) continue;
    const readiness = readinessOf(f.prereqs.map((p) => ({ weight: p.weight, mastery: eff(p.id) })));
    if (readiness < THRESHOLDS.ready) continue;
    const mastered = f.prereqs.map((p) => p.name);
    const unlockText = f.unlocks > 0 ? `it unlocks ${f.unlocks} later concept${f.unlocks === 1 ? "" : "s"}` : "it unlocks no later concept";
    const near = continuityOf(f.id, f.topicId);
    candidates.push({
      conceptId: f.id,
      topicId: f.topicId,
      kind: "LEARN",
      name: f.name,
      mastery: m,
      factors: { readiness, masteryGap: 1 - m, unlockValue: unlockValue(f.unlocks, maxUnlocks), goalRelevance: f.onGoalPath ? 1 : 0, reviewDue: 0, continuity: near.value },
      sentence:
        (mastered.length > 0 ? `You have mastered ${list(mastered)}, which ${f.name} needs; ` : `${f.name} has no prerequisites; `) +
        unlockText +
        (f.onGoalPath ? ", and it is on the way to your goal." : ".") +
        buildsOn(near, f.prereqs),
    });
  }
  for (const r of review) {
    const m = eff(r.id);
    candidates.push({
      conceptId: r.id,
      topicId: r.topicId,
      kind: "REVIEW",
      name: r.name,
      mastery: m,
      factors: {
        readiness: 1,
        masteryGap: 1 - m,
        unlockValue: unlockValue(r.unlocks, maxUnlocks),
        goalRelevance: r.onGoalPath ? 1 : 0,
        reviewDue: (THRESHOLDS.reviewBelow - m) / THRESHOLDS.reviewBelow,
        continuity: continuityOf(r.id, r.topicId).value,
      },
      sentence: `You mastered ${r.name}, but predicted recall has fallen to ${m.toFixed(2)}: time to review.`,
    });
  }
  const ranked = rank(candidates, weights, Math.max(0, input.limit - remedialPicks.length));
  const chosen = [
    ...remedialPicks.slice(0, input.limit).map((p) => ({ pick: p, factors: { ...p.factors, variety: 0 } as Factors, score: 0 })),
    ...ranked.map((r) => ({ pick: r.candidate, factors: r.factors, score: r.score })),
  ].slice(0, input.limit);
  return { weights, chosen };
}
