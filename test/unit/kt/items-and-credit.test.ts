import { describe, expect, it } from 'vitest';
import { bisect } from '../../utils/numeric.js';
import {
  creditCorrect,
  creditPosterior,
  defaultModelParams,
  effectiveItemDifficulty,
  itemDifficultyFor,
  predictCorrect,
  initialLearnerState,
  type LearnerAttemptEvent,
} from '../../../src/domain/mastery/model.js';
import { estimateDifficulties, fastReplayPredictions, fit, indexEvents } from '../../../src/kt/fit.js';
import { replay } from '../../../src/kt/replay.js';

const sig = (z: number) => 1 / (1 + Math.exp(-z));

describe('credit rules of multi-concept items (by hand)', () => {
  const m = [0.8, 0.3];
  const g = [0.2, 0.1];
  const sl = [0.1, 0.05];
  const p1 = 0.8 * 0.9 + 0.2 * 0.2; // 0.76
  const p2 = 0.3 * 0.95 + 0.7 * 0.1; // 0.355

  it('P(correct): conjunctive, product and independent', () => {
    expect(creditCorrect('conjunctive', m, g, sl, 2)).toBeCloseTo(0.24 * 0.9 * 0.95 + 0.76 * 0.15, 12);
    expect(creditCorrect('product', m, g, sl, 2)).toBeCloseTo(p1 * p2, 12);
    expect(creditCorrect('independent', m, g, sl, 2)).toBeCloseTo((p1 + p2) / 2, 12);
  });

  it('independent: each concept gets the textbook single-concept posterior', () => {
    expect(creditPosterior('independent', 0, m, g, sl, 2, 1).posterior).toBeCloseTo((0.8 * 0.9) / p1, 12);
    expect(creditPosterior('independent', 1, m, g, sl, 2, 0).posterior).toBeCloseTo((0.3 * 0.05) / (1 - p2), 12);
  });

  it('product: a correct answer credits like a lone answer, a wrong one is shared by the concepts', () => {
    expect(creditPosterior('product', 0, m, g, sl, 2, 1).posterior).toBeCloseTo((0.8 * 0.9) / p1, 12);
    // P(wrong | L_1 = 1) = 1 − 0.9·p2, P(wrong) = 1 − p1·p2
    expect(creditPosterior('product', 0, m, g, sl, 2, 0).posterior).toBeCloseTo((0.8 * (1 - 0.9 * p2)) / (1 - p1 * p2), 12);
  });

  it('the online replay inside fit matches replay.ts for every rule', () => {
    const events: LearnerAttemptEvent[] = [];
    for (let u = 0; u < 5; u++)
      for (let k = 0; k < 12; k++) events.push({ learnerId: `u${u}`, itemId: `i${k % 4}`, conceptIds: k % 3 === 0 ? ['A', 'B'] : ['A'], score: (u + k) % 3 === 0 ? 0 : 1, occurredAt: k * 60_000 });
    for (const rule of ['conjunctive', 'product', 'independent'] as const) {
      const p = defaultModelParams();
      p.credit = rule;
      p.concepts = { A: { pL0: 0.4, pT: 0.2, pG: 0.2, pS: 0.1, pF: 0.03 }, B: { pL0: 0.3, pT: 0.1, pG: 0.15, pS: 0.05, pF: 0.02 } };
      p.weights = { mastery: 0.9, recent: 0.2, priorAbility: 0.5, bias: 0.1, practice: 0, learnAbility: 0 };
      p.ability = { k0: 0.3, kDecay: 0.05, kMin: 0, maxAbs: 4 };
      const slow = replay(p, events).predictions;
      const fast = fastReplayPredictions(events, p);
      for (let i = 0; i < events.length; i++) expect(Math.abs(slow[i]! - fast[i]!)).toBeLessThan(1e-12);
    }
  });
});

describe('item difficulty with shrinkage', () => {
  it('an unseen item gets the mean of its concepts’ mean difficulty', () => {
    const p = defaultModelParams();
    p.itemDifficulty = { known: 1.5 };
    p.conceptDifficulty = { A: 0.4, B: -1 };
    expect(itemDifficultyFor(p, 'known', ['A'])).toBe(1.5);
    expect(itemDifficultyFor(p, 'new', ['A', 'B'])).toBeCloseTo(-0.3, 12);
    expect(itemDifficultyFor(p, 'new', ['C'])).toBe(0);
    const learner = initialLearnerState();
    const a = predictCorrect(p, learner, { itemId: 'new', conceptIds: ['A', 'B'] }, 0);
    expect(a.terms.difficulty).toBeCloseTo(0.3, 12);
  });

  it('the server: fitted, else the designer\'s (0 is a value, null is unset), else the concepts\' mean', () => {
    const p = defaultModelParams();
    p.itemDifficulty = { fitted: 1.5, zero: 0 };
    p.conceptDifficulty = { A: 0.4, B: -1 };
    expect(effectiveItemDifficulty(p, 'fitted', -2, ['A'])).toBe(1.5);
    // A fitted 0 is the item's own value, not "unknown".
    expect(effectiveItemDifficulty(p, 'zero', 2, ['A'])).toBe(0);
    expect(effectiveItemDifficulty(p, 'new', 0, ['A', 'B'])).toBe(0);
    expect(effectiveItemDifficulty(p, 'new', -2, ['A', 'B'])).toBe(-2);
    expect(effectiveItemDifficulty(p, 'new', null, ['A', 'B'])).toBeCloseTo((0.4 - 1) / 2, 12);
    expect(effectiveItemDifficulty(p, 'new', undefined, ['A'])).toBe(0.4);
    expect(effectiveItemDifficulty(defaultModelParams(), 'new', null, ['A'])).toBe(0);
  });

  it('fit writes every answered item\'s difficulty, and none for a variant without difficulty', () => {
    // Two items of one concept; answers alternate so both are answered.
    const events: LearnerAttemptEvent[] = [];
    for (let l = 0; l < 40; l++) for (let k = 0; k < 6; k++) events.push({ learnerId: `u${l}`, itemId: k % 2 ? 'odd' : 'even', conceptIds: ['A'], score: (l + k) % 3 ? 1 : 0, occurredAt: Date.UTC(2025, 0, 1) + (l * 10 + k) * 60_000 } as LearnerAttemptEvent);
    const full = fit(events, { restarts: 1, rounds: 1 }).params;
    expect(Object.keys(full.itemDifficulty).sort()).toEqual(['even', 'odd']);
    expect(Object.keys(full.conceptDifficulty ?? {})).toEqual(['A']);
    const flat = fit(events, { restarts: 1, rounds: 1, variant: { forgetting: true, difficulty: false, ability: true, recent: true } }).params;
    expect(flat.itemDifficulty).toEqual({});
  });

  it('fixed prior: b solves Σ(s − σ(−b)) + b/σ² = 0 (rest of the logit 0)', () => {
    const events: LearnerAttemptEvent[] = [1, 1, 1].map((s, k) => ({ learnerId: `u${k}`, itemId: 'x', conceptIds: ['A'], score: s, occurredAt: 0 }));
    const ix = indexEvents(events);
    const est = estimateDifficulties(ix, new Float64Array(3), new Float64Array(1), false, { mu: new Float64Array(1), tau: 1 });
    const expected = bisect((b) => -(3 * (1 - sig(-b)) + b), -10, 10);
    expect(est.b[0]!).toBeCloseTo(expected, 6);
  });

  it('hierarchical: a rarely answered item is pulled toward its concept’s mean, a well answered one keeps its own value', () => {
    // Concept A: 40 items each answered 50 times at 80% correct (easy, MLE b = −logit 0.8 ≈ −1.39),
    // one item answered 3 times, all wrong (MLE b = +∞), one answered 300 times, all but 60 wrong (MLE b = logit 0.8).
    const events: LearnerAttemptEvent[] = [];
    let u = 0;
    const add = (item: string, n: number, correct: number) => {
      for (let k = 0; k < n; k++) events.push({ learnerId: `u${u++}`, itemId: item, conceptIds: ['A'], score: k < correct ? 1 : 0, occurredAt: 0 });
    };
    for (let i = 0; i < 40; i++) add(`easy${i}`, 50, 40);
    add('rare', 3, 0);
    add('busy', 300, 60);
    const ix = indexEvents(events);
    const est = estimateDifficulties(ix, new Float64Array(ix.nEvents), new Float64Array(ix.itemIds.length), true, { mu: new Float64Array(1), tau: 1 });
    const b = (id: string) => est.b[ix.itemIds.indexOf(id)]!;
    const mu = est.mu[0]!;
    expect(mu).toBeLessThan(-0.9); // the concept's items are easy
    expect(b('rare')).toBeLessThan(1); // 3 wrong answers do not make it very hard
    expect(b('rare')).toBeGreaterThan(mu);
    // the 300-answer item keeps more than 90% of its distance from the concept mean to its own MLE logit(0.8)
    expect((b('busy') - mu) / (Math.log(4) - mu)).toBeGreaterThan(0.9);
    expect(est.tau).toBeGreaterThan(0.05);
  });
});
