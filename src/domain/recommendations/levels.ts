import type { CurriculumGraph } from "../curriculum/curriculum-graph.js";
import { clamp, logit, type ModelParams } from "../mastery/model.js";

/**
 * How far up the curriculum a concept sits, in levels (0 = where the curriculum starts; one level
 * is one prerequisite step). Real maps have entry points (concepts without prerequisites) at every
 * level, because prerequisites are missing from the map; the graph still says where they belong:
 *
 *   depth(c)  = 0 without prerequisites, else 1 + max over prerequisites p of depth(p)
 *   an entry point with dependents: max(0, max over its dependents d in its own topic (all of
 *               them when none is in its topic) of depth(d) − 1): depths are lower bounds of
 *               where concepts belong (a missing edge only shortens a chain), and an entry point
 *               sits just below the concepts of its unit that need it;
 *   a concept with prerequisites, in depth order: max(depth(c), 1 + max over prerequisites of level(p));
 *   an entry point without dependents: the lowest level of the other concepts of its topic
 *               (topic order), or 0 when its topic has nothing else;
 *   then, where the loaded model has fitted the concept (learner data exists), how hard learners
 *   found it moves it: + clamp((h_c − median h) / DIFFICULTY_LOGITS_PER_LEVEL, ±MAX_DIFFICULTY_SHIFT),
 *   h_c being the fitted concept difficulty (`conceptDifficulty`, logits) when the model has one,
 *   else −logit pL0_c of a fitted concept (rarely known before practice = hard); the median is over
 *   the graph's concepts that have one.
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
    if ((depth.get(c.id) ?? 0) > 0) continue;
    const deps = graph.dependents(c.id);
    if (deps.length === 0) {
      isolated.push(c.id);
      continue;
    }
    // Depths are lower bounds of where concepts belong (a missing edge only shortens a chain), and
    // an entry point sits just below the concepts of its own unit that need it.
    const own = c.topicId === null ? [] : deps.filter((d) => graph.concept(d)?.topicId === c.topicId);
    let deepest = 0;
    for (const d of own.length > 0 ? own : deps) deepest = Math.max(deepest, depth.get(d) ?? 1);
    level.set(c.id, Math.max(0, deepest - 1));
  }
  // Forward, in depth order (prerequisites first): nothing sits below what it needs.
  const byDepth = [...graph.all()].filter((c) => (depth.get(c.id) ?? 0) > 0).sort((x, y) => (depth.get(x.id) ?? 0) - (depth.get(y.id) ?? 0));
  for (const c of byDepth) {
    let l = depth.get(c.id) ?? 0;
    for (const p of c.prerequisites) if (level.has(p.id)) l = Math.max(l, 1 + (level.get(p.id) as number));
    level.set(c.id, l);
  }
  for (const id of isolated) {
    const topic = graph.concept(id)?.topicId ?? null;
    let lowest = Infinity;
    if (topic !== null) for (const other of graph.topicMembers(topic)) if (other !== id && level.has(other)) lowest = Math.min(lowest, level.get(other) as number);
    level.set(id, Number.isFinite(lowest) ? lowest : 0);
  }
  // The fitted model's view of difficulty, relative to the median fitted concept of this graph.
  const fitted: Array<[string, number]> = [];
  const difficulty = params.conceptDifficulty;
  const byDifficulty = difficulty !== undefined && Object.keys(difficulty).length > 0;
  for (const c of graph.all()) {
    const b = difficulty?.[c.id];
    const cp = params.concepts[c.id];
    if (byDifficulty) {
      if (b !== undefined) fitted.push([c.id, b]);
    } else if (cp) fitted.push([c.id, -logit(clamp(cp.pL0, 1e-4, 1 - 1e-4))]);
  }
  if (fitted.length > 0) {
    const sorted = fitted.map(([, l]) => l).sort((a, b) => a - b);
    const mid = sorted.length % 2 === 1 ? (sorted[(sorted.length - 1) / 2] as number) : ((sorted[sorted.length / 2 - 1] as number) + (sorted[sorted.length / 2] as number)) / 2;
    for (const [id, h] of fitted) level.set(id, (level.get(id) ?? 0) + clamp((h - mid) / DIFFICULTY_LOGITS_PER_LEVEL, -MAX_DIFFICULTY_SHIFT, MAX_DIFFICULTY_SHIFT));
  }
  let entryLevel = Infinity;
  for (const r of graph.roots) entryLevel = Math.min(entryLevel, level.get(r.id) ?? 0);
  if (!Number.isFinite(entryLevel)) entryLevel = 0;
  const entryRoots = graph.roots.filter((r) => (level.get(r.id) ?? 0) <= entryLevel + ENTRY_BAND).map((r) => r.id);
  return { level, entryLevel, entryRoots };
}
