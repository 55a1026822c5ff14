import type { RankingWeights } from "../../domain/recommendations/ranking.js";

/**
 * What ranks a learner's recommendations when the caller did not ask for a strategy: given to
 * RecommendationsService by src/services.ts (the experiments module implements it), so
 * recommendations never imports experiments.
 */
export interface StrategyChoice {
  /** A key of STRATEGIES (its behaviour, e.g. "explore"'s entry points, applies). */
  strategy: string;
  /** The weights to rank with (the strategy's own, or a variant's weight set). */
  weights: RankingWeights;
  /** Appended to every explanation, e.g. "experiment: recsys-2026-q1, variant B". */
  explanation: string;
  /** Called with the served list's concept ids, in order (exposure logging). */
  served(conceptIds: string[]): Promise<void>;
}

/** null: no experiment applies to this learner now (the requested or default strategy ranks). */
export type StrategySelector = (learnerId: string, now: number) => Promise<StrategyChoice | null>;
