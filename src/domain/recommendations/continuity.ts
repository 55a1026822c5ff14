import type { CurriculumGraph } from "../curriculum/curriculum-graph.js";
import { ENTRY_BAND, type Levels } from "./levels.js";

/** How many of the learner's most recently practised concepts count as "what they are doing now". */
export const RECENT_CONCEPTS = 5;
/** Undirected prerequisite-graph distance within which a concept counts as near. */
export const NEAR_DISTANCE = 2;

export interface Anchor {
  id: string;
  name: string;
  topicId: string | null;
  lastPracticedAt: number;
  /** Mastered now (the explanation says "which you just mastered" rather than "practised recently"). */
  mastered?: boolean;
}

/**
 * Continuity of a candidate with what the learner is doing (ALOSI scores it this way; Khan
 * Academy's "up next" follows the unit the learner is in):
 *   1    a direct neighbour (prerequisite or dependent) of one of the RECENT_CONCEPTS most recently practised concepts,
 *   0.5  two steps from one of them (undirected), or in the same topic as one of them,
 *   0    otherwise.
 * `because` names the recent concept it builds on (the most recent one at the smallest distance).
 */
export function continuity(graph: CurriculumGraph, candidateId: string, candidateTopic: string | null, recent: readonly Anchor[]): { value: number; because: Anchor | null } {
  return continuityWith(graph, recent)(candidateId, candidateTopic);
}

/**
 * `continuity` for many candidates: the distances are walked once from each recent concept
 * (undirected distance is symmetric), not once per candidate.
 */
export function continuityWith(graph: CurriculumGraph, recent: readonly Anchor[]): (candidateId: string, candidateTopic: string | null) => { value: number; because: Anchor | null } {
  const around = recent.map((a) => ({ a, distance: nearOf(graph, a.id) }));
  return (candidateId, candidateTopic) => {
    let best: { value: number; because: Anchor | null } = { value: 0, because: null };
    for (const { a, distance } of around) {
      const d = a.id === candidateId ? undefined : distance.get(candidateId);
      const value = d === 1 ? 1 : d === 2 || (candidateTopic !== null && a.topicId === candidateTopic) ? 0.5 : 0;
      if (value > best.value) best = { value, because: a };
    }
    return best;
  };
}

/** Undirected breadth-first distances from `id` over REQUIRES edges, up to `limit` steps (the start excluded). */
export function distancesFrom(graph: CurriculumGraph, id: string, limit: number): Map<string, number> {
  const out = new Map<string, number>();
  const seen = new Set([id]);
  let layer = [id];
  for (let d = 1; d <= limit && layer.length > 0; d++) {
    const next: string[] = [];
    for (const x of layer) {
      const around = [...(graph.concept(x)?.prerequisites.map((p) => p.id) ?? []), ...graph.dependents(x)];
      for (const y of around) {
        if (seen.has(y)) continue;
        seen.add(y);
        out.set(y, d);
        next.push(y);
      }
    }
    layer = next;
  }
  return out;
}

/** Concepts per graph copy whose neighbourhood is kept (a copy is rebuilt after every edit, so what it keeps is exact). */
const NEAR_MEMO_MAX = 50_000;
const nearMemo = new WeakMap<CurriculumGraph, Map<string, ReadonlyMap<string, number>>>();

/**
 * `distancesFrom(graph, id, NEAR_DISTANCE)`, walked once per graph copy and concept: a graph copy
 * never changes, and every request asks for the neighbourhoods of the concepts its learner
 * practised recently and of the entry points near them.
 */
export function nearOf(graph: CurriculumGraph, id: string): ReadonlyMap<string, number> {
  let memo = nearMemo.get(graph);
  if (!memo) nearMemo.set(graph, (memo = new Map()));
  const held = memo.get(id);
  if (held) return held;
  const walked = distancesFrom(graph, id, NEAR_DISTANCE);
  if (memo.size < NEAR_MEMO_MAX) memo.set(id, walked);
  return walked;
}

/** How many levels above the learner's demonstrated level an entry point may sit. */
export const LEVEL_STEP = 1;

/** What the entry-point rule knows of a learner (all from the request's own read). */
export interface LearnerPosition {
  /** Concepts the learner has practised (present in the graph). */
  practised: ReadonlySet<string>;
  /** Topics of those concepts. */
  practisedTopics: ReadonlySet<string>;
  /** max(entryLevel, the highest level among concepts mastered now). */
  demonstrated: number;
  /**
   * Practised concepts mastered now. With it (PlanRules.localLevel), an entry point must also sit at
   * most LEVEL_STEP above the level mastered near it; without it only the global `demonstrated` counts.
   */
  mastered?: ReadonlySet<string>;
}

/** The learner's demonstrated level: the highest level they have mastered, never below the entry level. */
export function demonstratedLevel(levels: Levels, masteredNow: Iterable<string>): number {
  let d = levels.entryLevel;
  for (const id of masteredNow) d = Math.max(d, levels.level.get(id) ?? 0);
  return d;
}

/**
 * The entry-point rule: a concept without prerequisites is offered only when it is near the
 * learner's demonstrated level.
 * - On the way to the goal: always.
 * - A learner without evidence: only entry points at the curriculum's entry level
 *   (level ≤ entryLevel + ENTRY_BAND; placement finds where they really stand).
 * - Otherwise: its level is at most demonstrated + LEVEL_STEP, and it is practised itself, or
 *   it is at most LEVEL_STEP above the local level (the highest level mastered in its topic or
 *   within NEAR_DISTANCE of it; the entry level when none; PlanRules.localLevel) and close to
 *   what they have practised: within NEAR_DISTANCE (undirected) of a practised concept, or in
 *   the topic of one.
 * The "explore" strategy lifts the rule (the caller does not apply it). This is the rule as a
 * predicate, checked for each entry point; `entryPointsNear` finds them from the learner's side.
 */
export function entryPointAdmitted(graph: CurriculumGraph, levels: Levels, learner: LearnerPosition, rootId: string, rootTopic: string | null, onGoalPath: boolean): boolean {
  if (onGoalPath) return true;
  const level = levels.level.get(rootId) ?? 0;
  if (learner.practised.size === 0) return level <= levels.entryLevel + ENTRY_BAND;
  if (level > learner.demonstrated + LEVEL_STEP) return false;
  if (learner.practised.has(rootId)) return true;
  const around = nearOf(graph, rootId).keys();
  const neighbours = learner.mastered ? [...around] : around;
  if (learner.mastered) {
    // The level shown near it: the highest mastered level among its topic and its neighbours
    // within NEAR_DISTANCE (the entry level when none), so mastery far away in another strand
    // does not admit an advanced entry point here.
    let local = levels.entryLevel;
    for (const id of [...neighbours, ...(rootTopic === null ? [] : graph.topicMembers(rootTopic))]) if (learner.mastered.has(id)) local = Math.max(local, levels.level.get(id) ?? 0);
    if (level > local + LEVEL_STEP) return false;
  }
  if (rootTopic !== null && learner.practisedTopics.has(rootTopic)) return true;
  for (const id of neighbours) if (learner.practised.has(id)) return true;
  return false;
}

/**
 * Every entry point the rule can admit, found from the learner's side (a superset; the caller
 * applies `entryPointAdmitted` to each): the goal path's entry points, the entry level's for a
 * learner without evidence, else those practised, within NEAR_DISTANCE of a practised concept or in
 * a practised topic. The work grows with the learner's practice (and the goal path), not with the
 * number of entry points in the curriculum.
 */
export function entryPointsNear(graph: CurriculumGraph, levels: Levels, learner: LearnerPosition, goalPath: Iterable<string>): Set<string> {
  const out = new Set<string>();
  const isRoot = (id: string) => graph.concept(id)?.root === true;
  for (const id of goalPath) if (isRoot(id)) out.add(id);
  if (learner.practised.size === 0) {
    for (const id of levels.entryRoots) out.add(id);
    return out;
  }
  // An entry point has no prerequisites, so it is never a dependent: within 2 undirected steps of
  // p it is a prerequisite of p, or a prerequisite of one of p's neighbours (NEAR_DISTANCE = 2).
  const rootPrereqs = (id: string) => {
    for (const q of graph.concept(id)?.prerequisites ?? []) if (isRoot(q.id)) out.add(q.id);
  };
  for (const p of learner.practised) {
    if (isRoot(p)) out.add(p);
    rootPrereqs(p);
    for (const q of graph.concept(p)?.prerequisites ?? []) rootPrereqs(q.id);
    for (const d of graph.dependents(p)) rootPrereqs(d);
  }
  for (const t of learner.practisedTopics) for (const id of graph.topicMembers(t)) if (isRoot(id)) out.add(id);
  return out;
}

/**
 * Entry points whose ranking factors do not depend on the learner (not practised, not on the goal
 * path, continuity 0: every one for a learner without evidence or under `explore`) all score
 *   base = w.readiness + w.masteryGap·(1 − m0) + w.unlockValue·unlockValue(unlocks, M)
 * and when they share the prior m0, that order is `unlocks` descending, ties by id (the ranking's
 * own tie rule), whatever M and the weights. Greedy ranking with the variety penalty then never
 * picks one that is not (a) among the first `limit` of its topic in that order, nor (b) in one of
 * the first `limit` topics by their first entry point: a better one of its own topic has the same
 * penalty, and each topic ahead of it must already hold a pick to be penalised, of which there
 * are fewer than `limit`. (Concepts without a topic are never penalised and count as one topic.)
 * So only those are handed to the ranking: at most limit² of them, found by walking the
 * precomputed order until both bounds are full. The first one walked has the most unlocks, so
 * the ranking's normaliser M is unchanged.
 *
 * `order` is the precomputed order of the entry points considered (see `staticRootOrder`);
 * `skip` says which to pass over (those with learner-specific factors, handled one by one).
 */
export function topStaticRoots(graph: CurriculumGraph, order: readonly string[], skip: (id: string) => boolean, limit: number): string[] {
  const out: string[] = [];
  const perTopic = new Map<string | null, number>();
  let fullTopics = 0;
  for (const id of order) {
    if (skip(id)) continue;
    const topic = graph.concept(id)?.topicId ?? null;
    const n = perTopic.get(topic);
    if (n === undefined) {
      if (perTopic.size >= limit) {
        if (fullTopics >= limit) break;
        continue;
      }
      perTopic.set(topic, 1);
      out.push(id);
      if (limit === 1) fullTopics++;
    } else if (n < limit) {
      perTopic.set(topic, n + 1);
      out.push(id);
      if (n + 1 === limit) fullTopics++;
    }
    if (perTopic.size >= limit && fullTopics >= limit) break;
  }
  return out;
}

/**
 * The order `topStaticRoots` walks: `ids` by unlocks descending, ties by id; null when their
 * priors differ (then the order depends on the learner's ability and M, and every one is ranked).
 */
export function staticRootOrder(graph: CurriculumGraph, ids: readonly string[], priorOf: (id: string) => number): string[] | null {
  const first = ids[0];
  if (first !== undefined) {
    const p0 = priorOf(first);
    for (const id of ids) if (priorOf(id) !== p0) return null;
  }
  const unlocks = (id: string) => graph.concept(id)?.unlocks ?? 0;
  return [...ids].sort((a, b) => unlocks(b) - unlocks(a) || (a < b ? -1 : a > b ? 1 : 0));
}
