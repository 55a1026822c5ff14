/**
 * Mastery thresholds shared by rollups, recommendations, learning paths and review.
 * All are probabilities in [0, 1] compared with mastery now (after forgetting).
 */
export const THRESHOLDS = {
  /** A concept counts as mastered at or above this. */
  mastered: 0.8,
  /** A concept is ready when the REQUIRES-weighted mean mastery of its prerequisites reaches this. */
  ready: 0.8,
  /** A mastered concept is due for review when predicted recall falls below this. */
  reviewBelow: 0.7,
  /** Struggling: at least this many attempts, with a recent success rate below `struggleRecent`. */
  struggleAttempts: 2,
  struggleRecent: 0.5,
} as const;
