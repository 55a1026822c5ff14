import { describe, expect, it } from 'vitest';
import type { LearnerAttemptEvent } from '../../../src/domain/mastery/model.js';
import { crossValidate, learnerFolds } from '../../../src/kt/evaluate.js';
import { itemMarginal } from '../../../src/kt/baselines.js';

describe('crossValidate with baselines', () => {
  // 12 learners, 8 answers each on 5 items of two concepts; learner u gets answer k right unless (u + k) % 3 = 0
  const events: LearnerAttemptEvent[] = [];
  for (let u = 0; u < 12; u++)
    for (let k = 0; k < 8; k++) events.push({ learnerId: `u${u}`, itemId: `i${(u + k) % 5}`, conceptIds: [k % 2 ? 'A' : 'B'], score: (u + k) % 3 === 0 ? 0 : 1, occurredAt: k * 60_000 });

  it('scores the model and every baseline on the same held-out answers, with per-answer facts counted by hand', () => {
    const cv = crossValidate(events, { k: 3, baselines: [itemMarginal], fitOptions: { rounds: 1, globalEvals: 10, conceptEvals: 10, restarts: 1, emIterations: 5 } });
    expect(cv.reports.map((r) => r.name)).toEqual(['frontier', 'item-marginal']);
    for (const r of cv.reports) expect(r.pooled.n).toBe(events.length);
    const folds = learnerFolds(events, 3, 42);
    // the held-out answers are the events of fold 0's learners, then fold 1's, then fold 2's, in file order
    const expectedOrder = [0, 1, 2].flatMap((f) => events.filter((e) => folds.get(e.learnerId) === f));
    expect(cv.heldOut.events).toEqual(expectedOrder);
    expectedOrder.forEach((e, i) => {
      const f = folds.get(e.learnerId)!;
      const inTrain = events.filter((x) => folds.get(x.learnerId) !== f && x.itemId === e.itemId).length;
      expect(cv.heldOut.itemTrainCount[i]).toBe(inTrain);
      expect(cv.heldOut.learnerIndex[i]).toBe(events.filter((x) => x.learnerId === e.learnerId).indexOf(e));
    });
    // first-10 metrics cover every answer here (8 per learner)
    expect(cv.reports[0]!.firstAnswers.n).toBe(events.length);
    const binned = cv.reports[1]!.byItemCount.reduce((s, g) => s + g.metrics.n, 0);
    expect(binned).toBe(events.length);
  });
});
