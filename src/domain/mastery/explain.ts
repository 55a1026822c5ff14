/** One reason behind a mastery value, with its size on the probability scale. */
export interface Factor {
  name: "EVIDENCE" | "FORGETTING" | "HINTS" | "PRIOR" | "PRACTICE" | "CORRECTION" | "IMPLIED";
  /** Signed effect on mastery (probability points), or the statistic shown. */
  value: number;
  text: string;
}

export interface MasteryFacts {
  /** Mastery now, after forgetting, in [0, 1]. */
  effective: number;
  /** Mastery right after the last practice, in [0, 1]. */
  stored: number;
  isNew: boolean;
  attempts: number;
  /** Epoch ms of the last practice, or null. */
  lastPracticedAt: number | null;
  /** Scores of the newest answers (newest first), in [0, 1]. */
  recentScores: number[];
  /** Hints used on those answers. */
  recentHints: number[];
  /** Learner ability in logits. */
  ability: number;
  /** The newest teacher's correction in force (p in [0, 1], at in epoch ms), or null. */
  correction?: { p: number; by: string; byRole: string; note: string; at: number } | null;
  /** Mastery known only by implication: the concept whose answer implied it (id, name) and when. */
  implied?: { by: string; name: string; at: number } | null;
}

const DAY = 24 * 3600 * 1000;
const pct = (x: number) => `${x >= 0 ? "+" : "-"}${Math.abs(x).toFixed(2)}`;

/**
 * The top three reasons for a mastery value, in words and numbers, largest effect first:
 * e.g. "4 of the last 5 answers correct", "21 days without practice: forgetting -0.12",
 * "hints on 2 of 3 attempts".
 */
export function explainMastery(f: MasteryFacts, now: number): Factor[] {
  const factors: Array<Factor & { weight: number }> = [];
  if (f.correction) {
    // A teacher overruled the model: that comes first, in the teacher's words.
    const c = f.correction;
    const day = new Date(c.at).toISOString().slice(0, 10);
    factors.push({ name: "CORRECTION", value: c.p, weight: 10, text: `set to ${String(Number(c.p.toFixed(2)))} by ${c.byRole.toLowerCase()} ${c.by} on ${day}: '${c.note}'` });
  }
  if (f.implied) {
    // No direct evidence: the value is implied, and says so first.
    const day = new Date(f.implied.at).toISOString().slice(0, 10);
    factors.push({ name: "IMPLIED", value: f.stored, weight: 5, text: `implied by success on ${f.implied.name} on ${day}: never answered directly` });
  }
  if (f.isNew) {
    const sign = f.ability >= 0 ? "+" : "";
    factors.push({ name: "PRIOR", value: f.effective, weight: 1, text: `not practised yet: estimated from the prior and overall ability (${sign}${f.ability.toFixed(2)} logits)` });
  }
  if (f.recentScores.length > 0) {
    const correct = f.recentScores.filter((s) => s >= 0.5).length;
    const rate = f.recentScores.reduce((a, b) => a + b, 0) / f.recentScores.length;
    factors.push({
      name: "EVIDENCE",
      value: rate,
      weight: Math.abs(rate - 0.5) + 0.25,
      text: `${correct} of the last ${f.recentScores.length} answer${f.recentScores.length === 1 ? "" : "s"} correct`,
    });
  }
  const forgot = f.effective - f.stored;
  if (!f.isNew && f.lastPracticedAt !== null) {
    const days = Math.floor((now - f.lastPracticedAt) / DAY);
    if (Math.abs(forgot) >= 0.005) {
      factors.push({ name: "FORGETTING", value: forgot, weight: Math.abs(forgot) * 2, text: `${days} day${days === 1 ? "" : "s"} without practice: forgetting ${pct(forgot)}` });
    }
  }
  const hinted = f.recentHints.filter((h) => h > 0).length;
  if (hinted > 0) {
    factors.push({ name: "HINTS", value: hinted / f.recentHints.length, weight: (hinted / f.recentHints.length) * 0.3, text: `hints on ${hinted} of ${f.recentHints.length} attempts` });
  }
  if (f.attempts > 0) {
    factors.push({ name: "PRACTICE", value: f.attempts, weight: 0.1, text: `${f.attempts} attempt${f.attempts === 1 ? "" : "s"} so far` });
  }
  return factors
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3)
    .map(({ name, value, text }) => ({ name, value, text }));
}
