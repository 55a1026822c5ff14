import type { CurriculumGraph } from "../curriculum/curriculum-graph.js";

/** How many of the learner's most recently practised concepts count as "what they are doing now". */
export const RECENT_CONCEPTS = 5;
/** Undirected prerequisite-graph distance within which a concept counts as near. */
export const NEAR_DISTANCE = 2;

export interface Anchor {
  id: string;
  name: string;
  topicId: string | null;
  lastPracticedAt: number;
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
  if (recent.length === 0) return { value: 0, because: null };
  const distance = distancesFrom(graph, candidateId, NEAR_DISTANCE);
  let best: { value: number; because: Anchor | null } = { value: 0, because: null };
  for (const a of recent) {
    const d = distance.get(a.id);
    const value = d === 1 ? 1 : d === 2 || (candidateTopic !== null && a.topicId === candidateTopic) ? 0.5 : 0;
    if (value > best.value) best = { value, because: a };
  }
  return best;
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

/**
 * The entry-point rule: a concept without prerequisites is offered only when it is near the
 * learner's demonstrated level, i.e. within NEAR_DISTANCE (undirected) of a concept they have
 * practised, or in the topic of one, or on the way to their goal. A learner without any evidence
 * gets every entry point (placement, not the ranking, finds where they stand). The "explore"
 * strategy lifts the rule.
 */
export function nearEntryPoint(graph: CurriculumGraph, rootId: string, rootTopic: string | null, practisedIds: ReadonlySet<string>, practisedTopics: ReadonlySet<string>, onGoalPath: boolean): boolean {
  if (practisedIds.size === 0 || onGoalPath) return true;
  if (rootTopic !== null && practisedTopics.has(rootTopic)) return true;
  for (const id of distancesFrom(graph, rootId, NEAR_DISTANCE).keys()) if (practisedIds.has(id)) return true;
  return false;
}
