import { createHash } from "node:crypto";

/** Part of every assignment hash: changing it would reshuffle every experiment, so it never changes. */
export const ASSIGNMENT_SEED = "frontier-experiments-v1";

/**
 * The unit's position in [0, 1): the first 48 bits of SHA-256(seed NUL experimentId NUL unitId)
 * divided by 2^48. The same on every server, after every restart, with no state: a learner's
 * variant is a function of the two ids (and the seed) only.
 */
export function assignmentPoint(experimentId: string, unitId: string, seed = ASSIGNMENT_SEED): number {
  const digest = createHash("sha256").update(`${seed}\u0000${experimentId}\u0000${unitId}`).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/**
 * The variant whose slice of [0, 1) holds the point, the slices laid out in the given order with
 * widths proportional to the allocation weights (weights > 0; they need not sum to 1).
 */
export function pickVariant<V extends { key: string; weight: number }>(variants: readonly V[], point: number): V {
  const total = variants.reduce((a, v) => a + v.weight, 0);
  let edge = 0;
  for (const v of variants) {
    edge += v.weight / total;
    if (point < edge) return v;
  }
  // Rounding can leave the last edge a hair below 1.
  return variants[variants.length - 1] as V;
}

/** The unit's variant: pickVariant at assignmentPoint(experimentId, unitId). */
export function assign<V extends { key: string; weight: number }>(experimentId: string, unitId: string, variants: readonly V[]): V {
  return pickVariant(variants, assignmentPoint(experimentId, unitId));
}
