/**
 * Fitting of ModelParams from answer events by maximum likelihood of the ONLINE predictions
 * (each event predicted from the learner's earlier events only, exactly as replay.ts does):
 *
 *  1. EM (Baum–Welch) per concept for BKT(+F), several restarts, guard rails as box constraints
 *     (pG ≤ maxGuess < 0.5, pS ≤ maxSlip < 0.5) — gives the initial concept parameters.
 *  2. Block-coordinate ascent of the replay log-likelihood, for `rounds` rounds:
 *       a. global weights/ability/recency parameters: Nelder–Mead on full replays (restarts from 2 starts);
 *       b. item difficulties: Newton steps with a Gaussian prior N(0, difficultyPriorSd²), the rest of each
 *          event's logit held at its replayed value;
 *       c. each concept's (pL0, pT, pG, pS, pF): Nelder–Mead on that concept's events with the learner
 *          ability trajectory and other terms held at their replayed values, weak Gaussian prior on the
 *          logit-transformed parameters.
 *
 * The replay used inside fitting is an array-based re-implementation of model.update() (same shared
 * formulas from model.ts); a unit test checks it reproduces replay.ts predictions.
 */
import {
  bktCorrect,
  bktTransition,
  clamp,
  conceptPosterior,
  creditCorrect,
  creditPosterior,
  type CreditRule,
  DEFAULT_CONCEPT,
  defaultModelParams,
  itemDifficultyFor,
  logit,
  retention,
  sigmoid,
  type ConceptParams,
  type GuardParams,
  type ItemEmission,
  type LearnerAttemptEvent,
  type ModelParams,
} from '../domain/mastery/model.js';
import { nelderMead } from './optim.js';

/** Which model components are fitted (the rest is switched off); used for ablations. */
export interface ModelVariant {
  /** Per-opportunity forgetting pF (BKT+F). When false pF = 0. */
  forgetting: boolean;
  /** Logistic combination with item difficulty b_i, w_mastery and bias. When false P = P_BKT. */
  difficulty: boolean;
  /** Learner ability θ (Elo), with ability-tied prior mastery. */
  ability: boolean;
  /** Recent-success term w_recent·logit(r̄). */
  recent: boolean;
  /** Practice term w_practice·ln(1 + n) (needs `ability`-style global fitting; default off). */
  practice?: boolean;
  /** Ability-individualised learning rate (w_learnAbility; default off). */
  learnAbility?: boolean;
  /** Floor kMin of the Elo step size (default off). */
  abilityFloor?: boolean;
  /** Fit the clamp floor of the recent-success rate (default: fixed a priori). */
  recencyFloor?: boolean;
}

export const FULL_MODEL: ModelVariant = { forgetting: true, difficulty: true, ability: true, recent: true };

export interface FitProgress {
  stage: 'index' | 'em' | 'globals' | 'items' | 'concepts' | 'done';
  /** 0 for EM, 1..rounds for the refinement rounds. */
  round: number;
  /** Progress within the stage, in [0, 1]. */
  fraction: number;
  /** Mean log-likelihood per training event of the online replay, when known. */
  meanLogLik?: number;
  message: string;
}

export interface FitOptions {
  variant?: ModelVariant;
  /** Called now and then with progress information. */
  onProgress?: (p: FitProgress) => void;
  /** EM restarts per concept (different initial parameters). Default 3. */
  restarts?: number;
  /** EM iterations per restart. Default 40. */
  emIterations?: number;
  /** Joint refinement rounds. Default 2. */
  rounds?: number;
  /** Concepts with fewer events keep the default concept parameters. Default 20. */
  minConceptEvents?: number;
  /** Prior standard deviation (logits) of item difficulties with `itemPrior: 'fixed'`, and the starting τ of
   * the hierarchical prior. Default 1. */
  difficultyPriorSd?: number;
  /** 'hierarchical' (default): b_i ~ N(mean of its concepts' μ_c, τ²) with μ_c and τ fitted (empirical
   * Bayes), so a rarely answered item is shrunk toward its concepts' mean. 'fixed': b_i ~ N(0, difficultyPriorSd²). */
  itemPrior?: 'hierarchical' | 'fixed';
  /** Credit rule of multi-concept items (model.ts CreditRule). Default 'conjunctive'. */
  credit?: CreditRule;
  /** Guard rails; default DEFAULT_GUARDS. maxGuess and maxSlip must be < 0.5. */
  guards?: Partial<GuardParams>;
  /** Parameters not identifiable from answer data, fixed a priori (defaults of defaultModelParams()). */
  fixed?: Partial<Pick<ModelParams, 'forgetting' | 'contentView'>>;
  /** Max Nelder–Mead evaluations for the globals per start. Default 120. */
  globalEvals?: number;
  /** Max Nelder–Mead evaluations per concept. Default 150. */
  conceptEvals?: number;
}

export interface FitResult {
  params: ModelParams;
  /** Mean log-likelihood per event of the online replay on the training events, after fitting. */
  trainMeanLogLik: number;
  trainEvents: number;
  elapsedMs: number;
  /** Mean log-likelihood after EM and after each round. */
  history: { stage: string; meanLogLik: number }[];
}

// ---------------------------------------------------------------------------------------------
// Indexing
// ---------------------------------------------------------------------------------------------

/** Integer-indexed view of the events (learners in order of first appearance, events in input order). */
export interface IndexedEvents {
  conceptIds: string[];
  itemIds: string[];
  nEvents: number;
  /** order[learnerStart[u] .. learnerStart[u+1]) are the event indices of learner u, in input order. */
  order: Int32Array;
  learnerStart: Int32Array;
  item: Int32Array;
  /** concept list of event e: cList[cStart[e] .. cStart[e+1]) (unique concepts) */
  cStart: Int32Array;
  cList: Int32Array;
  score: Float64Array;
  time: Float64Array;
}

export function indexEvents(events: readonly LearnerAttemptEvent[]): IndexedEvents {
  const cMap = new Map<string, number>();
  const iMap = new Map<string, number>();
  const lMap = new Map<string, number[]>();
  const n = events.length;
  const item = new Int32Array(n);
  const cStart = new Int32Array(n + 1);
  const cl: number[] = [];
  const score = new Float64Array(n);
  const time = new Float64Array(n);
  for (let e = 0; e < n; e++) {
    const ev = events[e]!;
    let ii = iMap.get(ev.itemId);
    if (ii === undefined) {
      ii = iMap.size;
      iMap.set(ev.itemId, ii);
    }
    item[e] = ii;
    cStart[e] = cl.length;
    const seen = new Set<string>();
    for (const c of ev.conceptIds) {
      if (seen.has(c)) continue;
      seen.add(c);
      let ci = cMap.get(c);
      if (ci === undefined) {
        ci = cMap.size;
        cMap.set(c, ci);
      }
      cl.push(ci);
    }
    score[e] = clamp(Number.isFinite(ev.score) ? ev.score : 0, 0, 1);
    time[e] = ev.occurredAt;
    let arr = lMap.get(ev.learnerId);
    if (arr === undefined) {
      arr = [];
      lMap.set(ev.learnerId, arr);
    }
    arr.push(e);
  }
  cStart[n] = cl.length;
  const order = new Int32Array(n);
  const learnerStart = new Int32Array(lMap.size + 1);
  let k = 0;
  let u = 0;
  for (const arr of lMap.values()) {
    learnerStart[u++] = k;
    for (const e of arr) order[k++] = e;
  }
  learnerStart[u] = k;
  return { conceptIds: [...cMap.keys()], itemIds: [...iMap.keys()], nEvents: n, order, learnerStart, item, cStart, cList: Int32Array.from(cl), score, time };
}

// ---------------------------------------------------------------------------------------------
// Array-based parameters and replay (must match model.update exactly)
// ---------------------------------------------------------------------------------------------

interface ArrayParams {
  L0: Float64Array;
  T: Float64Array;
  G: Float64Array;
  S: Float64Array;
  F: Float64Array;
  b: Float64Array;
  base: ModelParams; // weights, ability, forgetting, recency, guards (concepts/items unused)
}

/** Per-event records of one replay, used by the coordinate steps. */
interface Recording {
  theta: Float64Array; // ability before the event
  rest: Float64Array; // bias + θ − b + recent term
  z: Float64Array; // final logit
  // per (event, concept-position) in cList order:
  mEff: Float64Array; // effective mastery used
  othersM: Float64Array; // product of the other concepts' masteries
}

function toArrayParams(ix: IndexedEvents, params: ModelParams): ArrayParams {
  const nC = ix.conceptIds.length;
  const ap: ArrayParams = {
    L0: new Float64Array(nC),
    T: new Float64Array(nC),
    G: new Float64Array(nC),
    S: new Float64Array(nC),
    F: new Float64Array(nC),
    b: new Float64Array(ix.itemIds.length),
    base: params,
  };
  ix.conceptIds.forEach((id, c) => {
    const cp = params.concepts[id] ?? params.defaultConcept;
    ap.L0[c] = cp.pL0;
    ap.T[c] = cp.pT;
    ap.G[c] = cp.pG;
    ap.S[c] = cp.pS;
    ap.F[c] = cp.pF;
  });
  const ic = itemConcepts(ix);
  ix.itemIds.forEach((id, i) => {
    const cs: string[] = [];
    for (let j = ic.start[i]!; j < ic.start[i + 1]!; j++) cs.push(ix.conceptIds[ic.list[j]!]!);
    ap.b[i] = itemDifficultyFor(params, id, cs);
  });
  return ap;
}

/**
 * @param difficultyFitted whether item difficulties were fitted (the variant has them): then every
 *   item of the training events gets its own difficulty, 0 included (an item absent from the model
 *   means "never seen": it is predicted at its concepts' mean, which is not the same as 0).
 */
function toModelParams(ix: IndexedEvents, ap: ArrayParams, conceptCounts: Int32Array, minEvents: number, difficultyFitted: boolean, conceptMu?: Float64Array): ModelParams {
  const concepts: Record<string, ConceptParams> = {};
  const fitted: ConceptParams[] = [];
  ix.conceptIds.forEach((id, c) => {
    if (conceptCounts[c]! >= minEvents) {
      const cp = { pL0: ap.L0[c]!, pT: ap.T[c]!, pG: ap.G[c]!, pS: ap.S[c]!, pF: ap.F[c]! };
      concepts[id] = cp;
      fitted.push(cp);
    }
  });
  const med = (k: keyof ConceptParams): number => {
    const v = fitted.map((cp) => cp[k]).sort((a, b) => a - b);
    return v.length ? v[Math.floor(v.length / 2)]! : DEFAULT_CONCEPT[k];
  };
  const itemDifficulty: Record<string, number> = {};
  if (difficultyFitted) ix.itemIds.forEach((id, i) => (itemDifficulty[id] = ap.b[i]!));
  const out: ModelParams = {
    ...ap.base,
    concepts,
    defaultConcept: { pL0: med('pL0'), pT: med('pT'), pG: med('pG'), pS: med('pS'), pF: med('pF') },
    itemDifficulty,
  };
  if (conceptMu) {
    const conceptDifficulty: Record<string, number> = {};
    ix.conceptIds.forEach((id, c) => {
      conceptDifficulty[id] = conceptMu[c]!;
    });
    out.conceptDifficulty = conceptDifficulty;
  }
  return out;
}

/**
 * Array-based online replay of all learners; returns the summed log-likelihood (soft scores allowed).
 * Mirrors model.update(): see the equations there.
 */
function fastReplay(ix: IndexedEvents, ap: ArrayParams, rec?: Recording, learnerSubset?: Int32Array): number {
  const nC = ix.conceptIds.length;
  const { weights: w, ability: ab, forgetting: fg, recency: rc, guards: gd } = ap.base;
  const mastery = new Float64Array(nC);
  const attempts = new Int32Array(nC).fill(-1); // −1 = never met by the current learner
  const recent = new Float64Array(nC);
  const lastAt = new Float64Array(nC);
  const lastIdx = new Int32Array(nC);
  const touched: number[] = [];
  const ms: number[] = [];
  const gs: number[] = [];
  const ss: number[] = [];
  const rule = ap.base.credit ?? 'conjunctive';
  const em: ItemEmission = { noSlip: 1, guess: 0 };
  const recentFloor = rc.floor;
  let ll = 0;
  const nL = ix.learnerStart.length - 1;
  const nIter = learnerSubset ? learnerSubset.length : nL;
  for (let ui = 0; ui < nIter; ui++) {
    const u = learnerSubset ? learnerSubset[ui]! : ui;
    for (const c of touched) attempts[c] = -1;
    touched.length = 0;
    let theta = 0;
    let nAtt = 0;
    const s0 = ix.learnerStart[u]!;
    const s1 = ix.learnerStart[u + 1]!;
    for (let k = s0; k < s1; k++) {
      const e = ix.order[k]!;
      const events = k - s0; // learner's event counter before this event
      const c0 = ix.cStart[e]!;
      const c1 = ix.cStart[e + 1]!;
      const t = ix.time[e]!;
      ms.length = 0;
      gs.length = 0;
      ss.length = 0;
      let noSlip = 1;
      let gsum = 0;
      let rsum = 0;
      let rn = 0;
      for (let j = c0; j < c1; j++) {
        const c = ix.cList[j]!;
        let m: number;
        if (attempts[c]! < 0) {
          m = clamp(sigmoid(logit(ap.L0[c]!) + w.priorAbility * theta), gd.minMastery, gd.maxMastery);
          mastery[c] = m;
          attempts[c] = 0;
          recent[c] = 0.5;
          touched.push(c);
        } else {
          const ret = retention(fg, t - lastAt[c]!, events - lastIdx[c]! - 1);
          m = clamp(mastery[c]! * ret, gd.minMastery, gd.maxMastery);
          if (attempts[c]! > 0) {
            rsum += recent[c]!;
            rn++;
          }
        }
        ms.push(m);
        gs.push(ap.G[c]!);
        ss.push(ap.S[c]!);
        noSlip *= 1 - ap.S[c]!;
        gsum += ap.G[c]!;
      }
      const nc = c1 - c0;
      em.noSlip = noSlip;
      em.guess = nc > 0 ? gsum / nc : 0;
      const pBkt = nc === 0 ? 0.5 : rule === 'conjunctive' ? bktCorrect(ms, em) : creditCorrect(rule, ms, gs, ss, nc);
      let recentTerm = 0;
      if (rn > 0 && w.recent !== 0) recentTerm = w.recent * logit(clamp(rsum / rn, recentFloor, 1 - recentFloor));
      const practice = w.practice === 0 ? 0 : w.practice * Math.log1p(nAtt);
      const z = w.bias + w.mastery * logit(pBkt) + theta + -ap.b[ix.item[e]!]! + recentTerm + practice;
      const rest = w.bias + theta + -ap.b[ix.item[e]!]! + recentTerm + practice;
      const p = sigmoid(z);
      const s = ix.score[e]!;
      ll += s * Math.log(Math.max(p, 1e-12)) + (1 - s) * Math.log(Math.max(1 - p, 1e-12));
      if (rec) {
        rec.theta[e] = theta;
        rec.rest[e] = rest;
        rec.z[e] = z;
      }
      for (let j = c0; j < c1; j++) {
        const c = ix.cList[j]!;
        const m = ms[j - c0]!;
        let others = 1;
        for (let q = 0; q < nc; q++) if (q !== j - c0) others *= ms[q]!;
        if (rec) {
          rec.mEff[j] = m;
          rec.othersM[j] = others;
        }
        const post = rule === 'conjunctive' ? conceptPosterior(m, others, em, s).posterior : creditPosterior(rule, j - c0, ms, gs, ss, nc, s).posterior;
        const pT = w.learnAbility === 0 ? ap.T[c]! : sigmoid(logit(ap.T[c]!) + w.learnAbility * theta);
        mastery[c] = clamp(post * (1 - ap.F[c]!) + (1 - post) * pT, gd.minMastery, gd.maxMastery);
        recent[c] = (1 - rc.rate) * recent[c]! + rc.rate * s;
        attempts[c] = attempts[c]! + 1;
        lastAt[c] = t;
        lastIdx[c] = events;
      }
      const step = ab.kMin + ab.k0 / (1 + ab.kDecay * nAtt);
      theta = clamp(theta + step * (s - p), -ab.maxAbs, ab.maxAbs);
      nAtt++;
    }
  }
  return ll;
}

// ---------------------------------------------------------------------------------------------
// Stage 1: EM per concept
// ---------------------------------------------------------------------------------------------

interface ConceptSeqs {
  /** per concept: flattened scores of all (learner, concept) sequences, and sequence starts */
  scores: Float64Array[];
  starts: Int32Array[];
  counts: Int32Array;
}

function conceptSequences(ix: IndexedEvents): ConceptSeqs {
  const nC = ix.conceptIds.length;
  const sc: number[][] = Array.from({ length: nC }, () => []);
  const st: number[][] = Array.from({ length: nC }, () => []);
  const nL = ix.learnerStart.length - 1;
  const lastLearner = new Int32Array(nC).fill(-1);
  for (let u = 0; u < nL; u++) {
    for (let k = ix.learnerStart[u]!; k < ix.learnerStart[u + 1]!; k++) {
      const e = ix.order[k]!;
      for (let j = ix.cStart[e]!; j < ix.cStart[e + 1]!; j++) {
        const c = ix.cList[j]!;
        if (lastLearner[c] !== u) {
          st[c]!.push(sc[c]!.length);
          lastLearner[c] = u;
        }
        sc[c]!.push(ix.score[e]!);
      }
    }
  }
  return {
    scores: sc.map((a) => Float64Array.from(a)),
    starts: st.map((a, c) => Int32Array.from([...a, sc[c]!.length])),
    counts: Int32Array.from(sc.map((a) => a.length)),
  };
}

/** Baum–Welch for one concept's BKT(+F) with soft evidence. Returns params and log-likelihood. */
export function emConcept(
  scores: Float64Array,
  starts: Int32Array,
  init: ConceptParams,
  opts: { iterations: number; forgetting: boolean; maxGuess: number; maxSlip: number },
): { params: ConceptParams; logLik: number } {
  let { pL0: L0, pT: T, pG: G, pS: S, pF: F } = init;
  if (!opts.forgetting) F = 0;
  const eps = 1e-4;
  let maxLen = 0;
  for (let q = 0; q + 1 < starts.length; q++) maxLen = Math.max(maxLen, starts[q + 1]! - starts[q]!);
  const a = new Float64Array(maxLen);
  const g = new Float64Array(maxLen);
  let ll = 0;
  for (let it = 0; it <= opts.iterations; it++) {
    let sL0 = 0;
    let nSeq = 0;
    let tN = 0;
    let tD = 0;
    let fN = 0;
    let fD = 0;
    let gN = 0;
    let gD = 0;
    let sN = 0;
    let sD = 0;
    ll = 0;
    for (let q = 0; q + 1 < starts.length; q++) {
      const b0 = starts[q]!;
      const n = starts[q + 1]! - b0;
      if (n <= 0) continue;
      let pl = L0;
      for (let t = 0; t < n; t++) {
        const s = scores[b0 + t]!;
        const e1 = s * (1 - S) + (1 - s) * S;
        const e0 = s * G + (1 - s) * (1 - G);
        const num = pl * e1;
        const den = num + (1 - pl) * e0;
        ll += Math.log(Math.max(den, 1e-300));
        a[t] = den > 0 ? num / den : pl;
        pl = a[t]! * (1 - F) + (1 - a[t]!) * T;
      }
      if (it === opts.iterations) continue; // last pass only computes the log-likelihood
      g[n - 1] = a[n - 1]!;
      for (let t = n - 2; t >= 0; t--) {
        const at = a[t]!;
        const pred1 = at * (1 - F) + (1 - at) * T;
        const r1 = pred1 > 1e-12 ? g[t + 1]! / pred1 : 0;
        const r0 = 1 - pred1 > 1e-12 ? (1 - g[t + 1]!) / (1 - pred1) : 0;
        const x11 = at * (1 - F) * r1;
        const x10 = at * F * r0;
        const x01 = (1 - at) * T * r1;
        const x00 = (1 - at) * (1 - T) * r0;
        g[t] = x11 + x10;
        tN += x01;
        tD += x01 + x00;
        fN += x10;
        fD += x10 + x11;
      }
      sL0 += g[0]!;
      nSeq++;
      for (let t = 0; t < n; t++) {
        const s = scores[b0 + t]!;
        const gt = g[t]!;
        sN += gt * (1 - s);
        sD += gt;
        gN += (1 - gt) * s;
        gD += 1 - gt;
      }
    }
    if (it === opts.iterations) break;
    L0 = clamp(sL0 / Math.max(nSeq, 1), eps, 1 - eps);
    T = clamp(tN / Math.max(tD, 1e-12), eps, 1 - eps);
    if (opts.forgetting) F = clamp(fN / Math.max(fD, 1e-12), eps, 1 - eps);
    G = clamp(gN / Math.max(gD, 1e-12), eps, opts.maxGuess);
    S = clamp(sN / Math.max(sD, 1e-12), eps, opts.maxSlip);
  }
  return { params: { pL0: L0, pT: T, pG: G, pS: S, pF: F }, logLik: ll };
}

const EM_STARTS: ConceptParams[] = [
  { pL0: 0.5, pT: 0.1, pG: 0.2, pS: 0.1, pF: 0.05 },
  { pL0: 0.3, pT: 0.3, pG: 0.3, pS: 0.2, pF: 0.2 },
  { pL0: 0.7, pT: 0.05, pG: 0.1, pS: 0.05, pF: 0.01 },
  { pL0: 0.2, pT: 0.02, pG: 0.35, pS: 0.3, pF: 0.1 },
  { pL0: 0.8, pT: 0.5, pG: 0.05, pS: 0.15, pF: 0.02 },
];

// ---------------------------------------------------------------------------------------------
// Stage 2 helpers
// ---------------------------------------------------------------------------------------------

/** Occurrences of each concept: positions j in cList, ordered by learner then time, with first-of-learner flags. */
interface ConceptOcc {
  pos: Int32Array[]; // cList positions
  ev: Int32Array[]; // event index
  first: Uint8Array[];
  ret: Float64Array[]; // retention since previous occurrence (1 for first)
}

function conceptOccurrences(ix: IndexedEvents, base: ModelParams): ConceptOcc {
  const nC = ix.conceptIds.length;
  const pos: number[][] = Array.from({ length: nC }, () => []);
  const ev: number[][] = Array.from({ length: nC }, () => []);
  const first: number[][] = Array.from({ length: nC }, () => []);
  const ret: number[][] = Array.from({ length: nC }, () => []);
  const lastLearner = new Int32Array(nC).fill(-1);
  const lastAt = new Float64Array(nC);
  const lastIdx = new Int32Array(nC);
  const nL = ix.learnerStart.length - 1;
  for (let u = 0; u < nL; u++) {
    const s0 = ix.learnerStart[u]!;
    for (let k = s0; k < ix.learnerStart[u + 1]!; k++) {
      const e = ix.order[k]!;
      for (let j = ix.cStart[e]!; j < ix.cStart[e + 1]!; j++) {
        const c = ix.cList[j]!;
        const isFirst = lastLearner[c] !== u;
        pos[c]!.push(j);
        ev[c]!.push(e);
        first[c]!.push(isFirst ? 1 : 0);
        ret[c]!.push(isFirst ? 1 : retention(base.forgetting, ix.time[e]! - lastAt[c]!, k - s0 - lastIdx[c]! - 1));
        lastLearner[c] = u;
        lastAt[c] = ix.time[e]!;
        lastIdx[c] = k - s0;
      }
    }
  }
  return {
    pos: pos.map((a) => Int32Array.from(a)),
    ev: ev.map((a) => Int32Array.from(a)),
    first: first.map((a) => Uint8Array.from(a)),
    ret: ret.map((a) => Float64Array.from(a)),
  };
}

/** Transform between bounded concept parameters and an unconstrained vector. */
function conceptToVec(cp: ConceptParams, gd: GuardParams, forgetting: boolean): number[] {
  const v = [logit(cp.pL0), logit(cp.pT), logit(cp.pG / gd.maxGuess), logit(cp.pS / gd.maxSlip)];
  if (forgetting) v.push(logit(cp.pF));
  return v;
}
function vecToConcept(v: readonly number[], gd: GuardParams, forgetting: boolean): ConceptParams {
  const lim = (x: number): number => clamp(x, 1e-5, 1 - 1e-5);
  return {
    pL0: lim(sigmoid(v[0]!)),
    pT: lim(sigmoid(v[1]!)),
    pG: gd.maxGuess * lim(sigmoid(v[2]!)),
    pS: gd.maxSlip * lim(sigmoid(v[3]!)),
    pF: forgetting ? lim(sigmoid(v[4]!)) : 0,
  };
}

/**
 * Negative log-likelihood of one concept's events under candidate concept parameters, with the ability
 * trajectory, the other terms of the logit and the other concepts' masteries fixed at a recorded replay.
 */
function conceptNll(
  ix: IndexedEvents,
  ap: ArrayParams,
  rec: Recording,
  occ: ConceptOcc,
  c: number,
  cp: ConceptParams,
): number {
  const { weights: w, guards: gd } = ap.base;
  const pos = occ.pos[c]!;
  const evs = occ.ev[c]!;
  const first = occ.first[c]!;
  const rets = occ.ret[c]!;
  const em: ItemEmission = { noSlip: 1, guess: 0 };
  const rule = ap.base.credit ?? 'conjunctive';
  const ms: number[] = [];
  const gs: number[] = [];
  const ss: number[] = [];
  let stored = 0;
  let nll = 0;
  const logitL0 = logit(cp.pL0);
  const logitT = logit(cp.pT);
  for (let q = 0; q < pos.length; q++) {
    const j = pos[q]!;
    const e = evs[q]!;
    const m = first[q] ? clamp(sigmoid(logitL0 + w.priorAbility * rec.theta[e]!), gd.minMastery, gd.maxMastery) : clamp(stored * rets[q]!, gd.minMastery, gd.maxMastery);
    const others = rec.othersM[j]!;
    const c0 = ix.cStart[e]!;
    const c1 = ix.cStart[e + 1]!;
    const s = ix.score[e]!;
    let pBkt: number;
    let post: number;
    if (rule === 'conjunctive') {
      // emission of the item with this concept's candidate slip/guess and the others' current ones
      let noSlip = 1 - cp.pS;
      let gsum = cp.pG;
      for (let jj = c0; jj < c1; jj++) {
        if (jj === j) continue;
        const d = ix.cList[jj]!;
        noSlip *= 1 - ap.S[d]!;
        gsum += ap.G[d]!;
      }
      em.noSlip = noSlip;
      em.guess = gsum / (c1 - c0);
      const mm = m * others;
      pBkt = mm * em.noSlip + (1 - mm) * em.guess;
      post = conceptPosterior(m, others, em, s).posterior;
    } else {
      ms.length = 0;
      gs.length = 0;
      ss.length = 0;
      for (let jj = c0; jj < c1; jj++) {
        const d = ix.cList[jj]!;
        ms.push(jj === j ? m : rec.mEff[jj]!);
        gs.push(jj === j ? cp.pG : ap.G[d]!);
        ss.push(jj === j ? cp.pS : ap.S[d]!);
      }
      pBkt = creditCorrect(rule, ms, gs, ss, c1 - c0);
      post = creditPosterior(rule, j - c0, ms, gs, ss, c1 - c0, s).posterior;
    }
    const z = rec.rest[e]! + w.mastery * logit(pBkt);
    // log p = −log(1+e^{−z}); log(1−p) = −log(1+e^{z})
    nll += s * softplus(-z) + (1 - s) * softplus(z);
    const pT = w.learnAbility === 0 ? cp.pT : sigmoid(logitT + w.learnAbility * rec.theta[e]!);
    stored = clamp(bktTransition(post, cp, pT), gd.minMastery, gd.maxMastery);
  }
  return nll;
}

function softplus(x: number): number {
  return x > 30 ? x : x < -30 ? Math.exp(x) : Math.log1p(Math.exp(x));
}

// ---------------------------------------------------------------------------------------------
// Item difficulties with shrinkage toward the concepts' mean
// ---------------------------------------------------------------------------------------------

/** Concepts of each item (from its first event) as CSR arrays. */
function itemConcepts(ix: IndexedEvents): { start: Int32Array; list: Int32Array } {
  const nI = ix.itemIds.length;
  const firstEvent = new Int32Array(nI).fill(-1);
  for (let e = 0; e < ix.nEvents; e++) if (firstEvent[ix.item[e]!]! < 0) firstEvent[ix.item[e]!] = e;
  const start = new Int32Array(nI + 1);
  const list: number[] = [];
  for (let i = 0; i < nI; i++) {
    start[i] = list.length;
    const e = firstEvent[i]!;
    if (e >= 0) for (let j = ix.cStart[e]!; j < ix.cStart[e + 1]!; j++) list.push(ix.cList[j]!);
  }
  start[nI] = list.length;
  return { start, list: Int32Array.from(list) };
}

/**
 * MAP item difficulties under b_i ~ N(μ_i, τ²), μ_i = mean of μ_c over the item's concepts, given each
 * event's logit z_e recorded at difficulties `bAt` (z_e + bAt_i − b_i is the logit at b_i). With
 * `hierarchical`, μ_c and τ² are re-estimated in turn (empirical Bayes: μ_c = mean over its items of
 * b_i, τ² = mean over items of (b_i − μ_i)² + posterior variance), a few sweeps each.
 *
 * @returns difficulties (logits), the concept means μ_c (logits) and τ (logits)
 */
export function estimateDifficulties(
  ix: IndexedEvents,
  z: Float64Array,
  bAt: Float64Array,
  hierarchical: boolean,
  start: { mu: Float64Array; tau: number },
): { b: Float64Array; mu: Float64Array; tau: number } {
  const nI = ix.itemIds.length;
  const nC = ix.conceptIds.length;
  const ic = itemConcepts(ix);
  const b = bAt.slice();
  const mu = start.mu.slice();
  let tau = start.tau;
  const postVar = new Float64Array(nI);
  const sumResid = new Float64Array(nI);
  const hess = new Float64Array(nI);
  const prior = (i: number): number => {
    const c0 = ic.start[i]!;
    const c1 = ic.start[i + 1]!;
    if (c1 <= c0) return 0;
    let m = 0;
    for (let j = c0; j < c1; j++) m += mu[ic.list[j]!]!;
    return m / (c1 - c0);
  };
  const sweeps = hierarchical ? 6 : 1;
  for (let sweep = 0; sweep < sweeps; sweep++) {
    const inv = 1 / (tau * tau);
    for (let it = 0; it < 4; it++) {
      sumResid.fill(0);
      hess.fill(0);
      for (let e = 0; e < ix.nEvents; e++) {
        const i = ix.item[e]!;
        const p = sigmoid(z[e]! + bAt[i]! - b[i]!);
        sumResid[i] = sumResid[i]! + (ix.score[e]! - p);
        hess[i] = hess[i]! + p * (1 - p);
      }
      for (let i = 0; i < nI; i++) {
        // nll(b) = −Σ log-lik + (b − μ_i)²/(2τ²): gradient Σ (s − p) + (b − μ_i)/τ², Hessian Σ p(1 − p) + 1/τ²
        const gB = sumResid[i]! + (b[i]! - prior(i)) * inv;
        const hB = hess[i]! + inv;
        b[i] = clamp(b[i]! - gB / hB, -6, 6);
        postVar[i] = 1 / hB;
      }
    }
    if (!hierarchical) break;
    const sum = new Float64Array(nC);
    const cnt = new Float64Array(nC);
    for (let i = 0; i < nI; i++) {
      for (let j = ic.start[i]!; j < ic.start[i + 1]!; j++) {
        const c = ic.list[j]!;
        sum[c] = sum[c]! + b[i]!;
        cnt[c] = cnt[c]! + 1;
      }
    }
    for (let c = 0; c < nC; c++) mu[c] = cnt[c]! > 0 ? sum[c]! / cnt[c]! : 0;
    let ss = 0;
    for (let i = 0; i < nI; i++) ss += (b[i]! - prior(i)) ** 2 + postVar[i]!;
    tau = clamp(Math.sqrt(ss / Math.max(1, nI)), 0.05, 3);
  }
  return { b, mu, tau };
}

// ---------------------------------------------------------------------------------------------
// Main entry
// ---------------------------------------------------------------------------------------------

interface GlobalSpec {
  names: string[];
  toVec: (p: ModelParams) => number[];
  apply: (p: ModelParams, v: readonly number[]) => ModelParams;
}

function globalSpec(variant: ModelVariant): GlobalSpec {
  const names: string[] = [];
  if (variant.difficulty) names.push('weights.mastery', 'weights.bias');
  if (variant.ability) names.push('weights.priorAbility', 'ability.k0', 'ability.kDecay');
  if (variant.recent) names.push('weights.recent', 'recency.rate');
  if (variant.practice) names.push('weights.practice');
  if (variant.learnAbility && variant.ability) names.push('weights.learnAbility');
  if (variant.abilityFloor && variant.ability) names.push('ability.kMin');
  if (variant.recencyFloor && variant.recent) names.push('recency.floor');
  const toVec = (p: ModelParams): number[] =>
    names.map((n) => {
      switch (n) {
        case 'weights.mastery':
          return p.weights.mastery;
        case 'weights.bias':
          return p.weights.bias;
        case 'weights.priorAbility':
          return p.weights.priorAbility;
        case 'ability.k0':
          return Math.log(Math.max(p.ability.k0, 1e-4));
        case 'ability.kDecay':
          return Math.log(Math.max(p.ability.kDecay, 1e-4));
        case 'weights.recent':
          return p.weights.recent;
        case 'recency.rate':
          return logit(p.recency.rate);
        case 'weights.practice':
          return p.weights.practice;
        case 'weights.learnAbility':
          return p.weights.learnAbility;
        case 'ability.kMin':
          return Math.log(Math.max(p.ability.kMin, 1e-4));
        case 'recency.floor':
          return Math.log(p.recency.floor);
        default:
          throw new Error(n);
      }
    });
  const apply = (p: ModelParams, v: readonly number[]): ModelParams => {
    const q: ModelParams = { ...p, weights: { ...p.weights }, ability: { ...p.ability }, recency: { ...p.recency } };
    names.forEach((n, i) => {
      const x = v[i]!;
      switch (n) {
        case 'weights.mastery':
          q.weights.mastery = clamp(x, 0, 5);
          break;
        case 'weights.bias':
          q.weights.bias = clamp(x, -5, 5);
          break;
        case 'weights.priorAbility':
          q.weights.priorAbility = clamp(x, -8, 8);
          break;
        case 'ability.k0':
          q.ability.k0 = Math.exp(clamp(x, -9, 1.5));
          break;
        case 'ability.kDecay':
          q.ability.kDecay = Math.exp(clamp(x, -9, 2));
          break;
        case 'weights.recent':
          q.weights.recent = clamp(x, -3, 3);
          break;
        case 'recency.rate':
          q.recency.rate = clamp(sigmoid(x), 0.01, 0.99);
          break;
        case 'weights.practice':
          q.weights.practice = clamp(x, -2, 2);
          break;
        case 'weights.learnAbility':
          q.weights.learnAbility = clamp(x, -5, 5);
          break;
        case 'ability.kMin':
          q.ability.kMin = Math.exp(clamp(x, -9, 0));
          break;
        case 'recency.floor':
          q.recency.floor = Math.exp(clamp(x, -9, Math.log(0.2)));
          break;
      }
    });
    return q;
  };
  return { names, toVec, apply };
}

/**
 * Fit the model to answer events (grouped per learner in input order = chronological order).
 * Deterministic for a given input.
 */
export function fit(events: readonly LearnerAttemptEvent[], options: FitOptions = {}): FitResult {
  const t0 = Date.now();
  const variant = options.variant ?? FULL_MODEL;
  const progress = options.onProgress ?? ((): void => undefined);
  const restarts = Math.max(1, Math.min(options.restarts ?? 3, EM_STARTS.length));
  const emIterations = options.emIterations ?? 40;
  const rounds = options.rounds ?? 2;
  const minEvents = options.minConceptEvents ?? 20;
  const priorSd = options.difficultyPriorSd ?? 1;
  const globalEvals = options.globalEvals ?? 120;
  const conceptEvals = options.conceptEvals ?? 150;

  const defaults = defaultModelParams();
  const guards: GuardParams = { ...defaults.guards, ...options.guards };
  if (!(guards.maxGuess < 0.5 && guards.maxSlip < 0.5)) throw new Error('guard rails: maxGuess and maxSlip must be < 0.5');
  let base: ModelParams = {
    ...defaults,
    ...(options.credit && options.credit !== 'conjunctive' ? { credit: options.credit } : {}),
    guards,
    forgetting: { ...defaults.forgetting, ...options.fixed?.forgetting },
    contentView: { ...defaults.contentView, ...options.fixed?.contentView },
    weights: { mastery: 1, bias: 0, priorAbility: variant.ability ? 0.5 : 0, recent: variant.recent ? 0.3 : 0, practice: 0, learnAbility: 0 },
    ability: variant.ability
      ? { k0: 0.3, kDecay: 0.02, kMin: variant.abilityFloor ? 0.01 : 0, maxAbs: defaults.ability.maxAbs }
      : { k0: 0, kDecay: 0, kMin: 0, maxAbs: defaults.ability.maxAbs },
  };
  if (!variant.forgetting) base = { ...base, forgetting: { ...base.forgetting, halfLifeMs: 0, perInterleavedEvent: 0 } };

  progress({ stage: 'index', round: 0, fraction: 0, message: `indexing ${events.length} events` });
  const ix = indexEvents(events);
  const nC = ix.conceptIds.length;
  const seqs = conceptSequences(ix);
  const nEv = ix.nEvents;

  // ---- Stage 1: EM
  const ap: ArrayParams = {
    L0: new Float64Array(nC),
    T: new Float64Array(nC),
    G: new Float64Array(nC),
    S: new Float64Array(nC),
    F: new Float64Array(nC),
    b: new Float64Array(ix.itemIds.length),
    base,
  };
  const fittedConcepts: ConceptParams[] = [];
  for (let c = 0; c < nC; c++) {
    let best: { params: ConceptParams; logLik: number } | undefined;
    if (seqs.counts[c]! >= minEvents) {
      for (let r = 0; r < restarts; r++) {
        const res = emConcept(seqs.scores[c]!, seqs.starts[c]!, EM_STARTS[r]!, {
          iterations: emIterations,
          forgetting: variant.forgetting,
          maxGuess: guards.maxGuess,
          maxSlip: guards.maxSlip,
        });
        if (best === undefined || res.logLik > best.logLik) best = res;
      }
    }
    const cp = best?.params;
    if (cp) fittedConcepts.push(cp);
    ap.L0[c] = cp?.pL0 ?? Number.NaN;
    ap.T[c] = cp?.pT ?? Number.NaN;
    ap.G[c] = cp?.pG ?? Number.NaN;
    ap.S[c] = cp?.pS ?? Number.NaN;
    ap.F[c] = cp?.pF ?? Number.NaN;
    if (c % 10 === 0) progress({ stage: 'em', round: 0, fraction: c / nC, message: `EM concept ${c}/${nC}` });
  }
  // concepts with too few events get the median of fitted ones
  const med = (k: keyof ConceptParams): number => {
    const v = fittedConcepts.map((cp) => cp[k]).sort((a, b) => a - b);
    return v.length ? v[Math.floor(v.length / 2)]! : DEFAULT_CONCEPT[k];
  };
  const fallback: ConceptParams = { pL0: med('pL0'), pT: med('pT'), pG: med('pG'), pS: med('pS'), pF: variant.forgetting ? med('pF') : 0 };
  for (let c = 0; c < nC; c++) {
    if (Number.isNaN(ap.L0[c]!)) {
      ap.L0[c] = fallback.pL0;
      ap.T[c] = fallback.pT;
      ap.G[c] = fallback.pG;
      ap.S[c] = fallback.pS;
      ap.F[c] = fallback.pF;
    }
  }
  const history: { stage: string; meanLogLik: number }[] = [];
  let ll = fastReplay(ix, ap, undefined) / nEv;
  history.push({ stage: 'em', meanLogLik: ll });
  progress({ stage: 'em', round: 0, fraction: 1, meanLogLik: ll, message: `EM done, replay mean log-lik ${ll.toFixed(5)}` });

  const refine = variant.difficulty || variant.ability || variant.recent;
  const hier = options.itemPrior !== 'fixed';
  let hierState: { mu: Float64Array; tau: number } = { mu: new Float64Array(nC), tau: priorSd };
  const spec = globalSpec(variant);
  const occ = refine ? conceptOccurrences(ix, base) : undefined;
  const rec: Recording = {
    theta: new Float64Array(nEv),
    rest: new Float64Array(nEv),
    z: new Float64Array(nEv),
    mEff: new Float64Array(ix.cList.length),
    othersM: new Float64Array(ix.cList.length),
  };

  for (let round = 1; refine && round <= rounds; round++) {
    // ---- a. globals (Nelder–Mead on full replays; 2 starts in round 1)
    if (spec.names.length > 0) {
      const starts: number[][] = [spec.toVec(ap.base)];
      if (round === 1) starts.push(spec.toVec(ap.base).map((x, i) => x + (i % 2 === 0 ? 0.3 : -0.3)));
      let bestV = starts[0]!;
      let bestF = Number.POSITIVE_INFINITY;
      let evals = 0;
      const obj = (v: readonly number[]): number => {
        evals++;
        if (evals % 20 === 0) progress({ stage: 'globals', round, fraction: Math.min(1, evals / (globalEvals * starts.length)), message: `globals eval ${evals}` });
        return -fastReplay(ix, { ...ap, base: spec.apply(ap.base, v) }) / nEv;
      };
      for (const st of starts) {
        const r = nelderMead(obj, st, { step: 0.3, maxEvals: globalEvals, fTol: 1e-7 });
        if (r.fx < bestF) {
          bestF = r.fx;
          bestV = r.x;
        }
      }
      ap.base = spec.apply(ap.base, bestV);
      progress({ stage: 'globals', round, fraction: 1, meanLogLik: -bestF, message: `globals: ${JSON.stringify({ w: ap.base.weights, ab: ap.base.ability, recency: ap.base.recency })}` });
    }

    // ---- b. item difficulties: hierarchical prior b_i ~ N(μ_i, τ²), μ_i = mean of the item's concepts' μ_c,
    //         the other terms of each event's logit held at their replayed values; μ_c and τ² by empirical
    //         Bayes (EM for the variance component), or the fixed prior N(0, difficultyPriorSd²).
    if (variant.difficulty) {
      fastReplay(ix, ap, rec);
      const est = estimateDifficulties(ix, rec.z, ap.b, hier, hier ? hierState : { mu: new Float64Array(nC), tau: priorSd });
      ap.b.set(est.b);
      hierState = { mu: est.mu, tau: est.tau };
      ll = fastReplay(ix, ap) / nEv;
      progress({ stage: 'items', round, fraction: 1, meanLogLik: ll, message: `item difficulties updated (τ ${est.tau.toFixed(3)}), mean log-lik ${ll.toFixed(5)}` });
    }

    // ---- c. concept parameters
    fastReplay(ix, ap, rec);
    for (let c = 0; c < nC; c++) {
      if (seqs.counts[c]! < minEvents) continue;
      const cur: ConceptParams = { pL0: ap.L0[c]!, pT: ap.T[c]!, pG: ap.G[c]!, pS: ap.S[c]!, pF: ap.F[c]! };
      const v0 = conceptToVec(cur, guards, variant.forgetting);
      const prior0 = conceptToVec(fallback.pF > 0 || !variant.forgetting ? fallback : { ...fallback, pF: 0.01 }, guards, variant.forgetting);
      const f = (v: readonly number[]): number => {
        let pen = 0;
        for (let d = 0; d < v.length; d++) pen += ((v[d]! - prior0[d]!) ** 2) / (2 * 9); // N(·, 3²) on logits
        return conceptNll(ix, ap, rec, occ!, c, vecToConcept(v, guards, variant.forgetting)) + pen;
      };
      const r = nelderMead(f, v0, { step: 0.4, maxEvals: conceptEvals, fTol: 1e-9 });
      const cp = vecToConcept(r.x, guards, variant.forgetting);
      ap.L0[c] = cp.pL0;
      ap.T[c] = cp.pT;
      ap.G[c] = cp.pG;
      ap.S[c] = cp.pS;
      ap.F[c] = cp.pF;
      if (c % 10 === 0) progress({ stage: 'concepts', round, fraction: c / nC, message: `concept ${c}/${nC}` });
    }
    ll = fastReplay(ix, ap) / nEv;
    history.push({ stage: `round ${round}`, meanLogLik: ll });
    progress({ stage: 'concepts', round, fraction: 1, meanLogLik: ll, message: `round ${round} done, mean log-lik ${ll.toFixed(5)}` });
  }

  const params = toModelParams(ix, ap, seqs.counts, minEvents, variant.difficulty, variant.difficulty && hier ? hierState.mu : undefined);
  ll = fastReplay(ix, ap) / nEv;
  progress({ stage: 'done', round: rounds, fraction: 1, meanLogLik: ll, message: 'done' });
  return { params, trainMeanLogLik: ll, trainEvents: nEv, elapsedMs: Date.now() - t0, history };
}

/**
 * Online predictions of the array-based replay used inside fit() (same order as `events`). Exposed so that
 * tests can check it reproduces replay.ts exactly; evaluation always uses replay.ts.
 */
export function fastReplayPredictions(events: readonly LearnerAttemptEvent[], params: ModelParams): Float64Array {
  const ix = indexEvents(events);
  const ap = toArrayParams(ix, params);
  const rec: Recording = {
    theta: new Float64Array(ix.nEvents),
    rest: new Float64Array(ix.nEvents),
    z: new Float64Array(ix.nEvents),
    mEff: new Float64Array(ix.cList.length),
    othersM: new Float64Array(ix.cList.length),
  };
  fastReplay(ix, ap, rec);
  return rec.z.map(sigmoid);
}
