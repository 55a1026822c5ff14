/**
 * The ranking of recommendations: a weighted sum of named factors, each in [0, 1], minus a
 * variety penalty applied greedily so the same topic does not come five times in a row.
 *
 *   base(c)  = w.readiness·readiness + w.masteryGap·masteryGap + w.unlockValue·unlockValue
 *            + w.goalRelevance·goalRelevance + w.reviewDue·reviewDue + w.continuity·continuity
 *   score(c) = base(c) − w.variety·variety(c)
 *   variety(c) = (number of the last 4 picks with c's topic) / 4
 *
 * Picks are made one at a time: at each step the candidate with the highest score given the
 * picks so far (ties by concept id). Weights are a named object per strategy, never positional.
 */
export interface RankingWeights {
  readiness: number;
  masteryGap: number;
  unlockValue: number;
  goalRelevance: number;
  reviewDue: number;
  /** Closeness to what the learner practised recently (see continuity.ts). */
  continuity: number;
  variety: number;
}

export type Factors = Omit<RankingWeights, "variety"> & { variety: number };

export const STRATEGIES: Readonly<Record<string, RankingWeights>> = {
  balanced: { readiness: 0.3, masteryGap: 0.2, unlockValue: 0.2, goalRelevance: 0.2, reviewDue: 0.25, continuity: 0.25, variety: 0.15 },
  "goal-first": { readiness: 0.2, masteryGap: 0.1, unlockValue: 0.1, goalRelevance: 0.6, reviewDue: 0.15, continuity: 0.1, variety: 0.1 },
  "review-heavy": { readiness: 0.2, masteryGap: 0.1, unlockValue: 0.1, goalRelevance: 0.1, reviewDue: 0.6, continuity: 0.1, variety: 0.1 },
  /** Today's ranking before continuity, with every concept without prerequisites offered (far entry points included). */
  explore: { readiness: 0.3, masteryGap: 0.2, unlockValue: 0.2, goalRelevance: 0.2, reviewDue: 0.25, continuity: 0, variety: 0.15 },
};

export const VARIETY_WINDOW = 4;

export interface Candidate {
  conceptId: string;
  topicId: string | null;
  /** Factors other than variety, each in [0, 1]. */
  factors: Omit<Factors, "variety">;
}

export interface Ranked<C extends Candidate> {
  candidate: C;
  factors: Factors;
  score: number;
}

/** The weighted sum without the variety penalty. */
export function baseScore(f: Omit<Factors, "variety">, w: RankingWeights): number {
  return w.readiness * f.readiness + w.masteryGap * f.masteryGap + w.unlockValue * f.unlockValue + w.goalRelevance * f.goalRelevance + w.reviewDue * f.reviewDue + w.continuity * f.continuity;
}

/** Greedy ranking with the variety penalty (see the module comment). */
export function rank<C extends Candidate>(candidates: readonly C[], w: RankingWeights, limit: number): Array<Ranked<C>> {
  const left = [...candidates];
  const picked: Array<Ranked<C>> = [];
  while (picked.length < limit && left.length > 0) {
    const recent = picked.slice(-VARIETY_WINDOW).map((p) => p.candidate.topicId);
    let best = -1;
    let bestScore = -Infinity;
    let bestVariety = 0;
    left.forEach((c, i) => {
      const variety = c.topicId === null ? 0 : recent.filter((t) => t === c.topicId).length / VARIETY_WINDOW;
      const score = baseScore(c.factors, w) - w.variety * variety;
      const current = left[best];
      if (score > bestScore + 1e-12 || (Math.abs(score - bestScore) <= 1e-12 && current !== undefined && c.conceptId < current.conceptId)) {
        best = i;
        bestScore = score;
        bestVariety = variety;
      }
    });
    const [c] = left.splice(best, 1) as [C];
    picked.push({ candidate: c, factors: { ...c.factors, variety: bestVariety }, score: bestScore });
  }
  return picked;
}

/** unlockValue: log(1 + unlocks) / log(1 + most unlocks among the candidates), in [0, 1]. */
export function unlockValue(unlocks: number, maxUnlocks: number): number {
  return maxUnlocks <= 0 ? 0 : Math.log1p(unlocks) / Math.log1p(maxUnlocks);
}
