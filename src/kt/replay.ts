/**
 * Online replay of an event stream: for every event, the model first predicts P(correct) from the
 * learner's state built from that learner's EARLIER events only, then updates the state with the
 * observed score — exactly what a live server does. evaluate.ts scores these predictions.
 */
import { initialLearnerState, update, type LearnerAttemptEvent, type LearnerState, type ModelParams, type UpdateResult } from '../domain/mastery/model.js';

export interface ReplayOptions {
  /** States to start from (learners absent here start from initialLearnerState()). */
  initialStates?: ReadonlyMap<string, LearnerState>;
  /** Called after each event with its index in `events` and the update result (prediction + explanation). */
  onEvent?: (index: number, event: LearnerAttemptEvent, result: UpdateResult) => void;
}

export interface ReplayResult {
  /** predictions[i] = P(correct) for events[i], made before events[i] was seen. */
  predictions: Float64Array;
  /** scores[i] = events[i].score clamped to [0, 1]. */
  scores: Float64Array;
  /** Final state of every learner. */
  states: Map<string, LearnerState>;
}

/**
 * Replay `events` in the given order (which must be chronological within each learner; different learners may
 * be interleaved arbitrarily) through predictCorrect/update of model.ts.
 */
export function replay(params: ModelParams, events: readonly LearnerAttemptEvent[], options: ReplayOptions = {}): ReplayResult {
  const states = new Map<string, LearnerState>(options.initialStates ?? []);
  const predictions = new Float64Array(events.length);
  const scores = new Float64Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const ev = events[i]!;
    const before = states.get(ev.learnerId) ?? initialLearnerState();
    const res = update(params, before, ev);
    predictions[i] = res.prediction.p;
    scores[i] = Math.min(1, Math.max(0, Number.isFinite(ev.score) ? ev.score : 0));
    states.set(ev.learnerId, res.state);
    options.onEvent?.(i, ev, res);
  }
  return { predictions, scores, states };
}
