import betaRandom from "@stdlib/random-base-beta";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

/**
 * Item effectiveness (docs/effectiveness.md): what followed practice on an item, by the learner's
 * ability band, and Thompson sampling on it.
 */
export type AbilityBand = "LOW" | "MID" | "HIGH";
export const BANDS: readonly AbilityBand[] = ["LOW", "MID", "HIGH"];

/** Learner ability in logits: below −0.5 LOW, above +0.5 HIGH, else MID. */
export function bandOf(ability: number | null): AbilityBand {
  if (ability === null || !Number.isFinite(ability)) return "MID";
  return ability < -0.5 ? "LOW" : ability > 0.5 ? "HIGH" : "MID";
}

/** One evidence change of a learner's mastery of a concept, in time order. */
export interface ConceptStep {
  conceptId: string;
  itemId: string;
  /** Epoch ms of the answer. */
  at: number;
  /** Mastery before and after the answer, in [0, 1]. */
  before: number;
  after: number;
  /** The answer's score in [0, 1]. */
  score: number;
}

/** A follow-up counts only within this long after the item (ms). */
export const FOLLOW_UP_MS = 7 * 86_400_000;

export interface EffectTally {
  n: number;
  /** Follow-up answers with score ≥ 0.5. */
  successes: number;
  sum: number;
  sumSq: number;
}

export type EffectTable = Map<string, Map<AbilityBand, EffectTally>>;

/**
 * Adds one learner's history: for each answer on item i (concept c) followed, within
 * FOLLOW_UP_MS, by the learner's next answer on c, the gain is after(next) − before(i) (the model's
 * mastery of c after the next answer against before i: without i the model would have kept
 * before(i), forgetting aside), and the next answer's success feeds the Beta posterior.
 */
export function addLearner(table: EffectTable, band: AbilityBand, steps: readonly ConceptStep[]): void {
  const byConcept = new Map<string, ConceptStep[]>();
  for (const s of steps) {
    const list = byConcept.get(s.conceptId) ?? [];
    list.push(s);
    byConcept.set(s.conceptId, list);
  }
  for (const list of byConcept.values()) {
    list.sort((a, b) => a.at - b.at);
    for (let k = 0; k + 1 < list.length; k++) {
      const cur = list[k] as ConceptStep;
      const next = list[k + 1] as ConceptStep;
      if (next.at - cur.at > FOLLOW_UP_MS) continue;
      const gain = next.after - cur.before;
      const bands = table.get(cur.itemId) ?? new Map<AbilityBand, EffectTally>();
      const t = bands.get(band) ?? { n: 0, successes: 0, sum: 0, sumSq: 0 };
      t.n += 1;
      t.successes += next.score >= 0.5 ? 1 : 0;
      t.sum += gain;
      t.sumSq += gain * gain;
      bands.set(band, t);
      table.set(cur.itemId, bands);
    }
  }
}

export interface BandEffect {
  band: AbilityBand;
  n: number;
  successes: number;
  /** Mean gain in mastery, in [−1, 1]. */
  meanGain: number;
  sd: number;
  /** 95% t interval of the mean gain; null with n < 2. */
  ci: { lower: number; upper: number } | null;
}

export function bandEffect(band: AbilityBand, t: EffectTally): BandEffect {
  const mean = t.n > 0 ? t.sum / t.n : 0;
  const variance = t.n > 1 ? Math.max(0, (t.sumSq - t.n * mean * mean) / (t.n - 1)) : 0;
  const sd = Math.sqrt(variance);
  const q = t.n > 1 ? tQuantile(0.975, t.n - 1) : NaN;
  return { band, n: t.n, successes: t.successes, meanGain: mean, sd, ci: t.n > 1 ? { lower: mean - (q * sd) / Math.sqrt(t.n), upper: mean + (q * sd) / Math.sqrt(t.n) } : null };
}

/** An item "never helps" when, with enough data (n ≥ 20) in every band it has, the upper CI bound is ≤ 0. */
export function neverHelps(effects: readonly BandEffect[]): boolean {
  const enough = effects.filter((e) => e.n >= 20 && e.ci !== null);
  return enough.length > 0 && enough.length === effects.length && enough.every((e) => (e.ci?.upper ?? 1) <= 0);
}

export interface Draw<I> {
  item: I;
  /** The Beta sample the choice was made on. */
  sample: number;
  /** Posterior mean (1 + successes) / (2 + n). */
  mean: number;
}

/**
 * Thompson sampling: one draw from Beta(1 + successes, 1 + n − successes) per candidate (the
 * posterior of "the next answer on the concept is correct after this item" for the learner's
 * band, from a uniform prior), in candidate order from one seeded generator; the candidates
 * sorted by their draw, highest first. The choice is exploratory when the winner is not the
 * candidate with the highest posterior mean.
 */
export function thompson<I>(candidates: readonly I[], stats: (item: I) => { n: number; successes: number }, seed: number): { order: Array<Draw<I>>; exploratory: boolean } {
  const rand = betaRandom.factory({ seed: Math.max(1, Math.floor(Math.abs(seed)) % 4294967295) });
  const draws = candidates.map((item) => {
    const s = stats(item);
    const a = 1 + s.successes;
    const b = 1 + s.n - s.successes;
    return { item, sample: rand(a, b), mean: a / (a + b) };
  });
  const order = [...draws].sort((x, y) => y.sample - x.sample);
  const bestMean = Math.max(...draws.map((d) => d.mean));
  return { order, exploratory: order.length > 0 && (order[0] as Draw<I>).mean < bestMean };
}

export type Verdict = "TEACHES" | "ONLY_TESTS" | "UNCLEAR";

/** TEACHES: the gain's 95% interval lies above 0; ONLY_TESTS: at or below 0 (n ≥ 20); UNCLEAR otherwise. */
export function verdict(e: BandEffect): Verdict {
  if (!e.ci) return "UNCLEAR";
  if (e.ci.lower > 0) return "TEACHES";
  if (e.n >= 20 && e.ci.upper <= 0) return "ONLY_TESTS";
  return "UNCLEAR";
}
