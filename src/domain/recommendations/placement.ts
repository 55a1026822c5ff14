/**
 * Adaptive placement for a new learner: ask the question whose answer tells the most about the
 * whole prerequisite graph.
 *
 * Beliefs are log-odds of "mastered" per concept, starting at 0 (p = 0.5). An answer on concept c
 * adds ±DIRECT to c's log-odds and propagates with reduced weight: a correct answer is evidence
 * for c's prerequisites (+DIRECT·decay^d at distance d), a wrong answer evidence against its
 * dependents (−DIRECT·decay^d). Concepts moved only by propagation are marked implied.
 *
 * The next question maximises expected information gain over all concepts: the entropy of every
 * belief now, minus its expectation after the answer (P(correct) from the belief with the
 * placement guess and slip). Placement stops when no question is expected to gain at least
 * MIN_GAIN bits, when every concept is decided (p <= 0.2 or >= 0.8), or after MAX_QUESTIONS.
 */
export const PLACEMENT = {
  /** Log-odds added by a direct answer (logit(0.9) ≈ 2.2). */
  direct: Math.log(9),
  /** Weight kept per edge of propagation. */
  decay: 0.6,
  /** Propagation depth (edges). */
  depth: 6,
  guess: 0.15,
  slip: 0.1,
  minGain: 0.3,
  maxQuestions: 25,
  decided: 0.2,
} as const;

export interface PlacementGraph {
  ids: string[];
  prerequisites: ReadonlyMap<string, readonly string[]>;
  dependents: ReadonlyMap<string, readonly string[]>;
}

export interface PlacementAnswer {
  conceptId: string;
  correct: boolean;
}

export interface Belief {
  p: number;
  implied: boolean;
  asked: boolean;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const entropy = (p: number) => (p <= 0 || p >= 1 ? 0 : -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p)));

/** Distances (1..depth) from `start` along `next`, breadth-first. */
function reach(next: ReadonlyMap<string, readonly string[]>, start: string, depth: number): Map<string, number> {
  const dist = new Map<string, number>();
  let frontier = [start];
  for (let d = 1; d <= depth && frontier.length > 0; d++) {
    const out: string[] = [];
    for (const n of frontier) {
      for (const m of next.get(n) ?? []) {
        if (m === start || dist.has(m)) continue;
        dist.set(m, d);
        out.push(m);
      }
    }
    frontier = out;
  }
  return dist;
}

export class Placement {
  private readonly reachCache = new Map<string, Map<string, number>>();

  constructor(private readonly graph: PlacementGraph) {}

  private spread(conceptId: string, correct: boolean): Map<string, number> {
    const key = `${conceptId}|${correct}`;
    let m = this.reachCache.get(key);
    if (!m) {
      m = reach(correct ? this.graph.prerequisites : this.graph.dependents, conceptId, PLACEMENT.depth);
      this.reachCache.set(key, m);
    }
    return m;
  }

  /** Log-odds per concept after the answers. */
  logOdds(answers: readonly PlacementAnswer[]): Map<string, number> {
    const z = new Map<string, number>(this.graph.ids.map((id) => [id, 0]));
    for (const a of answers) this.apply(z, a);
    return z;
  }

  private apply(z: Map<string, number>, a: PlacementAnswer): void {
    const sign = a.correct ? 1 : -1;
    z.set(a.conceptId, (z.get(a.conceptId) ?? 0) + sign * PLACEMENT.direct);
    for (const [id, d] of this.spread(a.conceptId, a.correct)) z.set(id, (z.get(id) ?? 0) + sign * PLACEMENT.direct * Math.pow(PLACEMENT.decay, d));
  }

  beliefs(answers: readonly PlacementAnswer[]): Map<string, Belief> {
    const asked = new Set(answers.map((a) => a.conceptId));
    const touched = new Set<string>();
    for (const a of answers) for (const id of this.spread(a.conceptId, a.correct).keys()) touched.add(id);
    const z = this.logOdds(answers);
    return new Map(this.graph.ids.map((id) => [id, { p: sigmoid(z.get(id) ?? 0), asked: asked.has(id), implied: !asked.has(id) && touched.has(id) }]));
  }

  /** Expected information gain (bits, summed over all concepts) of asking `conceptId`. */
  gain(z: ReadonlyMap<string, number>, conceptId: string): number {
    const pc = sigmoid(z.get(conceptId) ?? 0);
    const pCorrect = pc * (1 - PLACEMENT.slip) + (1 - pc) * PLACEMENT.guess;
    let g = 0;
    const delta = (id: string, d: number, sign: number) => {
      const before = z.get(id) ?? 0;
      return entropy(sigmoid(before)) - entropy(sigmoid(before + sign * PLACEMENT.direct * Math.pow(PLACEMENT.decay, d)));
    };
    g += pCorrect * delta(conceptId, 0, 1) + (1 - pCorrect) * delta(conceptId, 0, -1);
    for (const [id, d] of this.spread(conceptId, true)) g += pCorrect * delta(id, d, 1);
    for (const [id, d] of this.spread(conceptId, false)) g += (1 - pCorrect) * delta(id, d, -1);
    return g;
  }

  /** The next concept to ask about, or null when placement is done. */
  next(answers: readonly PlacementAnswer[]): { conceptId: string; gain: number } | null {
    if (answers.length >= PLACEMENT.maxQuestions) return null;
    const z = this.logOdds(answers);
    const asked = new Set(answers.map((a) => a.conceptId));
    let best: { conceptId: string; gain: number } | null = null;
    for (const id of this.graph.ids) {
      const p = sigmoid(z.get(id) ?? 0);
      if (asked.has(id) || p <= PLACEMENT.decided || p >= 1 - PLACEMENT.decided) continue;
      const g = this.gain(z, id);
      if (!best || g > best.gain + 1e-12 || (Math.abs(g - best.gain) <= 1e-12 && id < best.conceptId)) best = { conceptId: id, gain: g };
    }
    return best && best.gain >= PLACEMENT.minGain ? best : null;
  }
}

/**
 * Simulated learners for the placement report: a learner knows a concept exactly when they know
 * all its prerequisites and a coin with `pKnow` says so (so knowledge is closed downward), and
 * answers with the placement guess and slip. Returns questions asked and the share of concepts
 * placed on the right side of 0.5. `random` is a seeded generator in [0, 1).
 */
export function simulatePlacement(graph: PlacementGraph, order: readonly string[], random: () => number, pKnow = 0.75) {
  const knows = new Map<string, boolean>();
  for (const id of order) knows.set(id, (graph.prerequisites.get(id) ?? []).every((p) => knows.get(p)) && random() < pKnow);
  const placement = new Placement(graph);
  const answers: PlacementAnswer[] = [];
  for (let q = placement.next(answers); q; q = placement.next(answers)) {
    const k = knows.get(q.conceptId) ?? false;
    answers.push({ conceptId: q.conceptId, correct: random() < (k ? 1 - PLACEMENT.slip : PLACEMENT.guess) });
  }
  const beliefs = placement.beliefs(answers);
  const right = graph.ids.filter((id) => (beliefs.get(id)?.p ?? 0.5) >= 0.5 === (knows.get(id) ?? false)).length;
  return { questions: answers.length, accuracy: right / graph.ids.length };
}
