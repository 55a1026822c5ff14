import { THRESHOLDS } from "./thresholds.js";

/**
 * Implied evidence: strong success on a concept says something about its prerequisites (a learner
 * who solves two-digit subtraction reliably can subtract within 20), so their mastery rises
 * without practice, marked as implied. The rule (see README.md, "Implied evidence"):
 *
 * - a trigger is an answer or assignment with score >= `minScore` after which the answered
 *   concept has at least `minAttempts` answers and mastery (m_src) at least `minMastery` (one
 *   lucky answer on an advanced concept implies nothing);
 * - each prerequisite p within `depth` REQUIRES edges gets strength
 *   s = weight · decay^(d-1) · (product of the edge weights on the path), the strongest path
 *   counting, and its mastery m (now, after forgetting) becomes m + s·(m_src - m) when that is
 *   higher: a share of the gap to the answered concept, never above it, never lower than before;
 * - only concepts without direct evidence move: a concept that was ever answered (or corrected
 *   by a teacher) is never touched, so a failure on a prerequisite is never overridden by success
 *   upstream; and the first direct evidence on an implied concept updates it from the implied
 *   value, as from a prior, after which the concept is direct.
 *
 * The constants are set a priori (no data set here has both a reliable prerequisite map and the
 * answers to fit them) and measured on simulated learners (`frontier evaluate implied`).
 */
export const IMPLIED = {
  /** A trigger answer scores at least this (partial credit below it implies nothing). */
  minScore: 0.8,
  /** And leaves the answered concept's mastery at least this (the mastered threshold). */
  minMastery: THRESHOLDS.mastered,
  /** And at least this many answers on the answered concept (this one included). */
  minAttempts: 2,
  /** Prerequisites at most this many edges below the answered concept. */
  depth: 2,
  /** Share of the gap closed at distance 1 (edge weight 1). */
  weight: 0.6,
  /** Factor per further edge. */
  decay: 0.5,
} as const;

/**
 * The direct prerequisites of a concept with their REQUIRES weights (in [0, 1]); optionally
 * `nameOf`, the concept's name, which the IMPLIED change records for its explanation.
 */
export type PrerequisiteLookup = ((conceptId: string) => ReadonlyArray<{ id: string; weight: number }>) & { nameOf?: (conceptId: string) => string | undefined };

/**
 * The prerequisites a trigger on `sources` reaches (sources themselves excluded), each with its
 * strongest strength and the source it comes from. Paths are enumerated to `IMPLIED.depth` edges.
 */
export function impliedTargets(lookup: PrerequisiteLookup, sources: readonly string[], rule: { depth: number; weight: number; decay: number } = IMPLIED): Map<string, { strength: number; from: string }> {
  const out = new Map<string, { strength: number; from: string }>();
  const own = new Set(sources);
  for (const from of sources) {
    let layer: Array<{ id: string; strength: number }> = [{ id: from, strength: rule.weight / rule.decay }];
    for (let d = 1; d <= rule.depth && layer.length > 0; d++) {
      const next = new Map<string, number>();
      for (const x of layer) {
        for (const p of lookup(x.id)) {
          const s = x.strength * rule.decay * clamp01(p.weight);
          if (s > (next.get(p.id) ?? 0)) next.set(p.id, s);
        }
      }
      layer = [...next].map(([id, strength]) => ({ id, strength }));
      for (const { id, strength } of layer) {
        if (own.has(id)) continue;
        const held = out.get(id);
        if (!held || strength > held.strength) out.set(id, { strength, from });
      }
    }
  }
  return out;
}

/** Every concept a trigger on these concepts could move: the prerequisites within the rule's depth (what ingestion must read). */
export function impliedReach(lookup: PrerequisiteLookup, conceptIds: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const id of conceptIds) for (const p of impliedTargets(lookup, [id]).keys()) out.add(p);
  return out;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 1;
}
