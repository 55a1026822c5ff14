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

/**
 * The part of the list a pick belongs to: `ready` (what the learner is ready for, by the evidence),
 * then `stretch` (offered because the list has room, with a sentence saying why it is a stretch).
 * Remediation and review are `ready`.
 */
export type Part = "ready" | "stretch";

export interface PlannedPick extends Candidate {
  kind: PickKind;
  part: Part;
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
  /** The candidate rules (the API always uses PLAN_RULES; the offline evaluation switches them to measure each). */
  rules?: PlanRules;
  /**
   * Concepts the learner cannot practise now: every item of theirs was attempted within the
   * recent-item window (the service offers no such item). With PlanRules.practisableOnly they come
   * after every concept that can be practised (in their own order, with a sentence saying why).
   */
  unavailable?: ReadonlySet<string>;
}

/**
 * Candidate rules added after the first offline evaluation of issue 18 (each measured there; see
 * docs/recommendations-evaluation.md). All on in the API.
 */
export interface PlanRules {
  /**
   * A concept a mastered dependent needs is not offered to learn: mastering the dependent is
   * evidence for it (read-time implied evidence; ingestion does not change).
   */
  impliedByDependents: boolean;
  /**
   * Failing a concept whose prerequisites look mastered (struggling: `struggleAttempts`+ answers,
   * recent success below `struggleRecent`) says the map misses a prerequisite: the concept moves to
   * the stretch part, and the weakest not-mastered prerequisite of its topic (or of the concepts
   * next to it) is offered first as REMEDIATION.
   */
  missingPrerequisite: boolean;
  /**
   * A concept none of whose items can be offered (all attempted within the recent-item window:
   * PlanInput.unavailable) comes after every concept the learner can practise now.
   */
  practisableOnly: boolean;
  /**
   * An entry point must sit at most LEVEL_STEP above the level the learner has mastered near it (its
   * topic and NEAR_DISTANCE), not only above their highest level anywhere (continuity.ts).
   */
  localLevel: boolean;
}

export const PLAN_RULES: PlanRules = { impliedByDependents: true, missingPrerequisite: true, practisableOnly: true, localLevel: true };
/** The rules as the first version of issue 18 shipped them (the evaluation's "before" row). */
export const FIRST_RULES: PlanRules = { impliedByDependents: false, missingPrerequisite: false, practisableOnly: false, localLevel: false };

/** The strategy that lifts the entry-point rule and ignores continuity (today's ranking before issue 18). */
export const EXPLORE = "explore";

const list = (names: string[]) => (names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`);

/** Where the learner stands, from their state: what they practised (most recent first) and their demonstrated level. */
export function learnerPosition(graph: CurriculumGraph, levels: Levels, params: ModelParams, state: LearnerState, now: number): { position: LearnerPosition; recent: Anchor[] } {
  const practised = Object.entries(state.concepts)
    .flatMap(([id, c]) => {
      const g = graph.concept(id);
      // Implied mastery is no practice: it neither anchors continuity nor shows the learner's level.
      return g && c.impliedBy === undefined ? [{ id, name: g.name, topicId: g.topicId, lastPracticedAt: c.lastPracticedAt }] : [];
    })
    .sort((a, b) => b.lastPracticedAt - a.lastPracticedAt || a.id.localeCompare(b.id));
  const masteredNow = practised.filter((p) => effectiveMastery(params, state, p.id, now).mastery >= THRESHOLDS.mastered).map((p) => p.id);
  const mastered = new Set(masteredNow);
  return {
    position: {
      practised: new Set(practised.map((p) => p.id)),
      practisedTopics: new Set(practised.flatMap((p) => (p.topicId ? [p.topicId] : []))),
      demonstrated: demonstratedLevel(levels, masteredNow),
      mastered,
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
  const rules = input.rules ?? PLAN_RULES;
  const unavailable = rules.practisableOnly && input.unavailable ? input.unavailable : new Set<string>();
  const level = (id: string) => levels.level.get(id) ?? 0;
  // Entry points far from the learner's demonstrated level are left out (unless exploring).
  const { mastered: _mastered, ...globalOnly } = position;
  const admitting = rules.localLevel ? position : globalOnly;
  const frontier = explore ? lists.frontier : lists.frontier.filter((f) => f.prereqs.length > 0 || entryPointAdmitted(graph, levels, admitting, f.id, f.topicId, f.onGoalPath));
  // Review is of what the learner showed directly: implied mastery that fades is learnt, not reviewed.
  const review = lists.review.filter((r) => state.concepts[r.id]?.impliedBy === undefined && (state.concepts[r.id]?.mastery ?? 0) >= THRESHOLDS.mastered && eff(r.id) < THRESHOLDS.reviewBelow);
  const remediation = lists.remediation.filter((r) => struggling(r.struggling));
  const maxUnlocks = Math.max(0, ...frontier.map((f) => f.unlocks), ...review.map((r) => r.unlocks));
  const masteredNow = (id: string) => state.concepts[id] !== undefined && state.concepts[id]?.impliedBy === undefined && eff(id) >= THRESHOLDS.mastered;
  // A prerequisite known only by implication is named as such ("Addition 1 (implied by your success on Addition 2)").
  const named = (p: { id: string; name: string }) => {
    const by = state.concepts[p.id]?.impliedBy;
    return by === undefined ? p.name : `${p.name} (implied by your success on ${graph.concept(by)?.name ?? by})`;
  };
  // A mastered dependent is evidence for what it needs (only practised concepts can be mastered).
  const impliedBy = (id: string): string | null => {
    if (!rules.impliedByDependents) return null;
    for (const d of graph.dependents(id)) if (masteredNow(d)) return d;
    return null;
  };
  const readyBy = (prereqs: ReadonlyArray<{ id: string; weight: number }>) => readinessOf(prereqs.map((p) => ({ weight: p.weight, mastery: eff(p.id) })));

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
      part: "ready",
      name: r.name,
      mastery: m,
      factors: { readiness: 0, masteryGap: 1 - m, unlockValue: 0, goalRelevance: 0, reviewDue: 0, continuity: 0 },
      sentence: `You have had trouble with ${r.strugglingName}, which needs ${r.name}; your mastery of ${r.name} is ${m.toFixed(2)}, so start there.`,
    });
  }

  const candidates: PlannedPick[] = [];
  const stretch: PlannedPick[] = [];
  const steppedBack: Array<{ from: { id: string; name: string }; to: string; m: number }> = [];
  for (const f of frontier) {
    if (remedial.has(f.id)) continue;
    const m = eff(f.id);
    if (m >= THRESHOLDS.mastered) continue;
    const readiness = readyBy(f.prereqs);
    if (readiness < THRESHOLDS.ready) continue;
    if (impliedBy(f.id) !== null) continue;
    const mastered = f.prereqs.map(named);
    const unlockText = f.unlocks > 0 ? `it unlocks ${f.unlocks} later concept${f.unlocks === 1 ? "" : "s"}` : "it unlocks no later concept";
    const near = continuityOf(f.id, f.topicId);
    const pick: PlannedPick = {
      conceptId: f.id,
      topicId: f.topicId,
      kind: "LEARN",
      part: "ready",
      name: f.name,
      mastery: m,
      factors: { readiness, masteryGap: 1 - m, unlockValue: unlockValue(f.unlocks, maxUnlocks), goalRelevance: f.onGoalPath ? 1 : 0, reviewDue: 0, continuity: near.value },
      sentence:
        (mastered.length > 0 ? `You have mastered ${list(mastered)}, which ${f.name} needs; ` : `${f.name} has no prerequisites; `) +
        unlockText +
        (f.onGoalPath ? ", and it is on the way to your goal." : ".") +
        buildsOn(near, f.prereqs),
    };
    if (rules.missingPrerequisite && struggling(f.id)) {
      // What it needs looks mastered, yet the learner keeps failing it: the map probably misses a
      // prerequisite. The stretch part keeps it on the list; the step back comes first.
      const to = stepBack(graph, f.id, level, (id) => id !== f.id && !masteredNow(id) && impliedBy(id) === null && !struggling(id) && readyBy(graph.concept(id)?.prerequisites ?? []) >= THRESHOLDS.ready, eff);
      if (to) steppedBack.push({ from: { id: f.id, name: f.name }, to: to.id, m: to.m });
      const recentRate = state.concepts[f.id]?.recent ?? 0;
      stretch.push({
        ...pick,
        part: "stretch",
        sentence:
          `A stretch: you have had trouble with ${f.name} (recent success ${recentRate.toFixed(2)}) although ` +
          (mastered.length > 0 ? `you have mastered ${list(mastered)}, which it needs` : "it has no prerequisites in the map") +
          `; it may need something the map does not list.` +
          (to ? ` Try it again after ${graph.concept(to.id)?.name ?? to.id}.` : ""),
      });
      continue;
    }
    candidates.push(pick);
  }
  for (const b of steppedBack) {
    const c = graph.concept(b.to);
    const prev = remedial.get(b.to);
    if (!c || (prev && prev.mastery <= b.m)) continue;
    remedial.set(b.to, {
      conceptId: b.to,
      topicId: c.topicId,
      kind: "REMEDIATION",
      part: "ready",
      name: c.name,
      mastery: b.m,
      factors: { readiness: 0, masteryGap: 1 - b.m, unlockValue: 0, goalRelevance: 0, reviewDue: 0, continuity: 0 },
      sentence: `You have had trouble with ${b.from.name} although what the map lists for it looks mastered; ${c.name}, which concepts next to it need, is the weakest of those (mastery ${b.m.toFixed(2)}), so start there.`,
    });
  }
  for (const r of review) {
    const m = eff(r.id);
    candidates.push({
      conceptId: r.id,
      topicId: r.topicId,
      kind: "REVIEW",
      part: "ready",
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
  const remedialPicks = [...remedial.values()].sort((a, b) => a.mastery - b.mastery || a.conceptId.localeCompare(b.conceptId));
  const ready = candidates.filter((c) => !remedial.has(c.conceptId));
  const stretching = stretch.filter((c) => !remedial.has(c.conceptId));
  // Concepts the learner cannot practise now go after everything they can: the list is built
  // long enough to hold `limit` others, then split (each part keeps its order).
  const held = unavailable.size === 0 ? 0 : [...remedialPicks, ...ready, ...stretching].filter((c) => unavailable.has(c.conceptId)).length;
  const limit = input.limit + held;
  const room = Math.max(0, limit - remedialPicks.length);
  const ranked = rank(ready, weights, room);
  const stretched = ranked.length < room ? rank(stretching, weights, room - ranked.length) : [];
  const all = [
    ...remedialPicks.slice(0, limit).map((p) => ({ pick: p, factors: { ...p.factors, variety: 0 } as Factors, score: 0 })),
    ...ranked.map((r) => ({ pick: r.candidate, factors: r.factors, score: r.score })),
    ...stretched.map((r) => ({ pick: r.candidate, factors: r.factors, score: r.score })),
  ].slice(0, limit);
  if (held === 0) return { weights, chosen: all };
  const later = all
    .filter((c) => unavailable.has(c.pick.conceptId))
    .map((c) => ({ ...c, pick: { ...c.pick, sentence: `${c.pick.sentence} You have tried every item of ${c.pick.name} recently, so it comes after what you can practise now.` } }));
  return { weights, chosen: [...all.filter((c) => !unavailable.has(c.pick.conceptId)), ...later].slice(0, input.limit) };
}

/**
 * Where to step back to from a concept the learner fails although its prerequisites in the map
 * look mastered: among the prerequisites of the concepts of its topic and of the concepts it leads
 * to (where a prerequisite missing from the map most likely sits), those below its level that
 * `eligible` keeps, the weakest first (then the highest level, then id). Null when there is none.
 */
export function stepBack(graph: CurriculumGraph, id: string, level: (id: string) => number, eligible: (id: string) => boolean, mastery: (id: string) => number): { id: string; m: number } | null {
  const c = graph.concept(id);
  if (!c) return null;
  const around = new Set<string>([id, ...graph.dependents(id), ...(c.topicId === null ? [] : graph.topicMembers(c.topicId))]);
  const below = level(id);
  let best: { id: string; m: number; l: number } | null = null;
  for (const a of around) {
    for (const p of graph.concept(a)?.prerequisites ?? []) {
      if (level(p.id) >= below || !eligible(p.id)) continue;
      const m = mastery(p.id);
      const l = level(p.id);
      if (!best || m < best.m - 1e-12 || (Math.abs(m - best.m) <= 1e-12 && (l > best.l || (l === best.l && p.id < best.id)))) best = { id: p.id, m, l };
    }
  }
  return best ? { id: best.id, m: best.m } : null;
}
