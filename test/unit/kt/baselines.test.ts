import { describe, expect, it } from 'vitest';
import { bisect } from '../../utils/numeric.js';
import { fitLogistic, logisticObjective, RowBuilder } from '../../../src/kt/logreg.js';
import { lbfgs } from '../../../src/kt/optim.js';
import { irt, itemMarginal, mapAbility, pfa } from '../../../src/kt/baselines.js';
import { decileCalibrationError } from '../../../src/kt/evaluate.js';
import type { LearnerAttemptEvent } from '../../../src/domain/mastery/model.js';

const sig = (z: number) => 1 / (1 + Math.exp(-z));
const logit = (p: number) => Math.log(p / (1 - p));

function ev(learnerId: string, itemId: string, conceptIds: string[], score: number, t: number): LearnerAttemptEvent {
  return { learnerId, itemId, conceptIds, score, occurredAt: t };
}

describe('sparse logistic regression', () => {
  it('gradient matches central finite differences', () => {
    const rb = new RowBuilder(4);
    const data: Array<[Array<[number, number]>, number]> = [
      [[[0, 1], [2, 0.5]], 1],
      [[[0, 1], [1, -1.2], [3, 2]], 0],
      [[[1, 0.3], [2, 1]], 1],
      [[[0, 1], [3, -0.7]], 0.4],
    ];
    for (const [entries, y] of data) {
      for (const [j, x] of entries) rb.add(j, x);
      rb.end(y);
    }
    const rows = rb.build();
    const penalty = [0, 0.5, 1, 2];
    const w = Float64Array.from([0.2, -0.4, 0.7, 0.1]);
    const g = new Float64Array(4);
    logisticObjective(rows, w, penalty, g);
    const tmp = new Float64Array(4);
    for (let j = 0; j < 4; j++) {
      const h = 1e-6;
      const wp = w.slice();
      const wm = w.slice();
      wp[j]! += h;
      wm[j]! -= h;
      const fd = (logisticObjective(rows, wp, penalty, tmp) - logisticObjective(rows, wm, penalty, tmp)) / (2 * h);
      expect(g[j]!).toBeCloseTo(fd, 6);
    }
  });

  it('two indicator groups without penalty recover each group’s log-odds', () => {
    const rb = new RowBuilder(2);
    // group 0: 8 of 10 correct; group 1: 1 of 4 correct
    for (let i = 0; i < 10; i++) {
      rb.add(0, 1);
      rb.end(i < 8 ? 1 : 0);
    }
    for (let i = 0; i < 4; i++) {
      rb.add(1, 1);
      rb.end(i < 1 ? 1 : 0);
    }
    const w = fitLogistic(rb.build(), [0, 0], { tolerance: 1e-12, maxIterations: 500 });
    expect(w[0]!).toBeCloseTo(logit(0.8), 5);
    expect(w[1]!).toBeCloseTo(logit(0.25), 5);
  });

  it('L-BFGS minimises a convex quadratic to its known minimum', () => {
    // f = (x−3)² + 10(y+1)² + (x−3)(y+1)
    const r = lbfgs(
      (x, g) => {
        const a = x[0]! - 3;
        const b = x[1]! + 1;
        g[0] = 2 * a + b;
        g[1] = 20 * b + a;
        return a * a + 10 * b * b + a * b;
      },
      Float64Array.from([0, 0]),
      { tolerance: 1e-14, maxIterations: 200 },
    );
    expect(r.x[0]!).toBeCloseTo(3, 5);
    expect(r.x[1]!).toBeCloseTo(-1, 5);
  });
});

describe('baselines', () => {
  it('item marginal: (k + p̄)/(n + 1), unseen items get p̄', () => {
    const train = [ev('a', 'i1', ['c'], 1, 0), ev('b', 'i1', ['c'], 1, 0), ev('c', 'i1', ['c'], 0, 0), ev('a', 'i2', ['c'], 0, 1)];
    const pBar = 2 / 4;
    const p = itemMarginal.fit(train)([ev('z', 'i1', ['c'], 1, 0), ev('z', 'i9', ['c'], 1, 1)]);
    expect(p[0]!).toBeCloseTo((2 + pBar) / (3 + 1), 12);
    expect(p[1]!).toBeCloseTo(pBar, 12);
  });

  it('online MAP ability solves (y − σ(off + θ)) summed = θ/σ²', () => {
    const off = [0.3, -0.5, 1.1];
    const ys = [1, 0, 1];
    const v = 0.8;
    const th = mapAbility(off, ys, v, 0, 30);
    const expected = bisect((t) => off.reduce((s, o, j) => s + ys[j]! - sig(o + t), 0) - t / v, -10, 10);
    expect(th).toBeCloseTo(expected, 8);
  });

  it('IRT on a symmetric tiny case: every learner gets item A right and item B wrong', () => {
    // By symmetry the learners' abilities and the bias are 0 and w_A = −w_B; the stationarity of
    // n·(1 − σ(w_A)) = w_A (prior precision 1) gives w_A, and a fresh learner's first answer on A is σ(w_A).
    const n = 6;
    const train: LearnerAttemptEvent[] = [];
    for (let u = 0; u < n; u++) train.push(ev(`u${u}`, 'A', ['c'], 1, 0), ev(`u${u}`, 'B', ['c'], 0, 1));
    const wA = bisect((w) => n * (1 - sig(w)) - w, -20, 20);
    const p = irt.fit(train)([ev('new', 'A', ['c'], 1, 0)]);
    expect(p[0]!).toBeCloseTo(sig(wA), 4);
  });

  it('PFA first answer of a fresh learner is σ(β_c) and later answers use the counts', () => {
    // One concept; every training learner answers wrong then right. The first answer has counts 0, so
    // the fitted model predicts it by β alone; the second answer has one failure, so its logit is β + ρ.
    const train: LearnerAttemptEvent[] = [];
    for (let u = 0; u < 20; u++) train.push(ev(`u${u}`, 'x', ['c'], 0, 0), ev(`u${u}`, 'y', ['c'], 1, 1));
    const p = pfa.fit(train)([ev('new', 'x', ['c'], 0, 0), ev('new', 'y', ['c'], 1, 1)]);
    expect(p[0]!).toBeLessThan(0.5);
    expect(p[1]!).toBeGreaterThan(0.5);
  });
});

describe('decile calibration error', () => {
  it('averages |mean predicted − observed| over equal-count deciles', () => {
    // 20 answers, deciles of 2: predictions 0.05, 0.15, ..., 0.95 each twice; observed one of each pair correct
    const p: number[] = [];
    const s: number[] = [];
    for (let d = 0; d < 10; d++) {
      p.push(0.05 + d / 10, 0.05 + d / 10);
      s.push(1, 0);
    }
    // |0.05+d/10 − 0.5| averaged over d = (0.45+0.35+0.25+0.15+0.05)·2/10 = 0.25
    expect(decileCalibrationError(p, s)).toBeCloseTo(0.25, 12);
  });
});
