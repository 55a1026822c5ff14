/**
 * Frontier knowledge-tracing model: per-concept Bayesian Knowledge Tracing (BKT) with forgetting,
 * combined with an online (Elo-style) learner ability, a per-item difficulty and a recent-success
 * term in one readable logistic equation.
 *
 * Everything in this file is a pure function of its arguments (no I/O, no clocks, no randomness,
 * no mutation of inputs). Conventions used throughout:
 *  - probabilities are numbers in [0, 1];
 *  - "logit" quantities (ability, difficulty, weights' outputs) are in natural-log odds units;
 *  - times are epoch milliseconds, durations are milliseconds;
 *  - every weight is a named object field (never a positional array).
 *
 * Prediction (item i with concept set C, learner u at time t):
 *
 *   m_c        = effective mastery of concept c at t (stored mastery times retention, see forgetting)
 *   M          = Π_c m_c                         (conjunctive: all concepts needed)
 *   Q          = Π_c (1 − pS_c)                  (any slip breaks the answer)
 *   Ĝ          = mean_c pG_c                     (guess of the item)
 *   P_BKT      = M·Q + (1 − M)·Ĝ                 (for one concept: m(1−pS) + (1−m)pG, textbook BKT)
 *   r̄          = mean of recent-success rates r_c of the concepts already practised (absent → term 0)
 *   logit P    = bias + w_mastery·logit(P_BKT) + θ_u − b_i + w_recent·logit(r̄) + w_practice·ln(1 + n_u)
 *   (w_practice is an optional extra, 0 unless fitted; n_u = learner's earlier answered attempts)
 *
 * Update with score s ∈ [0,1] (1 = correct, 0 = wrong, fractions = partial credit):
 *   posterior  m_c|s = s·P(L_c | correct) + (1−s)·P(L_c | wrong)    (soft evidence, Jeffrey's rule)
 *   with exact per-concept likelihoods under the conjunctive model:
 *     P(correct | L_c = 1) = M_{−c}·Q + (1 − M_{−c})·Ĝ,  P(correct | L_c = 0) = Ĝ,  M_{−c} = Π_{d≠c} m_d
 *   transition m_c' = posterior·(1 − pF_c) + (1 − posterior)·pT_c,u, clamped to the guard range
 *              (pT_c,u = sigmoid(logit pT_c + w_learnAbility·θ_u); optional extra, = pT_c when the weight is 0)
 *   recent     r_c' = (1 − λ)·r_c + λ·s                          (r_c starts at 0.5)
 *   ability    θ'   = θ + K_n·(s − P),  K_n = kMin + k0 / (1 + kDecay·n)  (n = learner's earlier attempts)
 * Before a prediction, a concept's stored mastery is multiplied by its retention since the last practice
 * (clock time half-life and interleaving, see retention()); a never-practised concept starts at
 * m0 = sigmoid(logit(pL0_c) + w_priorAbility·θ_u).
 *
 * @module
 */

/** Parameters of one concept's BKT (all probabilities in [0, 1]). */
export interface ConceptParams {
  /** P(L0): probability the concept is already known before its first practice, for a learner of
   * average ability (θ = 0). Range [0, 1]. */
  pL0: number;
  /** P(T): probability of moving from "unknown" to "known" at one practice opportunity. Range [0, 1]. */
  pT: number;
  /** P(G): probability of answering correctly while not knowing the concept. Range [0, guards.maxGuess], maxGuess < 0.5. */
  pG: number;
  /** P(S): probability of answering wrongly while knowing the concept. Range [0, guards.maxSlip], maxSlip < 0.5. */
  pS: number;
  /** P(F): probability of moving from "known" to "unknown" at one practice opportunity
   * (per-opportunity forgetting of BKT+F; captures interference / recency). Range [0, 1]. */
  pF: number;
}

/** The few global weights of the final logistic combination. */
export interface ModelWeights {
  /** w_mastery: multiplier of logit(P_BKT) in the final logit (dimensionless, normally 0..2). */
  mastery: number;
  /** w_recent: multiplier of logit(recent success rate on the item's concepts) (dimensionless). */
  recent: number;
  /** w_priorAbility: logits added to logit(pL0) per logit of learner ability when a concept is first
   * met, i.e. the learner's prior mastery is tied to their ability (dimensionless). */
  priorAbility: number;
  /** bias: constant added to the final logit (logits). */
  bias: number;
  /** w_practice: logits per unit of ln(1 + n), n = the learner's earlier answered attempts (overall practice effect). */
  practice: number;
  /** w_learnAbility: learning probability is individualised by ability, pT_u = sigmoid(logit(pT) + w_learnAbility·θ). */
  learnAbility: number;
}

/** Online (Elo-style) learner-ability update. θ is in logits and starts at 0. */
export interface AbilityParams {
  /** K0: step size of the ability update at the learner's first attempt (logits per unit of residual s − P). ≥ 0. */
  k0: number;
  /** kDecay: K_n = kMin + k0 / (1 + kDecay·n) where n is the number of earlier attempts (per attempt). ≥ 0. */
  kDecay: number;
  /** kMin: floor of the step size so that ability keeps tracking slow drifts (logits per unit residual). ≥ 0. */
  kMin: number;
  /** |θ| is clamped to this value (logits). */
  maxAbs: number;
}

/** Clock-time and interleaving forgetting applied between two practices of the same concept. */
export interface ForgettingParams {
  /** Half-life (ms) of mastery while a concept is not practised: retention_time = 2^(−max(0, Δt − graceMs)/halfLifeMs).
   * A value ≤ 0 disables clock-time forgetting (JSON has no Infinity). */
  halfLifeMs: number;
  /** Elapsed time (ms) below which no clock-time forgetting happens (a practice session). ≥ 0. */
  graceMs: number;
  /** Probability of forgetting per event on OTHER concepts in between (interleaving), in [0, 1):
   * retention_interleave = (1 − perInterleavedEvent)^k for k intervening events. */
  perInterleavedEvent: number;
}

/** Recent-success (PFA/R-PFA-like) term. */
export interface RecencyParams {
  /** λ: weight of the newest score in the exponentially-weighted recent success rate, in (0, 1]. */
  rate: number;
  /** r̄ is clamped to [floor, 1 − floor] before the logit, floor in (0, 0.5). */
  floor: number;
}

/** Guard rails, enforced by fit.ts and by update(). */
export interface GuardParams {
  /** Upper bound of pG (must be < 0.5). */
  maxGuess: number;
  /** Upper bound of pS (must be < 0.5). */
  maxSlip: number;
  /** Lower clamp of any stored mastery, in [0, 1). */
  minMastery: number;
  /** Upper clamp of any stored mastery, in (0, 1]: mastery never reaches certainty, so evidence can always move it. */
  maxMastery: number;
}

/** How CONTENT_VIEW events (watching / reading content) are treated: a learning opportunity, never evidence. */
export interface ContentViewParams {
  /** Fraction of a practice opportunity's learning (pT) granted by a fully watched content item, in [0, 1].
   * Not identifiable from answer data; fixed a priori. */
  learnWeight: number;
}

/**
 * How an answer to an item that assesses several concepts is predicted and credited:
 *  - 'conjunctive' (default): all concepts needed, P = M·Q + (1 − M)·Ĝ with M = Π m_c, Q = Π (1 − pS_c),
 *    Ĝ = mean pG_c; each concept updated with its exact likelihood under that model.
 *  - 'product': each concept answered by its own BKT emission and all must succeed (noisy-AND),
 *    P = Π_c P_c with P_c = m_c(1 − pS_c) + (1 − m_c)pG_c; exact posteriors under that model.
 *  - 'independent': P = mean_c P_c and every concept is updated as if the answer were on it alone
 *    (full credit and blame to each, which is what the multi-row release format implies).
 */
export type CreditRule = 'conjunctive' | 'product' | 'independent';

/** All parameters of the model; JSON-serialisable. */
export interface ModelParams {
  version: 1;
  /** Per-concept BKT parameters, keyed by conceptId. */
  concepts: Record<string, ConceptParams>;
  /** Used for concepts absent from `concepts` (e.g. new content). */
  defaultConcept: ConceptParams;
  /** Per-item difficulty b_i in logits (higher = harder). Items absent here get the mean of their concepts'
   * `conceptDifficulty` (0 without it). */
  itemDifficulty: Record<string, number>;
  /** Optional: per-concept mean item difficulty μ_c in logits, the centre toward which fitting shrinks the
   * difficulty of rarely answered items, and the difficulty predicted for an item never answered. */
  conceptDifficulty?: Record<string, number>;
  /** Optional: the credit rule of multi-concept items (absent = 'conjunctive'). */
  credit?: CreditRule;
  weights: ModelWeights;
  ability: AbilityParams;
  forgetting: ForgettingParams;
  recency: RecencyParams;
  guards: GuardParams;
  contentView: ContentViewParams;
}

/** What the model remembers about one learner and one concept. */
export interface ConceptState {
  /** Mastery P(known) right after the last update (before any later forgetting), in [0, 1]. */
  mastery: number;
  /** Number of answered attempts on this concept. */
  attempts: number;
  /** Exponentially weighted recent score on this concept, in [0, 1] (starts at 0.5). */
  recent: number;
  /** Epoch ms of the last practice (answer or content view) of this concept. */
  lastPracticedAt: number;
  /** The learner's event counter (LearnerState.events) at that last practice. */
  lastPracticedIndex: number;
  /**
   * Set when the mastery comes from implied evidence only (success on a dependent concept, see
   * implied.ts): the concept whose answer implied it. Absent once the concept has direct evidence.
   */
  impliedBy?: string;
}

/** What the model remembers about one learner. */
export interface LearnerState {
  /** θ: ability in logits (0 = average learner of the fitted population). */
  ability: number;
  /** Number of answered attempts (drives the Elo step size). */
  attempts: number;
  /** Number of events processed (answers and content views); used to count interleaving. */
  events: number;
  /** Per-concept state, keyed by conceptId; concepts never met are absent. */
  concepts: Readonly<Record<string, ConceptState>>;
}

/** An item to predict: its id and the concepts it exercises (at least one). */
export interface ItemRef {
  itemId: string;
  conceptIds: readonly string[];
}

/** An answer event. */
export interface AttemptEvent extends ItemRef {
  /** Score in [0, 1] (1 = fully correct; fractions are partial credit). */
  score: number;
  /** Epoch ms when the answer happened. */
  occurredAt: number;
}

/** An answer event of a known learner (input of fitting, replay and evaluation). */
export interface LearnerAttemptEvent extends AttemptEvent {
  learnerId: string;
}

/** One concept's contribution to a prediction. */
export interface ConceptContribution {
  conceptId: string;
  /** True when the learner had never practised this concept (mastery = ability-tied prior). */
  isNew: boolean;
  /** Stored mastery before forgetting, in [0, 1]. */
  storedMastery: number;
  /** Retention factor since last practice, in [0, 1] (1 for new concepts). */
  retention: number;
  /** Effective mastery used for the prediction = storedMastery·retention (clamped), in [0, 1]. */
  mastery: number;
  /** Recent success rate r_c, in [0, 1] (0.5 if never practised). */
  recent: number;
  /** This concept's own BKT P(correct) = m(1−pS) + (1−m)pG, in [0, 1]. */
  pCorrectAlone: number;
}

/** Additive terms of the final logit (sum of terms = logit). */
export interface LogitTerms {
  /** bias */
  bias: number;
  /** w_mastery · logit(P_BKT) */
  mastery: number;
  /** θ (learner ability) */
  ability: number;
  /** −b_i (minus item difficulty) */
  difficulty: number;
  /** w_recent · logit(r̄), 0 if none of the concepts was practised before */
  recent: number;
  /** w_practice · ln(1 + n) */
  practice: number;
}

/** A prediction with its explanation. */
export interface Prediction {
  /** P(correct) in [0, 1]. */
  p: number;
  /** logit(P(correct)). */
  logit: number;
  /** P_BKT(correct) of the item from mastery alone, in [0, 1]. */
  pBkt: number;
  terms: LogitTerms;
  concepts: ConceptContribution[];
}

/** One concept's change in an update. */
export interface ConceptUpdate {
  conceptId: string;
  /** Effective mastery used for the prediction (after forgetting). */
  masteryBefore: number;
  /** Posterior P(known | evidence) before the learning/forgetting transition. */
  masteryPosterior: number;
  /** Stored mastery after transition and clamping. */
  masteryAfter: number;
  /** Likelihood ratio P(correct | known)/P(correct | unknown) of this concept for this item (≥ 1 means a correct
   * answer is evidence of knowing); near 1 when other concepts of the item are weak (little credit or blame). */
  evidenceRatio: number;
}

/** Result of update(): new state plus an explanation. */
export interface UpdateResult {
  state: LearnerState;
  /** The prediction made before seeing the score (what an online evaluation scores). */
  prediction: Prediction;
  concepts: ConceptUpdate[];
  ability: { before: number; after: number; step: number; residual: number };
}

// ---------------------------------------------------------------------------------------------
// Small numeric helpers
// ---------------------------------------------------------------------------------------------

/** Logistic function, R → (0, 1). */
export function sigmoid(z: number): number {
  if (z >= 0) {
    const e = Math.exp(-z);
    return 1 / (1 + e);
  }
  const e = Math.exp(z);
  return e / (1 + e);
}

/** logit(p) = ln(p/(1−p)); p is clamped to [1e-9, 1 − 1e-9] first. */
export function logit(p: number): number {
  const q = clamp(p, 1e-9, 1 - 1e-9);
  return Math.log(q / (1 - q));
}

/** Clamp x into [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

// ---------------------------------------------------------------------------------------------
// Defaults
// ---------------------------------------------------------------------------------------------

/** Default guard rails: guess and slip strictly below 0.5, mastery never exactly 0 or 1. */
export const DEFAULT_GUARDS: GuardParams = { maxGuess: 0.4, maxSlip: 0.4, minMastery: 1e-4, maxMastery: 0.9999 };

/** A neutral starting point for a concept nobody has fitted yet. */
export const DEFAULT_CONCEPT: ConceptParams = { pL0: 0.5, pT: 0.1, pG: 0.2, pS: 0.1, pF: 0.02 };

/** Default global parameters (fit.ts overwrites the fitted ones). */
export function defaultModelParams(): ModelParams {
  return {
    version: 1,
    concepts: {},
    defaultConcept: { ...DEFAULT_CONCEPT },
    itemDifficulty: {},
    weights: { mastery: 1, recent: 0, priorAbility: 0, bias: 0, practice: 0, learnAbility: 0 },
    ability: { k0: 0, kDecay: 0, kMin: 0, maxAbs: 4 },
    forgetting: { halfLifeMs: 30 * 24 * 3600 * 1000, graceMs: 3600 * 1000, perInterleavedEvent: 0 },
    recency: { rate: 0.4, floor: 0.02 },
    guards: { ...DEFAULT_GUARDS },
    contentView: { learnWeight: 0.1 },
  };
}

/** The empty state of a learner nobody has seen yet. */
export function initialLearnerState(): LearnerState {
  return { ability: 0, attempts: 0, events: 0, concepts: {} };
}

/**
 * A learner's model state as the graph stores it: the scalars on the Learner node and one row per
 * MASTERY edge, `[conceptId, mastery, attempts, recent, lastPracticedMs, lastPracticedIndex, impliedBy]`
 * (impliedBy: null for direct evidence).
 * Every query that needs the state returns it in this shape (see cypher/mastery/learner-snapshots.cypher;
 * test/unit/neo4j/state-projection.test.ts checks that they all project it alike).
 */
export interface StoredLearnerState {
  ability: number | null;
  attempts: number | null;
  events: number | null;
  concepts: ReadonlyArray<readonly [string, number, number, number, number, number, ...unknown[]]> | null;
}

/** The model state from its stored form (the initial state for a learner with none). */
export function learnerStateFrom(stored: StoredLearnerState | null | undefined): LearnerState {
  if (!stored) return initialLearnerState();
  const concepts: Record<string, ConceptState> = {};
  for (const [id, mastery, attempts, recent, lastPracticedAt, lastPracticedIndex, impliedBy] of stored.concepts ?? []) {
    concepts[id] = typeof impliedBy === "string" ? { mastery, attempts, recent, lastPracticedAt, lastPracticedIndex, impliedBy } : { mastery, attempts, recent, lastPracticedAt, lastPracticedIndex };
  }
  return { ability: stored.ability ?? 0, attempts: stored.attempts ?? 0, events: stored.events ?? 0, concepts };
}

/** Parameters of a concept (fitted, or the default for unknown concepts). */
export function conceptParamsFor(params: ModelParams, conceptId: string): ConceptParams {
  return params.concepts[conceptId] ?? params.defaultConcept;
}

/**
 * Difficulty b_i (logits) of an item: its fitted difficulty, else the mean of its concepts' mean difficulty
 * (`conceptDifficulty`, concepts without one count as 0), else 0.
 */
export function itemDifficultyFor(params: ModelParams, itemId: string, conceptIds: readonly string[] = []): number {
  const b = params.itemDifficulty[itemId];
  if (b !== undefined) return b;
  const cd = params.conceptDifficulty;
  if (!cd || conceptIds.length === 0) return 0;
  let s = 0;
  for (const c of conceptIds) s += cd[c] ?? 0;
  return s / conceptIds.length;
}

/**
 * The difficulty (logits) the server uses for an item: the fitted one (`itemDifficulty`), else
 * the one the designer set (`designer`; null or undefined when none was set, which is not the
 * same as 0), else the mean of its concepts' mean difficulty as in `itemDifficultyFor`, else 0.
 */
export function effectiveItemDifficulty(params: ModelParams, itemId: string, designer: number | null | undefined, conceptIds: readonly string[]): number {
  const fitted = params.itemDifficulty[itemId];
  if (fitted !== undefined) return fitted;
  if (designer !== null && designer !== undefined) return designer;
  return itemDifficultyFor(params, itemId, conceptIds);
}

// ---------------------------------------------------------------------------------------------
// Forgetting and priors
// ---------------------------------------------------------------------------------------------

/**
 * Retention between two practices of a concept (probability that a known concept is still known),
 * from clock time and interleaving. The per-opportunity forgetting pF is applied separately in
 * the BKT transition after each answer (see bktTransition).
 *
 *   retention = 2^(−max(0, elapsedMs − graceMs)/halfLifeMs) · (1 − perInterleavedEvent)^interleavedEvents
 *
 * @param elapsedMs time since the last practice of the concept, ms (negative values count as 0)
 * @param interleavedEvents number of events on other concepts since that practice (≥ 0)
 * @returns retention in [0, 1]
 */
export function retention(forgetting: ForgettingParams, elapsedMs: number, interleavedEvents: number): number {
  const dt = Math.max(0, elapsedMs - forgetting.graceMs);
  const timePart = forgetting.halfLifeMs > 0 && Number.isFinite(forgetting.halfLifeMs) ? Math.pow(2, -dt / forgetting.halfLifeMs) : 1;
  const k = Math.max(0, interleavedEvents);
  const interleavePart = k > 0 && forgetting.perInterleavedEvent > 0 ? Math.pow(1 - forgetting.perInterleavedEvent, k) : 1;
  return timePart * interleavePart;
}

/**
 * Probability of having forgotten a known concept since it was last practised: 1 − retention(...).
 * @param elapsedMs ms since the last practice; @param interleavedEvents events on other concepts since then.
 * @returns P(forget) in [0, 1]
 */
export function forgetProbability(forgetting: ForgettingParams, elapsedMs: number, interleavedEvents: number): number {
  return 1 - retention(forgetting, elapsedMs, interleavedEvents);
}

/**
 * Prior mastery of a concept the learner has never practised, tied to ability:
 *   m0 = sigmoid(logit(pL0) + w_priorAbility · θ), clamped to the guard range.
 */
export function priorMastery(params: ModelParams, cp: ConceptParams, ability: number): number {
  return clamp(sigmoid(logit(cp.pL0) + params.weights.priorAbility * ability), params.guards.minMastery, params.guards.maxMastery);
}

/** Effective mastery of a concept for a learner at time `atMs` (after forgetting), with its parts. */
export function effectiveMastery(
  params: ModelParams,
  learner: LearnerState,
  conceptId: string,
  atMs: number,
): { mastery: number; stored: number; retention: number; isNew: boolean; recent: number; attempts: number } {
  const cs = learner.concepts[conceptId];
  if (cs === undefined) {
    const m = priorMastery(params, conceptParamsFor(params, conceptId), learner.ability);
    return { mastery: m, stored: m, retention: 1, isNew: true, recent: 0.5, attempts: 0 };
  }
  const ret = retention(params.forgetting, atMs - cs.lastPracticedAt, learner.events - cs.lastPracticedIndex - 1);
  const m = clamp(cs.mastery * ret, params.guards.minMastery, params.guards.maxMastery);
  return { mastery: m, stored: cs.mastery, retention: ret, isNew: false, recent: cs.recent, attempts: cs.attempts };
}

// ---------------------------------------------------------------------------------------------
// BKT pieces (shared by the online model and the fitting code)
// ---------------------------------------------------------------------------------------------

/** Item-level emission parameters of the conjunctive combination of several concepts. */
export interface ItemEmission {
  /** Q = Π_c (1 − pS_c): probability of no slip when every concept is known. */
  noSlip: number;
  /** Ĝ = mean_c pG_c: probability of a correct answer when some concept is unknown. */
  guess: number;
}

/** Q and Ĝ of an item from its concepts' parameters (one concept: Q = 1 − pS, Ĝ = pG). */
export function itemEmission(cps: readonly ConceptParams[]): ItemEmission {
  let noSlip = 1;
  let g = 0;
  for (const cp of cps) {
    noSlip *= 1 - cp.pS;
    g += cp.pG;
  }
  return { noSlip, guess: cps.length > 0 ? g / cps.length : 0 };
}

/** P_BKT(correct) = M·Q + (1 − M)·Ĝ with M = Π masteries. */
export function bktCorrect(masteries: readonly number[], em: ItemEmission): number {
  let m = 1;
  for (const x of masteries) m *= x;
  return m * em.noSlip + (1 - m) * em.guess;
}

/**
 * Exact posterior P(L_c = 1 | score) of one concept under the conjunctive model, with soft evidence.
 * @param mastery m_c before the answer, in [0,1]
 * @param othersMastery M_{−c} = product of the item's other concepts' masteries (1 for single-concept items)
 * @param score s in [0,1]
 * @returns posterior and the likelihood ratio P(correct|known)/P(correct|unknown)
 */
export function conceptPosterior(
  mastery: number,
  othersMastery: number,
  em: ItemEmission,
  score: number,
): { posterior: number; evidenceRatio: number } {
  const pc1 = othersMastery * em.noSlip + (1 - othersMastery) * em.guess; // P(correct | L_c = 1)
  const pc0 = em.guess; // P(correct | L_c = 0)
  const pCorrect = mastery * pc1 + (1 - mastery) * pc0;
  const postCorrect = pCorrect > 0 ? (mastery * pc1) / pCorrect : mastery;
  const pWrong = 1 - pCorrect;
  const postWrong = pWrong > 0 ? (mastery * (1 - pc1)) / pWrong : mastery;
  const s = clamp(score, 0, 1);
  return { posterior: s * postCorrect + (1 - s) * postWrong, evidenceRatio: pc0 > 0 ? pc1 / pc0 : Number.POSITIVE_INFINITY };
}

/** BKT transition after a practice opportunity: m' = post·(1 − pF) + (1 − post)·pT (pT possibly individualised). */
export function bktTransition(posterior: number, cp: ConceptParams, pT: number = cp.pT): number {
  return posterior * (1 - cp.pF) + (1 - posterior) * pT;
}

/**
 * P_BKT(correct) of an item under a credit rule, from its concepts' effective masteries and their guess
 * and slip probabilities (all in [0, 1], same order, n ≥ 1 entries).
 */
export function creditCorrect(rule: CreditRule, masteries: ArrayLike<number>, guess: ArrayLike<number>, slip: ArrayLike<number>, n: number): number {
  if (rule === 'conjunctive') {
    let m = 1;
    let q = 1;
    let g = 0;
    for (let k = 0; k < n; k++) {
      m *= masteries[k]!;
      q *= 1 - slip[k]!;
      g += guess[k]!;
    }
    return m * q + (1 - m) * (g / n);
  }
  let prod = 1;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const pk = masteries[k]! * (1 - slip[k]!) + (1 - masteries[k]!) * guess[k]!;
    prod *= pk;
    sum += pk;
  }
  return rule === 'product' ? prod : sum / n;
}

/**
 * Posterior P(L_j = 1 | score) of the item's j-th concept under a credit rule (soft evidence for partial
 * credit), with the likelihood ratio P(correct | known)/P(correct | unknown) of that concept.
 */
export function creditPosterior(
  rule: CreditRule,
  j: number,
  masteries: ArrayLike<number>,
  guess: ArrayLike<number>,
  slip: ArrayLike<number>,
  n: number,
  score: number,
): { posterior: number; evidenceRatio: number } {
  const m = masteries[j]!;
  if (rule === 'conjunctive') {
    let others = 1;
    let q = 1;
    let g = 0;
    for (let k = 0; k < n; k++) {
      if (k !== j) others *= masteries[k]!;
      q *= 1 - slip[k]!;
      g += guess[k]!;
    }
    return conceptPosterior(m, others, { noSlip: q, guess: g / n }, score);
  }
  let rest = 1; // Π_{k≠j} P_k (product rule); 1 for the independent rule
  if (rule === 'product') {
    for (let k = 0; k < n; k++) if (k !== j) rest *= masteries[k]! * (1 - slip[k]!) + (1 - masteries[k]!) * guess[k]!;
  }
  const pc1 = (1 - slip[j]!) * rest;
  const pc0 = guess[j]! * rest;
  const pCorrect = m * pc1 + (1 - m) * pc0;
  const postCorrect = pCorrect > 0 ? (m * pc1) / pCorrect : m;
  const pWrong = 1 - pCorrect;
  const postWrong = pWrong > 0 ? (m * (1 - pc1)) / pWrong : m;
  const s = clamp(score, 0, 1);
  return { posterior: s * postCorrect + (1 - s) * postWrong, evidenceRatio: pc0 > 0 ? pc1 / pc0 : Number.POSITIVE_INFINITY };
}

/** Elo step size K_n = kMin + k0/(1 + kDecay·n) for a learner with n earlier attempts. */
export function abilityStep(ab: AbilityParams, attempts: number): number {
  return ab.kMin + ab.k0 / (1 + ab.kDecay * attempts);
}

/** Learning probability individualised by ability: sigmoid(logit(pT) + w_learnAbility·θ) (= pT when the weight is 0). */
export function learnProbability(params: ModelParams, cp: ConceptParams, ability: number): number {
  const w = params.weights.learnAbility;
  return w === 0 ? cp.pT : sigmoid(logit(cp.pT) + w * ability);
}

/** The recency part of the logit: w_recent · logit(clamp(r̄)), 0 when no concept was practised. */
export function recentTerm(params: ModelParams, recents: readonly number[]): number {
  if (recents.length === 0 || params.weights.recent === 0) return 0;
  let s = 0;
  for (const r of recents) s += r;
  const f = params.recency.floor;
  return params.weights.recent * logit(clamp(s / recents.length, f, 1 - f));
}

/** Practice term w_practice·ln(1 + n) for a learner with n earlier answered attempts. */
export function practiceTerm(params: ModelParams, attempts: number): number {
  return params.weights.practice === 0 ? 0 : params.weights.practice * Math.log1p(attempts);
}

/** The terms of the final logit: bias + w_mastery·logit(P_BKT) + θ − b + recent + practice. */
export function combineLogit(params: ModelParams, pBkt: number, ability: number, difficulty: number, recent: number, practice: number): LogitTerms {
  return { bias: params.weights.bias, mastery: params.weights.mastery * logit(pBkt), ability, difficulty: -difficulty, recent, practice };
}

/** Sum of the logit terms (fixed order, shared with the fitting code). */
export function sumTerms(t: LogitTerms): number {
  return t.bias + t.mastery + t.ability + t.difficulty + t.recent + t.practice;
}

function uniqueConcepts(ids: readonly string[]): string[] {
  return ids.length <= 1 ? [...ids] : [...new Set(ids)];
}

// ---------------------------------------------------------------------------------------------
// Public online API
// ---------------------------------------------------------------------------------------------

/**
 * Probability that `learner` answers `item` correctly at time `atMs` (epoch ms), with a breakdown
 * of the contributing factors. Pure: the state is not changed.
 */
export function predictCorrect(params: ModelParams, learner: LearnerState, item: ItemRef, atMs: number): Prediction {
  const ids = uniqueConcepts(item.conceptIds);
  const cps: ConceptParams[] = [];
  const contributions: ConceptContribution[] = [];
  const masteries: number[] = [];
  const recents: number[] = [];
  for (const id of ids) {
    const cp = conceptParamsFor(params, id);
    const em = effectiveMastery(params, learner, id, atMs);
    cps.push(cp);
    masteries.push(em.mastery);
    if (em.attempts > 0) recents.push(em.recent);
    contributions.push({
      conceptId: id,
      isNew: em.isNew,
      storedMastery: em.stored,
      retention: em.retention,
      mastery: em.mastery,
      recent: em.recent,
      pCorrectAlone: em.mastery * (1 - cp.pS) + (1 - em.mastery) * cp.pG,
    });
  }
  const rule = params.credit ?? 'conjunctive';
  const pBkt =
    ids.length === 0
      ? 0.5
      : rule === 'conjunctive'
        ? bktCorrect(masteries, itemEmission(cps))
        : creditCorrect(rule, masteries, cps.map((c) => c.pG), cps.map((c) => c.pS), ids.length);
  const terms = combineLogit(params, pBkt, learner.ability, itemDifficultyFor(params, item.itemId, ids), recentTerm(params, recents), practiceTerm(params, learner.attempts));
  const z = sumTerms(terms);
  return { p: sigmoid(z), logit: z, pBkt, terms, concepts: contributions };
}

/**
 * Process one answer: predict it from the state before the answer, then update mastery of every concept of the
 * item (exact conjunctive-model credit/blame, soft evidence for partial credit), the recent-success rates and
 * the learner ability. Returns the new state (the input is not mutated) and an explanation.
 */
export function update(params: ModelParams, learner: LearnerState, event: AttemptEvent): UpdateResult {
  const prediction = predictCorrect(params, learner, event, event.occurredAt);
  const s = clamp(Number.isFinite(event.score) ? event.score : 0, 0, 1);
  const ids = prediction.concepts.map((c) => c.conceptId);
  const cps = ids.map((id) => conceptParamsFor(params, id));
  const rule = params.credit ?? 'conjunctive';
  const guess = cps.map((c) => c.pG);
  const slip = cps.map((c) => c.pS);
  const masteries = prediction.concepts.map((c) => c.mastery);
  const g = params.guards;

  const concepts: Record<string, ConceptState> = { ...learner.concepts };
  const conceptUpdates: ConceptUpdate[] = [];
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j]!;
    const cp = cps[j]!;
    const m = masteries[j]!;
    const post = creditPosterior(rule, j, masteries, guess, slip, ids.length, s);
    const after = clamp(bktTransition(post.posterior, cp, learnProbability(params, cp, learner.ability)), g.minMastery, g.maxMastery);
    const prev = learner.concepts[id];
    const r0 = prev?.recent ?? 0.5;
    concepts[id] = {
      mastery: after,
      attempts: (prev?.attempts ?? 0) + 1,
      recent: (1 - params.recency.rate) * r0 + params.recency.rate * s,
      lastPracticedAt: event.occurredAt,
      lastPracticedIndex: learner.events,
    };
    conceptUpdates.push({ conceptId: id, masteryBefore: m, masteryPosterior: post.posterior, masteryAfter: after, evidenceRatio: post.evidenceRatio });
  }

  const step = abilityStep(params.ability, learner.attempts);
  const residual = s - prediction.p;
  const after = clamp(learner.ability + step * residual, -params.ability.maxAbs, params.ability.maxAbs);
  return {
    state: { ability: after, attempts: learner.attempts + 1, events: learner.events + 1, concepts },
    prediction,
    concepts: conceptUpdates,
    ability: { before: learner.ability, after, step, residual },
  };
}

/**
 * A CONTENT_VIEW (the learner watched/read content about some concepts). It is NOT evidence of mastery:
 * no emission update, no ability change, no attempt counted, recent-success rates untouched. It is treated
 * as a partial learning opportunity: m' = m + (1 − m)·pT_c·learnWeight·watchFraction, after applying
 * forgetting up to `atMs` (the view also refreshes the forgetting clock of those concepts).
 *
 * @param watchFraction fraction of the content watched, in [0, 1]
 * @param atMs epoch ms of the view
 */
export function applyContentView(
  params: ModelParams,
  learner: LearnerState,
  conceptIds: readonly string[],
  watchFraction: number,
  atMs: number,
): LearnerState {
  const f = clamp(Number.isFinite(watchFraction) ? watchFraction : 0, 0, 1);
  const concepts: Record<string, ConceptState> = { ...learner.concepts };
  for (const id of uniqueConcepts(conceptIds)) {
    const cp = conceptParamsFor(params, id);
    const em = effectiveMastery(params, learner, id, atMs);
    const pT = learnProbability(params, cp, learner.ability);
    const m = clamp(em.mastery + (1 - em.mastery) * pT * params.contentView.learnWeight * f, params.guards.minMastery, params.guards.maxMastery);
    const prev = learner.concepts[id];
    concepts[id] = {
      mastery: m,
      attempts: prev?.attempts ?? 0,
      recent: prev?.recent ?? 0.5,
      lastPracticedAt: atMs,
      lastPracticedIndex: learner.events,
      // A view is no evidence: a concept known only by implication stays so.
      ...(prev?.impliedBy !== undefined ? { impliedBy: prev.impliedBy } : {}),
    };
  }
  return { ...learner, events: learner.events + 1, concepts };
}

/**
 * A teacher's correction: the stored mastery of one concept becomes `p` at `atMs` (clamped to the
 * guard range), and forgetting counts from then on, as after a practice. Attempts, the recent
 * success rate, ability and the event counter are unchanged: a correction is a judgement, not an
 * attempt, so later evidence updates the mastery from `p` exactly as it would from any value.
 *
 * @param p the corrected mastery, in [0, 1]
 * @param atMs epoch ms of the correction
 */
export function setMastery(params: ModelParams, learner: LearnerState, conceptId: string, p: number, atMs: number): LearnerState {
  const prev = learner.concepts[conceptId];
  const concepts: Record<string, ConceptState> = { ...learner.concepts };
  concepts[conceptId] = {
    mastery: clamp(p, params.guards.minMastery, params.guards.maxMastery),
    attempts: prev?.attempts ?? 0,
    recent: prev?.recent ?? 0.5,
    lastPracticedAt: atMs,
    lastPracticedIndex: learner.events,
  };
  return { ...learner, concepts };
}
