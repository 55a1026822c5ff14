import { describe, expect, it } from 'vitest';
import {
  abilityStep,
  applyContentView,
  bktCorrect,
  conceptPosterior,
  defaultModelParams,
  effectiveMastery,
  forgetProbability,
  initialLearnerState,
  itemEmission,
  logit,
  predictCorrect,
  priorMastery,
  retention,
  sigmoid,
  update,
  type ConceptParams,
  type LearnerAttemptEvent,
  type ModelParams,
} from '../../../src/domain/mastery/model.js';
import { emConcept, fastReplayPredictions, fit } from '../../../src/kt/fit.js';
import { replay } from '../../../src/kt/replay.js';
import { auc, calibrationTable, learnerFolds, metrics } from '../../../src/kt/evaluate.js';

const MIN = 60_000;
const DAY = 24 * 3600 * 1000;

/** Plain-BKT parameters: P = P_BKT, no ability, no recency, no clock forgetting. */
function bktOnly(cp: ConceptParams): ModelParams {
  const p = defaultModelParams();
  p.concepts = { A: cp, B: cp };
  p.forgetting = { halfLifeMs: 0, graceMs: 0, perInterleavedEvent: 0 };
  p.weights = { mastery: 1, recent: 0, priorAbility: 0, bias: 0, practice: 0, learnAbility: 0 };
  p.ability = { k0: 0, kDecay: 0, kMin: 0, maxAbs: 4 };
  return p;
}

const CP: ConceptParams = { pL0: 0.3, pT: 0.2, pG: 0.25, pS: 0.1, pF: 0.05 };

describe('numeric helpers', () => {
  it('sigmoid and logit are inverse', () => {
    for (const z of [-5, -1, 0, 0.3, 4]) expect(logit(sigmoid(z))).toBeCloseTo(z, 10);
    expect(sigmoid(0)).toBe(0.5);
  });
});

describe('BKT equations (single concept)', () => {
  it('first prediction is pL0(1−pS) + (1−pL0)pG', () => {
    const p = bktOnly(CP);
    const pred = predictCorrect(p, initialLearnerState(), { itemId: 'i', conceptIds: ['A'] }, 0);
    expect(pred.p).toBeCloseTo(0.3 * 0.9 + 0.7 * 0.25, 12);
    expect(pred.pBkt).toBeCloseTo(pred.p, 12);
  });

  it('correct answer: textbook posterior then learn/forget transition', () => {
    const p = bktOnly(CP);
    const r = update(p, initialLearnerState(), { itemId: 'i', conceptIds: ['A'], score: 1, occurredAt: 0 });
    const post = (0.3 * 0.9) / (0.3 * 0.9 + 0.7 * 0.25);
    expect(r.concepts[0]!.masteryPosterior).toBeCloseTo(post, 12);
    expect(r.state.concepts['A']!.mastery).toBeCloseTo(post * (1 - 0.05) + (1 - post) * 0.2, 12);
  });

  it('wrong answer: textbook posterior', () => {
    const p = bktOnly(CP);
    const r = update(p, initialLearnerState(), { itemId: 'i', conceptIds: ['A'], score: 0, occurredAt: 0 });
    const post = (0.3 * 0.1) / (0.3 * 0.1 + 0.7 * 0.75);
    expect(r.concepts[0]!.masteryPosterior).toBeCloseTo(post, 12);
  });

  it('partial credit is soft evidence: posterior interpolates the two posteriors', () => {
    const em = itemEmission([CP]);
    const p1 = conceptPosterior(0.4, 1, em, 1).posterior;
    const p0 = conceptPosterior(0.4, 1, em, 0).posterior;
    const ph = conceptPosterior(0.4, 1, em, 0.25).posterior;
    expect(ph).toBeCloseTo(0.25 * p1 + 0.75 * p0, 12);
    expect(ph).toBeGreaterThan(p0);
    expect(ph).toBeLessThan(p1);
  });

  it('scores outside [0,1] are clamped', () => {
    const p = bktOnly(CP);
    const a = update(p, initialLearnerState(), { itemId: 'i', conceptIds: ['A'], score: 7, occurredAt: 0 });
    const b = update(p, initialLearnerState(), { itemId: 'i', conceptIds: ['A'], score: 1, occurredAt: 0 });
    expect(a.state).toEqual(b.state);
  });

  it('does not mutate the input state', () => {
    const p = bktOnly(CP);
    const s0 = initialLearnerState();
    const snapshot = JSON.stringify(s0);
    update(p, s0, { itemId: 'i', conceptIds: ['A'], score: 1, occurredAt: 0 });
    expect(JSON.stringify(s0)).toBe(snapshot);
  });
});

describe('logistic combination', () => {
  it('logit P = bias + w_m·logit(P_BKT) + θ − b + w_r·logit(r̄)', () => {
    const p = bktOnly(CP);
    p.weights = { mastery: 0.7, recent: 0.4, priorAbility: 0, bias: 0.1, practice: 0, learnAbility: 0 };
    p.itemDifficulty = { i: 0.5 };
    p.recency = { rate: 0.5, floor: 0.01 };
    let s = { ...initialLearnerState(), ability: 0.8 };
    s = update(p, s, { itemId: 'i', conceptIds: ['A'], score: 1, occurredAt: 0 }).state;
    const pred = predictCorrect(p, s, { itemId: 'i', conceptIds: ['A'] }, MIN);
    const m = s.concepts['A']!.mastery;
    const pBkt = m * 0.9 + (1 - m) * 0.25;
    const z = 0.1 + 0.7 * logit(pBkt) + s.ability - 0.5 + 0.4 * logit(0.75);
    expect(pred.logit).toBeCloseTo(z, 10);
    expect(pred.p).toBeCloseTo(sigmoid(z), 12);
    const t = pred.terms;
    expect(t.bias + t.mastery + t.ability + t.difficulty + t.recent).toBeCloseTo(z, 12);
  });

  it('Elo ability update θ′ = θ + K_n (s − P)', () => {
    const p = bktOnly(CP);
    p.ability = { k0: 0.4, kDecay: 0.1, kMin: 0, maxAbs: 4 };
    let s = initialLearnerState();
    for (let i = 0; i < 3; i++) {
      const r = update(p, s, { itemId: 'i', conceptIds: ['A'], score: 1, occurredAt: i * MIN });
      expect(r.ability.step).toBeCloseTo(0.4 / (1 + 0.1 * i), 12);
      expect(r.state.ability).toBeCloseTo(s.ability + abilityStep(p.ability, i) * (1 - r.prediction.p), 12);
      s = r.state;
    }
  });

  it('prior mastery of a new concept is tied to ability', () => {
    const p = bktOnly(CP);
    p.weights.priorAbility = 0.5;
    expect(priorMastery(p, CP, 1)).toBeCloseTo(sigmoid(logit(0.3) + 0.5), 12);
    expect(priorMastery(p, CP, -1)).toBeLessThan(0.3);
  });
});

describe('forgetting', () => {
  const f = { halfLifeMs: 7 * DAY, graceMs: 3600_000, perInterleavedEvent: 0.01 };
  it('clock-time retention halves every half-life after the grace period', () => {
    expect(retention(f, 0, 0)).toBe(1);
    expect(retention(f, 3600_000, 0)).toBe(1);
    expect(retention(f, 3600_000 + 7 * DAY, 0)).toBeCloseTo(0.5, 12);
    expect(forgetProbability(f, 3600_000 + 14 * DAY, 0)).toBeCloseTo(0.75, 12);
  });
  it('interleaving multiplies retention by (1 − p)^k', () => {
    expect(retention(f, 0, 10)).toBeCloseTo(0.99 ** 10, 12);
  });
  it('halfLife ≤ 0 disables clock forgetting', () => {
    expect(retention({ halfLifeMs: 0, graceMs: 0, perInterleavedEvent: 0 }, 1e12, 0)).toBe(1);
  });
  it('effective mastery decays between practices and the update starts from it', () => {
    const p = bktOnly(CP);
    p.forgetting = f;
    let s = update(p, initialLearnerState(), { itemId: 'i', conceptIds: ['A'], score: 1, occurredAt: 0 }).state;
    const stored = s.concepts['A']!.mastery;
    const later = 3600_000 + 7 * DAY;
    expect(effectiveMastery(p, s, 'A', later).mastery).toBeCloseTo(stored * 0.5, 12);
    const r = update(p, s, { itemId: 'i', conceptIds: ['A'], score: 1, occurredAt: later });
    expect(r.concepts[0]!.masteryBefore).toBeCloseTo(stored * 0.5, 12);
    s = r.state;
    expect(s.concepts['A']!.lastPracticedAt).toBe(later);
  });
});

describe('multi-concept items (conjunctive credit rule)', () => {
  it('P_BKT = Π m · Π(1−pS) + (1 − Π m)·mean(pG)', () => {
    const a: ConceptParams = { pL0: 0.6, pT: 0.1, pG: 0.2, pS: 0.1, pF: 0 };
    const b: ConceptParams = { pL0: 0.5, pT: 0.1, pG: 0.3, pS: 0.2, pF: 0 };
    const em = itemEmission([a, b]);
    expect(em.noSlip).toBeCloseTo(0.9 * 0.8, 12);
    expect(em.guess).toBeCloseTo(0.25, 12);
    expect(bktCorrect([0.6, 0.5], em)).toBeCloseTo(0.3 * 0.72 + 0.7 * 0.25, 12);
  });

  it('exact per-concept posterior; a wrong answer blames the weak concept more', () => {
    const p = bktOnly(CP);
    p.concepts = { A: { ...CP, pL0: 0.9, pF: 0, pT: 0 }, B: { ...CP, pL0: 0.2, pF: 0, pT: 0 } };
    const r = update(p, initialLearnerState(), { itemId: 'ab', conceptIds: ['A', 'B'], score: 0, occurredAt: 0 });
    const [ua, ub] = r.concepts;
    // A: strong, B: weak. Wrong answer → B is the likely culprit; A keeps most of its mastery.
    expect(ua!.masteryBefore - ua!.masteryPosterior).toBeLessThan(0.15);
    expect(ub!.masteryPosterior).toBeLessThan(ub!.masteryBefore);
    // hand computation for A: P(c|A=1) = m_B Q + (1−m_B)Ĝ, P(c|A=0) = Ĝ
    const Q = 0.9 * 0.9;
    const G = 0.25;
    const pc1 = 0.2 * Q + 0.8 * G;
    const postA = (0.9 * (1 - pc1)) / (0.9 * (1 - pc1) + 0.1 * (1 - G));
    expect(ua!.masteryPosterior).toBeCloseTo(postA, 12);
    expect(ua!.evidenceRatio).toBeCloseTo(pc1 / G, 12);
  });

  it('duplicate concept ids count once', () => {
    const p = bktOnly(CP);
    const a = predictCorrect(p, initialLearnerState(), { itemId: 'i', conceptIds: ['A', 'A'] }, 0);
    const b = predictCorrect(p, initialLearnerState(), { itemId: 'i', conceptIds: ['A'] }, 0);
    expect(a.p).toBe(b.p);
  });
});

describe('guard rails', () => {
  it('mastery stays low for a pure guesser (correct with probability pG)', () => {
    const cp: ConceptParams = { pL0: 0.1, pT: 0.02, pG: 0.3, pS: 0.1, pF: 0.02 };
    const p = bktOnly(cp);
    let s = initialLearnerState();
    let seed = 12345;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let sum = 0;
    for (let i = 0; i < 2000; i++) {
      const score = rnd() < cp.pG ? 1 : 0;
      s = update(p, s, { itemId: 'i', conceptIds: ['A'], score, occurredAt: i * MIN }).state;
      if (i >= 100) sum += s.concepts['A']!.mastery;
    }
    expect(sum / 1900).toBeLessThan(0.3);
  });

  it('mastery never reaches exactly 1 or 0', () => {
    const p = bktOnly({ pL0: 0.9, pT: 0.9, pG: 0.01, pS: 0.001, pF: 0 });
    let s = initialLearnerState();
    for (let i = 0; i < 200; i++) s = update(p, s, { itemId: 'i', conceptIds: ['A'], score: 1, occurredAt: i }).state;
    expect(s.concepts['A']!.mastery).toBeLessThanOrEqual(p.guards.maxMastery);
    expect(s.concepts['A']!.mastery).toBeLessThan(1);
  });

  it('EM respects pG, pS ≤ bounds < 0.5 even on data that prefers a degenerate solution', () => {
    // "knowing" learners who mostly answer wrong → unconstrained EM would push slip above 0.5
    const scores: number[] = [];
    const starts: number[] = [];
    for (let u = 0; u < 50; u++) {
      starts.push(scores.length);
      for (let t = 0; t < 10; t++) scores.push(t % 4 === 0 ? 1 : 0);
    }
    starts.push(scores.length);
    const r = emConcept(Float64Array.from(scores), Int32Array.from(starts), { pL0: 0.9, pT: 0.1, pG: 0.2, pS: 0.3, pF: 0.05 }, {
      iterations: 50,
      forgetting: true,
      maxGuess: 0.4,
      maxSlip: 0.4,
    });
    expect(r.params.pG).toBeLessThanOrEqual(0.4);
    expect(r.params.pS).toBeLessThanOrEqual(0.4);
  });

  it('fit refuses guard bounds ≥ 0.5', () => {
    expect(() => fit([], { guards: { maxGuess: 0.5 } })).toThrow();
  });
});

describe('CONTENT_VIEW', () => {
  it('is a partial learning opportunity only: no ability change, no attempt, bounded mastery gain', () => {
    const p = bktOnly(CP);
    p.ability = { k0: 0.5, kDecay: 0, kMin: 0, maxAbs: 4 };
    let s = update(p, initialLearnerState(), { itemId: 'i', conceptIds: ['A'], score: 0, occurredAt: 0 }).state;
    const before = s.concepts['A']!;
    const v = applyContentView(p, s, ['A'], 0.5, MIN);
    const after = v.concepts['A']!;
    expect(v.ability).toBe(s.ability);
    expect(v.attempts).toBe(s.attempts);
    expect(after.attempts).toBe(before.attempts);
    expect(after.recent).toBe(before.recent);
    expect(after.mastery).toBeCloseTo(before.mastery + (1 - before.mastery) * CP.pT * p.contentView.learnWeight * 0.5, 12);
    s = v;
    expect(s.events).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------
// fitting / replay consistency on synthetic data
// ---------------------------------------------------------------------------------------------

function synthetic(nLearners: number, seed = 7): LearnerAttemptEvent[] {
  let st = seed;
  const rnd = (): number => {
    st = (st * 1103515245 + 12345) % 2147483648;
    return st / 2147483648;
  };
  const concepts = ['A', 'B', 'C'];
  const out: LearnerAttemptEvent[] = [];
  for (let u = 0; u < nLearners; u++) {
    const ability = (rnd() - 0.5) * 2;
    let t = Date.UTC(2024, 0, 1) + u * 1000;
    const known: Record<string, boolean> = {};
    for (let k = 0; k < 30; k++) {
      const c = concepts[Math.floor(rnd() * 3)]!;
      const multi = rnd() < 0.15;
      const ids = multi ? [c, concepts[(concepts.indexOf(c) + 1) % 3]!] : [c];
      for (const id of ids) if (known[id] === undefined) known[id] = rnd() < sigmoid(-0.5 + ability);
      const allKnown = ids.every((id) => known[id]);
      const pc = allKnown ? 0.9 : 0.2 + 0.1 * ability;
      const partial = rnd() < 0.1;
      const score = partial ? Math.round(rnd() * 4) / 4 : rnd() < pc ? 1 : 0;
      out.push({ learnerId: `u${u}`, itemId: `${ids.join('+')}-${k % 4}`, conceptIds: ids, score, occurredAt: t });
      for (const id of ids) if (!known[id] && rnd() < 0.15) known[id] = true;
      t += rnd() < 0.1 ? 3 * DAY : 2 * MIN;
    }
  }
  return out;
}

describe('fit + replay', () => {
  const events = synthetic(120);

  it('fast replay inside fit reproduces replay.ts exactly (multi-concept, partial credit, gaps)', () => {
    const p = defaultModelParams();
    p.concepts = { A: CP, B: { ...CP, pG: 0.1, pS: 0.2 } };
    p.weights = { mastery: 0.8, recent: 0.3, priorAbility: 0.7, bias: -0.1, practice: 0.05, learnAbility: 0.4 };
    p.ability = { k0: 0.3, kDecay: 0.05, kMin: 0.02, maxAbs: 4 };
    p.itemDifficulty = { 'A-1': 0.4, 'B+C-2': -0.3 };
    p.forgetting = { halfLifeMs: 2 * DAY, graceMs: 3600_000, perInterleavedEvent: 0.02 };
    const slow = replay(p, events).predictions;
    const fast = fastReplayPredictions(events, p);
    let maxDiff = 0;
    for (let i = 0; i < events.length; i++) maxDiff = Math.max(maxDiff, Math.abs(slow[i]! - fast[i]!));
    expect(maxDiff).toBeLessThan(1e-12);
  });

  it('fit returns JSON-serialisable, guard-respecting parameters and improves on the marginal', () => {
    const progress: string[] = [];
    const res = fit(events, { rounds: 1, globalEvals: 40, conceptEvals: 60, onProgress: (pr) => progress.push(pr.stage) });
    const p = res.params;
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
    for (const cp of Object.values(p.concepts)) {
      expect(cp.pG).toBeLessThan(0.5);
      expect(cp.pS).toBeLessThan(0.5);
    }
    expect(progress).toContain('em');
    expect(progress).toContain('done');
    const r = replay(p, events);
    const mean = r.scores.reduce((a, b) => a + b, 0) / r.scores.length;
    const base = -(mean * Math.log(mean) + (1 - mean) * Math.log(1 - mean));
    expect(metrics(r.predictions, r.scores).logLoss).toBeLessThan(base);
  });
});

describe('evaluation helpers', () => {
  it('AUC of a perfect and a reversed ranking, ties get half credit', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
  });
  it('calibration bins cover all predictions', () => {
    const t = calibrationTable([0.05, 0.15, 0.95, 0.99], [0, 0, 1, 1], 10);
    expect(t.reduce((s, b) => s + b.n, 0)).toBe(4);
    expect(t[9]!.meanObserved).toBe(1);
  });
  it('learner folds are deterministic and balanced', () => {
    const ev = synthetic(50);
    const a = learnerFolds(ev, 5, 1);
    const b = learnerFolds(ev, 5, 1);
    expect([...a.entries()]).toEqual([...b.entries()]);
    const counts = [0, 0, 0, 0, 0];
    for (const f of a.values()) counts[f]!++;
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });
});
