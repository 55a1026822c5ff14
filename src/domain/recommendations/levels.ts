import type { CurriculumGraph } from "../curriculum/curriculum-graph.js";
import { clamp, logit, type ModelParams } from "../mastery/model.js";

/**
 * How far up the curriculum a concept sits, in levels (0 = where the curriculum starts; one level
 * is one prerequisite step). Real maps have entry points (concepts without prerequisites) at every
 * level, because prerequisites are missing from the map; the graph still says where they belong:
 *
 *   depth(c)  = 0 without prerequisites, else 1 + max over prerequisites p of depth(p)
 *   level(c)  = depth(c) for a concept with prerequisites;
 *             = max(0, min over dependents d of depth(d) − 1) for an entry point with dependents
 *               (one level below the shallowest concept that needs it);
 *             = the lowest level of the other concepts of its topic, for an entry point without
 *               dependents (topic order), or 0 when its topic has nothing else;
 *   then, where the loaded model has fitted the concept (learner data exists), its difficulty
 *   moves it: + clamp((median logit pL0 − logit pL0_c) / DIFFICULTY_LOGITS_PER_LEVEL, ±MAX_DIFFICULTY_SHIFT)
 *   (a concept learners knew less often before practice than the median fitted concept is higher).
 *
 * `entryLevel` is the lowest level of any entry point.
 */
export const DIFFICULTY_LOGITS_PER_LEVEL = 2;
/** The most levels the fitted difficulty can move a concept. */
export const MAX_DIFFICULTY_SHIFT = 1;

export interface Levels {
  level: ReadonlyMap<string, number>;
  entryLevel: number;
  /** Entry points at the curriculum's entry level (level ≤ entryLevel + ENTRY_BAND), by id. */
  entryRoots: readonly string[];
}

/** How far above the entry level an entry point may sit and still be offered to a learner without evidence. */
export const ENTRY_BAND = 0.5;

/** The levels of every concept of the graph under the model's fitted parameters (pure; O(concepts + edges)). */
export function conceptLevels(graph: CurriculumGraph, params: ModelParams): Levels {
  const depth = new Map<string, number>();
  // Longest prerequisite chain, iteratively (the graph is acyclic; deep chains must not blow the stack).
  for (const start of graph.all()) {
    if (depth.has(start.id)) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: start.id, next: 0 }];
    const onStack = new Set([start.id]);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const prereqs = graph.concept(top.id)?.prerequisites ?? [];
      const p = prereqs[top.next];
      if (p !== undefined) {
        top.next++;
        if (!depth.has(p.id) && !onStack.has(p.id) && graph.concept(p.id)) {
          stack.push({ id: p.id, next: 0 });
          onStack.add(p.id);
        }
        continue;
      }
      let d = -1;
      for (const q of prereqs) if (graph.concept(q.id)) d = Math.max(d, depth.get(q.id) ?? 0);
      depth.set(top.id, d + 1);
      stack.pop();
      onStack.delete(top.id);
    }
  }
  const level = new Map<string, number>();
  const isolated: string[] = [];
  for (const c of graph.all()) {
    const own = depth.get(c.id) ?? 0;
    if (own > 0) {
      level.set(c.id, own);
      continue;
    }
    const deps = graph.dependents(c.id);
    if (deps.length === 0) {
      isolated.push(c.id);
      continue;
    }
    let lowest = Infinity;
    for (const d of deps) lowest = Math.min(lowest, depth.get(d) ?? 1);
    level.set(c.id, Math.max(0, lowest - 1));
  }
  for (const id of isolated) {
    const topic = graph.concept(id)?.topicId ?? null;
    let lowest = Infinity;
    if (topic !== null) for (const other of graph.topicMembers(topic)) if (other !== id && level.has(other)) lowest = Math.min(lowest, level.get(other) as number);
    level.set(id, Number.isFinite(lowest) ? lowest : 0);
  }
  // The fitted model's view of difficulty, relative to the median fitted concept of this graph.
  const fitted: Array<[string, number]> = [];
  for (const c of graph.all()) {
    const cp = params.concepts[c.id];
    if (cp) fitted.push([c.id, logit(clamp(cp.pL0, 1e-4, 1 - 1e-4))]);
  }
  if (fitted.length > 0) {
    const sorted = fitted.map(([, l]) => l).sort((a, b) => a - b);
    const mid = sorted.length % 2 === 1 ? (sorted[(sorted.length - 1) / 2] as number) : ((sorted[sorted.length / 2 - 1] as number) + (sorted[sorted.length / 2] as number)) / 2;
    for (const [id, l] of fitted) level.set(id, (level.get(id) ?? 0) + clamp((mid - l) / DIFFICULTY_LOGITS_PER_LEVEL, -MAX_DIFFICULTY_SHIFT, MAX_DIFFICULTY_SHIFT));
  }
  let entryLevel = Infinity;
  for (const r of graph.roots) entryLevel = Math.min(entryLevel, level.get(r.id) ?? 0);
  if (!Number.isFinite(entryLevel)) entryLevel = 0;
  const entryRoots = graph.roots.filter((r) => (level.get(r.id) ?? 0) <= entryLevel + ENTRY_BAND).map((r) => r.id);
  return { level, entryLevel, entryRoots };
}
