import { CurriculumGraph, type GraphConcept } from "../domain/curriculum/curriculum-graph.js";
import { defaultModelParams, effectiveMastery, initialLearnerState, type LearnerAttemptEvent, type LearnerState, type ModelParams } from "../domain/mastery/model.js";
import type { PrerequisiteLookup } from "../domain/mastery/implied.js";
import { applyEvent } from "../domain/mastery/learner-replay.js";
import { THRESHOLDS } from "../domain/mastery/thresholds.js";
import { entryPointsNear } from "../domain/recommendations/continuity.js";
import { frontierCandidates } from "../domain/recommendations/frontier.js";
import { conceptLevels, type Levels } from "../domain/recommendations/levels.js";
import { fit } from "./fit.js";
import { EXPLORE, FIRST_RULES, learnerPosition, PLAN_RULES, planRecommendations, type Planned, type PlanRules } from "../domain/recommendations/recommend.js";

/**
 * Offline evaluation of recommendation strategies (`frontier evaluate recommendations`), seeded
 * and reproducible. Simulated learners on a generated curriculum shaped like a real map: several
 * strands, most of them linked by a few cross-strand prerequisites and two of them unconnected;
 * each true prerequisite left out of the map with probability `missingEdgeRate`, so entry points
 * (concepts without prerequisites in the map) appear at every level. Each learner has a hidden
 * true knowledge state closed under the true prerequisites, a history of answers (a week before)
 * on most of what they know, and then answers `answers` items, each time an item of the
 * strategy's first recommendation that still has one they have not tried in this session (each
 * concept has ITEMS_PER_CONCEPT items, and the server does not offer an item tried in the last 3
 * days), looking down a list of LIST_LENGTH, stopping when none has one left (the measures are
 * taken on the top five):
 * correct with probability 1 − slip when the concept is known, guess when not (the model's own
 * response rule, with slip and guess drawn per learner: noise); a concept whose true prerequisites
 * are all known is learned with probability `learnRate` at each practice, others never.
 */
export interface EvalOptions {
  seed: number;
  learners: number;
  /** Answers per learner after the history. */
  answers: number;
  strands: number;
  /** True levels per strand (0 .. levels − 1). */
  levels: number;
  /** Concepts per level and strand. */
  perLevel: number;
  /** Probability that a true prerequisite is missing from the map. */
  missingEdgeRate: number;
  /** Probability of learning a truly ready concept at one practice. */
  learnRate: number;
  strategies: string[];
  /**
   * The first version's learners: each seeded with consecutive LCG seeds, whose first draws are
   * nearly equal (every learner then knew strand 0 to the same depth, and no learner knew nothing
   * of strand 4). Default false: seeds are scrambled first (`mixSeed`). Kept to report both worlds.
   */
  correlatedLearners?: boolean;
  /** Keep every top-5 recommendation's cause, position and learner state (`--diagnose`). */
  diagnose?: boolean;
  /**
   * Ingest answers with implied evidence (src/domain/mastery/implied.ts) over the map's
   * prerequisites, as the server does by default (IMPLIED_EVIDENCE). Default false: the model
   * moves only the answered concepts, as when the figures of issue 18 were taken.
   */
  implied?: boolean;
  /**
   * What the history covers: `share` (default) HISTORY_SHARE of everything known, strand by
   * strand; `advanced` only the most advanced of it (known concepts none of whose dependents in
   * the map is known): a learner who joins mid-course and practises the current unit.
   */
  history?: "share" | "advanced";
  /**
   * Probability that a concept gets one wrong edge in the map: a prerequisite of the level below
   * in its strand that it does not truly need (real maps hold some). Default 0.
   */
  spuriousEdgeRate?: number;
  /**
   * The model the server ranks with: `default` (defaultModelParams(), as a new deployment starts)
   * or `fitted` (kt fit on the answers of an earlier cohort of as many learners, other seeds, who
   * used the default model with `balanced`: what a deployment runs after its first term).
   */
  model?: "default" | "fitted";
}

export const DEFAULT_EVAL: EvalOptions = {
  seed: 18,
  learners: 120,
  answers: 120,
  strands: 7,
  levels: 9,
  perLevel: 4,
  missingEdgeRate: 0.2,
  learnRate: 0.3,
  strategies: ["baseline", "balanced@first", "balanced", "goal-first", "review-heavy", "oracle-evidence", "oracle-truth"],
};

/** Today's ranking before issue 18: `explore` (every entry point, no continuity) under the first rules. */
export const BASELINE = "baseline";

/**
 * A strategy as the evaluation names it: `baseline`; or a ranking strategy, optionally `@first`
 * (the candidate rules of the first version of issue 18, FIRST_RULES, instead of PLAN_RULES),
 * and `+rule` / `~rule` to switch single rules of PlanRules on or off (ablations).
 */
export function parseStrategy(spec: string): { strategy: string; rules: PlanRules } {
  if (spec === BASELINE) return { strategy: EXPLORE, rules: FIRST_RULES };
  const [head = "", ...mods] = spec.split(/(?=[+~])/);
  const [strategy = "balanced", base] = head.split("@");
  const rules: PlanRules = { ...(base === "first" ? FIRST_RULES : PLAN_RULES) };
  for (const m of mods) {
    const key = m.slice(1) as keyof PlanRules;
    if (!(key in rules)) throw new Error(`unknown rule ${key} in ${spec} (rules: ${Object.keys(rules).join(", ")})`);
    rules[key] = m.startsWith("+");
  }
  return { strategy, rules };
}

/** A seeded linear congruential generator in [0, 1). */
export function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => ((x = (x * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * A seed scrambled before it seeds `rng` (the murmur3 32-bit finaliser): consecutive seeds give an
 * LCG first outputs 1664525/2^32 apart, so learners seeded i, i+1, ... drew nearly the same first
 * numbers.
 */
export function mixSeed(seed: number): number {
  let h = seed >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export interface SimCurriculum {
  /** The map the server sees (true prerequisites partly missing). */
  graph: CurriculumGraph;
  truePrereqs: ReadonlyMap<string, readonly string[]>;
  trueLevel: ReadonlyMap<string, number>;
  strandOf: ReadonlyMap<string, number>;
  /** Concepts in true prerequisite order (by level). */
  order: readonly string[];
  /** Strands linked by cross-strand prerequisites (the rest are unconnected). */
  linked: number;
}

/** Levels per unit (a topic is one strand's unit). */
export const UNIT = 3;

export function generateCurriculum(o: EvalOptions, r: () => number): SimCurriculum {
  const truePrereqs = new Map<string, string[]>();
  const trueLevel = new Map<string, number>();
  const strandOf = new Map<string, number>();
  const order: string[] = [];
  const id = (s: number, l: number, k: number) => `s${s}-l${l}-${k}`;
  const linked = Math.max(1, o.strands - 2);
  for (let l = 0; l < o.levels; l++) {
    for (let s = 0; s < o.strands; s++) {
      for (let k = 0; k < o.perLevel; k++) {
        const c = id(s, l, k);
        const ps = new Set<string>();
        if (l > 0) {
          const fanIn = 1 + Math.floor(r() * 2);
          for (let f = 0; f < fanIn; f++) ps.add(id(s, l - 1, Math.floor(r() * o.perLevel)));
          if (l > 1 && r() < 0.3) ps.add(id(s, l - 2, Math.floor(r() * o.perLevel)));
          if (s > 0 && s < linked && r() < 0.15) ps.add(id(s - 1, l - 1, Math.floor(r() * o.perLevel)));
        }
        truePrereqs.set(c, [...ps]);
        trueLevel.set(c, l);
        strandOf.set(c, s);
        order.push(c);
      }
    }
  }
  // The map: each true edge kept with probability 1 − missingEdgeRate; at the start of a unit
  // (every UNIT levels) edges into the unit are missing far more often (2.5x), as real maps lose
  // the links between their units.
  const mapPrereqs = new Map<string, string[]>();
  const unitStart = (c: string) => (trueLevel.get(c) ?? 0) % UNIT === 0;
  for (const c of order) mapPrereqs.set(c, (truePrereqs.get(c) ?? []).filter(() => r() >= (unitStart(c) ? Math.min(0.9, 2.5 * o.missingEdgeRate) : o.missingEdgeRate / 2)));
  const spurious = o.spuriousEdgeRate ?? 0;
  if (spurious > 0) {
    for (const c of order) {
      const l = trueLevel.get(c) ?? 0;
      if (l === 0 || r() >= spurious) continue;
      const wrong = id(strandOf.get(c) ?? 0, l - 1, Math.floor(r() * o.perLevel));
      if (!(truePrereqs.get(c) ?? []).includes(wrong)) mapPrereqs.set(c, [...(mapPrereqs.get(c) ?? []), wrong]);
    }
  }
  const dependents = new Map<string, string[]>();
  for (const [c, ps] of mapPrereqs) for (const p of ps) dependents.set(p, [...(dependents.get(p) ?? []), c]);
  const unlocks = (c: string) => {
    const seen = new Set<string>();
    let layer = [c];
    for (let d = 0; d < 12 && layer.length > 0; d++) {
      const next: string[] = [];
      for (const x of layer) {
        for (const y of dependents.get(x) ?? []) {
          if (seen.has(y)) continue;
          seen.add(y);
          next.push(y);
        }
      }
      layer = next;
    }
    return seen.size;
  };
  const concepts: GraphConcept[] = order.map((c) => {
    const ps = mapPrereqs.get(c) ?? [];
    const s = strandOf.get(c) ?? 0;
    const l = trueLevel.get(c) ?? 0;
    return { id: c, name: `Strand ${s} level ${l} #${c.split("-")[2]}`, topicId: `s${s}-u${Math.floor(l / UNIT)}`, unlocks: unlocks(c), root: ps.length === 0, prerequisites: ps.map((p) => ({ id: p, weight: 1 })) };
  });
  return { graph: new CurriculumGraph(concepts), truePrereqs, trueLevel, strandOf, order, linked };
}

interface SimLearner {
  known: Set<string>;
  guess: number;
  slip: number;
  r: () => number;
}

function makeLearner(cur: SimCurriculum, o: EvalOptions, seed: number): SimLearner {
  const r = rng(o.correlatedLearners ? seed : mixSeed(seed));
  // How far each strand is known: 0 to 3 levels (beginners and early learners, as a class).
  const reach = Array.from({ length: o.strands }, () => Math.floor(r() * 4));
  const known = new Set<string>();
  for (const c of cur.order) {
    const l = cur.trueLevel.get(c) ?? 0;
    const ok = l < (reach[cur.strandOf.get(c) ?? 0] ?? 0) && (cur.truePrereqs.get(c) ?? []).every((p) => known.has(p));
    if (ok && r() < 0.92) known.add(c);
  }
  return { known, guess: 0.2 + (r() - 0.5) * 0.1, slip: 0.1 + (r() - 0.5) * 0.1, r };
}

const trulyReady = (cur: SimCurriculum, l: SimLearner, c: string) => (cur.truePrereqs.get(c) ?? []).every((p) => l.known.has(p));

/** The learner's mastered frontier in a strand: the highest true level they know there (−1 if none). */
function frontierLevel(cur: SimCurriculum, l: SimLearner, strand: number): number {
  let best = -1;
  for (const c of l.known) if (cur.strandOf.get(c) === strand) best = Math.max(best, cur.trueLevel.get(c) ?? 0);
  return best;
}

export function recommendOnce(cur: SimCurriculum, levels: Levels, params: ModelParams, state: LearnerState, now: number, spec: string, goalPath: ReadonlySet<string>, limit = 5, unavailable?: ReadonlySet<string>): Planned[] {
  const { strategy, rules: planRules } = parseStrategy(spec);
  const practised = new Map(Object.entries(state.concepts).map(([id, c]) => [id, { mastery: c.mastery, attempts: c.attempts, recent: c.recent }]));
  const rules = { mastered: THRESHOLDS.mastered, ready: THRESHOLDS.ready, struggleAttempts: THRESHOLDS.struggleAttempts, struggleRecent: THRESHOLDS.struggleRecent };
  const roots = strategy === EXPLORE ? undefined : entryPointsNear(cur.graph, levels, learnerPosition(cur.graph, levels, params, state, now).position, goalPath);
  const lists = frontierCandidates(cur.graph, practised, goalPath, null, rules, roots);
  return planRecommendations({ graph: cur.graph, levels, params, state, now, lists, strategy, limit, rules: planRules, ...(unavailable ? { unavailable } : {}) }).chosen;
}

export interface StrategyResult {
  strategy: string;
  /** Top-5 recommendations counted (all steps, all learners). */
  recommendations: number;
  /** Share truly ready (every true prerequisite known) and not known. */
  readyNew: number;
  /** Share already known. */
  known: number;
  /** Mean of (true level − the learner's mastered frontier in that strand). */
  meanJump: number;
  /** Share with a jump of at most one level. */
  jumpAtMostOne: number;
  answers: number;
  /** Concepts truly learned per 100 answers. */
  learnedPer100: number;
  /** Learners left with no recommendation before their answers ran out. */
  stuck: number;
  /** Goal runs: share that reached the goal within the answers, and mean answers of those that did. */
  goalReached: number;
  answersToGoal: number;
  /** Mean concepts learned after k answers, k = 0..answers. */
  learnedCurve: number[];
  /** Share of top-5 ready and new, per block of 10 answers. */
  readyNewCurve: number[];
  /** With `diagnose`: every top-5 recommendation counted (main runs, not goal runs). */
  diagnosis?: Diagnosis;
  /**
   * Implied evidence at the start of the session (after the history) and at its end, mean per
   * learner: concepts the model counts as mastered by implication only, those of them the learner
   * truly does not know (hidden by mistake), and every concept the learner truly does not know.
   */
  implication: Record<"start" | "end", { impliedMastered: number; hiddenUnknown: number; unknown: number }>;
}

/**
 * Why a top-5 recommendation was or was not "truly ready and not known" (exclusive):
 * - `ready-new`: the target;
 * - `known:review`: a REVIEW pick (the simulated learner never forgets);
 * - `known:learned-this-session`: learned during the session, not yet mastered by the model;
 * - `known:practised`: known from the start and practised (history or session), mastery now below mastered;
 * - `known:no-history`: known from the start, never answered (the model has only its prior);
 * - `not-ready:missing-edge`: every prerequisite in the map is truly known, a true one missing from the map is not;
 * - `not-ready:map-prereq`: a prerequisite in the map is not truly known (the model believed it mastered).
 */
export type Cause = "ready-new" | "known:review" | "known:learned-this-session" | "known:practised" | "known:no-history" | "not-ready:missing-edge" | "not-ready:map-prereq";
export const CAUSES: readonly Cause[] = ["ready-new", "known:review", "known:learned-this-session", "known:practised", "known:no-history", "not-ready:missing-edge", "not-ready:map-prereq"];

export interface DiagRecord {
  step: number;
  /** Position in the list, 0-based (< 5). */
  pos: number;
  kind: string;
  /** The pick's part of the list (see recommend.ts `Part`). */
  part: string;
  cause: Cause;
  /** An entry point of the map. */
  root: boolean;
  /** How many concepts of the whole map were truly ready and not known at that step. */
  available: number;
  /** How many concepts the learner knew at the start of the session. */
  knownAtStart: number;
  /** Items shown in that list's top five. */
  listLength: number;
  /** True level minus the learner's mastered frontier in that strand (as `meanJump`). */
  jump: number;
  /** Every item of the concept already tried in the session (the simulated learner passes over it). */
  exhausted: boolean;
  /** The model's answered attempts on the concept and its recent success rate (struggling: 2+ and below 0.5). */
  attempts: number;
  struggling: boolean;
}

export interface Diagnosis {
  records: DiagRecord[];
}

/** Share of what a learner knows that their history in the system shows. */
export const HISTORY_SHARE = 0.9;

/** How far down the list a simulated learner looks for an item they have not tried. */
export const LIST_LENGTH = 20;

/** Items per concept in the simulated curriculum. */
export const ITEMS_PER_CONCEPT = 4;

/** One answer through the server's rule (applyEvent), with implied evidence when `lookup` is given. */
function answerOne(params: ModelParams, state: LearnerState, c: string, itemId: string, score: number, at: number, lookup: PrerequisiteLookup | null, log?: AnswerLog): LearnerState {
  log?.events.push({ learnerId: log.learnerId, itemId, conceptIds: [c], score, occurredAt: at });
  const e = { eventId: `${itemId}@${at}`, kind: "ANSWER" as const, learnerId: "sim", itemId, conceptIds: [c], concepts: [c], score, occurredAt: at, durationMs: null, hintsUsed: null, attemptNumber: null, source: null, watchFraction: null };
  return applyEvent(params, state, e, "EVIDENCE", lookup).state;
}

/** Where a cohort's answers are collected for fitting (`model: "fitted"`). */
interface AnswerLog {
  learnerId: string;
  events: LearnerAttemptEvent[];
}

/** What implied evidence believes of this learner now (see StrategyResult.implication). */
function implicationNow(cur: SimCurriculum, l: SimLearner, params: ModelParams, state: LearnerState, now: number) {
  let impliedMastered = 0;
  let hiddenUnknown = 0;
  for (const [id, cs] of Object.entries(state.concepts)) {
    if (cs.impliedBy === undefined || effectiveMastery(params, state, id, now).mastery < THRESHOLDS.mastered) continue;
    impliedMastered++;
    if (!l.known.has(id)) hiddenUnknown++;
  }
  return { impliedMastered, hiddenUnknown, unknown: cur.order.filter((c) => !l.known.has(c)).length };
}

function history(cur: SimCurriculum, l: SimLearner, params: ModelParams, start: number, lookup: PrerequisiteLookup | null = null, historyKind: "share" | "advanced" = "share", log?: AnswerLog): { state: LearnerState; now: number; practised: Set<string> } {
  let state = initialLearnerState();
  const practised = new Set<string>();
  let now = start;
  // Most of what they know was learned here, 3 answers each, one strand after another (a random
  // order of strands, levels in order within one): a few gaps, and recent work in one strand.
  const strands = [...new Set(cur.strandOf.values())].map((s) => [l.r(), s] as const).sort((a, b) => a[0] - b[0]).map(([, s]) => s);
  const byStrand = strands.flatMap((s) => cur.order.filter((c) => cur.strandOf.get(c) === s));
  const advanced = (c: string) => cur.graph.dependents(c).every((d) => !l.known.has(d));
  for (const c of byStrand) {
    if (!l.known.has(c) || l.r() >= HISTORY_SHARE) continue;
    if (historyKind === "advanced" && !advanced(c)) continue;
    practised.add(c);
    for (let k = 0; k < 3; k++) {
      const correct = l.r() < 1 - l.slip ? 1 : 0;
      state = answerOne(params, state, c, `${c}-q${k}`, correct, (now += 60_000), lookup, log);
    }
  }
  // The session starts a week later (the history's items are outside the 3-day window).
  return { state, now: now + 7 * 86_400_000, practised };
}

/**
 * Reference strategies that are not rankings of the server (named `oracle-…` in `strategies`):
 * - `oracle-truth` knows the hidden knowledge state: truly ready new concepts first (map order),
 *   then the other unknown ones. Its top-5 share is the ceiling of the measure on this world.
 * - `oracle-evidence` knows what the server cannot (the true prerequisites, none missing; the
 *   simulation's rules: who has a history, each learner's guess, slip and learning rate; the
 *   population's prior, by Monte Carlo over ORACLE_PRIOR_LEARNERS other learners) but sees only
 *   the evidence the server sees (which concepts have a history, every answer). It keeps
 *   P(known) per concept, exact per concept (Bayes on each answer, learning at learnRate times
 *   P(truly ready)), closed under prerequisites (knowing c means knowing what c truly needs), and
 *   ranks by P(truly ready and not known) = Π_{p truly needed} P(p) · (1 − P(c)), prerequisites
 *   taken as independent. The best a ranking could do from the evidence, up to that approximation.
 * Both ignore goals.
 */
export const ORACLES = ["oracle-truth", "oracle-evidence"] as const;
export const ORACLE_PRIOR_LEARNERS = 2000;

interface Shown {
  pick: { conceptId: string; kind: string; part: string };
}

class EvidenceOracle {
  private readonly p = new Map<string, number>();
  constructor(
    private readonly cur: SimCurriculum,
    private readonly l: SimLearner,
    private readonly learnRate: number,
    prior: ReadonlyMap<string, number>,
    historyShown: ReadonlySet<string>,
  ) {
    for (const c of cur.order) {
      const p0 = prior.get(c) ?? 0;
      // The history shows HISTORY_SHARE of what is known, and only what is known.
      this.p.set(c, historyShown.has(c) ? 1 : (p0 * (1 - HISTORY_SHARE)) / (p0 * (1 - HISTORY_SHARE) + (1 - p0) || 1));
    }
    this.close();
  }
  private close() {
    for (let i = this.cur.order.length - 1; i >= 0; i--) {
      const c = this.cur.order[i] as string;
      const pc = this.p.get(c) ?? 0;
      for (const q of this.cur.truePrereqs.get(c) ?? []) if ((this.p.get(q) ?? 0) < pc) this.p.set(q, pc);
    }
  }
  private ready(c: string) {
    return (this.cur.truePrereqs.get(c) ?? []).reduce((r, q) => r * (this.p.get(q) ?? 0), 1);
  }
  answered(c: string, correct: boolean) {
    const p = this.p.get(c) ?? 0;
    const known = p * (correct ? 1 - this.l.slip : this.l.slip);
    const post = known / (known + (1 - p) * (correct ? this.l.guess : 1 - this.l.guess));
    this.p.set(c, post + (1 - post) * this.learnRate * this.ready(c));
    this.close();
  }
  list(limit: number): Shown[] {
    return this.cur.order
      .map((c, i) => ({ c, i, v: this.ready(c) * (1 - (this.p.get(c) ?? 0)) }))
      .sort((a, b) => b.v - a.v || a.i - b.i)
      .slice(0, limit)
      .map(({ c }) => ({ pick: { conceptId: c, kind: "LEARN", part: "ready" } }));
  }
}

function truthOracle(cur: SimCurriculum, l: SimLearner, limit: number): Shown[] {
  const unknown = cur.order.filter((c) => !l.known.has(c));
  return [...unknown.filter((c) => trulyReady(cur, l, c)), ...unknown.filter((c) => !trulyReady(cur, l, c))].slice(0, limit).map((c) => ({ pick: { conceptId: c, kind: "LEARN", part: "ready" } }));
}

/** The population's P(known) per concept at the start, by Monte Carlo over learners not evaluated. */
function populationPrior(cur: SimCurriculum, o: EvalOptions): Map<string, number> {
  const n = new Map<string, number>();
  for (let i = 0; i < ORACLE_PRIOR_LEARNERS; i++) for (const c of makeLearner(cur, o, o.seed * 100_003 + 50_000 + i).known) n.set(c, (n.get(c) ?? 0) + 1);
  return new Map(cur.order.map((c) => [c, (n.get(c) ?? 0) / ORACLE_PRIOR_LEARNERS]));
}

/** One learner under one strategy: `answers` answers, optionally towards a goal (stops when it is known). */
function run(cur: SimCurriculum, levels: Levels, params: ModelParams, o: EvalOptions, strategy: string, seed: number, goal: string | null, diagnose = false, prior: ReadonlyMap<string, number> = new Map(), log?: AnswerLog) {
  const l = makeLearner(cur, o, seed);
  const lookup: PrerequisiteLookup | null = o.implied ? (id) => cur.graph.concept(id)?.prerequisites ?? [] : null;
  const h = history(cur, l, params, Date.UTC(2026, 0, 1), lookup, o.history ?? "share", log);
  let { state, now } = h;
  const atStart = implicationNow(cur, l, params, state, now);
  const oracle = strategy === "oracle-evidence" ? new EvidenceOracle(cur, l, o.learnRate, prior, h.practised) : null;
  const goalPath = goal ? cur.graph.prerequisiteClosure(goal, 12) : new Set<string>();
  const start = l.known.size;
  const curve = [0];
  const recs: Array<{ step: number; readyNew: boolean; known: boolean; jump: number }> = [];
  const diag: DiagRecord[] = [];
  const knownAtStart = new Set(l.known);
  let answered = 0;
  let stuck = false;
  /** Items tried per concept in this session. */
  const tried = new Map<string, number>();
  /** Concepts whose every item was tried in this session: the server knows them (recent items). */
  const usedUp = new Set<string>();
  for (let step = 0; step < o.answers; step++) {
    if (goal && l.known.has(goal)) break;
    const chosen: Shown[] = oracle ? oracle.list(LIST_LENGTH) : strategy === "oracle-truth" ? truthOracle(cur, l, LIST_LENGTH) : recommendOnce(cur, levels, params, state, now, strategy, goalPath, LIST_LENGTH, usedUp);
    if (chosen.length === 0) {
      stuck = true;
      break;
    }
    const top = chosen.slice(0, 5);
    const available = diagnose ? cur.order.filter((c) => !l.known.has(c) && trulyReady(cur, l, c)).length : 0;
    top.forEach(({ pick }, pos) => {
      const c = pick.conceptId;
      const known = l.known.has(c);
      const ready = trulyReady(cur, l, c);
      const strand = cur.strandOf.get(c) ?? 0;
      recs.push({ step, readyNew: !known && ready, known, jump: (cur.trueLevel.get(c) ?? 0) - frontierLevel(cur, l, strand) });
      if (!diagnose) return;
      const cause: Cause = known
        ? pick.kind === "REVIEW"
          ? "known:review"
          : !knownAtStart.has(c)
            ? "known:learned-this-session"
            : state.concepts[c]
              ? "known:practised"
              : "known:no-history"
        : ready
          ? "ready-new"
          : (cur.graph.concept(c)?.prerequisites ?? []).every((p) => l.known.has(p.id))
            ? "not-ready:missing-edge"
            : "not-ready:map-prereq";
      diag.push({ step, pos, kind: pick.kind, part: pick.part, cause, root: cur.graph.concept(c)?.root ?? false, available,
        knownAtStart: knownAtStart.size,
        listLength: top.length,
        jump: (cur.trueLevel.get(c) ?? 0) - frontierLevel(cur, l, strand),
        exhausted: (tried.get(c) ?? 0) >= ITEMS_PER_CONCEPT,
        attempts: state.concepts[c]?.attempts ?? 0,
        struggling: (state.concepts[c]?.attempts ?? 0) >= THRESHOLDS.struggleAttempts && (state.concepts[c]?.recent ?? 1) < THRESHOLDS.struggleRecent,
      });
    });
    const next = chosen.find(({ pick }) => (tried.get(pick.conceptId) ?? 0) < ITEMS_PER_CONCEPT);
    if (!next) {
      stuck = true;
      break;
    }
    const c = next.pick.conceptId;
    const k = tried.get(c) ?? 0;
    tried.set(c, k + 1);
    if (k + 1 >= ITEMS_PER_CONCEPT) usedUp.add(c);
    const correct = l.r() < (l.known.has(c) ? 1 - l.slip : l.guess) ? 1 : 0;
    state = answerOne(params, state, c, `${c}-q${k}`, correct, (now += 60_000), lookup, log);
    oracle?.answered(c, correct === 1);
    if (!l.known.has(c) && trulyReady(cur, l, c) && l.r() < o.learnRate) l.known.add(c);
    answered++;
    curve.push(l.known.size - start);
  }
  while (curve.length <= o.answers) curve.push(l.known.size - start);
  return { recs, diag, answered, learned: l.known.size - start, curve, stuck, reachedGoal: goal !== null && l.known.has(goal), implication: { start: atStart, end: implicationNow(cur, l, params, state, now) } };
}

/** How many levels above the learner's frontier in its strand a goal is set. */
export const GOAL_LEVELS_UP = 2;

/** A goal a few levels above where the learner stands, in a linked strand. */
function goalFor(cur: SimCurriculum, o: EvalOptions, seed: number): string {
  const l = makeLearner(cur, o, seed);
  const strand = Math.floor(l.r() * cur.linked);
  const level = Math.min(o.levels - 1, frontierLevel(cur, l, strand) + GOAL_LEVELS_UP);
  return `s${strand}-l${level}-${Math.floor(l.r() * o.perLevel)}`;
}

/** Seeds of the earlier cohort the fitted model learns from (never evaluated). */
const FIT_COHORT_SEED = 300_000;

/**
 * `model: "fitted"`: an earlier cohort (o.learners learners, seeds not evaluated) uses the
 * default model with `balanced` (the API's default); kt fit on all their answers (histories and sessions) gives the
 * model the evaluated cohort is ranked with.
 */
export function fitOnCohort(cur: SimCurriculum, o: EvalOptions, onProgress?: (message: string) => void): { params: ModelParams; answers: number; learners: number } {
  const params = defaultModelParams();
  const levels = conceptLevels(cur.graph, params);
  const events: LearnerAttemptEvent[] = [];
  for (let i = 0; i < o.learners; i++) {
    const seed = o.seed * 100_003 + FIT_COHORT_SEED + i;
    run(cur, levels, params, o, "balanced", seed, null, false, new Map(), { learnerId: `cohort-${i}`, events });
  }
  onProgress?.(`fitting on ${events.length} answers of an earlier cohort of ${o.learners} learners`);
  return { params: fit(events).params, answers: events.length, learners: o.learners };
}

export function evaluateRecommendations(o: EvalOptions = DEFAULT_EVAL, given?: ModelParams, onProgress?: (message: string) => void): { curriculum: { concepts: number; entryPoints: number; entryLevels: number[] }; model: { kind: "default" | "fitted" | "given"; answers?: number; learners?: number }; results: StrategyResult[] } {
  const cur = generateCurriculum(o, rng(o.seed));
  const fitted = given === undefined && o.model === "fitted" ? fitOnCohort(cur, o, onProgress) : null;
  const params = given ?? fitted?.params ?? defaultModelParams();
  const model = given ? { kind: "given" as const } : fitted ? { kind: "fitted" as const, answers: fitted.answers, learners: fitted.learners } : { kind: "default" as const };
  const levels = conceptLevels(cur.graph, params);
  const prior = o.strategies.includes("oracle-evidence") ? populationPrior(cur, o) : new Map<string, number>();
  const results = o.strategies.map((strategy) => {
    let n = 0;
    let readyNew = 0;
    let known = 0;
    let jump = 0;
    let small = 0;
    let answers = 0;
    let learned = 0;
    let stuck = 0;
    let reached = 0;
    let toGoal = 0;
    const curve = Array.from({ length: o.answers + 1 }, () => 0);
    const diagnosis: DiagRecord[] = [];
    const blocks = Math.ceil(o.answers / 10);
    const blockN = Array.from({ length: blocks }, () => 0);
    const blockReady = Array.from({ length: blocks }, () => 0);
    const implication = { start: { impliedMastered: 0, hiddenUnknown: 0, unknown: 0 }, end: { impliedMastered: 0, hiddenUnknown: 0, unknown: 0 } };
    for (let i = 0; i < o.learners; i++) {
      const seed = o.seed * 100_003 + i;
      const out = run(cur, levels, params, o, strategy, seed, null, o.diagnose === true, prior);
      diagnosis.push(...out.diag);
      for (const when of ["start", "end"] as const) for (const k of ["impliedMastered", "hiddenUnknown", "unknown"] as const) implication[when][k] += out.implication[when][k] / o.learners;
      for (const r of out.recs) {
        n++;
        if (r.readyNew) readyNew++;
        if (r.known) known++;
        jump += r.jump;
        if (r.jump <= 1) small++;
        const b = Math.floor(r.step / 10);
        blockN[b] = (blockN[b] ?? 0) + 1;
        if (r.readyNew) blockReady[b] = (blockReady[b] ?? 0) + 1;
      }
      answers += out.answered;
      learned += out.learned;
      if (out.stuck) stuck++;
      out.curve.forEach((v, k) => (curve[k] = (curve[k] ?? 0) + v / o.learners));
      const goal = goalFor(cur, o, seed);
      const g = run(cur, levels, params, o, strategy, seed, goal, false, prior);
      if (g.reachedGoal) {
        reached++;
        toGoal += g.answered;
      }
    }
    return {
      strategy,
      recommendations: n,
      readyNew: n ? readyNew / n : 0,
      known: n ? known / n : 0,
      meanJump: n ? jump / n : 0,
      jumpAtMostOne: n ? small / n : 0,
      answers,
      learnedPer100: answers ? (100 * learned) / answers : 0,
      stuck,
      goalReached: reached / o.learners,
      answersToGoal: reached ? toGoal / reached : 0,
      learnedCurve: curve,
      readyNewCurve: blockN.map((m, b) => (m ? (blockReady[b] ?? 0) / m : 0)),
      implication,
      ...(o.diagnose ? { diagnosis: { records: diagnosis } } : {}),
    };
  });
  const rootLevels = cur.graph.roots.map((r) => cur.trueLevel.get(r.id) ?? 0);
  return {
    curriculum: { concepts: cur.graph.size, entryPoints: cur.graph.roots.length, entryLevels: Array.from({ length: o.levels }, (_, l) => rootLevels.filter((x) => x === l).length) },
    model,
    results,
  };
}
