import type { CurriculumGraph } from "../curriculum/curriculum-graph.js";

/** The learner's stored numbers per practised concept (stored mastery is an upper bound of mastery now). */
export interface StoredConcept {
  mastery: number;
  attempts: number;
  recent: number;
}

export interface FrontierRules {
  mastered: number;
  ready: number;
  struggleAttempts: number;
  struggleRecent: number;
}

export interface FrontierCandidates {
  frontier: Array<{ id: string; name: string; topicId: string | null; unlocks: number; onGoalPath: boolean; prereqs: Array<{ id: string; name: string; weight: number; storedMastery: number }> }>;
  remediation: Array<{ struggling: string; strugglingName: string; id: string; name: string; topicId: string | null; weight: number }>;
  review: Array<{ id: string; name: string; topicId: string | null; unlocks: number; onGoalPath: boolean }>;
}

/**
 * The candidate lists of recommendations/frontier.cypher, computed on the in-memory graph from
 * the learner's stored numbers, with the same rules:
 * - frontier: concepts not mastered (stored mastery below `mastered`) that are dependents of a
 *   mastered concept or flagged root, whose stored readiness sum w*m / sum w reaches `ready`
 *   (a concept without prerequisites passes); with prerequisites, topic, unlocks, goal path;
 * - remediation: prerequisites of concepts with at least `struggleAttempts` attempts and a recent
 *   score below `struggleRecent`;
 * - review: concepts mastered when last practised.
 * `within` limits every list (candidates, struggling concepts, review) to a set of concepts.
 * `roots` are the entry points to consider: every flagged root gives the traversal's lists; the
 * service passes the ones the entry-point rule can admit (continuity.ts `entryPointsNear`), so the
 * work follows the learner's practice, not the number of entry points.
 */
export function frontierCandidates(
  graph: CurriculumGraph,
  practised: ReadonlyMap<string, StoredConcept>,
  goalPath: ReadonlySet<string>,
  within: ReadonlySet<string> | null,
  rules: FrontierRules,
  roots: Iterable<string> = graph.roots.map((r) => r.id),
): FrontierCandidates {
  const stored = (id: string) => practised.get(id)?.mastery ?? 0;
  const mastered = new Set<string>();
  for (const [id, c] of practised) if (c.mastery >= rules.mastered && graph.concept(id)) mastered.add(id);
  const candidates = new Set<string>();
  for (const m of mastered) for (const d of graph.dependents(m)) candidates.add(d);
  for (const r of roots) if (graph.concept(r)?.root) candidates.add(r);

  const frontier: FrontierCandidates["frontier"] = [];
  for (const id of candidates) {
    if ((within && !within.has(id)) || mastered.has(id)) continue;
    const c = graph.concept(id);
    if (!c) continue;
    // Readiness first (most dependents of a mastered concept are not ready); the list only for those that are.
    let need = 0;
    let got = 0;
    for (const p of c.prerequisites) {
      if (!graph.concept(p.id)) continue;
      need += p.weight;
      got += p.weight * stored(p.id);
    }
    if (need !== 0 && got / need < rules.ready) continue;
    const prereqs = c.prerequisites.flatMap((p) => {
      const pc = graph.concept(p.id);
      return pc ? [{ id: p.id, name: pc.name, weight: p.weight, storedMastery: stored(p.id) }] : [];
    });
    frontier.push({ id, name: c.name, topicId: c.topicId, unlocks: c.unlocks, onGoalPath: goalPath.has(id), prereqs });
  }

  const remediation: FrontierCandidates["remediation"] = [];
  const review: FrontierCandidates["review"] = [];
  for (const [id, s] of practised) {
    const c = graph.concept(id);
    if (!c || (within && !within.has(id))) continue;
    if (s.attempts >= rules.struggleAttempts && s.recent < rules.struggleRecent) {
      for (const p of c.prerequisites) {
        const pc = graph.concept(p.id);
        if (pc) remediation.push({ struggling: id, strugglingName: c.name, id: p.id, name: pc.name, topicId: pc.topicId, weight: p.weight });
      }
    }
    if (s.mastery >= rules.mastered) review.push({ id, name: c.name, topicId: c.topicId, unlocks: c.unlocks, onGoalPath: goalPath.has(id) });
  }
  return { frontier, remediation, review };
}
